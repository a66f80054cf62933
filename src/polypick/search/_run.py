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

from polypick.core.protocol import ChatModel
from polypick.core.retry import RetryPolicy, retrying
from polypick.core.trace import Recorder
from polypick.core.types import (
    ErrorInfo,
    Message,
    SamplingParams,
    SelectionFailure,
    Usage,
    prompt_text,
)
from polypick.errors import ConfigurationError, DeadlineExceededError
from polypick.search.continuation import Step, continue_answer
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
        self.policy = policy
        self.recorder = recorder
        self.generation = Usage()
        self.failures: list[SelectionFailure] = []
        self.errors: list[Exception] = []
        self.deadline = deadline
        """A ``time.monotonic()`` instant after which nothing new is started."""
        self.timed_out = False

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
        self, call: Callable[[], Awaitable[T]], usage: Callable[[T], Usage]
    ) -> T | None:
        """Make one generation call through the retry layer and bill it; ``None`` (and a
        recorded failure) if it fails."""
        attempts = 1

        def on_retry(attempt: int, exc: BaseException, wait: float) -> None:
            nonlocal attempts
            attempts = attempt + 1

        if self.expired():
            return None
        try:
            result = await self.within(
                retrying(call, self.policy, deadline=self.deadline, on_retry=on_retry),
                "generation",
            )
        except Exception as exc:
            self.generation = self.generation + Usage(requests=attempts)
            self.fail("generation", exc, attempts)
            return None
        if result is None:  # cut by the deadline: it was sent, so it is billed
            self.generation = self.generation + Usage(requests=attempts)
            self.fail("generation", DeadlineExceededError("the deadline cut this call"), attempts)
            return None
        self.generation = self.generation + usage(result) + Usage(requests=attempts)
        return result

    async def step(self, steps: Sequence[str], params: SamplingParams) -> Step | None:
        """Continue ``steps`` by one step; ``None`` (and a recorded failure) if it fails."""
        partial = self.partial(steps)
        return await self._generation(
            lambda: continue_answer(self.llm, self.messages, partial, params), lambda s: s.usage
        )

    async def generate(self, messages: Sequence[Message], params: SamplingParams) -> str | None:
        """One whole answer to ``messages``; ``None`` (and a recorded failure) if it fails."""
        completions = await self._generation(
            lambda: self.llm.generate(messages, params, 1), lambda c: c[0].usage
        )
        return None if completions is None else completions[0].text

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
            self.recorder.add_selection_usage(exc.usage)
            self.fail("verifier", exc, 1)
            return None
        except Exception as exc:
            self.fail("verifier", exc, 1)
            return None
        if scored is None:
            return None
        self.recorder.add_selection_usage(scored.usage)
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
