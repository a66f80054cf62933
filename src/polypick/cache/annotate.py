"""Showing cache hits in a :class:`~polypick.core.types.Selection`.

The sampler flags candidates whose completion came from the cache (``Completion.cached``) with
``"cached"`` and counts no request for a request the cache answered whole; such a candidate
keeps its original usage (what it cost when it was drawn). Here the selection's ``usage``
becomes what this call was billed: cached tokens and free requests are left out, and a
``cache.saved`` trace event says what the cache saved, per stage.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from polypick.cache.scope import CallLog, Lookup
from polypick.core.sampler import CACHED
from polypick.core.types import Candidate, Selection, TraceEvent, Usage, UsageReport

__all__ = ["CACHED", "annotate"]


def annotate(selection: Selection, log: CallLog) -> Selection:
    """``selection`` with its usage billed and its trace extended with one ``cache.lookup``
    event per request and a ``cache.saved`` summary."""
    if not log.lookups:
        return selection
    samples = (*selection.candidates, *selection.failures)
    generation_saved = _generation_saved(samples)
    # every lookup that did not answer a sample answered a selection-stage call (a judge's, or
    # one the selector made through the llm, as xmbr does)
    selection_saved = _minus(_saved(log.lookups), generation_saved)
    billed = sum((_billed(c) for c in samples), Usage())
    usage = UsageReport(
        generation=billed, selection=_minus(selection.usage.selection, selection_saved)
    )
    trace = _trace(selection, log, generation_saved, selection_saved)
    return selection.model_copy(update={"usage": usage, "trace": trace})


def _generation_saved(samples: Sequence[Candidate]) -> Usage:
    """The tokens of the cached candidates and one request per request answered whole."""
    cached = [c for c in samples if CACHED in c.flags]
    drawn = {c.request for c in samples if CACHED not in c.flags}
    free = {c.request for c in cached} - drawn
    tokens = sum((_tokens(c.usage) for c in cached), Usage())
    return tokens + Usage(requests=len(free))


def _tokens(usage: Usage) -> Usage:
    return usage.model_copy(update={"requests": 0})


def _billed(candidate: Candidate) -> Usage:
    if CACHED in candidate.flags:
        return Usage(requests=candidate.usage.requests)
    return candidate.usage


def _saved(lookups: Iterable[Lookup]) -> Usage:
    total = Usage()
    for lookup in lookups:
        total += sum((hit.usage for hit in lookup.hits), Usage(requests=int(lookup.free)))
    return total


def _minus(total: Usage, part: Usage) -> Usage:
    return Usage(
        requests=max(0, total.requests - part.requests),
        prompt_tokens=max(0, total.prompt_tokens - part.prompt_tokens),
        completion_tokens=max(0, total.completion_tokens - part.completion_tokens),
    )


def _trace(
    selection: Selection, log: CallLog, generation: Usage, selection_saved: Usage
) -> tuple[TraceEvent, ...]:
    events = [
        TraceEvent(
            t=round(max(0.0, x.at - log.started), 6),
            event="cache.lookup",
            data={"role": x.role, "key": x.key[:16], "hits": len(x.hits), "drawn": x.drawn},
        )
        for x in log.lookups
    ]
    saved = TraceEvent(
        t=max((e.t for e in (*selection.trace, *events)), default=0.0),
        event="cache.saved",
        data={
            "generation": generation.model_dump(),
            "selection": selection_saved.model_dump(),
        },
    )
    merged = sorted([*selection.trace, *events], key=lambda e: e.t)  # stable: ties keep order
    return (*merged, saved)
