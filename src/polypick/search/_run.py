"""One search call's bookkeeping, shared by every strategy.

A :class:`SearchRun` belongs to one call. It makes every model and verifier call through the
call's :class:`~polypick.core.gateway.Gateway` (retries, the deadline, generation and verifier
usage), records failures and the trace (see :mod:`polypick.search._select` for the final
:class:`~polypick.Selection`). A step the token limit cut off is continued where it stopped,
up to ``max_continuations`` times, never closed with a delimiter the model did not write.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from functools import partial as partial_call
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
from polypick.search.verifiers import Scored, Verifier, score_call

__all__ = ["CUT_OFF", "SearchRun", "Solution", "check_whole", "cut_off"]

T = TypeVar("T")

CUT_OFF = frozenset({"length", "max_tokens"})
"""Finish reasons of a reply the token limit cut off (OpenAI and llama.cpp say ``length``,
Anthropic ``max_tokens``)."""


def cut_off(finish_reason: str | None) -> bool:
    """Whether a reply with ``finish_reason`` was cut off by the token limit."""
    return finish_reason in CUT_OFF


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
        max_continuations: int = 3,
    ) -> None:
        self.llm = llm
        self.verifier = verifier
        self.messages = tuple(messages)
        self.prompt = prompt_text(messages)
        self.delimiter = delimiter
        self.max_continuations = max_continuations
        self.gateway = Gateway(recorder, policy, deadline)
        self.failures: list[SelectionFailure] = []
        self.errors: list[Exception] = []
        self.timed_out = False
        self.chooser: Callable[[Sequence[Solution]], int | None] | None = None
        """A rule for the final choice that the strategy run inside this call set (the
        controller's chosen strategy); ``None``: the strategy's own."""

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
        """Continue ``steps`` by one step; ``None`` (and a recorded failure) if it fails.

        A continuation the token limit cut off is continued from where it stopped (the
        partial answer then ends inside the step, with no delimiter), up to
        ``max_continuations`` times; the step returned is the whole of it, with the last
        piece's finish reason (still ``length`` if the last continuation was cut off too)."""
        partial = self.partial(steps)
        text, usage, piece = "", Usage(), None
        for attempt in range(self.max_continuations + 1):
            piece = await self._generation(
                partial_call(continue_answer, self.llm, self.messages, partial + text, params),
                lambda s: [Completion(text=s.text, usage=s.usage)],
            )
            if piece is None:
                return None
            text, usage = text + piece.text, usage + piece.usage
            if not cut_off(piece.finish_reason) or not piece.text:
                break
            if attempt < self.max_continuations:
                self.recorder.event("search.step.continued", step=len(steps), piece=attempt + 1)
        assert piece is not None
        return Step(text, piece.ended, piece.finish_reason, usage)

    async def generate(
        self, messages: Sequence[Message], params: SamplingParams, stage: Stage = "sample"
    ) -> Completion | None:
        """One whole answer to ``messages``; ``None`` (and a recorded failure) if it fails."""
        request = ModelRequest(tuple(messages), params, 1, stage)
        completions = await self._generation(lambda: self.llm.generate(request), lambda c: c[:1])
        return None if not completions else completions[0]

    async def score(self, steps: Sequence[str], prompt: str | None = None) -> Scored | None:
        """The verifier's score of ``steps`` (as an answer to ``prompt``, the request's own by
        default); ``None`` (and a recorded failure) if it fails, and ``None`` when the deadline
        has passed or passes during the call."""
        if self.expired():
            return None
        outcome = await score_call(
            self.verifier,
            self.prompt if prompt is None else prompt,
            steps,
            delimiter=self.delimiter,
            gateway=self.gateway,
        )
        if outcome.error is not None:
            if isinstance(outcome.error, DeadlineExceededError):
                self.cut("verifier")
            self.fail("verifier", outcome.error, max(1, outcome.attempts))
            return None
        return outcome.value

    async def score_all(
        self, paths: Sequence[Sequence[str]], prompts: Sequence[str] | None = None
    ) -> list[float | None]:
        """Aggregated scores of many paths, concurrently (each as an answer to its own entry of
        ``prompts``, when given)."""
        asked = [None] * len(paths) if prompts is None else list(prompts)
        scored = await asyncio.gather(
            *(self.score(p, q) for p, q in zip(paths, asked, strict=True))
        )
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
