"""Evaluation: win-rate against references, accuracy on verifiable tasks, translation quality.

Each compares a single-sample greedy baseline with best-of-N systems, per language and category,
with bootstrap confidence intervals; results are resumable files (see ``docs/evaluation.md``).

    items = load_items("arena.jsonl", "winrate")
    systems = standard_systems([1, 5], Hedged(), ["chops"], baseline=Temperature(temperature=0))
    report = evaluate(winrate_task(judge), items, systems, llm="local", judge=judge, out="runs/a")
"""

from polypick.eval.datasets import FIELDS, REQUIRED, load_hf, load_items
from polypick.eval.evaluate import EvalReport, aevaluate, evaluate
from polypick.eval.items import EvalItem, ItemRecord, Task
from polypick.eval.judge import PairJudgment, judge_against_reference
from polypick.eval.references import afill_references, fill_references
from polypick.eval.stats import Interval, bootstrap, bootstrap_mean, combine_orders
from polypick.eval.systems import BASELINE, System, parse_counts, standard_systems
from polypick.eval.tables import TableRow, group_rows, paired_deltas
from polypick.eval.tasks import (
    TaskSpec,
    accuracy_task,
    answers_match,
    translation_task,
    winrate_task,
)
from polypick.eval.text import render_text

__all__ = [
    "BASELINE",
    "FIELDS",
    "REQUIRED",
    "EvalItem",
    "EvalReport",
    "Interval",
    "ItemRecord",
    "PairJudgment",
    "System",
    "TableRow",
    "Task",
    "TaskSpec",
    "accuracy_task",
    "aevaluate",
    "afill_references",
    "answers_match",
    "bootstrap",
    "bootstrap_mean",
    "combine_orders",
    "evaluate",
    "fill_references",
    "group_rows",
    "judge_against_reference",
    "load_hf",
    "load_items",
    "paired_deltas",
    "render_text",
    "parse_counts",
    "standard_systems",
    "translation_task",
    "winrate_task",
]
