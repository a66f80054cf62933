"""Fit a compute-optimal policy from a labelled dev set (Snell et al., 2024, section 3.2).

Each dev example holds the answers sampled for one prompt, in sampling order, the correct
answer, and optionally a verifier score per sample. A strategy at budget ``k`` is judged on the
first ``k`` samples. At every checkpoint ``n`` (``first_round`` and each larger budget) the
prompts are binned into quantiles (5 by default) of the statistic of their first ``n`` samples,
and each bin records every strategy's accuracy at ``n`` and at every later checkpoint: the
curves :class:`~polypick.adaptive.policy.Policy` reads gains and choices from (ties between
strategies go to the cheaper one, in :data:`~polypick.adaptive.strategies.STRATEGIES` order).

Cross-validation (2 folds by default, as in the paper): the bins and choices are fitted on one
fold and scored on the other, so the reported accuracy is that of the *procedure* on unseen
prompts. The saved policy itself is fitted on the whole dev set.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, model_validator

from polypick.adaptive.difficulty import vote_stats
from polypick.adaptive.policy import BudgetScore, Policy, Stage, StageBin, Statistic
from polypick.adaptive.strategies import STRATEGIES, Strategy, pick

__all__ = ["DevExample", "fit_policy", "quantile_edges", "statistic_at"]


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


def statistic_at(example: DevExample, samples: int, statistic: Statistic) -> float:
    """The difficulty statistic of the first ``samples`` samples (higher: easier)."""
    scores = None if example.scores is None else example.scores[:samples]
    stats = vote_stats(example.answers[:samples], scores)
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
    """Fit accuracy curves per (checkpoint, bin), with ``folds``-fold cross-validated accuracy.

    The checkpoints are ``first_round`` and every budget above it; each needs every dev example
    to have at least the largest budget's samples.
    """
    if not examples:
        raise ValueError("the dev set is empty")
    checkpoints = tuple(sorted({first_round, *(b for b in budgets if b >= first_round)}))
    if any(len(e.answers) < checkpoints[-1] for e in examples):
        raise ValueError(f"every dev example needs at least {checkpoints[-1]} sampled answers")
    strategies = _usable(examples)
    policy = _fit(examples, checkpoints, first_round, statistic, bins, strategies)
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    correct = dict.fromkeys(checkpoints, 0)
    for fold in range(folds):
        test = [examples[i] for rank, i in enumerate(order) if rank % folds == fold]
        train = [examples[i] for rank, i in enumerate(order) if rank % folds != fold]
        if not train or not test:
            continue
        fitted = _fit(train, checkpoints, first_round, statistic, bins, strategies)
        for example in test:
            for b in checkpoints:
                value = statistic_at(example, b, statistic)
                correct[b] += example.solved(fitted.choice(b, value).strategy, b)
    scores = tuple(
        BudgetScore(
            budget=b,
            policy=correct[b] / len(examples),
            majority=sum(e.solved("majority", b) for e in examples) / len(examples),
        )
        for b in checkpoints
    )
    return policy.model_copy(update={"cross_validation": scores})


def _usable(examples: Sequence[DevExample]) -> tuple[Strategy, ...]:
    if all(e.scores is not None for e in examples):
        return STRATEGIES
    return ("majority",)


def _fit(
    examples: Sequence[DevExample],
    checkpoints: tuple[int, ...],
    first_round: int,
    statistic: Statistic,
    bins: int,
    strategies: tuple[Strategy, ...],
) -> Policy:
    # solved[i][s][j]: example i, strategy s, at checkpoint j (computed once, used by all stages)
    solved = [[[e.solved(s, h) for h in checkpoints] for s in strategies] for e in examples]
    stages = []
    for start, samples in enumerate(checkpoints):
        values = [statistic_at(e, samples, statistic) for e in examples]
        edges = quantile_edges(values, bins)
        members: dict[int | None, list[int]] = {None: list(range(len(examples)))}
        for i, value in enumerate(values):
            members.setdefault(sum(value > edge for edge in edges), []).append(i)
        stage_bins = tuple(
            StageBin(
                bin=bin_,
                prompts=len(group),
                accuracy=tuple(
                    tuple(
                        sum(solved[i][s][j] for i in group) / len(group)
                        for j in range(start, len(checkpoints))
                    )
                    for s in range(len(strategies))
                ),
            )
            for bin_, group in members.items()
        )
        stages.append(Stage(samples=samples, edges=edges, bins=stage_bins))
    return Policy(
        statistic=statistic,
        first_round=first_round,
        budgets=checkpoints,
        strategies=strategies,
        stages=tuple(stages),
    )
