"""The single retry layer: every model call polypick makes goes through :func:`retrying`.

SDK clients are built with ``max_retries=0`` so that retries never stack: a server that answers
500, 500, 200 sees exactly three attempts. Only errors marked ``retryable`` by the provider's
error mapping are retried (connection errors, timeouts, 408, 409, 429 and 5xx). ``Retry-After``
is honoured; otherwise the wait is exponential with full jitter, because N samples that hit a
429 together would otherwise come back together.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    wait_random_exponential,
)

from polypick.errors import DeadlineExceededError, ProviderError

__all__ = ["RetryPolicy", "retrying"]

T = TypeVar("T")
OnRetry = Callable[[int, BaseException, float], None]


class RetryPolicy(BaseModel):
    """How failed calls are retried.

    Attributes:
        max_retries: retries after the first attempt (``2`` means at most 3 attempts).
        initial_wait: scale of the first backoff, in seconds.
        max_wait: cap on one backoff, in seconds (a server's ``Retry-After`` may exceed it).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_retries: int = Field(default=2, ge=0)
    initial_wait: float = Field(default=0.5, ge=0.0)
    max_wait: float = Field(default=8.0, ge=0.0)

    @property
    def max_attempts(self) -> int:
        return self.max_retries + 1


def _is_retryable(exc: BaseException) -> bool:
    return isinstance(exc, ProviderError) and exc.retryable


class _Wait:
    """Use the server's ``Retry-After`` when it gave one, else jittered exponential backoff."""

    def __init__(self, policy: RetryPolicy) -> None:
        self._backoff = wait_random_exponential(multiplier=policy.initial_wait, max=policy.max_wait)

    def __call__(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, ProviderError) and exc.retry_after is not None:
            return max(0.0, exc.retry_after)
        return float(self._backoff(state))


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
    # Most calls succeed at once; setting tenacity up costs ~25 µs, more than the rest of a
    # call's bookkeeping, so the first attempt runs bare and tenacity takes over on a failure.
    try:
        return await call()
    except BaseException as exc:
        if not _is_retryable(exc) or policy.max_attempts < 2:
            raise
        first_failure: BaseException | None = exc

    async def attempt_call() -> T:
        # tenacity's attempt 1 replays the failure seen above, so its waits, deadline check
        # and attempt numbers are exactly those of a loop that had run from the start
        nonlocal first_failure
        if first_failure is not None:
            failure, first_failure = first_failure, None
            raise failure
        return await call()

    def before_sleep(state: RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome else None
        assert exc is not None  # tenacity only sleeps after a failed attempt
        wait = state.upcoming_sleep
        if deadline is not None and time.monotonic() + wait > deadline:
            raise DeadlineExceededError(
                f"retrying in {wait:.2f}s would pass the deadline; last error: {exc}"
            ) from exc
        if on_retry is not None:
            on_retry(state.attempt_number, exc, wait)

    async for attempt in AsyncRetrying(
        retry=retry_if_exception(_is_retryable),
        stop=stop_after_attempt(policy.max_attempts),
        wait=_Wait(policy),
        before_sleep=before_sleep,
        reraise=True,
    ):
        with attempt:
            return await attempt_call()
    raise AssertionError("unreachable: tenacity either returns or raises")  # pragma: no cover
