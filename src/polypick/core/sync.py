"""The thin sync layer over the async core.

Sync calls run their coroutine on one long-lived event loop in a daemon thread. One loop (rather
than ``asyncio.run`` per call) lets HTTP connection pools be reused across sync calls, and it also
works when the caller's thread already runs an event loop (notebooks, some frameworks).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

__all__ = ["run_sync"]

T = TypeVar("T")

_lock = threading.Lock()
_loop: asyncio.AbstractEventLoop | None = None


def _background_loop() -> asyncio.AbstractEventLoop:
    global _loop
    with _lock:
        if _loop is None or _loop.is_closed():
            loop = asyncio.new_event_loop()
            thread = threading.Thread(
                target=loop.run_forever, name="polypick-sync-loop", daemon=True
            )
            thread.start()
            _loop = loop
        return _loop


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` to completion from synchronous code and return its result.

    A ``KeyboardInterrupt`` while waiting cancels the coroutine, so its requests stop too.
    """
    future = asyncio.run_coroutine_threadsafe(coro, _background_loop())
    try:
        return future.result()
    except BaseException:
        future.cancel()
        raise
