"""The retry layer alone: attempt numbers, waits, Retry-After, deadlines, what is not retried."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polypick.core.retry import RetryPolicy, retrying
from polypick.errors import (
    DeadlineExceededError,
    ProviderConnectionError,
    ProviderError,
    ProviderStatusError,
)

FAST = RetryPolicy(max_retries=3, initial_wait=0.001, max_wait=0.004)


def scripted(outcomes: Sequence[BaseException | str]) -> tuple[Callable[..., object], list[int]]:
    """A call that raises or returns the outcomes in turn, and the list of attempts it saw."""
    attempts: list[int] = []

    async def call() -> str:
        attempts.append(len(attempts) + 1)
        outcome = outcomes[len(attempts) - 1]
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    return call, attempts


def dropped() -> ProviderConnectionError:
    return ProviderConnectionError("connection reset", provider="fake")


async def test_a_first_success_is_returned_without_retry_bookkeeping() -> None:
    call, attempts = scripted(["ok"])
    told: list[int] = []
    assert await retrying(call, FAST, on_retry=lambda n, e, w: told.append(n)) == "ok"
    assert attempts == [1] and told == []


@settings(max_examples=40, deadline=None)
@given(failures=st.integers(min_value=0, max_value=6), max_retries=st.integers(0, 4))
async def test_attempts_are_numbered_from_one_and_capped(failures: int, max_retries: int) -> None:
    policy = RetryPolicy(max_retries=max_retries, initial_wait=0.0, max_wait=0.0)
    call, attempts = scripted([*(dropped() for _ in range(failures)), "ok"])
    told: list[int] = []
    if failures <= max_retries:
        assert await retrying(call, policy, on_retry=lambda n, e, w: told.append(n)) == "ok"
        assert len(attempts) == failures + 1
    else:
        with pytest.raises(ProviderConnectionError):
            await retrying(call, policy, on_retry=lambda n, e, w: told.append(n))
        assert len(attempts) == max_retries + 1
    # on_retry hears of each failed attempt that is followed by another, numbered 1, 2, ...
    assert told == list(range(1, len(attempts)))


async def test_waits_stay_under_the_cap_and_retry_after_wins() -> None:
    policy = RetryPolicy(max_retries=3, initial_wait=0.001, max_wait=0.002)
    limited = ProviderStatusError("slow down", status_code=429, retry_after=0.03)
    call, _ = scripted([dropped(), dropped(), limited, "ok"])
    waits: list[float] = []
    started = time.monotonic()
    assert await retrying(call, policy, on_retry=lambda n, e, w: waits.append(w)) == "ok"
    assert all(0.0 <= w <= 0.002 for w in waits[:2])
    assert waits[2] == pytest.approx(0.03)
    assert time.monotonic() - started >= 0.03  # the server's wait was really slept


@pytest.mark.parametrize(
    "error",
    [
        ProviderStatusError("bad request", status_code=400),
        ProviderError("not marked retryable"),
        ValueError("a bug, not a transient failure"),
    ],
)
async def test_errors_that_are_not_retryable_surface_at_once(error: BaseException) -> None:
    call, attempts = scripted([error, "ok"])
    with pytest.raises(type(error)) as raised:
        await retrying(call, FAST)
    assert raised.value is error and attempts == [1]


async def test_a_wait_past_the_deadline_ends_the_call_with_the_last_error() -> None:
    limited = ProviderStatusError("slow down", status_code=429, retry_after=5.0)
    call, attempts = scripted([limited, "ok"])
    started = time.monotonic()
    with pytest.raises(DeadlineExceededError, match="slow down") as raised:
        await retrying(call, FAST, deadline=time.monotonic() + 1.0)
    assert raised.value.__cause__ is limited
    assert attempts == [1] and time.monotonic() - started < 4.0  # it did not sleep the 5 s
