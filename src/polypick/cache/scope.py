"""Occurrence ordinals: telling apart identical requests within one call.

Unseeded samples at a temperature are identical requests, yet each must be its own sample. A
:class:`CallLog` numbers them: the first request for a key within one call claims ordinal 0,
the next claims 1, and so on, so a re-run of the call asks for the same ordinals and finds the
same completions. The log is kept in the call's :class:`~polypick.core.call.CallScope`
(``BestOfN`` opens one for every ``ainvoke``; :func:`cache_scope` opens one by hand), so
concurrent calls each see their own.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from polypick.core.call import call_scope, current_call
from polypick.core.types import Completion, SamplingParams

__all__ = ["CallLog", "Lookup", "cache_scope", "current_log"]


@dataclass(frozen=True)
class Lookup:
    """One request a cached model answered.

    Attributes:
        at: when it was answered (``time.monotonic()``).
        role: the cached model's role, ``"llm"`` or ``"judge"``.
        key: the request's cache key.
        params: the request's sampling parameters.
        hits: the completions that came from the cache.
        drawn: how many completions the model was asked for (0: no request was sent).
    """

    at: float
    role: str
    key: str
    params: SamplingParams
    hits: tuple[Completion, ...]
    drawn: int

    @property
    def free(self) -> bool:
        """Whether the cache answered it whole, so no request reached the model."""
        return self.drawn == 0


class CallLog:
    """The ordinals claimed so far in one call, and every lookup made in it."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.lookups: list[Lookup] = []
        self._claimed: dict[str, set[int]] = {}
        self._lock = threading.Lock()  # a log outside any scope may serve several threads

    def claim(self, key: str, n: int) -> list[int]:
        """Reserve the ``n`` lowest ordinals of ``key`` that no request of this call holds."""
        with self._lock:
            claimed = self._claimed.setdefault(key, set())
            ordinals: list[int] = []
            candidate = 0
            while len(ordinals) < n:
                if candidate not in claimed:
                    ordinals.append(candidate)
                candidate += 1
            claimed.update(ordinals)
        return ordinals

    def release(self, key: str, ordinals: Sequence[int]) -> None:
        """Give back ordinals a request did not fill (it failed, or returned fewer)."""
        with self._lock:
            self._claimed.get(key, set()).difference_update(ordinals)

    def record(self, lookup: Lookup) -> None:
        with self._lock:
            self.lookups.append(lookup)


_OWNER = "polypick.cache"


def current_log() -> CallLog | None:
    """The log of the call in progress, if one is open (see :mod:`polypick.core.call`)."""
    scope = current_call()
    return None if scope is None else scope.state(_OWNER, CallLog)


@contextmanager
def cache_scope() -> Iterator[CallLog]:
    """Treat everything inside as one call: identical requests get successive ordinals, and a
    later scope replays them from ordinal 0. ``BestOfN`` opens one for every call."""
    with call_scope() as scope:
        yield scope.state(_OWNER, CallLog)
