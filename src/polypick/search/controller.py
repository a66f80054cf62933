"""Choosing the search strategy per difficulty bin: the compute-optimal controller of Snell et
al. (2024, arXiv 2408.03314, sections 3.2, 5.3 and 6.3), as pure logic.

The paper bins questions by difficulty — *oracle* (the model's pass@1, known from many samples
and the truth) or *predicted* (the same binning over a verifier's mean score) — into quantiles
(5), and picks per (bin, budget) the strategy that did best on held-out questions: best-of-N
weighted, beam search (its width), lookahead, or the ratio of sequential revisions to parallel
samples. Here a budget ``B`` is counted as the paper counts it, in whole answers' worth of
generation: best-of-N draws ``B`` answers, beam search runs ``B`` beams, lookahead ``k`` runs
``B / (k + 1)`` beams (each scored step is rolled ``k`` steps further), revisions split ``B``
into chains. Difficulty is predicted from a **probe**: the first ``probe`` whole answers, scored
by the verifier. The probe is part of every strategy's budget: best-of-N keeps it as its first
samples; any other strategy spends the rest of ``B`` and its final vote also counts the probe's
answers. So every strategy at budget ``B`` costs ``B``, and the controller's choice costs
nothing extra.

:func:`fit_controller` fits the choice on a dev set of real outputs (:class:`DevPrompt`, one per
labelled prompt, with whether each strategy got it right at each budget; see
:func:`polypick.search.compute_optimal.collect_dev_set`) and cross-validates it (2 folds, as the
paper): the reported accuracy is the procedure's on prompts it was not fitted on. A strategy
other than best-of-N is chosen for a bin only where it was more accurate than best-of-N there
(by more than ``margin``); where nothing beats best-of-N, best-of-N it is.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from polypick.core.saved_model import load_model, save_model
from polypick.errors import ConfigurationError
from polypick.search.steps import split_budget

__all__ = [
    "BEST_OF_N",
    "ControllerPolicy",
    "CurvePoint",
    "DevPrompt",
    "Difficulty",
    "StrategyChoice",
    "TableEntry",
    "budget_to_reach",
    "fit_controller",
]

Kind = Literal["best_of_n", "beam", "lookahead", "revision"]
Difficulty = Literal["oracle", "verifier", "agreement"]
"""How a prompt's difficulty is measured (higher is easier): ``oracle`` — the share of right
answers among its best-of-N samples (needs the truth: for analysis, not for use); ``verifier``
— the verifier's mean score over the probe (the paper's predicted difficulty); ``agreement`` —
the share of the probe's commonest final answer."""


class StrategyChoice(BaseModel):
    """One strategy of the menu, with its knobs (the budget is the controller's)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Kind
    width: int = Field(default=4, ge=1, description="beam search, lookahead: expansions per beam")
    k: int = Field(default=1, ge=1, description="lookahead: greedy rollout steps")
    ratio: float = Field(default=1.0, gt=0.0, description="revision: sequential:parallel")

    @property
    def name(self) -> str:
        if self.kind == "best_of_n":
            return "best_of_n"
        if self.kind == "beam":
            return f"beam(width={self.width})"
        if self.kind == "lookahead":
            return f"lookahead(k={self.k}, width={self.width})"
        return f"revision(ratio={self.ratio:g})"

    def shape(self, budget: int, probe: int) -> dict[str, int] | None:
        """The knobs of the search run with what ``budget`` leaves after the probe, or
        ``None`` when that is too little for this strategy."""
        spend = budget - probe
        if spend < 0:
            return None
        if self.kind == "best_of_n":
            return {"n": spend}
        if self.kind == "revision":
            if spend < 1:
                return None
            chains, length = split_budget(spend, self.ratio)
            return {"chains": chains, "length": length}
        per_beam = 1 if self.kind == "beam" else self.k + 1
        n = spend // per_beam // self.width * self.width
        return None if n < self.width else {"n": n, "width": self.width}


BEST_OF_N = StrategyChoice(kind="best_of_n")
"""Best-of-N weighted: the baseline every other choice must beat."""


class DevPrompt(BaseModel):
    """One labelled dev prompt: its difficulty statistics and, per strategy and budget, whether
    that strategy's answer was right."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    prompt: str
    oracle: float | None = Field(default=None, description="share of right best-of-N samples")
    verifier: float | None = Field(default=None, description="mean verifier score of the probe")
    agreement: float = Field(description="share of the probe's commonest answer")
    outcomes: dict[str, dict[int, bool]] = Field(description="strategy name -> budget -> right")

    def statistic(self, difficulty: Difficulty) -> float:
        value = getattr(self, difficulty)
        if value is None:
            raise ConfigurationError(f"the dev set has no {difficulty!r} difficulty statistic")
        return float(value)

    def right(self, choice: str, budget: int) -> bool | None:
        return self.outcomes.get(choice, {}).get(budget)


class TableEntry(BaseModel):
    """The choice for one (bin, budget), with the dev accuracies it was chosen on."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    bin: int
    budget: int
    choice: str
    accuracy: dict[str, float] = Field(description="each strategy's dev accuracy in this cell")
    prompts: int


class CurvePoint(BaseModel):
    """Cross-validated accuracy at one budget: the controller's and best-of-N's."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    budget: int
    controller: float
    best_of_n: float
    chosen: dict[str, int] = Field(description="how often each strategy was chosen")


class ControllerPolicy(BaseModel):
    """A fitted controller; :meth:`choose` gives the strategy for a difficulty and budget."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: Literal[1] = 1
    difficulty: Difficulty
    probe: int = Field(ge=1)
    budgets: tuple[int, ...] = Field(min_length=1)
    menu: tuple[StrategyChoice, ...] = Field(min_length=1)
    edges: tuple[float, ...]
    table: tuple[TableEntry, ...]
    cross_validation: tuple[CurvePoint, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> ControllerPolicy:
        if list(self.budgets) != sorted(set(self.budgets)) or self.budgets[0] <= self.probe:
            raise ValueError("budgets must be ascending, distinct and above the probe")
        if BEST_OF_N not in self.menu:
            raise ValueError("the menu must hold best-of-N, the baseline")
        return self

    def bin_of(self, value: float) -> int:
        """The difficulty bin of ``value`` (0: the hardest prompts)."""
        return sum(value > edge for edge in self.edges)

    def fitted_budget(self, budget: int) -> int:
        """The largest fitted budget not above ``budget`` (the smallest, below them all)."""
        return max((b for b in self.budgets if b <= budget), default=self.budgets[0])

    def choose(self, value: float, budget: int) -> StrategyChoice:
        """The strategy for a prompt whose difficulty statistic is ``value``."""
        wanted = (self.bin_of(value), self.fitted_budget(budget))
        name = next((e.choice for e in self.table if (e.bin, e.budget) == wanted), BEST_OF_N.name)
        return next(c for c in self.menu if c.name == name)

    def save(self, path: str | Path) -> None:
        """Write the policy as JSON."""
        save_model(self, path)

    @classmethod
    def load(cls, path: str | Path) -> ControllerPolicy:
        """Read a policy written by :meth:`save` (refitting is needed for older versions)."""
        return load_model(cls, path, what="a controller policy", refit="fit_controller")


def _edges(values: Sequence[float], bins: int) -> tuple[float, ...]:
    """``bins - 1`` boundaries splitting ``values`` into equal-count quantiles: each halfway
    between the largest value of its lower quantile and the smallest of the next, so that an
    unseen value falls with the nearer group (ties stay in one bin)."""
    ordered = sorted(values)
    edges = []
    for q in range(1, bins):
        at = (len(ordered) * q) // bins
        low, high = ordered[max(0, at - 1)], ordered[min(at, len(ordered) - 1)]
        edges.append((low + high) / 2)
    return tuple(edges)


def _table(
    dev: Sequence[DevPrompt],
    menu: Sequence[StrategyChoice],
    budgets: Sequence[int],
    difficulty: Difficulty,
    bins: int,
    margin: float,
) -> tuple[tuple[float, ...], list[TableEntry]]:
    edges = _edges([p.statistic(difficulty) for p in dev], bins)
    cells: dict[int, list[DevPrompt]] = {}
    for prompt in dev:
        cells.setdefault(sum(prompt.statistic(difficulty) > e for e in edges), []).append(prompt)
    table = []
    for bin_, members in sorted(cells.items()):
        for budget in budgets:
            accuracy: dict[str, float] = {}
            for choice in menu:
                seen = [p.right(choice.name, budget) for p in members]
                known = [r for r in seen if r is not None]
                if len(known) == len(seen):  # a strategy is judged on the whole bin or not at all
                    accuracy[choice.name] = sum(known) / len(known)
            base = accuracy.get(BEST_OF_N.name, -math.inf)
            chosen = BEST_OF_N.name
            for choice in menu:  # menu order breaks ties
                score = accuracy.get(choice.name, -math.inf)
                if score > base + margin and score > accuracy.get(chosen, -math.inf):
                    chosen = choice.name
            table.append(
                TableEntry(
                    bin=bin_, budget=budget, choice=chosen, accuracy=accuracy, prompts=len(members)
                )
            )
    return edges, table


def fit_controller(
    dev: Sequence[DevPrompt],
    *,
    menu: Sequence[StrategyChoice],
    budgets: Sequence[int],
    probe: int,
    difficulty: Difficulty = "verifier",
    bins: int = 5,
    folds: int = 2,
    margin: float = 0.0,
    seed: int = 0,
) -> ControllerPolicy:
    """Fit the choice per (difficulty bin, budget) on ``dev``, with ``folds``-fold
    cross-validated accuracy; the returned policy is fitted on the whole dev set.

    Raises:
        ConfigurationError: for an empty dev set, a menu without best-of-N, or a dev set that
            lacks the difficulty statistic.
    """
    if not dev:
        raise ConfigurationError("the dev set is empty; collect one with collect_dev_set")
    if BEST_OF_N not in menu:
        raise ConfigurationError("the menu must hold BEST_OF_N, the baseline every choice beats")
    if bins < 1 or folds < 1:
        raise ConfigurationError("bins and folds must be >= 1")
    budgets = tuple(sorted(set(budgets)))
    edges, table = _table(dev, menu, budgets, difficulty, bins, margin)
    fields = {"difficulty": difficulty, "probe": probe, "budgets": budgets, "menu": tuple(menu)}
    policy = ControllerPolicy(**fields, edges=edges, table=tuple(table))  # type: ignore[arg-type]
    order = list(range(len(dev)))
    random.Random(seed).shuffle(order)
    right = dict.fromkeys(budgets, 0)
    chosen: dict[int, dict[str, int]] = {b: {} for b in budgets}
    for fold in range(folds):
        test = [dev[i] for rank, i in enumerate(order) if rank % folds == fold]
        train = [dev[i] for rank, i in enumerate(order) if rank % folds != fold] or test
        fold_edges, fold_table = _table(train, menu, budgets, difficulty, bins, margin)
        fitted = policy.model_copy(update={"edges": fold_edges, "table": tuple(fold_table)})
        for prompt in test:
            for budget in budgets:
                choice = fitted.choose(prompt.statistic(difficulty), budget).name
                chosen[budget][choice] = chosen[budget].get(choice, 0) + 1
                right[budget] += bool(prompt.right(choice, budget))
    curve = tuple(
        CurvePoint(
            budget=b,
            controller=right[b] / len(dev),
            best_of_n=sum(bool(p.right(BEST_OF_N.name, b)) for p in dev) / len(dev),
            chosen=chosen[b],
        )
        for b in budgets
    )
    return policy.model_copy(update={"cross_validation": curve})


def budget_to_reach(curve: Sequence[tuple[float, float]], target: float) -> float | None:
    """The budget at which ``curve`` (``(budget, accuracy)``, ascending budgets) first reaches
    ``target``, interpolated linearly in log-budget (budgets double); ``None`` if it never does.
    """
    previous: tuple[float, float] | None = None
    for budget, accuracy in curve:
        if accuracy >= target:
            if previous is None or previous[1] >= target:
                return budget
            (b0, a0) = previous
            share = (target - a0) / (accuracy - a0)
            return math.exp(math.log(b0) + share * (math.log(budget) - math.log(b0)))
        previous = (budget, accuracy)
    return None
