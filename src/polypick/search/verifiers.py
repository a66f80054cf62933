"""Verifiers: what scores answers (outcome) or the steps of an answer (process).

The contract shared by every search strategy and by the adaptive allocator:

- an **outcome verifier** is any callable ``(prompt: str, answer: str) -> float`` or
  ``-> Awaitable[float]`` — the shape :class:`polypick.RewardSelector` runs, so a
  :class:`~polypick.providers.RewardEndpoint` (a reward model over HTTP) or a
  function running unit tests is one;
- a **process verifier** scores every step: ``(prompt, steps: list[str]) -> list[float]``, sync
  or async. Wrap such a function in :class:`ProcessVerifier`, which also makes it an outcome
  verifier (it splits the answer into steps and aggregates the step scores: ``last``, ``min``,
  ``prod`` or ``mean``). :class:`~polypick.search.judge.LLMStepJudge` is one backed by an LLM.

Sync functions run in a worker thread so they cannot block the event loop.
"""

from __future__ import annotations

import asyncio
import inspect
import math
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from polypick.core.capabilities import RemoteScorer
from polypick.core.retry import RetryPolicy, retrying
from polypick.core.types import Usage
from polypick.errors import ConfigurationError, InvalidResponseError
from polypick.search.steps import Aggregate, aggregate, join_steps, split_steps

__all__ = [
    "OutcomeVerifier",
    "ProcessFunction",
    "ProcessVerifier",
    "Scored",
    "Verifier",
    "VerifierReplyError",
    "call_maybe_async",
    "measure",
]

OutcomeVerifier = Callable[[str, str], float] | Callable[[str, str], Awaitable[float]]
"""``(prompt, answer) -> score``, sync or async."""
ProcessFunction = (
    Callable[[str, list[str]], Sequence[float]]
    | Callable[[str, list[str]], Awaitable[Sequence[float]]]
)
"""``(prompt, steps) -> one score per step``, sync or async."""


async def call_maybe_async(fn: Callable[..., Any], *args: Any) -> Any:
    """Call ``fn``: awaited if async, in a worker thread if sync (it may be slow)."""
    call = type(fn).__call__ if callable(fn) and not inspect.isroutine(fn) else None
    if inspect.iscoroutinefunction(fn) or inspect.iscoroutinefunction(call):
        value = fn(*args)
    else:
        value = await asyncio.to_thread(fn, *args)
    if inspect.isawaitable(value):  # a sync function that returned a coroutine
        value = await value
    return value


def _finite(value: object, what: str) -> float:
    try:
        score = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InvalidResponseError(f"{what} returned {value!r}, not a number") from None
    if not math.isfinite(score):
        raise InvalidResponseError(f"{what} returned {value!r}")
    return score


class VerifierReplyError(InvalidResponseError):
    """A verifier call was made (and billed) but its reply could not be used; ``usage`` is
    what it cost, so that the caller can still count it."""

    def __init__(self, message: str, *, usage: Usage, provider: str = "") -> None:
        super().__init__(message, provider=provider)
        self.usage = usage


@dataclass(frozen=True)
class Scored:
    """What one verifier call gave: the step scores (one for an outcome verifier), its
    aggregate, and what it cost."""

    steps: tuple[float, ...]
    score: float
    usage: Usage = field(default_factory=Usage)


class ProcessVerifier:
    """A process verifier from a function ``fn(prompt, steps) -> one score per step``.

    Args:
        fn: sync or async; must return exactly one finite number per step.
        aggregate: how step scores make a solution's score: ``last``, ``min``, ``prod``, ``mean``.
        delimiter: splits a whole answer into steps when used as an outcome verifier.
    """

    def __init__(
        self,
        fn: ProcessFunction | None = None,
        *,
        aggregate: Aggregate = "last",
        delimiter: str = "\n\n",
    ) -> None:
        if fn is not None and not callable(fn):
            raise ConfigurationError("ProcessVerifier needs fn(prompt, steps) -> list[float]")
        self.fn = fn
        self.aggregate = aggregate
        self.delimiter = delimiter
        split_steps("x", delimiter)  # an empty delimiter fails here, at construction

    def __repr__(self) -> str:
        return f"{type(self).__name__}(aggregate={self.aggregate!r})"

    async def score_steps(self, prompt: str, steps: Sequence[str]) -> list[float]:
        """One score per step."""
        if self.fn is None:
            raise NotImplementedError("subclasses without fn implement score_steps")
        values = await call_maybe_async(self.fn, prompt, list(steps))
        scores = [_finite(v, "the process verifier") for v in values]
        if len(scores) != len(steps):
            raise InvalidResponseError(
                f"the process verifier returned {len(scores)} scores for {len(steps)} steps"
            )
        return scores

    async def measure(
        self, prompt: str, steps: Sequence[str], policy: RetryPolicy, deadline: float | None
    ) -> Scored:
        """Score ``steps`` through the retry layer; ``usage`` counts model calls, if any."""
        scores = await retrying(lambda: self.score_steps(prompt, steps), policy, deadline=deadline)
        return Scored(tuple(scores), aggregate(scores, self.aggregate))

    async def __call__(self, prompt: str, answer: str) -> float:
        """As an outcome verifier: split ``answer`` into steps and aggregate their scores."""
        steps = split_steps(answer, self.delimiter) or [answer]
        return aggregate(await self.score_steps(prompt, steps), self.aggregate)


Verifier = ProcessVerifier | OutcomeVerifier
"""What the search strategies accept."""


async def measure(
    verifier: Verifier,
    prompt: str,
    steps: Sequence[str],
    *,
    delimiter: str,
    policy: RetryPolicy,
    deadline: float | None = None,
) -> Scored:
    """Score a (partial) solution with any verifier, retried by the core retry layer.

    A process verifier scores every step; an outcome verifier scores the joined text. Requests
    to a reward endpoint are counted in ``usage`` (one per attempt), local functions cost none.
    """
    if isinstance(verifier, ProcessVerifier):
        return await verifier.measure(prompt, steps, policy, deadline)
    attempts = 1

    def on_retry(attempt: int, exc: BaseException, wait: float) -> None:
        nonlocal attempts
        attempts = attempt + 1

    async def once() -> float:
        value = await call_maybe_async(verifier, prompt, join_steps(steps, delimiter))
        return _finite(value, "the verifier")

    score = await retrying(once, policy, deadline=deadline, on_retry=on_retry)
    usage = Usage(requests=attempts) if isinstance(verifier, RemoteScorer) else Usage()
    return Scored((score,), score, usage)
