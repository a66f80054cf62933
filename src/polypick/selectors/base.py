"""What a selector is, and what it may use.

A selector needs one method, ``select(context) -> Verdict``. The context hands it everything at
once: the prompt, all surviving candidates, and — for strategies that need them — a judge model
and the sampling model, both reached through :meth:`SelectionContext.ask`, which retries, counts
usage and records the trace like any sampling call. The deciding logic of each selector lives in
pure functions next to it, so it can be tested without any model.

The context also carries the :class:`~polypick.selectors.injection_policy.InjectionPolicy` that
:func:`~polypick.engine.selection.run_selector` applies around every selector; flagged candidates
carry the ``"injection"`` flag, and :func:`penalise_flagged` is the rule that keeps them from
winning.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict

from polypick.core.gateway import Gateway
from polypick.core.protocol import ChatModel, ModelRequest, Stage
from polypick.core.retry import RetryPolicy
from polypick.core.trace import Recorder
from polypick.core.types import (
    INJECTION,
    Candidate,
    Completion,
    ErrorInfo,
    Message,
    SamplingParams,
    SelectionFailure,
)
from polypick.errors import ConfigurationError, InvalidResponseError

__all__ = [
    "SELECTOR_MEMBERS",
    "RewardFunction",
    "SelectionContext",
    "Selector",
    "Verdict",
    "best_index",
    "fallback_index",
    "flagged",
    "missing_members",
    "not_a_selector",
    "off_language",
    "penalise_flagged",
    "scored_verdict",
]


RewardFunction = Callable[[str, str], float] | Callable[[str, str], Awaitable[float]]
"""``fn(prompt, candidate) -> score``, sync or async: a reward model, a verifier, a metric."""


class Verdict(BaseModel):
    """A selector's decision: the chosen candidate and one score per candidate."""

    model_config = ConfigDict(frozen=True)

    index: int
    scores: tuple[float | None, ...]
    fallback: bool = False


class Selector(ABC):
    """Chooses one candidate: the base class of every selector.

    A selector needs one method, :meth:`select`. Every other member has a documented default
    here; override the ones that differ:

    Attributes:
        name: how results and traces name it (default: the class name).
        needs_judge: whether :meth:`select` asks the judge model (``context.judge``); then
            ``BestOfN`` supplies one (the sampled model itself when no judge is given).
        handles_tool_calls: whether it can choose among candidates that call tools; when
            ``False`` (default) such candidates are chosen by a vote on their calls instead.
        language_fidelity: whether a candidate detected in another language than the prompt
            must never win over one in the prompt's language; ``True`` makes ``BestOfN``
            detect the candidates' languages and enforce it around :meth:`select`.
        reads_candidates: whether a model reads the candidates' text while selecting (a judge,
            a reward model), which makes screening them for text aimed at the judge worthwhile;
            by default, whenever :attr:`needs_judge`.
        needs_logprobs: the token log-probabilities :meth:`select` reads from
            ``candidate.logprobs``: ``None`` (default) none, and none are requested; ``0`` the
            chosen tokens'; ``k`` also the ``k`` most likely alternatives at each position.
            ``BestOfN`` then asks the backend for them, and refuses a backend that has none.
    """

    name: str = "selector"
    needs_judge: bool = False
    handles_tool_calls: bool = False
    language_fidelity: bool = False
    needs_logprobs: int | None = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "name" not in vars(cls) and cls.name == Selector.name:
            cls.name = cls.__name__

    @property
    def reads_candidates(self) -> bool:
        return self.needs_judge

    def planned_calls(self, n: int) -> int | None:
        """The model calls it makes for ``n`` candidates when every reply is readable, before
        retries (cost plans and budgets); ``None`` (default) when unknown."""
        return 0 if not self.needs_judge else None

    @abstractmethod
    async def select(self, context: SelectionContext) -> Verdict:
        """Choose one of ``context.candidates``."""


SELECTOR_MEMBERS = ("name", "needs_judge", "handles_tool_calls", "language_fidelity", "select")


def missing_members(obj: object) -> list[str]:
    """The :class:`Selector` members ``obj`` lacks (for errors about incomplete selectors)."""
    return [m for m in SELECTOR_MEMBERS if not hasattr(obj, m)]


def not_a_selector(obj: object) -> ConfigurationError | None:
    """The error for an object that means to be a selector (it has ``select``) but does not
    subclass :class:`Selector`; ``None`` for anything else."""
    if isinstance(obj, Selector) or not hasattr(obj, "select"):
        return None
    missing = missing_members(obj)
    detail = f"; it lacks {', '.join(missing)}" if missing else ""
    return ConfigurationError(
        f"{obj!r} has a select() method but is not a polypick Selector{detail}: subclass "
        "polypick.Selector, which supplies documented defaults for every member but select()"
    )


class SelectionContext:
    """Everything a selector may use for one call.

    Args:
        prompt: the prompt's messages.
        candidates: the candidates to choose from.
        llm: the sampled model (X-MBR draws its evidence from it).
        judge: the judge model, for selectors that need one.
        gateway: the call's gateway; every model call goes through it (:meth:`ask`).
        language: the prompt's language (ISO 639-1), or ``None``.
        context: the call's ``context`` (see :class:`~polypick.core.protocol.ModelRequest`).
        recorder, policy, deadline: build a gateway when none is given.
    """

    def __init__(
        self,
        prompt: Sequence[Message],
        candidates: Sequence[Candidate],
        *,
        llm: ChatModel,
        judge: ChatModel | None,
        gateway: Gateway | None = None,
        language: str | None = None,
        context: object = None,
        recorder: Recorder | None = None,
        policy: RetryPolicy | None = None,
        deadline: float | None = None,
    ) -> None:
        self.prompt = tuple(prompt)
        self.language = language
        """The prompt's detected language (ISO 639-1), or ``None``."""
        self.candidates = tuple(candidates)
        self.llm = llm
        self.judge = judge
        if gateway is None:
            gateway = Gateway(recorder or Recorder(), policy or RetryPolicy(), deadline)
        self.gateway = gateway
        self.context = context
        self.failures: list[SelectionFailure] = []

    @property
    def recorder(self) -> Recorder:
        return self.gateway.recorder

    @property
    def deadline(self) -> float | None:
        return self.gateway.deadline

    @property
    def policy(self) -> RetryPolicy:
        return self.gateway.policy

    def subset(self, indices: Sequence[int]) -> SelectionContext:
        """A context showing only the candidates at ``indices``, in that order, with the same
        models, gateway (trace, usage, deadline, policy); its failures are its own, and refer to
        positions in ``indices``."""
        return SelectionContext(
            self.prompt,
            [self.candidates[i] for i in indices],
            llm=self.llm,
            judge=self.judge,
            gateway=self.gateway,
            language=self.language,
            context=self.context,
        )

    async def ask(
        self,
        model: ChatModel,
        messages: Sequence[Message],
        params: SamplingParams,
        *,
        label: str,
        stage: Stage = "judge",
        candidate: int | None = None,
        json_schema: Mapping[str, Any] | None = None,
    ) -> Completion | None:
        """Make one selection-stage call through the gateway; ``None`` (and a recorded failure
        named ``label``) if it fails."""
        request = ModelRequest(
            tuple(messages), params, 1, stage, json_schema=json_schema, context=self.context
        )
        outcome = await self.gateway.generate(model, request, label=label, candidate=candidate)
        if outcome.error is not None or not outcome.value:
            error = outcome.error or InvalidResponseError("the model returned no completion")
            self.fail(label, error, candidate=candidate, attempts=max(1, outcome.attempts))
            return None
        completion = outcome.value[0]
        self.recorder.event(
            f"{label}.done",
            candidate=candidate,
            latency_s=round(outcome.latency_s, 6),
            tokens=completion.usage.total_tokens,
        )
        return completion

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


def scored_verdict(
    context: SelectionContext, scores: Sequence[float | None], *, fidelity: bool, label: str
) -> Verdict:
    """The verdict for candidates scored one by one: the best by :func:`best_index` (with the
    prompt's language when ``fidelity``), or the fallback — recorded as ``{label}.fallback`` —
    when no candidate has a score."""
    index = best_index(scores, context.candidates, context.language if fidelity else None)
    if index is None:
        context.recorder.event(f"{label}.fallback", reason="no candidate could be scored")
        return Verdict(
            index=fallback_index(context.candidates), scores=tuple(scores), fallback=True
        )
    return Verdict(index=index, scores=tuple(scores))


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
