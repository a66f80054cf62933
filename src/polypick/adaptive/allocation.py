"""Where the next samples go: the marginal-gain estimate of each prompt and a greedy allocator.

The allocator is greedy water-filling in rounds: each round gives ``step`` more samples to the
prompts with the highest estimated gain per sample, as far as the budget reaches; the caller
samples, re-estimates and asks again. Settled prompts (early-stopped, or with no estimated
gain) get nothing.

Two gain estimates are provided:

* :func:`vote_gain` (no fitted policy): the probability that the current majority answer is
  wrong about which of the top two answers is more likely (:func:`leader_uncertainty`), times
  the share of votes the top two hold. A 3–3 split is worth sampling; 4–0 is not; answers spread
  over many values (the model is guessing) are discounted, since more samples rarely fix those.
* a fitted :class:`~polypick.adaptive.policy.Policy`: the expected accuracy gained per extra
  sample in the prompt's difficulty bin, read off the cross-validated accuracy curve.
"""

from __future__ import annotations

from collections.abc import Sequence

from polypick.adaptive.difficulty import VoteStats, leader_uncertainty

__all__ = ["plan_round", "vote_gain"]


def vote_gain(stats: VoteStats) -> float:
    """The vote-based gain estimate of one prompt (0 when nothing was answered yet)."""
    if stats.n == 0:
        return 1.0  # unknown: worth a first look
    if stats.top == 0:
        return 0.0
    concentration = (stats.top + stats.runner_up) / stats.n
    return leader_uncertainty(stats.top, stats.runner_up) * concentration


def plan_round(
    gains: Sequence[float], room: Sequence[int], affordable: int, step: int
) -> list[int]:
    """Samples to give each prompt this round.

    Args:
        gains: estimated gain per sample of each prompt; ``<= 0`` means settled.
        room: how many more samples each prompt may still take (its per-prompt cap).
        affordable: how many samples the budget still allows in total.
        step: the increment a prompt gets when chosen.

    Prompts are served by decreasing gain (ties: earlier prompt first) until the budget is used.
    """
    if step < 1:
        raise ValueError("step must be >= 1")
    plan = [0] * len(gains)
    left = affordable
    for index in sorted(range(len(gains)), key=lambda i: (-gains[i], i)):
        if left <= 0:
            break
        if gains[index] <= 0.0 or room[index] <= 0:
            continue
        plan[index] = min(step, room[index], left)
        left -= plan[index]
    return plan
