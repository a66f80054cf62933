"""The single retry layer: every model call polypick makes goes through :func:`retrying`.

SDK clients are built with ``max_retries=0`` so that retries never stack: a server that answers
500, 500, 200 sees exactly three attempts. Only errors marked ``retryable`` by the provider's
error mapping are retried (connection errors, timeouts, 408, 409, 429 and 5xx). ``Retry-After``
is honoured up to ``max_retry_after`` seconds (a server asking for a day, or for ever, must not
hang the caller); otherwise the wait is exponential with full jitter, because N samples that hit
a 429 together would otherwise come back together. No wait ever runs past the deadline.
"""

from __future__ import annotations

import asyncio
import math
import random
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from pydantic import Field, field_validator

from polypick.core.profiles import CheckedModel
from polypick.errors import DeadlineExceededError, ProviderError

__all__ = ["RetryPolicy", "backoff", "retrying", "wait_for_retry"]

T = TypeVar("T")
OnRetry = Callable[[int, BaseException, float], None]


class RetryPolicy(CheckedModel):
    """How failed calls are retried; invalid values raise :class:`ConfigurationError`.

    Attributes:
        max_retries: retries after the first attempt (``2`` means at most 3 attempts).
        initial_wait: scale of the first backoff, in seconds.
        max_wait: cap on one backoff, in seconds (a server's ``Retry-After`` may exceed it).
        max_retry_after: cap on a server's ``Retry-After``, in seconds: a longer wait is cut to
            this (``Retry-After: 86400`` waits 60 s by default, then tries again).
    """

    max_retries: int = Field(default=2, ge=0)
    initial_wait: float = Field(default=0.5, ge=0.0)
    max_wait: float = Field(default=8.0, ge=0.0)
    max_retry_after: float = Field(default=60.0, ge=0.0)

    @field_validator("initial_wait", "max_wait", "max_retry_after")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError(f"must be a finite number of seconds, got {value!r}")
        return value

    @property
    def max_attempts(self) -> int:
        return self.max_retries + 1


def _is_retryable(exc: BaseException) -> bool:
    return isinstance(exc, ProviderError) and exc.retryable


def backoff(policy: RetryPolicy, attempt: int) -> float:
    """The wait after failed attempt number ``attempt`` (1 for the first): exponential with full
    jitter, uniform between 0 and ``min(max_wait, initial_wait * 2 ** (attempt - 1))``."""
    high = min(policy.max_wait, policy.initial_wait * 2.0 ** (attempt - 1))
    return random.uniform(0.0, high)


def wait_for_retry(policy: RetryPolicy, attempt: int, exc: BaseException) -> float:
    """How long to wait before the next attempt: the server's ``Retry-After`` when it gave a
    usable one (at most ``max_retry_after``), else :func:`backoff`."""
    asked = exc.retry_after if isinstance(exc, ProviderError) else None
    if asked is None or math.isnan(asked):
        return backoff(policy, attempt)
    return min(max(0.0, asked), policy.max_retry_after)


async def retrying(
    call: Callable[[], Awaitable[T]],
    policy: RetryPolicy,
    *,
    deadline: float | None = None,
    on_retry: OnRetry | None = None,
) -> T:
    """Await ``call()`` until it succeeds, a non-retryable error occurs, or attempts run out.

    Args:
        call: makes one attempt.
        policy: the retry policy.
        deadline: a ``time.monotonic()`` instant; a wait that would pass it ends the call at
            once with :class:`DeadlineExceededError` instead of sleeping.
        on_retry: told ``(attempt_number, error, wait_seconds)`` before each wait.

    Raises:
        The last error when attempts run out or it is not retryable.
    """
    attempt = 1
    while True:
        try:
            return await call()
        except Exception as exc:
            if not _is_retryable(exc) or attempt >= policy.max_attempts:
                raise
            wait = wait_for_retry(policy, attempt, exc)
            if deadline is not None and time.monotonic() + wait > deadline:
                raise DeadlineExceededError(
                    f"retrying in {wait:.2f}s would pass the deadline; last error: {exc}"
                ) from exc
            if on_retry is not None:
                on_retry(attempt, exc, wait)
        await asyncio.sleep(wait)
        attempt += 1
