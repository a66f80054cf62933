"""Fit a compute-optimal policy from a labelled dev set (Snell et al., 2024, section 3.2).

Each dev example holds the answers sampled for one prompt, in sampling order, the correct
answer, and optionally a verifier score per sample. A strategy at budget ``k`` is judged on the
first ``k`` samples. Prompts are binned into quantiles (5 by default) of the first-round
statistic; for each (bin, budget) the most accurate strategy wins (ties: the cheaper one, in
:data:`~polypick.adaptive.strategies.STRATEGIES` order).

Cross-validation (2 folds by default, as in the paper): the bins and choices are fitted on one
fold and scored on the other, so the reported accuracy is that of the *procedure* on unseen
prompts. The saved policy itself is fitted on the whole dev set.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, model_validator

from polypick.adaptive.difficulty import vote_stats
from polypick.adaptive.policy import BinChoice, BudgetScore, Policy, Statistic
from polypick.adaptive.strategies import STRATEGIES, Strategy, pick

__all__ = ["DevExample", "fit_policy", "first_round_statistic", "quantile_edges"]


class DevExample(BaseModel):
    """One labelled dev prompt: its sampled (extracted) answers, the truth, verifier scores."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    answers: tuple[str | None, ...]
    correct: str
    scores: tuple[float | None, ...] | None = None

    @model_validator(mode="after")
    def _aligned(self) -> DevExample:
        if self.scores is not None and len(self.scores) != len(self.answers):
            raise ValueError("scores must have one entry per answer")
        return self

    def solved(self, strategy: Strategy, budget: int) -> bool:
        """Whether ``strategy`` over the first ``budget`` samples picks the correct answer."""
        answers = self.answers[:budget]
        scores = None if self.scores is None else self.scores[:budget]
        return answers[pick(strategy, answers, scores)] == self.correct


def first_round_statistic(example: DevExample, first_round: int, statistic: Statistic) -> float:
    """The difficulty statistic of the first ``first_round`` samples (higher: easier)."""
    scores = None if example.scores is None else example.scores[:first_round]
    stats = vote_stats(example.answers[:first_round], scores)
    if statistic == "verifier":
        return stats.mean_score if stats.mean_score is not None else 0.0
    return stats.agreement


def quantile_edges(values: Sequence[float], bins: int = 5) -> tuple[float, ...]:
    """``bins - 1`` boundaries splitting ``values`` into equal-count quantiles."""
    ordered = sorted(values)
    if not ordered:
        return ()
    # each edge is the largest value of its lower quantile, so ties stay in one bin
    return tuple(ordered[max(0, (len(ordered) * q) // bins - 1)] for q in range(1, bins))


def fit_policy(
    examples: Sequence[DevExample],
    budgets: Sequence[int] = (1, 2, 4, 8, 16),
    *,
    first_round: int = 4,
    statistic: Statistic = "agreement",
    bins: int = 5,
    folds: int = 2,
    seed: int = 0,
) -> Policy:
    """Fit the best strategy per (bin, budget), with ``folds``-fold cross-validated accuracy."""
    if not examples:
        raise ValueError("the dev set is empty")
    if any(len(e.answers) < max(budgets) for e in examples):
        raise ValueError(f"every dev example needs at least {max(budgets)} sampled answers")
    strategies = _usable(examples)
    values = [first_round_statistic(e, first_round, statistic) for e in examples]
    policy = _fit(examples, values, budgets, first_round, statistic, bins, strategies)
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    correct = {b: 0 for b in budgets}
    for fold in range(folds):
        test = [i for rank, i in enumerate(order) if rank % folds == fold]
        train = [i for rank, i in enumerate(order) if rank % folds != fold]
        if not train or not test:
            continue
        fitted = _fit(
            [examples[i] for i in train],
            [values[i] for i in train],
            budgets,
            first_round,
            statistic,
            bins,
            strategies,
        )
        for i in test:
            for b in budgets:
                strategy = fitted.choice(fitted.bin_of(values[i]), b).strategy
                correct[b] += examples[i].solved(strategy, b)
    scores = tuple(
        BudgetScore(
            budget=b,
            policy=correct[b] / len(examples),
            majority=sum(e.solved("majority", b) for e in examples) / len(examples),
        )
        for b in budgets
    )
    return policy.model_copy(update={"cross_validation": scores})


def _usable(examples: Sequence[DevExample]) -> tuple[Strategy, ...]:
    if all(e.scores is not None for e in examples):
        return STRATEGIES
    return ("majority",)


def _fit(
    examples: Sequence[DevExample],
    values: Sequence[float],
    budgets: Sequence[int],
    first_round: int,
    statistic: Statistic,
    bins: int,
    strategies: Sequence[Strategy],
) -> Policy:
    edges = quantile_edges(values, bins)
    probe = Policy(
        statistic=statistic, first_round=first_round, edges=edges, budgets=(1,), choices=()
    )
    members: dict[int | None, list[DevExample]] = {None: list(examples)}
    for example, value in zip(examples, values, strict=True):
        members.setdefault(probe.bin_of(value), []).append(example)
    choices = [
        _best(group, bin_, budget, strategies)
        for bin_, group in members.items()
        for budget in budgets
    ]
    return Policy(
        statistic=statistic,
        first_round=first_round,
        edges=edges,
        budgets=tuple(sorted(budgets)),
        choices=tuple(choices),
    )


def _best(
    group: Sequence[DevExample], bin_: int | None, budget: int, strategies: Sequence[Strategy]
) -> BinChoice:
    accuracy = {s: sum(e.solved(s, budget) for e in group) / len(group) for s in strategies}
    strategy = max(strategies, key=lambda s: (accuracy[s], -strategies.index(s)))
    return BinChoice(
        bin=bin_, budget=budget, strategy=strategy, accuracy=accuracy[strategy], prompts=len(group)
    )
