"""Compute-optimal best-of-N: budgets, difficulty estimates, early stopping, allocation across
prompts, and a policy fitted per difficulty bin (Snell et al., 2024).

The pure parts (:mod:`.difficulty`, :mod:`.allocation`, :mod:`.strategies`, :mod:`.fit`) never
call a model; :class:`AdaptiveBestOfN` is the I/O edge. See ``docs/adaptive.md``.
"""

from polypick.adaptive.allocation import plan_round, vote_gain
from polypick.adaptive.budget import ComputeBudget, Ledger
from polypick.adaptive.difficulty import VoteStats, leader_uncertainty, should_stop, vote_stats
from polypick.adaptive.fit import DevExample, fit_policy, quantile_edges, statistic_at
from polypick.adaptive.policy import BinChoice, BudgetScore, Policy, Stage, StageBin, Statistic
from polypick.adaptive.report import AdaptiveRun, AllocationReport, PromptAllocation
from polypick.adaptive.settings import AdaptiveSettings
from polypick.adaptive.simulate import Simulator
from polypick.adaptive.strategies import STRATEGIES, Strategy, pick
from polypick.adaptive.strategy import AdaptiveBestOfN

__all__ = [
    "STRATEGIES",
    "AdaptiveBestOfN",
    "AdaptiveRun",
    "AdaptiveSettings",
    "AllocationReport",
    "BinChoice",
    "BudgetScore",
    "ComputeBudget",
    "DevExample",
    "Ledger",
    "Policy",
    "PromptAllocation",
    "Simulator",
    "Stage",
    "StageBin",
    "Statistic",
    "Strategy",
    "VoteStats",
    "fit_policy",
    "leader_uncertainty",
    "pick",
    "plan_round",
    "quantile_edges",
    "should_stop",
    "statistic_at",
    "vote_gain",
    "vote_stats",
]
