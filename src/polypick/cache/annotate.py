"""Showing cache hits in a :class:`~polypick.core.types.Selection`.

A candidate that came from the cache keeps its original usage (what it cost when it was drawn)
and gets the ``"cached"`` flag; a request the cache answered whole counts no request. The
selection's ``usage`` is what this call was billed: cached tokens and free requests are left
out, and a ``cache.saved`` trace event says what the cache saved, per stage.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from polypick.cache.scope import CallLog, Lookup
from polypick.core.types import Candidate, Completion, Selection, TraceEvent, Usage, UsageReport

__all__ = ["CACHED", "annotate"]

CACHED = "cached"
"""The flag of a candidate that came from the cache."""

_Signature = tuple[object, ...]


def annotate(selection: Selection, log: CallLog) -> Selection:
    """``selection`` with its cached candidates flagged, its usage billed and its trace
    extended with one ``cache.lookup`` event per request and a ``cache.saved`` summary."""
    if not log.lookups:
        return selection
    candidates = list(selection.candidates)
    sampling: list[Lookup] = []
    for lookup in log.lookups:
        if lookup.role == "llm" and _flag_matches(candidates, lookup):
            sampling.append(lookup)
    candidates = _free_requests(candidates)
    selection_saved = _saved(x for x in log.lookups if not any(x is s for s in sampling))
    billed = sum((_billed(c) for c in (*candidates, *selection.failures)), Usage())
    usage = UsageReport(
        generation=billed, selection=_minus(selection.usage.selection, selection_saved)
    )
    return selection.model_copy(
        update={
            "candidates": tuple(candidates),
            "usage": usage,
            "trace": _trace(selection, log, _saved(sampling), selection_saved),
        }
    )


def _signature(candidate_params: object, completion: Completion | Candidate) -> _Signature:
    return (
        candidate_params,
        completion.text,
        completion.tool_calls,
        completion.finish_reason,
        completion.usage.prompt_tokens,
        completion.usage.completion_tokens,
    )


def _flag_matches(candidates: list[Candidate], lookup: Lookup) -> bool:
    """Flag the candidates that ``lookup``'s hits became; whether any did.

    Candidates do not say which completion they came from, so a hit is matched to an unflagged
    candidate sampled with the same parameters (bar the seed) and the same reply and tokens.
    Where two candidates are identical in all of that, which one carries the flag is moot.
    """
    matched = False
    params = lookup.params.without_seed()
    for hit in lookup.hits:
        wanted = _signature(params, hit)
        for position, candidate in enumerate(candidates):
            if candidate.params is None or CACHED in candidate.flags:
                continue
            if _signature(candidate.params.without_seed(), candidate) == wanted:
                flags = (*candidate.flags, CACHED)
                candidates[position] = candidate.model_copy(update={"flags": flags})
                matched = True
                break
    return matched


def _free_requests(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Candidates of requests the cache answered whole count no request."""
    mixed = {c.request for c in candidates if CACHED not in c.flags}
    return [
        c.model_copy(update={"usage": c.usage.model_copy(update={"requests": 0})})
        if CACHED in c.flags and c.request not in mixed
        else c
        for c in candidates
    ]


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
