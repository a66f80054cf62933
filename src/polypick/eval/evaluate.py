"""One evaluation from start to files: run the systems, build the tables, write the results.

``aevaluate`` is the implementation; ``evaluate`` is its sync wrapper.
"""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from polypick.cache import CachedChat, SampleCache
from polypick.core.sync import run_sync
from polypick.errors import BatchError, ConfigurationError
from polypick.eval.items import EvalItem, ItemRecord, Task
from polypick.eval.plot import plot_vs_n
from polypick.eval.runner import Progress, run_systems
from polypick.eval.store import RunStore
from polypick.eval.systems import BASELINE, System
from polypick.eval.tables import TableRow, group_rows, paired_deltas
from polypick.eval.tasks import TaskSpec
from polypick.providers import ModelSpec, resolve_model

__all__ = ["EvalReport", "aevaluate", "evaluate"]


class EvalReport(BaseModel):
    """Tables of one evaluation; ``summary.json`` holds it without the records."""

    model_config = ConfigDict(frozen=True)

    task: Task
    figure: str
    percent: bool
    systems: list[str]
    rows: list[TableRow]
    deltas: list[TableRow]
    failed: int
    files: dict[str, str]
    records: list[ItemRecord] = []


def _csv(report: EvalReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["table", "system", "n", "by", "group", "count", "failed", "point", "low", "high"]
        + ["confidence"]
    )
    for table, rows in ((report.figure, report.rows), ("delta", report.deltas)):
        for r in rows:
            i = r.interval
            figures = [f"{value:.6g}" for value in (i.point, i.low, i.high)]
            writer.writerow(
                [table, r.system, r.n, r.by, r.group, i.count, r.failed, *figures, i.confidence]
            )
    return out.getvalue()


def _with_options(systems: Sequence[System], options: Mapping[str, Any]) -> list[System]:
    if not options:
        return list(systems)
    return [System(s.name, s.n, s.sampling, s.selector, {**options, **s.options}) for s in systems]


def _check(items: Sequence[EvalItem], systems: Sequence[System], max_concurrency: int) -> None:
    if not items or not systems:
        raise ConfigurationError("an evaluation needs at least one item and one system")
    names = [s.name for s in systems]
    if len(set(names)) < len(names):
        raise ConfigurationError(f"system names must be unique (they key the records): {names}")
    if max_concurrency < 1:
        raise ConfigurationError(f"max_concurrency must be >= 1, got {max_concurrency}")


async def aevaluate(
    spec: TaskSpec,
    items: Sequence[EvalItem],
    systems: Sequence[System],
    *,
    llm: ModelSpec,
    judge: ModelSpec | None = None,
    out: str | Path,
    settings: Mapping[str, Any] | None = None,
    max_concurrency: int = 4,
    resamples: int = 1000,
    seed: int = 0,
    progress: Progress | None = None,
) -> EvalReport:
    """Run ``systems`` over ``items`` for ``spec``'s task; write results into ``out``.

    ``settings`` (model specs, token budgets, seeds...) are saved in ``run.json``; a rerun in
    the same directory must pass the same ones, and skips every item already scored.

    Raises:
        ConfigurationError: for no items or systems, or repeated system names.
        BatchError: when no item at all could be scored (every cause attached).
    """
    _check(items, systems, max_concurrency)
    llm_model = resolve_model(llm)
    judge_model = resolve_model(judge) if judge is not None else None
    if judge_model is None and spec.needs_judge:
        judge_model = llm_model  # the model judges itself, as BestOfN does
    store = RunStore(out, {"task": spec.task, **(settings or {})})
    # one sample cache in the output directory: a rerun replays every sample and judge call
    # that finished, even of items interrupted midway
    cache = SampleCache(store.cache_path)
    scoring_judge = None
    if judge_model is not None:
        scoring_judge = CachedChat(judge_model, cache)
    try:
        records = await run_systems(
            spec.task,
            items,
            _with_options(systems, {"cache": cache}),
            llm=llm_model,
            judge=judge_model,
            scoring_judge=scoring_judge,
            prepare=spec.prepare,
            score=spec.score,
            finished=store.finished(),
            save=store.append,
            max_concurrency=max_concurrency,
            progress=progress,
        )
    finally:
        cache.close()
        await llm_model.aclose()
        if judge_model is not None and judge_model is not llm_model:
            await judge_model.aclose()
    return await asyncio.to_thread(_finish, store, spec, systems, records, resamples, seed)


def _finish(
    store: RunStore,
    spec: TaskSpec,
    systems: Sequence[System],
    records: list[ItemRecord],
    resamples: int,
    seed: int,
) -> EvalReport:
    """Tables, files and the report (CPU-bound bootstrap and plotting: run off the loop)."""
    failures = [r for r in records if not r.ok]
    if len(failures) == len(records):
        raise BatchError(
            f"none of the {len(records)} items could be scored; the first error: "
            f"{failures[0].error}",
            [RuntimeError(f"{r.system} / {r.item}: {r.error}") for r in failures],
            records,
        )
    stats = {"resamples": resamples, "seed": seed}
    report = EvalReport(
        task=spec.task,
        figure=spec.figure,
        percent=spec.percent,
        systems=[s.name for s in systems],
        rows=group_rows(records, spec.statistic, **stats),
        deltas=paired_deltas(records, BASELINE, spec.statistic, **stats),
        failed=len(failures),
        files={},
    )
    return _write(store, report, records, len({s.n for s in systems}) > 1)


def _write(
    store: RunStore, report: EvalReport, records: list[ItemRecord], several_n: bool
) -> EvalReport:
    files = {
        "records": str(store.records_path),
        "csv": str(store.write_text("table.csv", _csv(report))),
    }
    if several_n:
        scale = 100.0 if report.percent else 1.0
        path = store.directory / f"{report.task}_vs_n.png"
        files["plot"] = str(plot_vs_n(report.rows, path, report.figure, scale=scale))
    files["summary"] = str(store.directory / "summary.json")
    report = report.model_copy(update={"files": files})
    store.write_text("summary.json", report.model_dump_json(indent=2, exclude={"records"}))
    return report.model_copy(update={"records": records})


def evaluate(
    spec: TaskSpec, items: Sequence[EvalItem], systems: Sequence[System], **options: Any
) -> EvalReport:
    """Sync :func:`aevaluate` (same arguments)."""
    return run_sync(aevaluate(spec, items, systems, **options))
