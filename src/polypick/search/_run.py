"""One search call's bookkeeping, shared by every strategy.

A :class:`SearchRun` belongs to one call. It makes every model and verifier call through the
core retry layer, tallies generation and verifier usage, records failures and the trace, and
keeps the deadline (see :mod:`polypick.search._select` for the final
:class:`~polypick.Selection`).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from polypick.core.gateway import Gateway
from polypick.core.protocol import ChatModel, ModelRequest, Stage
from polypick.core.retry import RetryPolicy
from polypick.core.trace import Recorder
from polypick.core.types import (
    Completion,
    ErrorInfo,
    Message,
    SamplingParams,
    SelectionFailure,
    Step,
    Usage,
    prompt_text,
)
from polypick.errors import ConfigurationError, DeadlineExceededError
from polypick.search.continuation import continue_answer
from polypick.search.verifiers import Scored, Verifier, VerifierReplyError, measure

__all__ = ["SearchRun", "Solution", "check_whole"]

T = TypeVar("T")


@dataclass(frozen=True)
class Solution:
    """A finished (or cut-off) answer: its steps, its verifier score, how it was sampled."""

    steps: tuple[str, ...]
    score: float | None
    params: SamplingParams
    ended: bool = True
    group: int = 0


class SearchRun:
    """The state of one search call."""

    def __init__(
        self,
        llm: ChatModel,
        verifier: Verifier,
        messages: Sequence[Message],
        *,
        delimiter: str,
        policy: RetryPolicy,
        recorder: Recorder,
        deadline: float | None = None,
    ) -> None:
        self.llm = llm
        self.verifier = verifier
        self.messages = tuple(messages)
        self.prompt = prompt_text(messages)
        self.delimiter = delimiter
        self.gateway = Gateway(recorder, policy, deadline)
        self.failures: list[SelectionFailure] = []
        self.errors: list[Exception] = []
        self.timed_out = False

    @property
    def recorder(self) -> Recorder:
        return self.gateway.recorder

    @property
    def policy(self) -> RetryPolicy:
        return self.gateway.policy

    @property
    def deadline(self) -> float | None:
        """A ``time.monotonic()`` instant after which nothing new is started."""
        return self.gateway.deadline

    @property
    def generation(self) -> Usage:
        """What generating the solutions cost."""
        return self.gateway.usage["generation"]

    @property
    def selection(self) -> Usage:
        """What scoring them cost (verifier calls)."""
        return self.gateway.usage["selection"]

    def remaining(self) -> float | None:
        """Seconds left before the deadline (``None``: no deadline)."""
        return None if self.deadline is None else max(0.0, self.deadline - time.monotonic())

    def expired(self) -> bool:
        """Whether the deadline has passed; the first time, it is recorded in the trace."""
        if self.deadline is not None and time.monotonic() >= self.deadline:
            self.cut("check")
        return self.timed_out

    def cut(self, stage: str) -> None:
        """Record that the deadline stopped the search at ``stage`` (once)."""
        if not self.timed_out:
            self.timed_out = True
            self.recorder.event("search.deadline", stage=stage)

    async def within(self, work: Awaitable[T], stage: str) -> T | None:
        """``work``'s result, or ``None`` (work cancelled) if the deadline passes first."""
        if self.deadline is None:
            return await work
        try:
            return await asyncio.wait_for(work, timeout=self.remaining())
        except asyncio.TimeoutError:  # not the builtin TimeoutError before Python 3.11
            self.cut(stage)
            return None

    def partial(self, steps: Sequence[str]) -> str:
        """The answer so far as the model continues it: steps, each followed by the delimiter."""
        return "".join(step + self.delimiter for step in steps)

    async def _generation(
        self, call: Callable[[], Awaitable[T]], usage: Callable[[T], Sequence[Completion]]
    ) -> T | None:
        """Make one generation call through the gateway and bill it; ``None`` (and a recorded
        failure) if it fails."""
        if self.expired():
            return None
        outcome = await self.gateway.run(call, label="search.generation")
        completions = usage(outcome.value) if outcome.value is not None else []
        self.gateway.bill("generation", outcome.sent, completions)
        if outcome.error is not None:
            if isinstance(outcome.error, DeadlineExceededError):
                self.cut("generation")
            self.fail("generation", outcome.error, max(1, outcome.attempts))
            return None
        return outcome.value

    async def step(self, steps: Sequence[str], params: SamplingParams) -> Step | None:
        """Continue ``steps`` by one step; ``None`` (and a recorded failure) if it fails."""
        partial = self.partial(steps)
        return await self._generation(
            lambda: continue_answer(self.llm, self.messages, partial, params),
            lambda s: [Completion(text=s.text, usage=s.usage)],
        )

    async def generate(
        self, messages: Sequence[Message], params: SamplingParams, stage: Stage = "sample"
    ) -> str | None:
        """One whole answer to ``messages``; ``None`` (and a recorded failure) if it fails."""
        request = ModelRequest(tuple(messages), params, 1, stage)
        completions = await self._generation(lambda: self.llm.generate(request), lambda c: c[:1])
        return None if not completions else completions[0].text

    async def score(self, steps: Sequence[str]) -> Scored | None:
        """The verifier's score of ``steps``; ``None`` (and a recorded failure) if it fails,
        and ``None`` when the deadline has passed or passes during the call."""
        if self.expired():
            return None
        try:
            scored = await self.within(
                measure(
                    self.verifier,
                    self.prompt,
                    steps,
                    delimiter=self.delimiter,
                    policy=self.policy,
                    deadline=self.deadline,
                ),
                "verifier",
            )
        except VerifierReplyError as exc:  # billed, but unusable
            self.gateway.usage["selection"] += exc.usage
            self.fail("verifier", exc, 1)
            return None
        except Exception as exc:
            self.fail("verifier", exc, 1)
            return None
        if scored is None:
            return None
        self.gateway.usage["selection"] += scored.usage
        return scored

    async def score_all(self, paths: Sequence[Sequence[str]]) -> list[float | None]:
        """Aggregated scores of many paths, concurrently."""
        scored = await asyncio.gather(*(self.score(p) for p in paths))
        return [None if s is None else s.score for s in scored]

    def fail(self, stage: str, exc: Exception, attempts: int) -> None:
        """Record a failed call; the search carries on without it."""
        self.errors.append(exc)
        self.failures.append(
            SelectionFailure(stage=stage, error=ErrorInfo.from_exception(exc, attempts))
        )
        self.recorder.event(f"search.{stage}.failed", error=str(exc))


def check_whole(name: str, value: object, low: int) -> int:
    """``value`` if it is a whole number ``>= low``, else a ConfigurationError."""
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise ConfigurationError(f"{name} must be a whole number >= {low}, got {value!r}")
    return value
