"""The end of a search call: the vote among its solutions, recorded as a core Selection.

The prompt's language and every solution's are detected as ``BestOfN`` does (offline, off the
event loop), so ``Selection.language`` and ``off_language`` mean the same for every strategy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from polypick.core.language import LanguageDetector
from polypick.core.types import Candidate, Selection, UsageReport
from polypick.engine.selection import detect_languages
from polypick.errors import DeadlineExceededError, TooFewCandidatesError
from polypick.search._run import SearchRun, Solution
from polypick.search.steps import Vote, choose, join_steps
from polypick.selectors.answers import AnswerExtractor

__all__ = ["build_selection", "nothing_finished"]


def nothing_finished(run: SearchRun, name: str, seconds: float | None) -> TooFewCandidatesError:
    """The error for a search that finished no solution, with every cause it met."""
    causes = list(run.errors)
    if run.timed_out:
        causes.append(DeadlineExceededError(f"the deadline of {seconds} s passed"))
        return TooFewCandidatesError(
            f"{name} finished no solution with {run.llm.name} before its deadline of "
            f"{seconds} s; raise SearchSettings(deadline=...) or lower n / max_rounds",
            causes,
        )
    return TooFewCandidatesError(
        f"{name} finished no solution with {run.llm.name}",
        causes or [RuntimeError("no solution finished")],
    )


async def build_selection(
    run: SearchRun,
    solutions: Sequence[Solution],
    *,
    name: str,
    vote: Vote,
    extract: AnswerExtractor,
    index: int | None,
    detector: LanguageDetector | None,
    language: str | None,
) -> Selection:
    """Choose among ``solutions`` by ``vote`` (unless the caller chose ``index``) and record
    everything as a Selection."""
    texts = [join_steps(s.steps, run.delimiter) for s in solutions]
    answers = [extract(t) for t in texts]
    scores = [s.score for s in solutions]
    if index is None:
        index = choose(answers, scores, vote)
    run.recorder.event("search.vote", vote=vote, answers=answers, scores=scores, index=index)
    candidates = [
        Candidate(
            text=text,
            params=s.params,
            greedy=s.params.greedy,
            sample=i,
            finish_reason="stop" if s.ended else "length",
        )
        for i, (text, s) in enumerate(zip(texts, solutions, strict=True))
    ]
    _, candidates = await detect_languages(detector, "", candidates)
    return Selection(
        text=texts[index],
        index=index,
        candidates=tuple(candidates),
        scores=tuple(None if s is None or math.isnan(s) else s for s in scores),
        selector=name,
        llm=run.llm.name,
        language=language,
        selection_failures=tuple(run.failures),
        usage=UsageReport(generation=run.generation, selection=run.selection),
        latency_s=run.recorder.elapsed(),
        trace=tuple(run.recorder.events),
    )
