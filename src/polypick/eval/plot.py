"""The figure against N, per language: one panel per language (and one for all prompts), one
line per sampling + selector family with its confidence band; the greedy baseline is N = 1 of
every family. Written with matplotlib's Agg backend (no display needed)."""

from __future__ import annotations

import importlib
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from polypick.errors import MissingDependencyError
from polypick.eval.systems import BASELINE
from polypick.eval.tables import TableRow

__all__ = ["family_lines", "plot_vs_n"]

Line = list[tuple[int, float, float, float]]  # (N, point, low, high)


def family_lines(rows: Sequence[TableRow], group: str) -> dict[str, Line]:
    """For one group, each family's points sorted by N; the baseline starts every family."""
    mine = [r for r in rows if r.group == group and r.by in ("all", "language")]
    base = [r for r in mine if r.system == BASELINE]
    lines: dict[str, Line] = {}
    for row in mine:
        if row.system == BASELINE:
            continue
        family = row.system.rsplit("@", 1)[0]
        lines.setdefault(family, [])
        lines[family].append((row.n, row.interval.point, row.interval.low, row.interval.high))
    for points in lines.values():
        points += [(b.n, b.interval.point, b.interval.low, b.interval.high) for b in base]
        points.sort()
    return lines


def _pyplot() -> Any:
    try:
        matplotlib = importlib.import_module("matplotlib")
    except ImportError:
        raise MissingDependencyError("plots of the evaluation", "eval") from None
    matplotlib.use("Agg")  # files only: never open a window, work without a display
    return importlib.import_module("matplotlib.pyplot")


def plot_vs_n(rows: Sequence[TableRow], path: Path, figure: str, *, scale: float = 100.0) -> Path:
    """Draw ``figure`` (scaled by ``scale``) against N for all prompts and each language."""
    plt = _pyplot()
    groups = ["all", *sorted({r.group for r in rows if r.by == "language"})]
    columns = min(3, len(groups))
    height = math.ceil(len(groups) / columns)
    fig, axes = plt.subplots(
        height, columns, figsize=(4.2 * columns, 3.2 * height), squeeze=False, sharey=True
    )
    counts = sorted({r.n for r in rows})
    for ax, group in zip(axes.flat, groups, strict=False):
        for family, points in family_lines(rows, group).items():
            ns = [p[0] for p in points]
            ax.plot(ns, [p[1] * scale for p in points], marker="o", label=family)
            ax.fill_between(
                ns, [p[2] * scale for p in points], [p[3] * scale for p in points], alpha=0.2
            )
        ax.set_title("all prompts" if group == "all" else f"language: {group}")
        ax.set_xlabel("N (samples)")
        ax.set_xticks(counts)
        ax.set_ylabel(f"{figure} (%)" if scale == 100.0 else figure)
        ax.grid(alpha=0.3)
    for ax in list(axes.flat)[len(groups) :]:
        ax.set_visible(False)
    axes.flat[0].legend(fontsize="small")
    if scale == 100.0:
        axes.flat[0].set_ylim(0, 100)  # shared: every panel on the same percentage scale
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
