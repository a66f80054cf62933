"""One search call's bookkeeping, shared by every strategy.

A :class:`SearchRun` belongs to one call. It makes every model and verifier call through the
core retry layer, tallies generation and verifier usage, records failures and the trace, and
turns the finished solutions into the core :class:`~polypick.Selection`.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from polypick.core.protocol import ChatModel
from polypick.core.retry import RetryPolicy, retrying
from polypick.core.trace import Recorder
from polypick.core.types import (
    Candidate,
    ErrorInfo,
    Message,
    SamplingParams,
    Selection,
    SelectionFailure,
    Usage,
    UsageReport,
    prompt_text,
)
from polypick.errors import ConfigurationError, TooFewCandidatesError
from polypick.search.continuation import Step, continue_answer
from polypick.search.steps import Vote, choose, join_steps
from polypick.search.verifiers import Scored, Verifier, VerifierReplyError, measure
from polypick.selectors.answers import AnswerExtractor

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

        try:
            result = await retrying(call, self.policy, on_retry=on_retry)
        except Exception as exc:
            self.generation = self.generation + Usage(requests=attempts)
            self.fail("generation", exc, attempts)
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
        """The verifier's score of ``steps``; ``None`` (and a recorded failure) if it fails."""
        try:
            scored = await measure(
                self.verifier, self.prompt, steps, delimiter=self.delimiter, policy=self.policy
            )
        except VerifierReplyError as exc:  # billed, but unusable
            self.recorder.add_selection_usage(exc.usage)
            self.fail("verifier", exc, 1)
            return None
        except Exception as exc:
            self.fail("verifier", exc, 1)
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

    def selection(
        self,
        solutions: Sequence[Solution],
        *,
        name: str,
        vote: Vote,
        extract: AnswerExtractor,
        index: int | None = None,
    ) -> Selection:
        """Choose among ``solutions`` by ``vote`` (unless the caller chose ``index``) and record
        everything as a Selection."""
        if not solutions:
            raise TooFewCandidatesError(
                f"{name} finished no solution with {self.llm.name}",
                self.errors or [RuntimeError("no solution finished")],
            )
        texts = [join_steps(s.steps, self.delimiter) for s in solutions]
        answers = [extract(t) for t in texts]
        scores = [s.score for s in solutions]
        if index is None:
            index = choose(answers, scores, vote)
        self.recorder.event("search.vote", vote=vote, answers=answers, scores=scores, index=index)
        candidates = tuple(
            Candidate(
                text=text,
                params=s.params,
                greedy=s.params.greedy,
                sample=i,
                finish_reason="stop" if s.ended else "length",
            )
            for i, (text, s) in enumerate(zip(texts, solutions, strict=True))
        )
        return Selection(
            text=texts[index],
            index=index,
            candidates=candidates,
            scores=tuple(None if s is None or math.isnan(s) else s for s in scores),
            selector=name,
            llm=self.llm.name,
            selection_failures=tuple(self.failures),
            usage=UsageReport(generation=self.generation, selection=self.recorder.selection_usage),
            latency_s=self.recorder.elapsed(),
            trace=tuple(self.recorder.events),
        )


def check_whole(name: str, value: object, low: int) -> int:
    """``value`` if it is a whole number ``>= low``, else a ConfigurationError."""
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise ConfigurationError(f"{name} must be a whole number >= {low}, got {value!r}")
    return value
