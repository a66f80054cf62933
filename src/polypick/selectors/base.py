"""What a selector is, and what it may use.

A selector needs one method, ``select(context) -> Verdict``. The context hands it everything at
once: the prompt, all surviving candidates, and — for strategies that need them — a judge model
and the sampling model, both reached through :meth:`SelectionContext.ask`, which retries, counts
usage and records the trace like any sampling call. The deciding logic of each selector lives in
pure functions next to it, so it can be tested without any model.

The context also carries the :class:`~polypick.selectors.injection_policy.InjectionPolicy` that
:func:`~polypick.core.selection.run_selector` applies around every selector; flagged candidates
carry the ``"injection"`` flag, and :func:`penalise_flagged` is the rule that keeps them from
winning.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable, Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict

from polypick.core.protocol import ChatModel
from polypick.core.retry import RetryPolicy, retrying
from polypick.core.trace import Recorder
from polypick.core.types import (
    Candidate,
    Completion,
    ErrorInfo,
    Message,
    SamplingParams,
    SelectionFailure,
    Usage,
)
from polypick.errors import DeadlineExceededError
from polypick.selectors.injection import INJECTION
from polypick.selectors.injection_policy import InjectionPolicy, InjectionSpec, resolve_injection

__all__ = [
    "SelectionContext",
    "Selector",
    "Verdict",
    "best_index",
    "fallback_index",
    "flagged",
    "off_language",
    "penalise_flagged",
]


class Verdict(BaseModel):
    """A selector's decision: the chosen candidate and one score per candidate."""

    model_config = ConfigDict(frozen=True)

    index: int
    scores: tuple[float | None, ...]
    fallback: bool = False


@runtime_checkable
class Selector(Protocol):
    """Chooses one candidate."""

    @property
    def name(self) -> str: ...

    @property
    def needs_judge(self) -> bool:
        """Whether ``select`` calls ``context.ask`` on the judge model."""
        ...

    async def select(self, context: SelectionContext) -> Verdict: ...


class SelectionContext:
    """Everything a selector may use for one call."""

    def __init__(
        self,
        prompt: Sequence[Message],
        candidates: Sequence[Candidate],
        *,
        llm: ChatModel,
        judge: ChatModel | None,
        recorder: Recorder,
        policy: RetryPolicy,
        deadline: float | None = None,
        language: str | None = None,
        injection: InjectionSpec = "penalise",
    ) -> None:
        self.prompt = tuple(prompt)
        self.language = language
        """The prompt's detected language (ISO 639-1), or ``None``."""
        self.candidates = tuple(candidates)
        self.llm = llm
        self.judge = judge
        self.recorder = recorder
        self.policy = policy
        self.deadline = deadline
        self.injection: InjectionPolicy = resolve_injection(injection)
        """What to do with candidates aimed at the judge; applied by ``run_selector``."""
        self.failures: list[SelectionFailure] = []

    def subset(self, indices: Sequence[int]) -> SelectionContext:
        """A context showing only the candidates at ``indices``, in that order, with the same
        models, trace, usage, deadline and policy; its failures are its own, and refer to
        positions in ``indices``."""
        return SelectionContext(
            self.prompt,
            [self.candidates[i] for i in indices],
            llm=self.llm,
            judge=self.judge,
            recorder=self.recorder,
            policy=self.policy,
            deadline=self.deadline,
            language=self.language,
            injection=self.injection,
        )

    async def ask(
        self,
        model: ChatModel,
        messages: Sequence[Message],
        params: SamplingParams,
        *,
        stage: str,
        candidate: int | None = None,
        json_schema: Mapping[str, Any] | None = None,
    ) -> Completion | None:
        """Make one selection-stage call; ``None`` (and a recorded failure) if it fails."""
        attempts = 1

        def on_retry(attempt: int, exc: BaseException, wait: float) -> None:
            nonlocal attempts
            attempts = attempt + 1
            self.recorder.event(f"{stage}.retry", candidate=candidate, error=str(exc), wait_s=wait)

        sent = (
            0  # attempts that really reached the model: a call the deadline stopped first costs 0
        )

        def attempt() -> Awaitable[list[Completion]]:
            nonlocal sent
            sent += 1
            return model.generate(messages, params, 1, json_schema=json_schema)

        started = time.monotonic()
        try:
            completions = await asyncio.wait_for(
                retrying(
                    attempt,
                    self.policy,
                    deadline=self.deadline,
                    on_retry=on_retry,
                ),
                timeout=self._remaining(),
            )
        except DeadlineExceededError as exc:  # also a TimeoutError: handle it first
            self.recorder.add_selection_usage(Usage(requests=sent))
            self.fail(stage, exc, candidate=candidate, attempts=attempts)
            return None
        except asyncio.TimeoutError:
            self.recorder.add_selection_usage(Usage(requests=sent))
            error = DeadlineExceededError(f"the deadline ran out during a {stage} call")
            self.fail(stage, error, candidate=candidate, attempts=attempts)
            return None
        except Exception as exc:
            self.recorder.add_selection_usage(Usage(requests=sent))
            self.fail(stage, exc, candidate=candidate, attempts=attempts)
            return None
        completion = completions[0]
        self.recorder.add_selection_usage(completion.usage + Usage(requests=sent))
        self.recorder.event(
            f"{stage}.done",
            candidate=candidate,
            latency_s=round(time.monotonic() - started, 6),
            tokens=completion.usage.total_tokens,
        )
        return completion

    def _remaining(self) -> float | None:
        return None if self.deadline is None else max(0.0, self.deadline - time.monotonic())

    def fail(
        self, stage: str, exc: BaseException, *, candidate: int | None = None, attempts: int = 1
    ) -> None:
        """Record a failed selection-stage step; the selector carries on without it."""
        self.failures.append(
            SelectionFailure(
                stage=stage,
                candidate=candidate,
                error=ErrorInfo.from_exception(exc, attempts),
            )
        )
        self.recorder.event(f"{stage}.failed", candidate=candidate, error=str(exc))


def fallback_index(candidates: Sequence[Candidate]) -> int:
    """The candidate to return when a selector cannot decide: the greedy one, else the first."""
    for index, candidate in enumerate(candidates):
        if candidate.greedy:
            return index
    return 0


def off_language(candidate: Candidate, language: str | None) -> bool:
    """Whether ``candidate`` is known to be written in another language than ``language``."""
    return language is not None and candidate.language not in (None, language)


def flagged(candidate: Candidate) -> bool:
    """Whether ``candidate`` was flagged as aimed at the judge."""
    return INJECTION in candidate.flags


def best_index(
    scores: Sequence[float | None],
    candidates: Sequence[Candidate],
    language: str | None = None,
) -> int | None:
    """The highest-scoring candidate; ties go to the greedy candidate, then the earliest.

    Language fidelity: given the prompt's ``language``, a candidate detected in another language
    never beats one in the prompt's language (or of unknown language) that has a score; it can
    still win when nothing else was scored. ``None`` when no candidate has a score (NaN counts
    as none).
    """
    scored = [(s, i) for i, s in enumerate(scores) if s is not None and not math.isnan(s)]
    faithful = [(s, i) for s, i in scored if not off_language(candidates[i], language)]
    scored = faithful or scored
    if not scored:
        return None
    top = max(s for s, _ in scored)
    tied = [i for s, i in scored if s == top]
    return next((i for i in tied if candidates[i].greedy), tied[0])


def penalise_flagged(
    verdict: Verdict, candidates: Sequence[Candidate], language: str | None = None
) -> Verdict:
    """``verdict``, unless it chose a flagged candidate while an unflagged one exists.

    Then the winner is the best unflagged candidate by the verdict's own scores, with
    :func:`best_index`'s rules — so the order is: unflagged first, then (given ``language``)
    in the prompt's language, then the highest score, then greedy, then earliest. If no
    unflagged candidate has a score, the same rules choose among the unflagged ones as if all
    scored alike, and the verdict is marked as a fallback. Scores are left as they are.
    """
    if not 0 <= verdict.index < len(candidates) or not flagged(candidates[verdict.index]):
        return verdict
    clean = [not flagged(c) for c in candidates]
    if not any(clean):
        return verdict
    masked = [s if ok else None for s, ok in zip(verdict.scores, clean, strict=True)]
    index = best_index(masked, candidates, language)
    if index is not None:
        return verdict.model_copy(update={"index": index})
    index = best_index([0.0 if ok else None for ok in clean], candidates, language)
    assert index is not None  # some candidate is clean
    return Verdict(index=index, scores=verdict.scores, fallback=True)
