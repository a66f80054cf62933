"""The output directory of an evaluation: what makes it resumable, and the result files.

Files:
    run.json      the settings of the run; a rerun with other settings is refused, so records
                  of different models never mix in one table.
    records.jsonl one :class:`~polypick.eval.items.ItemRecord` per line, appended (and flushed)
                  as soon as an item is finished: after an interruption a rerun skips every
                  item with a score and retries the failed ones.
    summary.json  the tables and deltas (:class:`~polypick.eval.report.EvalReport`).
    table.csv     the same tables, one row per system and group.
    *.png         plots of the figure against N per language.
    cache.sqlite  the sample cache, when :mod:`polypick.cache` is available.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from polypick.errors import ConfigurationError
from polypick.eval.items import ItemRecord

__all__ = ["RunStore"]


class RunStore:
    """Reads and writes one evaluation's output directory (created if missing)."""

    def __init__(self, directory: str | Path, settings: Mapping[str, Any]) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.records_path = self.directory / "records.jsonl"
        self.cache_path = self.directory / "cache.sqlite"
        self._check_settings(dict(settings))
        self._end_partial_line()

    def _check_settings(self, settings: dict[str, Any]) -> None:
        path = self.directory / "run.json"
        if path.is_file():
            previous = json.loads(path.read_text(encoding="utf-8"))
            changed = sorted(
                k for k in settings.keys() | previous.keys() if settings.get(k) != previous.get(k)
            )
            if changed:
                raise ConfigurationError(
                    f"{self.directory} holds a run made with other settings ({', '.join(changed)} "
                    "differ); pass another --out directory, or delete this one to start over"
                )
        else:
            path.write_text(json.dumps(settings, indent=2, sort_keys=True), encoding="utf-8")

    def _end_partial_line(self) -> None:
        # a line cut short by an interruption must not swallow the next record appended
        if self.records_path.is_file() and self.records_path.stat().st_size:
            with self.records_path.open("rb+") as data:
                data.seek(-1, os.SEEK_END)
                if data.read(1) != b"\n":
                    data.write(b"\n")

    def finished(self) -> dict[tuple[str, str], ItemRecord]:
        """The scored records already written, by (system, item id); the last one wins."""
        done: dict[tuple[str, str], ItemRecord] = {}
        if not self.records_path.is_file():
            return done
        with self.records_path.open(encoding="utf-8") as lines:
            for line in lines:
                try:
                    record = ItemRecord.model_validate_json(line)
                except ValueError:  # a line cut short by the interruption itself
                    continue
                if record.ok:
                    done[(record.system, record.item)] = record
        return done

    def append(self, record: ItemRecord) -> None:
        """Write ``record`` and push it to disk, so an interruption right after loses nothing."""
        with self.records_path.open("a", encoding="utf-8") as out:
            out.write(record.model_dump_json() + "\n")
            out.flush()
            os.fsync(out.fileno())

    def write_text(self, name: str, text: str) -> Path:
        """Write one result file atomically (a reader never sees half a file)."""
        path = self.directory / name
        partial = path.with_suffix(path.suffix + ".partial")
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
        return path
