"""A report as a plain-text table: for scripts, logs and notebooks (the CLI draws its own)."""

from __future__ import annotations

from collections.abc import Sequence

from polypick.eval.evaluate import EvalReport
from polypick.eval.tables import GroupKind, format_interval

__all__ = ["render_text"]


def render_text(report: EvalReport, by: Sequence[GroupKind] = ("all", "language")) -> str:
    """One line per system and group: the figure and, against greedy, the delta, with CIs."""
    deltas = {(d.system, d.by, d.group): d for d in report.deltas}
    width = max([len(s) for s in report.systems] + [6]) + 2
    header = f"{'group':<12}{'system':<{width}}{report.figure + ' [95% CI]':<24}delta vs greedy"
    lines = [header]
    for row in (r for r in report.rows if r.by in by):
        delta = deltas.get((row.system, row.by, row.group))
        shown = format_interval(delta.interval, report.percent) if delta else ""
        figure = format_interval(row.interval, report.percent)
        failed = f"  ({row.failed} failed)" if row.failed else ""
        lines.append(f"{row.group:<12}{row.system:<{width}}{figure:<24}{shown}{failed}")
    return "\n".join(lines)
