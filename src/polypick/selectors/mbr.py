"""Minimum Bayes risk (MBR) selection: the candidate that agrees most with the others.

Khairi et al. 2025, "When Life Gives You Samples" (arXiv 2506.20544), section A3: each candidate's
score is its mean utility against the other candidates used as pseudo-references,

    score_i = mean over j != i of u(candidate_i, candidate_j),

and the highest score wins. The utility is pluggable (:mod:`polypick.selectors.utilities`):
``"chrf"`` (default; no model calls), ``"embedding"`` (no model calls) or ``"judge"`` (an LLM's
pairwise preference), a :class:`~polypick.selectors.utilities.Utility`, or a function.

Cost: N(N-1) utility evaluations. With chrF or embeddings, no model calls. With the judge,
N(N-1) judge calls with both orders (the default) or N(N-1)/2 with one — 20 / 10 for N = 5,
240 / 120 for N = 16 — plus at most one re-ask per unreadable verdict.

Robustness: a utility cell that failed (``None``) is left out of the mean; a candidate with no
cell left has no score; if no candidate has a score (or the utility failed outright, which is
recorded), the greedy candidate — else the first — is returned, with ``mbr.fallback`` in the
trace. Ties go to the greedy candidate, then the earliest. With ``language_fidelity`` (default)
a candidate detected in another language than the prompt never beats one in the prompt's
language. The utility matrix and the scores are recorded as the ``mbr.matrix`` trace event.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from polypick.selectors.base import SelectionContext, Selector, Verdict, best_index, fallback_index
from polypick.selectors.utilities import Utility, UtilitySpec, resolve_utility

__all__ = ["MBRSelector", "mbr_decide", "mbr_scores"]


def mbr_scores(matrix: Sequence[Sequence[float | None]]) -> list[float | None]:
    """Each row's mean over its columns except its own (``j != i``), skipping ``None`` and NaN.

    Row ``i`` is candidate ``i``; column ``j < rows`` is candidate ``j`` as a pseudo-reference,
    and any further columns are extra evidence (X-MBR). ``None`` for a row with nothing left.
    """
    scores: list[float | None] = []
    for i, row in enumerate(matrix):
        values = [v for j, v in enumerate(row) if j != i and v is not None and not math.isnan(v)]
        scores.append(math.fsum(values) / len(values) if values else None)  # order-independent
    return scores


def _rounded(matrix: Sequence[Sequence[float | None]]) -> list[list[float | None]]:
    return [[None if v is None or math.isnan(v) else round(v, 4) for v in row] for row in matrix]


async def mbr_decide(
    context: SelectionContext,
    utility: Utility,
    evidence: Sequence[str] = (),
    *,
    language_fidelity: bool = True,
    stage: str = "mbr",
) -> Verdict:
    """Score the candidates against each other (and ``evidence``) and pick the best.

    ``evidence`` texts are extra pseudo-references only: they never get a row, so they can
    never be selected.
    """
    texts = [c.text for c in context.candidates]
    references = [*texts, *evidence]
    try:
        matrix = await utility.matrix(context, texts, references)
        if len(matrix) != len(texts) or any(len(row) != len(references) for row in matrix):
            raise ValueError(
                f"utility {utility.name!r} returned a matrix of the wrong shape; expected "
                f"{len(texts)} rows of {len(references)}"
            )
    except Exception as exc:  # a broken utility must not lose the candidates
        context.fail(f"{stage}.utility", exc)
        matrix = [[None] * len(references) for _ in texts]
    scores = mbr_scores(matrix)
    context.recorder.event(
        f"{stage}.matrix",
        utility=utility.name,
        columns=[*range(len(texts)), *(f"e{k}" for k in range(len(evidence)))],
        matrix=_rounded(matrix),
        scores=[None if s is None else round(s, 4) for s in scores],
    )
    language = context.language if language_fidelity else None
    index = best_index(scores, context.candidates, language)
    if index is None:
        context.recorder.event(f"{stage}.fallback", reason="no candidate could be scored")
        index = fallback_index(context.candidates)
        return Verdict(index=index, scores=tuple(scores), fallback=True)
    return Verdict(index=index, scores=tuple(scores))


class MBRSelector(Selector):
    """Pick the candidate with the highest mean utility against the other candidates.

    Args:
        utility: ``"chrf"``, ``"embedding"``, ``"judge"``, a
            :class:`~polypick.selectors.utilities.Utility` (e.g. ``JudgePreference(both_orders=
            False)``), or a function ``fn(hypothesis, reference) -> float``.
        language_fidelity: never let a candidate detected in another language than the prompt
            beat one in the prompt's language.
    """

    name = "mbr"

    def __init__(self, utility: UtilitySpec = "chrf", *, language_fidelity: bool = True) -> None:
        self.utility = resolve_utility(utility)
        self.needs_judge = self.utility.needs_judge
        self.language_fidelity = language_fidelity

    def __repr__(self) -> str:
        return f"MBRSelector(utility={self.utility.name!r})"

    def planned_calls(self, n: int) -> int:
        """Judge calls: none for metric utilities; per unordered pair for the LLM utility."""
        return planned_utility_calls(self.utility, n * (n - 1) // 2)

    async def select(self, context: SelectionContext) -> Verdict:
        return await mbr_decide(
            context, self.utility, language_fidelity=self.language_fidelity, stage="mbr"
        )


def planned_utility_calls(utility: Utility, pairs: int) -> int:
    """Judge calls a utility makes for ``pairs`` distinct unordered pairs (0 for metrics)."""
    if not utility.needs_judge:
        return 0
    return pairs * (2 if getattr(utility, "both_orders", True) else 1)
