"""Deadlines: a number of seconds checked once, turned into a ``time.monotonic()`` instant."""

from __future__ import annotations

import math
import time

from polypick.errors import ConfigurationError

__all__ = ["check_deadline", "deadline_at"]


def check_deadline(seconds: object) -> float | None:
    """``seconds`` if it is ``None`` or a positive, finite number, else a clear error."""
    if seconds is None:
        return None
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise ConfigurationError(f"deadline must be a number of seconds, got {seconds!r}")
    if not seconds > 0 or math.isinf(seconds) or math.isnan(seconds):
        raise ConfigurationError(f"deadline must be a positive number of seconds, got {seconds!r}")
    return float(seconds)


def deadline_at(seconds: float | None) -> float | None:
    """The ``time.monotonic()`` instant ``seconds`` from now (``None``: no deadline)."""
    return None if seconds is None else time.monotonic() + seconds
