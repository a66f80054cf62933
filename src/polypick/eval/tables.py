"""Tables of an evaluation: one figure with its interval per system and group, and the delta of
each system against the greedy baseline. Pure: records in, rows out.

Groups: ``all``, each ``language`` and each ``category`` (records without one form the
``unknown`` language or the ``none`` category, when other records have one). Only scored
records count; failed ones are counted in ``failed``. Deltas are paired: over the prompts both
the system and the baseline scored, the difference of their figures, with one bootstrap over
those prompts for both.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from polypick.eval.items import ItemRecord
from polypick.eval.stats import Interval, bootstrap

__all__ = [
    "GroupKind",
    "Statistic",
    "TableRow",
    "format_interval",
    "group_rows",
    "mean_statistic",
    "paired_deltas",
]

GroupKind = Literal["all", "language", "category"]
Statistic = Callable[[Sequence[ItemRecord]], Callable[[Sequence[int]], float]]
"""Given a group's records, the function of resampled indices that computes the group's figure."""


class TableRow(BaseModel):
    """One system's figure over one group of prompts."""

    model_config = ConfigDict(frozen=True)

    system: str
    n: int
    by: GroupKind
    group: str
    interval: Interval
    failed: int = 0


def mean_statistic(records: Sequence[ItemRecord]) -> Callable[[Sequence[int]], float]:
    """The mean score of the records (win-rate, accuracy)."""
    scores = [r.score or 0.0 for r in records]
    return lambda indices: math.fsum(scores[i] for i in indices) / len(indices)


UNLABELLED = {"language": "unknown", "category": "none"}
"""The group of records without a language (not given, not detected) or a category."""


def _groups(records: Sequence[ItemRecord]) -> list[tuple[GroupKind, str, list[ItemRecord]]]:
    found: list[tuple[GroupKind, str, list[ItemRecord]]] = [("all", "all", list(records))]
    for kind in ("language", "category"):
        labels = [getattr(r, kind) or UNLABELLED[kind] for r in records]
        if all(label == UNLABELLED[kind] for label in labels):
            continue  # no labels of this kind at all: the "all" row says it
        for key in sorted(set(labels)):
            found.append((kind, key, [r for r, k in zip(records, labels, strict=True) if k == key]))
    return found


def group_rows(
    records: Sequence[ItemRecord],
    statistic: Statistic = mean_statistic,
    *,
    confidence: float = 0.95,
    resamples: int = 1000,
    seed: int = 0,
) -> list[TableRow]:
    """Rows per system (in first-seen order) and group, with bootstrap intervals."""
    rows: list[TableRow] = []
    for system in dict.fromkeys(r.system for r in records):
        mine = [r for r in records if r.system == system]
        for kind, group, members in _groups(mine):
            scored = [r for r in members if r.ok]
            if not scored:
                continue
            interval = bootstrap(
                len(scored),
                statistic(scored),
                confidence=confidence,
                resamples=resamples,
                seed=seed,
            )
            rows.append(
                TableRow(
                    system=system,
                    n=mine[0].n,
                    by=kind,
                    group=group,
                    interval=interval,
                    failed=len(members) - len(scored),
                )
            )
    return rows


def _difference(
    ours: Callable[[Sequence[int]], float], theirs: Callable[[Sequence[int]], float]
) -> Callable[[Sequence[int]], float]:
    return lambda indices: ours(indices) - theirs(indices)


def paired_deltas(
    records: Sequence[ItemRecord],
    baseline: str,
    statistic: Statistic = mean_statistic,
    *,
    confidence: float = 0.95,
    resamples: int = 1000,
    seed: int = 0,
) -> list[TableRow]:
    """Each system's figure minus the baseline's, per group, over the prompts both scored; one
    resample draws the same prompts for both (a paired bootstrap)."""
    base = {r.item: r for r in records if r.system == baseline and r.ok}
    rows: list[TableRow] = []
    for system in dict.fromkeys(r.system for r in records if r.system != baseline):
        mine = [r for r in records if r.system == system and r.ok and r.item in base]
        for kind, group, members in _groups(mine):
            if not members:
                continue
            interval = bootstrap(
                len(members),
                _difference(statistic(members), statistic([base[r.item] for r in members])),
                confidence=confidence,
                resamples=resamples,
                seed=seed,
            )
            rows.append(
                TableRow(system=system, n=members[0].n, by=kind, group=group, interval=interval)
            )
    return rows


def format_interval(interval: Interval, percent: bool) -> str:
    """``54.2 [41.0, 66.7]``: a share shown as a percentage, or the figure as it is."""
    scale = 100.0 if percent else 1.0
    point, low, high = (scale * v for v in (interval.point, interval.low, interval.high))
    return f"{point:.1f} [{low:.1f}, {high:.1f}]"
