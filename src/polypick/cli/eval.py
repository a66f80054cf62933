"""``polypick eval winrate|accuracy|translation``: evaluate best-of-N against a greedy baseline.

Each subcommand reads a JSONL/TSV set (``--data``) or a Hugging Face dataset (``--hf``), runs the
greedy baseline and every ``--selector`` at every ``-n``, and prints tables per language and
category with bootstrap intervals; results, tables and plots go to ``--out`` and a rerun resumes.
"""

from __future__ import annotations

import argparse
import importlib
from types import TracebackType

from polypick.cli.run import sampling_from_args
from polypick.core.language import default_detector
from polypick.errors import ConfigurationError
from polypick.eval import (
    EvalItem,
    EvalReport,
    ItemRecord,
    TableRow,
    Task,
    TaskSpec,
    accuracy_task,
    evaluate,
    fill_references,
    load_hf,
    load_items,
    parse_counts,
    standard_systems,
    translation_task,
    winrate_task,
)
from polypick.eval.judge import JUDGE_MAX_TOKENS
from polypick.eval.tables import format_interval

__all__ = ["register"]

DEFAULT_SELECTORS: dict[Task, str] = {
    "winrate": "chops",
    "accuracy": "majority",
    "translation": "mbr,xmbr",
}
HELP: dict[Task, str] = {
    "winrate": "win-rate against reference answers, judged in both orders",
    "accuracy": "accuracy of extracted final answers (MGSM-style)",
    "translation": "corpus chrF of translations against references",
}


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``eval`` command and its three subcommands to the ``polypick`` parser."""
    parser = commands.add_parser("eval", help="evaluate best-of-N against a greedy baseline")
    tasks = parser.add_subparsers(dest="task", required=True)
    for task in ("winrate", "accuracy", "translation"):
        _add_task(tasks, task)


def _add_task(tasks: argparse._SubParsersAction[argparse.ArgumentParser], task: Task) -> None:
    sub = tasks.add_parser(task, help=HELP[task], description=HELP[task])
    source = sub.add_mutually_exclusive_group(required=True)
    source.add_argument("--data", help="a .jsonl or .tsv file (fields: docs/evaluation.md)")
    source.add_argument("--hf", metavar="DATASET", help="a Hugging Face dataset (needs datasets)")
    sub.add_argument("--hf-config", help="the dataset's configuration, e.g. a language")
    sub.add_argument("--hf-split", default="test", help="the dataset's split (default: test)")
    sub.add_argument("--out", default=f"eval-runs/{task}", help="output directory (resumable)")
    sub.add_argument("--llm", default="local", help="model spec of the system under test")
    sub.add_argument("--judge", help="model spec of the judge (win-rate: default the --llm)")
    sub.add_argument("-n", default="1,5", help="sample counts, e.g. 1,3,5 (default: 1,5)")
    sub.add_argument("--sampling", default="hedged", help="sampling plan of the N > 1 systems")
    sub.add_argument("--temperature", type=float, help="temperature of the stochastic samples")
    sub.add_argument(
        "--selector",
        default=DEFAULT_SELECTORS[task],
        help="selectors, comma-separated, each NAME or NAME:UTILITY "
        f"(default: {DEFAULT_SELECTORS[task]})",
    )
    sub.add_argument("--max-tokens", type=int, help="reply budget per sample")
    if task == "winrate":
        sub.add_argument(
            "--reference-llm",
            help="model spec whose greedy answers become the references items lack",
        )
    sub.add_argument(
        "--judge-max-tokens",
        type=int,
        default=JUDGE_MAX_TOKENS,
        help=f"reply budget of each win-rate judge call (default: {JUDGE_MAX_TOKENS})",
    )
    sub.add_argument("--seed", type=int, default=0, help="sampling and bootstrap seed (default 0)")
    sub.add_argument("--limit", type=int, help="evaluate only the first LIMIT items")
    sub.add_argument("--concurrency", type=int, default=4, help="items in flight (default: 4)")
    sub.add_argument("--resamples", type=int, default=1000, help="bootstrap resamples")
    sub.set_defaults(handler=_run, task=task)


def _items(args: argparse.Namespace, task: Task) -> list[EvalItem]:
    if args.limit is not None and args.limit < 1:
        raise ConfigurationError(f"--limit must be at least 1, got {args.limit}")
    detect = default_detector()
    required = ("prompt",) if getattr(args, "reference_llm", None) else None
    if args.data:
        return load_items(args.data, task, detect=detect, limit=args.limit, required=required)
    options = {"split": args.hf_split, "config": args.hf_config, "limit": args.limit}
    return load_hf(args.hf, task, detect=detect, required=required, **options)


def _spec(args: argparse.Namespace, task: Task) -> tuple[TaskSpec, str | None]:
    if task == "winrate":
        judge = args.judge or args.llm
        return winrate_task(judge_max_tokens=args.judge_max_tokens), judge
    return (accuracy_task() if task == "accuracy" else translation_task()), args.judge


def _run(args: argparse.Namespace) -> int:
    task: Task = args.task
    items = _items(args, task)
    reference_llm = getattr(args, "reference_llm", None)
    if reference_llm:
        items = fill_references(items, reference_llm, args.out, max_tokens=args.max_tokens)
    spec, judge = _spec(args, task)
    greedy = argparse.Namespace(
        sampling="greedy", temperature=None, max_tokens=args.max_tokens, seed=args.seed
    )
    systems = standard_systems(
        parse_counts(args.n),
        sampling_from_args(args),
        [s.strip() for s in args.selector.split(",") if s.strip()],
        sampling_from_args(greedy),
    )
    saved = ("llm", "judge_max_tokens", "max_tokens", "seed", "sampling", "temperature")
    settings = {key: getattr(args, key) for key in saved} | {"judge": judge}
    settings["reference_llm"] = reference_llm
    with _Bar() as progress:
        report = evaluate(
            spec,
            items,
            systems,
            llm=args.llm,
            judge=judge,
            out=args.out,
            settings=settings,
            max_concurrency=args.concurrency,
            resamples=args.resamples,
            seed=args.seed,
            progress=progress,
        )
    _print_report(report)
    return 0


class _Bar:
    """A rich progress bar over (system, item) pairs; finished ones count from the start."""

    def __init__(self) -> None:
        importlib.import_module("polypick.cli.render")  # raises the install hint without rich
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._task = self._progress.add_task("evaluating", total=None)
        self.failed = 0

    def __enter__(self) -> _Bar:
        self._progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._progress.stop()

    def start(self, total: int, done: int) -> None:
        self._progress.update(self._task, total=total, completed=done)

    def advance(self, record: ItemRecord) -> None:
        self.failed += not record.ok
        label = f"evaluating ({self.failed} failed)" if self.failed else "evaluating"
        self._progress.update(self._task, advance=1, description=label)


def _table(title: str, rows: list[TableRow], percent: bool) -> object:
    from rich.table import Table

    table = Table(title=title)
    for header in ("system", "N", "group", "prompts", "failed", "figure [95% CI]"):
        table.add_column(header, justify="left" if header in ("system", "group") else "right")
    for row in rows:
        cells = (row.system, str(row.n), row.group, str(row.interval.count), str(row.failed))
        table.add_row(*cells, format_interval(row.interval, percent))
    return table


def _print_report(report: EvalReport) -> None:
    from rich.console import Console

    console = Console()
    for by in ("all", "language", "category"):
        rows = [r for r in report.rows if r.by == by]
        if rows:
            console.print(_table(f"{report.figure} by {by}", rows, report.percent))
        deltas = [r for r in report.deltas if r.by == by]
        if deltas:
            title = f"{report.figure} delta vs greedy by {by} (paired)"
            console.print(_table(title, deltas, report.percent))
    if report.failed:
        console.print(f"[yellow]{report.failed} item(s) failed; see records.jsonl (rerun retries)")
    for name, path in report.files.items():
        console.print(f"{name}: {path}")
