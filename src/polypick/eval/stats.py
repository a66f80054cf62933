"""Confidence intervals and the win-rate scoring rule: pure functions, no I/O.

Intervals are percentile bootstrap intervals over prompts (Efron 1979): the prompts are resampled
with replacement, the statistic is recomputed on each resample, and the interval is the
``(1 - confidence) / 2`` and ``(1 + confidence) / 2`` quantiles of those values. Seeded, so a
rerun reports the same interval.

Win-rate rule (Khairi et al. 2025, section A6: both orders, ties counted). The judge sees the
system's answer and the reference answer twice, once in each position. Each order gives a win
(1), a tie (½) or a loss (0) for the system. The pair's outcome is:

- the common verdict when both orders agree;
- a tie when they disagree (a win in one order and a loss or a tie in the other): a verdict that
  flips with the position is the judge's position bias, not a preference;
- the one verdict there is when the other order gave none (its failure is recorded);
- no outcome when neither order gave a verdict: the prompt is left out and counted as failed.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from polypick.errors import ConfigurationError

__all__ = [
    "DEFAULT_RESAMPLES",
    "Interval",
    "Outcome",
    "bootstrap",
    "bootstrap_mean",
    "combine_orders",
    "order_outcome",
]

DEFAULT_RESAMPLES = 1000
Outcome = Literal["win", "tie", "loss"]
_POINTS: dict[Outcome, float] = {"win": 1.0, "tie": 0.5, "loss": 0.0}


class Interval(BaseModel):
    """A point estimate with its bootstrap confidence interval, over ``count`` prompts."""

    model_config = ConfigDict(frozen=True)

    point: float
    low: float
    high: float
    count: int
    confidence: float


def order_outcome(winner: str | None, system_first: bool) -> Outcome | None:
    """The system's outcome in one order: ``winner`` is the judge's label, and the system's
    answer was Response A when ``system_first``."""
    if winner is None:
        return None
    if winner not in ("A", "B"):
        return "tie"
    return "win" if (winner == "A") == system_first else "loss"


def combine_orders(first: Outcome | None, second: Outcome | None) -> float | None:
    """The pair's score in {0, ½, 1} from the two orders' outcomes (module docstring's rule)."""
    if first is None and second is None:
        return None
    if first is None or second is None:
        return _POINTS[first or second]  # type: ignore[index]
    return _POINTS[first] if first == second else 0.5


def _quantile(sorted_values: Sequence[float], q: float) -> float:
    """The ``q`` quantile by linear interpolation between order statistics."""
    position = q * (len(sorted_values) - 1)
    below = math.floor(position)
    above = min(below + 1, len(sorted_values) - 1)
    weight = position - below
    return sorted_values[below] * (1 - weight) + sorted_values[above] * weight


def bootstrap(
    count: int,
    statistic: Callable[[Sequence[int]], float],
    *,
    confidence: float = 0.95,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = 0,
) -> Interval:
    """Percentile bootstrap interval of ``statistic`` over ``count`` prompts.

    ``statistic(indices)`` computes the figure from the prompts at ``indices`` (with repeats);
    the point estimate is ``statistic(range(count))``. The interval always contains the point
    estimate: a skewed bootstrap distribution can leave it outside the raw percentiles, and a
    table whose interval excludes its own figure reads as a bug.
    """
    if count < 1:
        raise ConfigurationError("a confidence interval needs at least one prompt with a score")
    if not 0 < confidence < 1:
        raise ConfigurationError(f"confidence must be in (0, 1), got {confidence!r}")
    if resamples < 1:
        raise ConfigurationError(f"resamples must be >= 1, got {resamples!r}")
    point = statistic(range(count))
    rng = random.Random(seed)
    values = sorted(statistic(rng.choices(range(count), k=count)) for _ in range(resamples))
    tail = (1 - confidence) / 2
    low = min(_quantile(values, tail), point)
    high = max(_quantile(values, 1 - tail), point)
    return Interval(point=point, low=low, high=high, count=count, confidence=confidence)


def bootstrap_mean(
    values: Sequence[float],
    *,
    confidence: float = 0.95,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = 0,
) -> Interval:
    """Percentile bootstrap interval of the mean of per-prompt ``values`` (scores, 0/1 accuracy)."""
    data = list(values)

    def mean(indices: Sequence[int]) -> float:
        return math.fsum(data[i] for i in indices) / len(indices)

    return bootstrap(len(data), mean, confidence=confidence, resamples=resamples, seed=seed)
