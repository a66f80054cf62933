"""Weighted majority: votes over final answers, each weighted by a scorer's rating.

"Best-of-N weighted" (Snell et al., 2024): group candidates by their (normalised) final answer,
sum a verifier's scores per group, and return the answer with the largest sum. Plain majority is
the special case where every weight is 1. The scorer is any selector that scores candidates one
by one — the pointwise LLM ``judge`` by default, a ``RewardSelector`` (a reward function or a
reward model endpoint), or your own — so the cost is the scorer's (N judge calls by default).

Weights below zero count as zero and unscored candidates weigh nothing. Ties go to the group that
holds the greedy sample, then to the group whose first member came earliest; the group's
representative is its greedy candidate, else its highest-weighted one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from polypick.selectors.answers import AnswerExtractor, extract_answer
from polypick.selectors.base import SelectionContext, Selector, Verdict, fallback_index
from polypick.selectors.cost import planned_calls
from polypick.selectors.judge import JudgeSelector

__all__ = ["WeightedMajoritySelector", "weighted_vote"]


def weighted_vote(
    answers: Sequence[str | None], weights: Sequence[float | None], greedy: Sequence[bool]
) -> Verdict:
    """Pick the answer with the largest total weight; scores are each candidate's group share."""
    totals: dict[str, float] = defaultdict(float)
    for answer, weight in zip(answers, weights, strict=True):
        if answer is not None:
            totals[answer] += max(0.0, weight or 0.0)
    grand = sum(totals.values())
    if not totals or grand == 0.0:
        return Verdict(index=0, scores=tuple(None for _ in answers), fallback=True)
    top = max(totals.values())
    leaders = {a for a, total in totals.items() if total == top}
    members = [i for i, a in enumerate(answers) if a in leaders]
    first = next((i for i in members if greedy[i]), members[0])
    group = [i for i in members if answers[i] == answers[first]]
    winner = first if greedy[first] else max(group, key=lambda i: (weights[i] or 0.0, -i))
    scores = tuple(None if a is None else totals[a] / grand for a in answers)
    return Verdict(index=winner, scores=scores)


class WeightedMajoritySelector(Selector):
    """Vote over final answers weighted by ``scorer``'s per-candidate scores.

    Args:
        scorer: a selector that scores candidates individually (default: the pointwise judge).
        extract: maps a candidate's text to its final answer (default: language-aware).
    """

    name = "weighted_majority"

    def __init__(
        self, scorer: Selector | None = None, extract: AnswerExtractor = extract_answer
    ) -> None:
        self.scorer: Selector = scorer if scorer is not None else JudgeSelector()
        self.needs_judge = self.scorer.needs_judge
        self.needs_logprobs = self.scorer.needs_logprobs  # a confidence scorer reads them
        self.extract = extract

    def planned_calls(self, n: int) -> int:
        """The scorer's calls."""
        return planned_calls(self.scorer, n) or 0

    async def select(self, context: SelectionContext) -> Verdict:
        rated = await self.scorer.select(context)
        answers = [self.extract(c.text) for c in context.candidates]
        verdict = weighted_vote(answers, rated.scores, [c.greedy for c in context.candidates])
        if verdict.fallback:
            verdict = verdict.model_copy(update={"index": fallback_index(context.candidates)})
        context.recorder.event(
            "weighted_majority.vote",
            answers=answers,
            weights=list(rated.scores),
            winner=verdict.index,
            fallback=verdict.fallback,
        )
        return verdict
