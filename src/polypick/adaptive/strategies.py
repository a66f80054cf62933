"""The selection strategies a policy chooses between, as pure functions over one prompt's votes.

* ``majority``: the most common final answer (self-consistency);
* ``weighted``: best-of-N weighted — verifier scores summed per answer (Snell et al., 2024);
* ``best_of_n``: the single highest-scored sample.

The last two need verifier scores; without them they fall back to ``majority``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

from polypick.selectors.majority import vote
from polypick.selectors.weighted_majority import weighted_vote

__all__ = ["STRATEGIES", "Strategy", "pick"]

Strategy = Literal["majority", "weighted", "best_of_n"]
STRATEGIES: tuple[Strategy, ...] = ("majority", "weighted", "best_of_n")
"""In order of preference when strategies tie (the cheapest first)."""


def pick(
    strategy: Strategy,
    answers: Sequence[str | None],
    scores: Sequence[float | None] | None = None,
    greedy: Sequence[bool] | None = None,
) -> int:
    """The index of the sample ``strategy`` selects (``answers`` must not be empty)."""
    if not answers:
        raise ValueError("no samples to select from")
    flags = list(greedy) if greedy is not None else [False] * len(answers)
    usable = scores is not None and any(_finite(s) for s in scores)
    if strategy == "majority" or not usable or scores is None:
        return vote(answers, flags).index
    if strategy == "weighted":
        return weighted_vote(answers, scores, flags).index
    best = max(
        (i for i, s in enumerate(scores) if _finite(s)),
        key=lambda i: (scores[i], flags[i], -i),
    )
    return best


def _finite(score: float | None) -> bool:
    return score is not None and math.isfinite(score)
