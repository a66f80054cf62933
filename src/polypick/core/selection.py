"""Running a selector over candidates and assembling the :class:`Selection`.

Shared by :class:`~polypick.BestOfN` (which samples first) and :func:`~polypick.select` (which
reranks candidates the caller already has), so both record results the same way.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

from polypick.core.language import LanguageDetector
from polypick.core.types import Candidate, Selection, Usage, UsageReport
from polypick.selectors.base import SelectionContext, Selector, Verdict, fallback_index
from polypick.selectors.tool_vote import ToolCallVoteSelector

__all__ = ["detect_languages", "finish", "run_selector"]

logger = logging.getLogger("polypick")


async def detect_languages(
    detector: LanguageDetector | None, prompt: str, candidates: Sequence[Candidate]
) -> tuple[str | None, list[Candidate]]:
    """The prompt's language, and the candidates with theirs filled in (off the event loop)."""
    if detector is None:
        return None, list(candidates)

    def detect() -> tuple[str | None, list[Candidate]]:
        tagged = [
            c
            if c.language is not None or not c.ok
            else c.model_copy(update={"language": detector(c.text)})
            for c in candidates
        ]
        return detector(prompt), tagged

    return await asyncio.to_thread(detect)


async def run_selector(selector: Selector, context: SelectionContext) -> Verdict:
    """Ask ``selector`` for a verdict; a failing or invalid selector falls back, losing nothing.

    Candidates that call tools are chosen by :class:`ToolCallVoteSelector` unless ``selector``
    declares ``handles_tool_calls``.
    """
    candidates = context.candidates
    if len(candidates) == 1:
        context.recorder.event("selection.skipped", reason="one candidate")
        return Verdict(index=0, scores=(None,))
    if any(c.tool_calls for c in candidates) and not getattr(selector, "handles_tool_calls", False):
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
        return Verdict(
            index=fallback_index(candidates),
            scores=tuple(None for _ in candidates),
            fallback=True,
        )
    context.recorder.event("selection.done", index=verdict.index, fallback=verdict.fallback)
    return verdict


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
    return Selection(
        text=candidates[verdict.index].text,
        index=verdict.index,
        candidates=tuple(candidates),
        scores=verdict.scores,
        selector=selector.name,
        llm=llm,
        language=context.language,
        failures=tuple(failures),
        selection_failures=tuple(context.failures),
        usage=UsageReport(
            generation=generation or Usage(), selection=context.recorder.selection_usage
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
