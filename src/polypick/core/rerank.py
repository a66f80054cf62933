"""``select``: run a selector over candidates that already exist (rerank stored samples).

The same selectors, judges, language detection and :class:`Selection` record as
:class:`~polypick.BestOfN`, without sampling: usage covers the selection stage only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from polypick.core.language import LanguageDetector, default_detector
from polypick.core.protocol import ChatModel
from polypick.core.retry import RetryPolicy
from polypick.core.selection import detect_languages, finish, run_selector
from polypick.core.sync import run_sync
from polypick.core.trace import Recorder
from polypick.core.types import (
    Candidate,
    Completion,
    Message,
    PromptInput,
    SamplingParams,
    Selection,
    TraceEvent,
    prompt_text,
    to_messages,
)
from polypick.errors import ConfigurationError
from polypick.providers import ModelSpec, resolve_model
from polypick.selectors import SelectorSpec, default_selector, resolve_selector
from polypick.selectors.base import SelectionContext
from polypick.selectors.injection_policy import InjectionSpec, resolve_injection

__all__ = ["aselect", "select"]


class _NoModel:
    """Stands in for ``llm=`` when none was given; a selector that needs it fails clearly."""

    name = "none"
    max_n = 1

    def validate(self, params: SamplingParams) -> None:
        """Accepts everything; it is never asked to generate unless a selector needs it."""

    async def generate(
        self,
        messages: Sequence[Message],
        params: SamplingParams,
        n: int = 1,
        *,
        json_schema: Any = None,
    ) -> list[Completion]:
        raise ConfigurationError("this selector generates text: pass llm=... to select()")

    async def aclose(self) -> None:
        """Nothing to release."""


async def aselect(
    prompt: PromptInput,
    candidates: Sequence[str | Candidate],
    selector: SelectorSpec | None = None,
    *,
    judge: ModelSpec | None = None,
    llm: ModelSpec | None = None,
    retry: RetryPolicy | int = 2,
    detect_language: bool | LanguageDetector = True,
    on_event: Callable[[TraceEvent], None] | None = None,
    injection: InjectionSpec = "penalise",
    **options: Any,
) -> Selection:
    """Select the best of ``candidates`` for ``prompt``.

    Args:
        prompt: the prompt the candidates answer (a string or chat messages).
        candidates: candidate texts, or :class:`Candidate` records from an earlier run.
        selector: a name, a selector object or a reward function; by default CHOPS when a
            judge is given, else MBR with chrF.
        judge: the judge model, for selectors that need one.
        llm: the generating model, for selectors that sample more (X-MBR's evidence).
        retry: the retry policy for judge calls, or the number of retries.
        detect_language: detect the prompt's and candidates' languages (language fidelity).
        injection: the policy for candidates aimed at the judge (see ``BestOfN``).
        options: options for a selector given by name, e.g. ``utility="chrf"``.
    """
    messages = to_messages(prompt)
    policy_for_injection = resolve_injection(injection)
    pool = [_as_candidate(c, i) for i, c in enumerate(candidates)]
    if not pool:
        raise ConfigurationError("select() needs at least one candidate")
    if selector is None:
        chosen = default_selector(judge is not None)
        if options:
            raise ConfigurationError("options need a selector given by name, e.g. selector='mbr'")
    else:
        chosen = resolve_selector(selector, **options)
    judge_model = resolve_model(judge) if judge is not None else None
    model: ChatModel = resolve_model(llm) if llm is not None else _NoModel()
    if chosen.needs_judge and judge_model is None:
        raise ConfigurationError(f"selector {chosen.name!r} needs a judge: pass judge=...")
    detector = default_detector() if detect_language is True else (detect_language or None)
    language, pool = await detect_languages(detector, prompt_text(messages), pool)
    policy = retry if isinstance(retry, RetryPolicy) else RetryPolicy(max_retries=retry)
    context = SelectionContext(
        messages,
        pool,
        llm=model,
        judge=judge_model,
        recorder=Recorder(on_event),
        policy=policy,
        language=language,
        injection=policy_for_injection,
    )
    verdict = await run_selector(chosen, context)
    return finish(context, verdict, selector=chosen, llm=model.name)


def select(
    prompt: PromptInput,
    candidates: Sequence[str | Candidate],
    selector: SelectorSpec | None = None,
    **kwargs: Any,
) -> Selection:
    """Sync :func:`aselect`."""
    return run_sync(aselect(prompt, candidates, selector, **kwargs))


def _as_candidate(candidate: str | Candidate, index: int) -> Candidate:
    if isinstance(candidate, Candidate):
        if not candidate.ok:
            raise ConfigurationError(f"candidate {index} is a failed sample; pass only successes")
        return candidate.model_copy(update={"sample": index})
    if not isinstance(candidate, str):
        raise ConfigurationError(f"candidate {index} is {candidate!r}; pass strings or Candidates")
    return Candidate(text=candidate, sample=index)
