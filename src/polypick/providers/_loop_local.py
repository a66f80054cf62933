"""Per-event-loop resources: SDK clients and concurrency limits belong to the loop that uses them.

An ``AsyncOpenAI`` client's connection pool and an ``asyncio.Semaphore`` must not cross event loops;
keeping one of each per running loop lets the same provider object serve ``await`` callers and the
sync layer's background loop alike.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

__all__ = ["LoopLocal"]

T = TypeVar("T")


class LoopLocal(Generic[T]):
    """Lazily creates one ``T`` per running event loop."""

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._items: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, T] = (
            weakref.WeakKeyDictionary()
        )

    def get(self) -> T:
        loop = asyncio.get_running_loop()
        item = self._items.get(loop)
        if item is None:
            self._forget_closed_loops()
            item = self._items[loop] = self._factory()
        return item

    def _forget_closed_loops(self) -> None:
        # An item usually refers to its loop (a client's connections do), so the weak key alone
        # would never let go: a loop closed without ``close()`` (``asyncio.run`` per call) would
        # keep its client and sockets for the life of the process. Nothing can use them any
        # more; dropped, they are collected and their sockets closed.
        for loop in [loop for loop in self._items if loop.is_closed()]:
            del self._items[loop]

    async def close(self, closer: Callable[[T], Awaitable[None]]) -> None:
        """Close and forget the current loop's item, if there is one."""
        item = self._items.pop(asyncio.get_running_loop(), None)
        if item is not None:
            await closer(item)
