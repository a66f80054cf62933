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
  sample for dev prompts that looked the same after as many samples (same checkpoint, same
  difficulty bin), read off their accuracy curves.

A round serves at most ``width`` prompts: when every prompt with a positive gain were served
each round, small gains (a nearly hopeless prompt) would use up the budget in early rounds,
before the larger gains that later samples reveal elsewhere; serving the best share per round
keeps the allocation close to exact greedy (one sample at a time, by gain).
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
    gains: Sequence[float],
    room: Sequence[int],
    affordable: int,
    step: int,
    width: int | None = None,
) -> list[int]:
    """Samples to give each prompt this round.

    Args:
        gains: estimated gain per sample of each prompt; ``<= 0`` means settled.
        room: how many more samples each prompt may still take (its per-prompt cap).
        affordable: how many samples the budget still allows in total.
        step: the increment a prompt gets when chosen.
        width: most prompts served this round (``None``: no limit).

    Prompts are served by decreasing gain (ties: earlier prompt first) until the budget or
    ``width`` is used up.
    """
    if step < 1 or (width is not None and width < 1):
        raise ValueError("step and width must be >= 1")
    plan = [0] * len(gains)
    left = affordable
    served = 0
    for index in sorted(range(len(gains)), key=lambda i: (-gains[i], i)):
        if left <= 0 or served == width:
            break
        if gains[index] <= 0.0 or room[index] <= 0:
            continue
        plan[index] = min(step, room[index], left)
        left -= plan[index]
        served += 1
    return plan
