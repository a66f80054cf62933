"""A fitted compute-optimal policy: accuracy curves per (samples so far, difficulty bin), as JSON.

Snell et al. (2024, section 3.2) bin prompts by a difficulty estimate and fit the best strategy
per (bin, budget). Here the estimate is refreshed as samples arrive: the policy has one
**stage** per checkpoint ``n`` (its ``budgets``). A stage bins the dev prompts by the statistic
measured on their first ``n`` samples (``agreement``: the leader's share of the votes, or
``verifier``: the mean verifier score; bin 0 holds the lowest values, the hardest prompts) and
records, for each bin and strategy, the accuracy reached at every later checkpoint. So a prompt
whose first samples look hopeless is not given more (its bin's curve is flat or falls), one
whose vote is still open is, and the final strategy is the one that did best on dev prompts
that looked the same at the same number of samples.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from polypick.adaptive.strategies import Strategy
from polypick.core.saved_model import load_model, save_model
from polypick.errors import ConfigurationError

__all__ = ["BinChoice", "BudgetScore", "Policy", "Stage", "StageBin", "Statistic"]

Statistic = Literal["agreement", "verifier"]


class StageBin(BaseModel):
    """One bin of a stage: its dev prompts' accuracy per strategy at each later checkpoint.

    ``bin`` is ``None`` for the all-prompts fallback used when a prompt lands in an empty bin;
    ``accuracy[s][j]`` is strategy ``policy.strategies[s]`` at ``policy.horizons(stage)[j]``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    bin: int | None
    prompts: int = Field(ge=1)
    accuracy: tuple[tuple[float, ...], ...]


class Stage(BaseModel):
    """The bins of the prompts that have ``samples`` samples."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    samples: int = Field(ge=1)
    edges: tuple[float, ...] = Field(description="bin boundaries: bin = how many edges < value")
    bins: tuple[StageBin, ...] = Field(min_length=1)

    def find(self, value: float) -> StageBin:
        """The bin of ``value``, or the fallback when that bin had no dev prompt."""
        wanted = sum(value > edge for edge in self.edges)
        exact = [b for b in self.bins if b.bin == wanted]
        return exact[0] if exact else next(b for b in self.bins if b.bin is None)


class BinChoice(BaseModel):
    """The strategy for a prompt in ``bin`` with ``budget`` samples, and its dev accuracy."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    bin: int | None
    budget: int
    strategy: Strategy
    accuracy: float
    prompts: int


class BudgetScore(BaseModel):
    """Cross-validated accuracy at one budget: the per-bin choice against plain majority."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    budget: int
    policy: float
    majority: float


class Policy(BaseModel):
    """What the fitter learned; load it with :meth:`load` or pass it as ``policy=``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: Literal[2] = 2
    statistic: Statistic
    first_round: int = Field(ge=1)
    budgets: tuple[int, ...] = Field(min_length=1, description="checkpoints, ascending")
    strategies: tuple[Strategy, ...] = Field(min_length=1)
    stages: tuple[Stage, ...] = Field(min_length=1)
    cross_validation: tuple[BudgetScore, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Policy:
        if list(self.budgets) != sorted(set(self.budgets)):
            raise ValueError("budgets must be distinct and ascending")
        if [s.samples for s in self.stages] != [b for b in self.budgets if b >= self.first_round]:
            raise ValueError("there must be one stage per budget from first_round on")
        return self

    def stage(self, samples: int) -> Stage:
        """The stage of a prompt with ``samples`` samples: the latest checkpoint reached."""
        reached = [s for s in self.stages if s.samples <= samples]
        return reached[-1] if reached else self.stages[0]

    def horizons(self, stage: Stage) -> tuple[int, ...]:
        """The checkpoints a stage's accuracy curves cover (its own and the later ones)."""
        return tuple(b for b in self.budgets if b >= stage.samples)

    def bin_of(self, samples: int, value: float) -> int | None:
        """The difficulty bin of a prompt (``None``: the fallback, its bin was empty)."""
        return self.stage(samples).find(value).bin

    def choice(self, samples: int, value: float) -> BinChoice:
        """The best strategy, on dev prompts that looked alike, for ``samples`` samples."""
        stage = self.stage(samples)
        found = stage.find(value)
        horizons = self.horizons(stage)
        at = max(j for j, h in enumerate(horizons) if h <= max(samples, stage.samples))
        best = max(
            range(len(self.strategies)), key=lambda s: (found.accuracy[s][at], -s)
        )  # ties: the earlier (cheaper) strategy
        return BinChoice(
            bin=found.bin,
            budget=horizons[at],
            strategy=self.strategies[best],
            accuracy=found.accuracy[best][at],
            prompts=found.prompts,
        )

    def curve(self, samples: int, value: float) -> tuple[tuple[int, float], ...]:
        """``(checkpoint, accuracy)`` from the prompt's stage on: its bin's best strategy at
        each checkpoint, on dev prompts that showed the same after as many samples."""
        stage = self.stage(samples)
        found = stage.find(value)
        return tuple(
            (h, max(curve[j] for curve in found.accuracy))
            for j, h in enumerate(self.horizons(stage))
        )

    def expected_accuracy(self, samples: int, value: float, horizon: float) -> float:
        """Accuracy expected at ``horizon`` samples for a prompt that shows ``value`` after
        ``samples``: :meth:`curve`, linear between checkpoints, flat beyond them."""
        return _interpolate(self.curve(samples, value), horizon)

    def gain(self, samples: int, value: float) -> float:
        """Expected accuracy gained per extra sample: the steepest average slope from now to
        any later checkpoint (a flat stretch does not hide a later rise); ``<= 0`` means more
        samples are not expected to help this prompt."""
        points = self.curve(samples, value)
        now = _interpolate(points, samples)
        return max(
            ((a - now) / (h - samples) for h, a in points if h > samples),
            default=0.0,
        )

    def check_use(self, first_round: int | None, has_verifier: bool) -> None:
        """Refuse a use the policy was not fitted for (raises ``ConfigurationError``)."""
        if first_round is not None and first_round != self.first_round:
            raise ConfigurationError(
                f"the policy's bins were fitted on {self.first_round} first-round samples, not "
                f"{first_round}; leave first_round unset or refit the policy"
            )
        needs_scores = self.statistic == "verifier" or self.strategies != ("majority",)
        if needs_scores and not has_verifier:
            raise ConfigurationError(
                "this policy was fitted with verifier scores: pass verifier=..., or fit one "
                "without scores for majority voting"
            )

    def save(self, path: str | Path) -> None:
        """Write the policy as JSON."""
        save_model(self, path)

    @classmethod
    def load(cls, path: str | Path) -> Policy:
        """Read a policy written by :meth:`save` (refitting is needed for older versions)."""
        return load_model(cls, path, what="a policy", refit="polypick.adaptive.fit_policy")


def _interpolate(points: tuple[tuple[int, float], ...], x: float) -> float:
    if x <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return points[-1][1]
