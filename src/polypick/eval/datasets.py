"""Evaluation sets from JSONL or TSV files, or from Hugging Face ``datasets``.

A JSONL file holds one JSON object per line; a TSV file has a header row naming the columns.
The fields are those of :class:`~polypick.eval.items.EvalItem`; which are required depends on the
task (:data:`REQUIRED`). Every problem is reported with the file, the line and the field.
"""

from __future__ import annotations

import csv
import importlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from polypick.errors import ConfigurationError
from polypick.eval.items import EvalItem, Task

__all__ = ["FIELDS", "REQUIRED", "load_hf", "load_items", "parse_rows"]

FIELDS = ("id", "prompt", "reference", "answer", "language", "category")
REQUIRED: dict[Task, tuple[str, ...]] = {
    "winrate": ("prompt", "reference"),
    "accuracy": ("prompt", "answer"),
    "translation": ("prompt", "reference"),
}
Detector = Callable[[str], "str | None"]


def _text(value: Any, where: str, field: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ConfigurationError(
            f"{where}: field {field!r} must be text or a number, got {type(value).__name__}"
        )
    return str(value)


def _item(
    row: Mapping[str, Any], where: str, line: int, task: Task, required: Sequence[str]
) -> EvalItem:
    values = {field: _text(row.get(field), where, field) for field in FIELDS}
    missing = [field for field in required if values[field] is None]
    if missing:
        raise ConfigurationError(
            f"{where}: missing field {missing[0]!r}; this {task} set needs "
            f"{', '.join(required)} on every row"
        )
    values["id"] = values["id"] or str(line)
    return EvalItem.model_validate(values)


def parse_rows(
    rows: Iterable[tuple[int, Mapping[str, Any]]],
    task: Task,
    source: str,
    *,
    detect: Detector | None = None,
    required: Sequence[str] | None = None,
) -> list[EvalItem]:
    """Items from ``(line, row)`` pairs read from ``source``; languages detected when absent.

    ``required`` overrides the task's required fields (e.g. ``("prompt",)`` when the
    references will be generated).

    Raises:
        ConfigurationError: naming ``source``, the line and the field of the first bad row,
            or the lines of a repeated id; or when there are no rows.
    """
    items: list[EvalItem] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        item = _item(row, f"{source}, line {line}", line, task, required or REQUIRED[task])
        if item.id in seen:
            raise ConfigurationError(
                f"{source}, line {line}: id {item.id!r} repeats line {seen[item.id]}; "
                "ids must be unique"
            )
        seen[item.id] = line
        if item.language is None and detect is not None:
            # translation items are in the target language: detect it from the reference
            text = item.reference if task == "translation" else item.prompt
            item = item.model_copy(update={"language": detect(text or "")})
        items.append(item)
    if not items:
        raise ConfigurationError(f"{source} holds no items; write one object (or row) per line")
    return items


def _jsonl_rows(path: Path) -> Iterable[tuple[int, Mapping[str, Any]]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ConfigurationError(
                    f"{path}, line {number}: not valid JSON ({exc.msg}); write one object a line"
                ) from None
            if not isinstance(row, dict):
                raise ConfigurationError(f"{path}, line {number}: expected a JSON object")
            yield number, row


def _tsv_rows(path: Path) -> Iterable[tuple[int, Mapping[str, Any]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        unknown = set(reader.fieldnames or ()) - set(FIELDS)
        if not reader.fieldnames or "prompt" not in reader.fieldnames:
            raise ConfigurationError(
                f"{path}, line 1: the header must name the columns, including 'prompt' "
                f"(known: {', '.join(FIELDS)})"
            )
        if unknown:
            raise ConfigurationError(
                f"{path}, line 1: unknown column(s) {sorted(unknown)}; known: {', '.join(FIELDS)}"
            )
        for row in reader:
            if None in row:  # more cells than header columns
                raise ConfigurationError(
                    f"{path}, line {reader.line_num}: more cells than header columns "
                    "(tabs inside a field are not allowed in TSV)"
                )
            yield reader.line_num, row


def load_items(
    path: str | Path,
    task: Task,
    *,
    detect: Detector | None = None,
    limit: int | None = None,
    required: Sequence[str] | None = None,
) -> list[EvalItem]:
    """Read an evaluation set from a ``.jsonl`` or ``.tsv`` file (the first ``limit`` items)."""
    path = Path(path)
    if not path.is_file():
        raise ConfigurationError(f"no data file at {path}; pass --data with a .jsonl or .tsv file")
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".tsv"):
        raise ConfigurationError(f"{path}: unknown format {suffix!r}; use .jsonl or .tsv")
    rows = _jsonl_rows(path) if suffix == ".jsonl" else _tsv_rows(path)
    items = parse_rows(rows, task, str(path), detect=detect, required=required)
    return items[:limit] if limit is not None else items


def load_hf(
    name: str,
    task: Task,
    *,
    split: str = "test",
    config: str | None = None,
    columns: Mapping[str, str] | None = None,
    language: str | None = None,
    detect: Detector | None = None,
    limit: int | None = None,
    required: Sequence[str] | None = None,
) -> list[EvalItem]:
    """Read an evaluation set with Hugging Face ``datasets`` (online, or from its cache).

    ``columns`` maps our field names to the dataset's column names, e.g.
    ``{"id": "question_id", "prompt": "question"}``; ``language`` sets every item's language
    (for datasets with one configuration per language), else it is read or detected.
    """
    try:
        datasets = importlib.import_module("datasets")
    except ImportError:
        raise ConfigurationError(
            f"loading {name!r} from the Hugging Face hub needs the datasets library: "
            "pip install datasets (or pass a .jsonl/.tsv file instead)"
        ) from None
    table = datasets.load_dataset(name, config, split=split)
    mapping = dict(columns or {})
    source = f"{name} ({config or 'default'}, {split})"
    rows = (
        (
            number,
            {field: row.get(mapping.get(field, field)) for field in FIELDS}
            | ({"language": language} if language else {}),
        )
        for number, row in enumerate(table, start=1)
        if limit is None or number <= limit
    )
    return parse_rows(rows, task, source, detect=detect, required=required)
