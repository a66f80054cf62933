"""A fitted compute-optimal policy: the best strategy per (difficulty bin, budget), saved as JSON.

Bins are the quantiles of a first-round statistic (``agreement`` among the first samples, or
the ``verifier``'s mean score), bin 0 being the lowest value (the hardest prompts). For each bin
and budget the policy records the chosen strategy and its accuracy on the dev set; the accuracy
curve per bin is what :class:`~polypick.adaptive.AdaptiveBestOfN` uses to decide where extra
samples help most.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from polypick.adaptive.strategies import Strategy
from polypick.errors import ConfigurationError

__all__ = ["BinChoice", "BudgetScore", "Policy", "Statistic"]

Statistic = Literal["agreement", "verifier"]


class BinChoice(BaseModel):
    """The strategy for one (bin, budget); ``bin`` is ``None`` for the all-bins fallback."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    bin: int | None
    budget: int
    strategy: Strategy
    accuracy: float
    prompts: int


class BudgetScore(BaseModel):
    """Cross-validated accuracy at one budget: the per-bin policy against plain majority."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    budget: int
    policy: float
    majority: float


class Policy(BaseModel):
    """What the fitter learned; load it with :meth:`load` or pass it as ``policy=``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: Literal[1] = 1
    statistic: Statistic
    first_round: int = Field(ge=1)
    edges: tuple[float, ...] = Field(description="bin boundaries: bin = how many edges < value")
    budgets: tuple[int, ...] = Field(min_length=1)
    choices: tuple[BinChoice, ...]
    cross_validation: tuple[BudgetScore, ...] = ()

    def bin_of(self, value: float) -> int:
        """The difficulty bin of a first-round statistic."""
        return sum(value > edge for edge in self.edges)

    def choice(self, bin_: int, samples: int) -> BinChoice:
        """The choice for ``bin_`` at the largest fitted budget not above ``samples``."""
        fitted = [b for b in self.budgets if b <= samples] or [min(self.budgets)]
        budget = max(fitted)
        for wanted in (bin_, None):
            for choice in self.choices:
                if choice.bin == wanted and choice.budget == budget:
                    return choice
        raise ValueError(f"the policy has no choice for budget {budget}")

    def expected_accuracy(self, bin_: int, samples: float) -> float:
        """The bin's accuracy curve, linear between fitted budgets, flat beyond them."""
        points = [(b, self.choice(bin_, b).accuracy) for b in sorted(self.budgets)]
        best, curve = 0.0, []
        for budget, accuracy in points:  # running maximum: more samples never hurt a policy
            best = max(best, accuracy)
            curve.append((budget, best))
        if samples <= curve[0][0]:
            return curve[0][1]
        for (b0, a0), (b1, a1) in zip(curve, curve[1:], strict=False):
            if samples <= b1:
                return a0 + (a1 - a0) * (samples - b0) / (b1 - b0)
        return curve[-1][1]

    def gain(self, bin_: int, samples: int, step: int) -> float:
        """Expected accuracy gained per extra sample: the steepest average slope from
        ``samples`` to ``samples + step`` or to any larger fitted budget, so a flat stretch
        of the curve does not hide a later rise."""
        now = self.expected_accuracy(bin_, samples)
        horizons = {samples + step, *(b for b in self.budgets if b > samples)}
        return max((self.expected_accuracy(bin_, h) - now) / (h - samples) for h in horizons)

    def check_use(self, first_round: int | None, has_verifier: bool) -> None:
        """Refuse a use the policy was not fitted for (raises ``ConfigurationError``)."""
        if first_round is not None and first_round != self.first_round:
            raise ConfigurationError(
                f"the policy's bins were fitted on {self.first_round} first-round samples, not "
                f"{first_round}; leave first_round unset or refit the policy"
            )
        needs_scores = self.statistic == "verifier" or any(
            c.strategy != "majority" for c in self.choices
        )
        if needs_scores and not has_verifier:
            raise ConfigurationError(
                "this policy was fitted with verifier scores: pass verifier=..., or fit one "
                "without scores for majority voting"
            )

    def save(self, path: str | Path) -> None:
        """Write the policy as JSON."""
        Path(path).write_text(self.model_dump_json(indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> Policy:
        """Read a policy written by :meth:`save`."""
        return cls.model_validate_json(Path(path).read_text(encoding="utf-8"))
