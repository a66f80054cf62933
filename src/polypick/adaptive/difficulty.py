"""Difficulty from a few samples: how much they agree, and how the verifier rates them.

Pure functions over extracted answers (``None``: no answer could be extracted) and optional
verifier scores. They never call a model.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["VoteStats", "leader_uncertainty", "should_stop", "vote_stats"]


@dataclass(frozen=True)
class VoteStats:
    """The state of one prompt's vote.

    Attributes:
        n: samples so far (including those without an answer).
        leader: the most common answer (``None`` if no sample has one).
        top: votes for the leader.
        runner_up: votes for the second most common answer.
        agreement: the leader's share of all ``n`` samples (0 when ``n`` is 0).
        mean_score: the mean verifier score, when scores were given.
    """

    n: int
    leader: str | None
    top: int
    runner_up: int
    agreement: float
    mean_score: float | None = None


def vote_stats(
    answers: Sequence[str | None], scores: Sequence[float | None] | None = None
) -> VoteStats:
    """Summarise a vote; ties for the lead go to the answer seen first."""
    counts = Counter(a for a in answers if a is not None)
    ranked = sorted(counts.items(), key=lambda item: -item[1])  # stable: first seen wins ties
    leader, top = ranked[0] if ranked else (None, 0)
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    known = [s for s in scores or () if s is not None and math.isfinite(s)]
    mean = sum(known) / len(known) if known else None
    agreement = top / len(answers) if answers else 0.0
    return VoteStats(len(answers), leader, top, runner_up, agreement, mean)


def should_stop(stats: VoteStats, threshold: float, min_samples: int) -> bool:
    """Early stopping: at least ``min_samples`` drawn and the leader's share reaches
    ``threshold``."""
    return stats.n >= min_samples and stats.top > 0 and stats.agreement >= threshold


def leader_uncertainty(top: int, runner_up: int) -> float:
    """Posterior probability that the current leader is not the more likely of the top two.

    With a uniform prior on the leader's share ``s`` of the votes the top two answers get,
    the posterior is Beta(top + 1, runner_up + 1) and ``P(s < 1/2)`` equals
    ``P(Binomial(top + runner_up + 1, 1/2) >= top + 1)``: 1/2 for a tie, 1/32 for 4 to 0.
    """
    trials = top + runner_up + 1
    return sum(math.comb(trials, k) for k in range(top + 1, trials + 1)) / (1 << trials)
