"""Self-certainty: the sample the model was surest of, or a vote ranked by it.

Kang et al. (2025, arXiv 2502.18581) measure a sample's self-certainty as the mean KL
divergence of the model's next-token distributions from the uniform one (here over the top
``k`` tokens the backend returns; see :mod:`polypick.selectors.confidence`). Alone, the selector
returns the most self-certain sample — useful for open-ended answers where no vote is possible.
With ``vote=True`` it applies the paper's Borda vote over extracted final answers: ranked by
self-certainty, the sample at rank ``r`` of ``N`` votes with weight ``(N - r + 1) ** power``.

Cost: no model calls. Scores are each candidate's self-certainty (``>= 0``), so it also serves
as the scorer of a weighted vote: ``WeightedMajoritySelector(scorer=SelfCertaintySelector())``.
"""

from __future__ import annotations

from polypick.errors import ConfigurationError
from polypick.selectors.answers import AnswerExtractor, extract_answer
from polypick.selectors.base import SelectionContext, Selector, Verdict, scored_verdict
from polypick.selectors.confidence import measured, self_certainty
from polypick.selectors.weighted_majority import weighted_vote

__all__ = ["SelfCertaintySelector", "borda_weights"]


def borda_weights(scores: list[float | None], power: float) -> list[float | None]:
    """Borda weights ``(N - r + 1) ** power`` for rank ``r`` (1 = most certain) of the ``N``
    scored candidates; equal scores share the better rank; unscored ones weigh nothing."""
    ranked = sorted((s for s in scores if s is not None), reverse=True)
    total = len(ranked)
    return [None if s is None else float(total - ranked.index(s)) ** power for s in scores]


class SelfCertaintySelector(Selector):
    """The most self-certain candidate, or (``vote=True``) a Borda vote ranked by it.

    Args:
        vote: vote over extracted answers instead of taking the most certain sample.
        power: the Borda exponent (``0``: plain majority; larger trusts the ranking more).
        top_logprobs: alternatives per token requested from the backend (2 to 20).
        extract: maps a candidate's text to its final answer, for the vote.
    """

    name = "self_certainty"

    def __init__(
        self,
        vote: bool = False,
        power: float = 0.5,
        top_logprobs: int = 5,
        extract: AnswerExtractor = extract_answer,
    ) -> None:
        if not isinstance(top_logprobs, int) or not 2 <= top_logprobs <= 20:
            raise ConfigurationError(
                f"top_logprobs must be 2 to 20 (a divergence needs two alternatives), "
                f"got {top_logprobs!r}"
            )
        if not isinstance(power, int | float) or power < 0:
            raise ConfigurationError(f"power must be a number >= 0, got {power!r}")
        self.vote = vote
        self.power = float(power)
        self.needs_logprobs = top_logprobs
        self.extract = extract

    def planned_calls(self, n: int) -> int:
        """No model calls."""
        return 0

    async def select(self, context: SelectionContext) -> Verdict:
        scores = measured(context.candidates, self_certainty, self.name)
        verdict = scored_verdict(context, scores, fidelity=False, label=self.name)
        if self.vote:
            answers = [self.extract(c.text) for c in context.candidates]
            greedy = [c.greedy for c in context.candidates]
            voted = weighted_vote(answers, borda_weights(scores, self.power), greedy)
            if not voted.fallback:
                verdict = Verdict(index=voted.index, scores=tuple(scores))
        context.recorder.event(
            "self_certainty.done",
            scores=[None if s is None else round(s, 4) for s in scores],
            winner=verdict.index,
            vote=self.vote,
        )
        return verdict
