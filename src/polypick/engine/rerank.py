"""``select``: run a selector over candidates that already exist (rerank stored samples).

The same selectors, judges, language detection and :class:`Selection` record as
:class:`~polypick.BestOfN`, without sampling: usage covers the selection stage only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from polypick.core.answer_language import expected_language, settle
from polypick.core.call import call_scope
from polypick.core.gateway import Gateway
from polypick.core.language import LanguageDetector, default_detector
from polypick.core.protocol import ChatModel, ModelRequest
from polypick.core.retry import RetryPolicy
from polypick.core.sync import run_sync
from polypick.core.trace import Recorder
from polypick.core.types import (
    Candidate,
    Completion,
    PromptInput,
    Selection,
    TraceEvent,
    prompt_text,
    to_messages,
)
from polypick.engine.components import resolve_selector_spec
from polypick.engine.selection import detect_languages, finish, run_selector
from polypick.engine.settings import Settings
from polypick.errors import ConfigurationError
from polypick.providers import ModelSpec, resolve_model
from polypick.selectors import SelectorSpec
from polypick.selectors.base import SelectionContext
from polypick.selectors.injection_policy import InjectionSpec, resolve_injection

__all__ = ["aselect", "select"]


class _NoModel:
    """Stands in for ``llm=`` when none was given; a selector that needs it fails clearly."""

    name = "none"

    async def generate(self, request: ModelRequest) -> list[Completion]:
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
    detect_language: bool | str | LanguageDetector = True,
    on_event: Callable[[TraceEvent], None] | None = None,
    injection: InjectionSpec | None = None,
    answer_language: str | None = None,
    task: str | None = None,
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
        injection: the policy for candidates aimed at the judge (see ``Settings.injection``):
            by default they are penalised, screened only when a model reads them.
        answer_language: the language the answer must be in (see
            ``Settings.answer_language``); by default named by the prompt, else inferred.
        task: ``"translation"`` when the prompt is a source text to translate and names no
            target language: the answer is then not expected in the source's language.
        options: options for a selector given by name, e.g. ``utility="chrf"``.
    """
    messages = to_messages(prompt)
    settings = Settings.of(
        retry=retry,
        injection=injection,
        detect_language=detect_language,
        answer_language=answer_language,
    )
    pool = [_as_candidate(c, i) for i, c in enumerate(candidates)]
    if not pool:
        raise ConfigurationError("select() needs at least one candidate")
    chosen = resolve_selector_spec(selector, judge is not None, options)
    judge_model = resolve_model(judge) if judge is not None else None
    model: ChatModel = resolve_model(llm) if llm is not None else _NoModel()
    if chosen.needs_judge and judge_model is None:
        raise ConfigurationError(f"selector {chosen.name!r} needs a judge: pass judge=...")
    detector: LanguageDetector | None = None
    if detect_language is True or detect_language == "auto":
        detector = default_detector()
    elif callable(detect_language):
        detector = detect_language
    recorder = Recorder(on_event)
    with call_scope(recorder):
        text = prompt_text(messages)
        language, pool = await detect_languages(detector, text, pool)
        answer = expected_language(text, language, explicit=settings.answer_language, task=task)
        answer = settle(answer, language, [c.language for c in pool])
        if answer.source is not None:
            recorder.event("language.answer", language=answer.code, source=answer.source)
        gateway = Gateway(recorder, settings.retry)
        context = SelectionContext(
            messages,
            pool,
            llm=model,
            judge=judge_model,
            gateway=gateway,
            language=answer.code,
            prompt_language=language,
            language_source=answer.source or "prompt",
            detector=detector,
        )
        screening = settings.injection
        if screening is None and chosen.reads_candidates:
            screening = resolve_injection("penalise")
        verdict = await run_selector(chosen, context, screening)
        gateway.record_savings()
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
