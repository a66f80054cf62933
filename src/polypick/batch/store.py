"""The job store: a SQLite file recording every batch submitted and every request's result.

It is what makes a job resumable: a request is recorded as submitted (with its batch) in the
same transaction as the batch itself, and its outcome as soon as the batch ends. A rerun finds
finished requests here and sends only what is missing; batches still running are polled again.
"""

from __future__ import annotations

import json
import sqlite3
import time
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from polypick.core.batching import ItemError, ItemOutcome

__all__ = ["ItemRecord", "JobStore", "OpenBatch"]

State = Literal["submitted", "succeeded", "failed"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS batches (
    batch_id TEXT PRIMARY KEY,
    backend TEXT NOT NULL,
    input_file_id TEXT,
    status TEXT NOT NULL,
    ended INTEGER NOT NULL DEFAULT 0,
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS items (
    custom_id TEXT PRIMARY KEY,
    backend TEXT NOT NULL,
    state TEXT NOT NULL,
    batch_id TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    response TEXT,
    error TEXT
);
"""


@dataclass(frozen=True)
class ItemRecord:
    """What the store knows about one request."""

    custom_id: str
    backend: str
    state: State
    batch_id: str | None
    attempts: int
    response: dict[str, Any] | None
    error: ItemError | None


@dataclass(frozen=True)
class OpenBatch:
    """A batch submitted but whose results are not collected yet."""

    batch_id: str
    backend: str
    status: str


class JobStore:
    """A job's state on disk. Every write is one transaction, so a crash loses nothing written.

    Args:
        path: the SQLite file; created if missing. Reuse it to resume the job.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._db = sqlite3.connect(self.path, isolation_level=None)
        # a store dropped without close() still releases its file (Python 3.13 warns otherwise)
        self._closer = weakref.finalize(self, self._db.close)
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._closer()

    def item(self, custom_id: str) -> ItemRecord | None:
        row = self._db.execute(
            "SELECT custom_id, backend, state, batch_id, attempts, response, error "
            "FROM items WHERE custom_id = ?",
            (custom_id,),
        ).fetchone()
        if row is None:
            return None
        response = json.loads(row[5]) if row[5] else None
        error = ItemError(**json.loads(row[6])) if row[6] else None
        return ItemRecord(row[0], row[1], row[2], row[3], row[4], response, error)

    def record_submission(
        self, backend: str, batch_id: str, custom_ids: Sequence[str], input_file_id: str | None
    ) -> None:
        """The batch and its requests, in one transaction (one attempt more for each)."""
        with self._transaction():
            self._db.execute(
                "INSERT INTO batches (batch_id, backend, input_file_id, status, created) "
                "VALUES (?, ?, ?, 'submitted', ?)",
                (batch_id, backend, input_file_id, time.time()),
            )
            self._db.executemany(
                "INSERT INTO items (custom_id, backend, state, batch_id, attempts) "
                "VALUES (?, ?, 'submitted', ?, 1) ON CONFLICT (custom_id) DO UPDATE SET "
                "state = 'submitted', batch_id = excluded.batch_id, attempts = attempts + 1, "
                "error = NULL",
                [(c, backend, batch_id) for c in custom_ids],
            )

    def record_status(self, batch_id: str, status: str) -> None:
        self._db.execute("UPDATE batches SET status = ? WHERE batch_id = ?", (status, batch_id))

    def record_outcomes(self, batch_id: str, status: str, outcomes: Sequence[ItemOutcome]) -> None:
        """A finished batch's results; requests since resubmitted elsewhere are left alone."""
        with self._transaction():
            for outcome in outcomes:
                response = json.dumps(outcome.body) if outcome.ok else None
                error = None if outcome.error is None else json.dumps(outcome.error.__dict__)
                state = "succeeded" if outcome.ok else "failed"
                self._db.execute(
                    "UPDATE items SET state = ?, response = ?, error = ? "
                    "WHERE custom_id = ? AND batch_id = ?",
                    (state, response, error, outcome.custom_id, batch_id),
                )
            self._db.execute(
                "UPDATE batches SET status = ?, ended = 1 WHERE batch_id = ?", (status, batch_id)
            )

    def batch_items(self, batch_id: str) -> list[str]:
        """The requests whose latest submission is ``batch_id``."""
        rows = self._db.execute("SELECT custom_id FROM items WHERE batch_id = ?", (batch_id,))
        return [row[0] for row in rows]

    def open_batches(self) -> list[OpenBatch]:
        rows = self._db.execute(
            "SELECT batch_id, backend, status FROM batches WHERE ended = 0 ORDER BY created"
        )
        return [OpenBatch(*row) for row in rows]

    def counts(self) -> dict[str, int]:
        """Requests by state, for reports."""
        rows = self._db.execute("SELECT state, COUNT(*) FROM items GROUP BY state")
        return {state: count for state, count in rows}

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self._db.execute("ROLLBACK" if exc_type is not None else "COMMIT")
