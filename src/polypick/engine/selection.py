"""Running a selector over candidates and assembling the :class:`Selection`.

Shared by :class:`~polypick.BestOfN` (which samples first) and :func:`~polypick.select` (which
reranks candidates the caller already has), so both record results the same way.

:func:`run_selector` also applies an injection policy when it is given one (``BestOfN`` gives
one when a model reads the candidates, or when a policy was asked for): each candidate's text
goes through the policy's detector; a flagged candidate gets the ``"injection"`` flag and an
``injection.flagged`` trace event with the reasons. ``"exclude"`` screens first and hides
flagged candidates from the selector (unless every candidate is flagged); ``"penalise"`` and
``"ignore"`` screen while the selector runs, then ``"penalise"`` keeps flagged candidates from
winning (:func:`~polypick.selectors.base.penalise_flagged`) and ``"ignore"`` does nothing
more. See docs/selectors/injection.md.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import TypeVar

from polypick.core.language import LangidDetector, LanguageDetector
from polypick.core.redact import get_logger
from polypick.core.types import Candidate, Selection, SelectionFailure, Usage, UsageReport
from polypick.selectors.base import (
    SelectionContext,
    Selector,
    Verdict,
    fallback_index,
    flagged,
    penalise_flagged,
)
from polypick.selectors.injection import INJECTION, detect_injection
from polypick.selectors.injection_policy import InjectionPolicy
from polypick.selectors.tool_vote import ToolCallVoteSelector

__all__ = ["detect_languages", "finish", "run_selector", "screen"]

logger = get_logger("polypick")

T = TypeVar("T")
# Our detectors take about 50 µs plus 20 µs per hundred characters (measured), a thread hop about
# 100 µs of CPU: up to this many characters in all, detection runs on the event loop, which it
# then holds for a millisecond at most.
INLINE_CHARS = 4_000


async def detect_languages(
    detector: LanguageDetector | None, prompt: str, candidates: Sequence[Candidate]
) -> tuple[str | None, list[Candidate]]:
    """The prompt's language, and the candidates with theirs filled in (off the event loop,
    unless the texts are short and the detector is polypick's, already loaded)."""
    if detector is None:
        return None, list(candidates)

    unknown = [i for i, c in enumerate(candidates) if c.language is None and c.ok]
    texts = ([prompt] if prompt else []) + [candidates[i].text for i in unknown]  # "": none

    def detect() -> tuple[str | None, list[Candidate]]:
        # polypick's detector scores all the texts in one batch
        if isinstance(detector, LangidDetector):
            languages = detector.many(texts)
        else:
            languages = [detector(text) for text in texts]
        tagged = list(candidates)
        for i, language in zip(unknown, languages[len(texts) - len(unknown) :], strict=True):
            tagged[i] = tagged[i].model_copy(update={"language": language})
        return (languages[0] if prompt else None), tagged

    quick = isinstance(detector, LangidDetector) and detector.loaded
    return await _run_off_loop(detect, sum(map(len, texts)), quick)


async def _run_off_loop(work: Callable[[], T], chars: int, quick: bool) -> T:
    """``work()`` in a worker thread, so a slow detector never blocks the event loop; inline
    when it is one of ours (``quick``) and the texts are short, where a thread hop would cost
    more CPU than the work itself."""
    if quick and chars <= INLINE_CHARS:
        return work()
    return await asyncio.to_thread(work)


async def run_selector(
    selector: Selector, context: SelectionContext, injection: InjectionPolicy | None = None
) -> Verdict:
    """Ask ``selector`` for a verdict; a failing or invalid selector falls back, losing nothing.

    ``injection`` is applied around the selector (see the module's docstring; ``None``: no
    screening); the verdict's index and scores always refer to ``context.candidates``.
    Candidates that call tools are chosen by :class:`ToolCallVoteSelector` unless ``selector``
    declares ``handles_tool_calls``.
    """
    if injection is None:
        verdict, decided = await _decide(selector, context)
        if decided:
            context.recorder.event("selection.done", index=verdict.index, fallback=False)
        return verdict
    action = injection.action
    if action == "exclude":
        suspects = await screen(context, injection)
    else:
        # the selector never reads the flags, so it judges while the candidates are screened: a
        # classifier embeds every candidate, and a judge call takes far longer
        screening = asyncio.ensure_future(screen(context, injection))
        try:
            verdict, decided = await _decide(selector, context)
        except BaseException:
            screening.cancel()
            raise
        suspects = await screening
    n = len(context.candidates)
    if suspects and len(suspects) == n and action != "ignore":
        context.recorder.event("injection.all_flagged", policy=action)
    shown = [i for i in range(n) if i not in suspects]
    if action == "exclude" and suspects and shown:
        context.recorder.event("injection.excluded", candidates=suspects, shown=shown)
        verdict, decided = await _decide_subset(selector, context, shown)
    elif action == "exclude":
        verdict, decided = await _decide(selector, context)
    if action == "penalise" and suspects:
        language = context.language if selector.language_fidelity else None
        demoted = penalise_flagged(verdict, context.candidates, language)
        if demoted.index != verdict.index:
            context.recorder.event("injection.demoted", candidate=verdict.index, to=demoted.index)
        verdict = demoted
    if decided:
        context.recorder.event("selection.done", index=verdict.index, fallback=verdict.fallback)
    return verdict


async def screen(context: SelectionContext, injection: InjectionPolicy) -> list[int]:
    """Run the injection detector over the candidates (off the event loop unless it is the
    built-in one and the texts are short); flag and record the suspects, whose positions are
    returned. A candidate already flagged stays flagged."""
    detector = injection.detector

    def detect(text: str) -> list[str] | Exception:
        try:
            return list(detector(text)) if text else []
        except Exception as exc:  # reported, and the candidate flagged: a failure never clears
            return exc

    size = sum(len(c.text) for c in context.candidates)
    quick = detector is detect_injection
    found = await _run_off_loop(lambda: [detect(c.text) for c in context.candidates], size, quick)
    suspects, screened = [], []
    for index, (candidate, reasons) in enumerate(zip(context.candidates, found, strict=True)):
        if isinstance(reasons, Exception):
            context.fail("injection", reasons, candidate=index)
            reasons = [f"detector failed: {type(reasons).__name__}"]
        if flagged(candidate) and not reasons:
            reasons = ["flagged before"]
        if reasons:
            suspects.append(index)
            if not flagged(candidate):
                candidate = candidate.model_copy(update={"flags": (*candidate.flags, INJECTION)})
            context.recorder.event(
                "injection.flagged",
                candidate=index,
                reasons=reasons,
                policy=injection.action,
            )
        screened.append(candidate)
    context.candidates = tuple(screened)
    return suspects


async def _decide(selector: Selector, context: SelectionContext) -> tuple[Verdict, bool]:
    """The selector's verdict over ``context``, or the fallback; ``True`` if it decided."""
    candidates = context.candidates
    if len(candidates) == 1:
        context.recorder.event("selection.skipped", reason="one candidate")
        return Verdict(index=0, scores=(None,)), False
    if any(c.tool_calls for c in candidates) and not selector.handles_tool_calls:
        context.recorder.event("selection.tool_calls", replaced=selector.name, by="tool_vote")
        selector = ToolCallVoteSelector()
    context.recorder.event("selection.start", selector=selector.name)
    try:
        verdict = await selector.select(context)
        _check(verdict, candidates)
    except Exception as exc:  # a broken selector must not throw away paid-for samples
        logger.warning("selector %s failed; returning the fallback: %s", selector.name, exc)
        context.fail("selection", exc)
        context.recorder.event("selection.fallback", error=str(exc))
        return (
            Verdict(
                index=fallback_index(candidates),
                scores=tuple(None for _ in candidates),
                fallback=True,
            ),
            False,
        )
    return verdict, True


async def _decide_subset(
    selector: Selector, context: SelectionContext, shown: list[int]
) -> tuple[Verdict, bool]:
    """:func:`_decide` over ``context.candidates[i] for i in shown``, mapped back: the index,
    the scores (``None`` for the others) and recorded failures refer to the full list."""
    subset = context.subset(shown)
    verdict, decided = await _decide(selector, subset)
    context.failures += [_lift_failure(f, shown) for f in subset.failures]
    scores: list[float | None] = [None] * len(context.candidates)
    for position, score in zip(shown, verdict.scores, strict=True):
        scores[position] = score
    lifted = Verdict(index=shown[verdict.index], scores=tuple(scores), fallback=verdict.fallback)
    return lifted, decided


def _lift_failure(failure: SelectionFailure, shown: list[int]) -> SelectionFailure:
    if failure.candidate is None or not 0 <= failure.candidate < len(shown):
        return failure
    return failure.model_copy(update={"candidate": shown[failure.candidate]})


def finish(
    context: SelectionContext,
    verdict: Verdict,
    *,
    selector: Selector,
    llm: str,
    failures: Sequence[Candidate] = (),
    generation: Usage | None = None,
) -> Selection:
    """The :class:`Selection` recording everything that happened in ``context``."""
    candidates = context.candidates
    # The selector that chose: another one when the candidates called tools (see _decide).
    chose = [e.data["by"] for e in context.recorder.events if e.event == "selection.tool_calls"]
    return Selection(
        text=candidates[verdict.index].text,
        index=verdict.index,
        candidates=tuple(candidates),
        scores=verdict.scores,
        selector=chose[-1] if chose else selector.name,
        llm=llm,
        language=context.prompt_language if context.language_source else context.language,
        answer_language=context.language,
        answer_language_source=context.language_source,
        failures=tuple(failures),
        selection_failures=tuple(context.failures),
        usage=UsageReport(
            generation=context.gateway.usage["generation"] if generation is None else generation,
            selection=context.gateway.usage["selection"],
            by_model=dict(context.gateway.by_model),
        ),
        latency_s=context.recorder.elapsed(),
        trace=tuple(context.recorder.events),
    )


def _check(verdict: Verdict, candidates: Sequence[Candidate]) -> None:
    if not 0 <= verdict.index < len(candidates) or len(verdict.scores) != len(candidates):
        raise ValueError(
            f"the selector returned index {verdict.index} and {len(verdict.scores)} scores "
            f"for {len(candidates)} candidates"
        )
