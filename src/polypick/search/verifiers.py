"""Verifiers: what scores answers (outcome) or the steps of an answer (process).

The contract shared by every search strategy and by the adaptive allocator:

- an **outcome verifier** is any callable ``(prompt: str, answer: str) -> float`` or
  ``-> Awaitable[float]`` — the shape :class:`polypick.RewardSelector` runs, so a
  :class:`~polypick.providers.RewardEndpoint` (a reward model over HTTP) or a
  function running unit tests is one;
- a **process verifier** scores every step: ``(prompt, steps: list[str]) -> list[float]``, sync
  or async. Wrap such a function in :class:`ProcessVerifier`, which also makes it an outcome
  verifier (it splits the answer into steps and aggregates the step scores: ``last``, ``min``,
  ``prod`` or ``mean``). :class:`~polypick.search.judge.LLMStepJudge` is one backed by an LLM,
  :class:`~polypick.providers.ProcessRewardEndpoint` one served over HTTP (vLLM's pooling
  endpoint); any object with the :class:`~polypick.core.capabilities.StepScorer` capability is
  one.

Every verifier call goes through the call's :class:`~polypick.core.gateway.Gateway` (retries,
deadline, usage billed to the ``selection`` account), like every model call. Sync functions run
in a worker thread so they cannot block the event loop.
"""

from __future__ import annotations

import asyncio
import inspect
import math
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from polypick.core.capabilities import RemoteScorer, StepScorer
from polypick.core.gateway import CallOutcome, Gateway
from polypick.core.retry import RetryPolicy
from polypick.core.trace import Recorder
from polypick.core.types import Usage
from polypick.errors import ConfigurationError, InvalidResponseError
from polypick.search.steps import Aggregate, join_steps, split_steps
from polypick.search.steps import aggregate as aggregate_scores

__all__ = [
    "OutcomeVerifier",
    "ProcessFunction",
    "ProcessVerifier",
    "Scored",
    "Verifier",
    "VerifierReplyError",
    "call_maybe_async",
    "measure",
    "score_call",
]

T = TypeVar("T")

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
        aggregate_scores([0.5], aggregate)  # so does an unknown aggregation

    def __repr__(self) -> str:
        return f"{type(self).__name__}(aggregate={self.aggregate!r})"

    async def score_steps(self, prompt: str, steps: Sequence[str]) -> list[float]:
        """One score per step."""
        if self.fn is None:
            raise NotImplementedError("subclasses without fn implement score_steps")
        values = await call_maybe_async(self.fn, prompt, list(steps))
        return checked_steps(values, len(steps), "the process verifier")

    async def measure(
        self, prompt: str, steps: Sequence[str], gateway: Gateway
    ) -> CallOutcome[Scored]:
        """Score ``steps`` through ``gateway`` (retries, deadline; a remote ``fn``'s requests
        are billed to the ``selection`` account)."""
        return await _scored_steps(self.fn, self, prompt, steps, gateway)

    async def __call__(self, prompt: str, answer: str) -> float:
        """As an outcome verifier: split ``answer`` into steps and aggregate their scores."""
        steps = split_steps(answer, self.delimiter) or [answer]
        return aggregate_scores(await self.score_steps(prompt, steps), self.aggregate)


Verifier = ProcessVerifier | StepScorer | OutcomeVerifier
"""What the search strategies accept."""


def checked_steps(values: object, count: int, what: str) -> list[float]:
    """``values`` as ``count`` finite numbers, else an ``InvalidResponseError`` saying why."""
    if not isinstance(values, Sequence) or isinstance(values, str | bytes):
        raise InvalidResponseError(f"{what} returned {values!r}, not one number per step")
    scores = [_finite(v, what) for v in values]
    if len(scores) != count:
        raise InvalidResponseError(f"{what} returned {len(scores)} scores for {count} steps")
    return scores


def _requests(scorer: object, sent: int) -> int:
    if sent and isinstance(scorer, RemoteScorer):
        return sent * max(1, int(scorer.requests_per_score))
    return 0


async def _billed(
    gateway: Gateway, scorer: object, call: Callable[[], Awaitable[T]]
) -> tuple[CallOutcome[T], Usage]:
    """``call`` through the gateway; a remote scorer's requests (every attempt sent) are billed
    to the ``selection`` account, and returned."""
    outcome = await gateway.run(call, label="search.verifier")
    usage = Usage(requests=_requests(scorer, outcome.sent))
    if usage.requests:
        gateway.bill("selection", usage.requests, [])
    return outcome, usage


async def _scored_steps(
    remote: object, scorer: StepScorer, prompt: str, steps: Sequence[str], gateway: Gateway
) -> CallOutcome[Scored]:
    outcome, usage = await _billed(gateway, remote, lambda: scorer.score_steps(prompt, steps))
    if outcome.value is None:
        return CallOutcome(None, outcome.error, outcome.attempts, outcome.sent, outcome.latency_s)
    scores = list(outcome.value)
    scored = Scored(tuple(scores), aggregate_scores(scores, scorer.aggregate), usage)  # type: ignore[arg-type]
    return CallOutcome(scored, None, outcome.attempts, outcome.sent, outcome.latency_s)


async def score_call(
    verifier: Verifier,
    prompt: str,
    steps: Sequence[str],
    *,
    delimiter: str,
    gateway: Gateway,
) -> CallOutcome[Scored]:
    """Score a (partial) solution with any verifier through ``gateway``; never raises for a
    failed call (the outcome says why).

    A process verifier scores every step; an outcome verifier scores the joined text. Requests
    to a reward server are billed to the ``selection`` account (one per attempt), local
    functions cost nothing.
    """
    if isinstance(verifier, ProcessVerifier):
        return await verifier.measure(prompt, steps, gateway)
    if isinstance(verifier, StepScorer):
        return await _scored_steps(verifier, verifier, prompt, steps, gateway)

    async def once() -> float:
        value = await call_maybe_async(verifier, prompt, join_steps(steps, delimiter))
        return _finite(value, "the verifier")

    outcome, usage = await _billed(gateway, verifier, once)
    if outcome.value is None:
        return CallOutcome(None, outcome.error, outcome.attempts, outcome.sent, outcome.latency_s)
    scored = Scored((outcome.value,), outcome.value, usage)
    return CallOutcome(scored, None, outcome.attempts, outcome.sent, outcome.latency_s)


async def measure(
    verifier: Verifier,
    prompt: str,
    steps: Sequence[str],
    *,
    delimiter: str,
    policy: RetryPolicy | None = None,
    deadline: float | None = None,
    gateway: Gateway | None = None,
) -> Scored:
    """Score a (partial) solution with any verifier, retried under ``policy`` (or through a
    call's ``gateway``); what it cost is in ``Scored.usage``.

    Raises:
        the call's error once retries are spent (an ``InvalidResponseError`` for a reply that
        has no usable scores).
    """
    gateway = gateway or Gateway(Recorder(), policy or RetryPolicy(), deadline)
    outcome = await score_call(verifier, prompt, steps, delimiter=delimiter, gateway=gateway)
    if outcome.value is None:
        raise outcome.error or InvalidResponseError("the verifier returned nothing")
    return outcome.value
