"""The call in progress, as the layers under it see it.

``BestOfN`` (and every other entry point) opens one :class:`CallScope` per call. Wrappers around
a model (a cache, a tracer) find it with :func:`current_call`, write to its trace, and keep
per-call state in it — a cache numbers identical requests within one call this way. The scope
lives in a context variable, so concurrent calls, and the tasks each starts, see their own.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from polypick.core.trace import Recorder

__all__ = ["CallScope", "call_scope", "current_call"]

T = TypeVar("T")


class CallScope:
    """One call in progress: its trace, and state kept per call by the wrappers it uses."""

    def __init__(self, recorder: Recorder) -> None:
        self.recorder = recorder
        self._state: dict[object, Any] = {}
        self._lock = threading.Lock()

    def state(self, owner: object, factory: Callable[[], T]) -> T:
        """``owner``'s state for this call, made by ``factory()`` on first use."""
        with self._lock:
            if owner not in self._state:
                self._state[owner] = factory()
            found: T = self._state[owner]
            return found


_current: contextvars.ContextVar[CallScope | None] = contextvars.ContextVar(
    "polypick_call", default=None
)


def current_call() -> CallScope | None:
    """The call in progress, if any."""
    return _current.get()


@contextmanager
def call_scope(recorder: Recorder | None = None) -> Iterator[CallScope]:
    """Treat everything inside as one call."""
    scope = CallScope(recorder or Recorder())
    token = _current.set(scope)
    try:
        yield scope
    finally:
        _current.reset(token)
