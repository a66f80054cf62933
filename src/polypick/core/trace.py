"""Recording what happens during one call."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from polypick.core.redact import redact_data
from polypick.core.types import TraceEvent

__all__ = ["Recorder"]


class Recorder:
    """Collects the trace events of one call.

    One recorder belongs to one call, so nothing about a call is kept on configured objects.
    """

    def __init__(self, listener: Callable[[TraceEvent], None] | None = None) -> None:
        self._listener = listener
        self._start = time.monotonic()
        self.events: list[TraceEvent] = []

    def elapsed(self) -> float:
        return time.monotonic() - self._start

    def event(self, name: str, **data: Any) -> None:
        # events quote errors and judges' replies: no secret may reach the trace
        event = TraceEvent(t=round(self.elapsed(), 6), event=name, data=redact_data(data))
        self.events.append(event)
        if self._listener is not None:
            self._listener(event)
