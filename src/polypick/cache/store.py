"""``SampleCache``: completions stored in one SQLite file, shared by threads and processes.

Each row is one completion under its request key and occurrence ordinal (see
:mod:`polypick.cache.keys`). The file runs in WAL mode, so readers never wait for a writer, and
every write is one short ``BEGIN IMMEDIATE`` transaction, so processes sharing the file queue
for a few milliseconds at most. When two processes draw the same sample at once, the first
write wins and both return that completion, so a replay always agrees with the file.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from polypick.core.types import Completion
from polypick.errors import ConfigurationError

__all__ = ["CacheStats", "SampleCache"]

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS samples (
    key TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    model TEXT NOT NULL,
    completion TEXT NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (key, ordinal)
) WITHOUT ROWID
"""


@dataclass(frozen=True)
class CacheStats:
    """What one :class:`SampleCache` object did in this process.

    Attributes:
        hits: completions found in the cache.
        misses: completions looked up and not found.
        stored: completions written (a completion another process wrote first is not counted).
    """

    hits: int = 0
    misses: int = 0
    stored: int = 0


class SampleCache:
    """A persistent cache of completions in the SQLite file at ``path`` (created if missing).

    Safe to share between coroutines and threads (one connection per process, behind a lock)
    and between processes (WAL mode, short transactions). ``close()`` releases the file; a
    closed cache reopens it on next use.

    Args:
        path: the database file.
        timeout: seconds to wait for another process's write before giving up.

    Raises:
        ConfigurationError: if ``path`` cannot be opened as a sample cache.
    """

    def __init__(self, path: str | os.PathLike[str], *, timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._finalizer: weakref.finalize[[sqlite3.Connection, int], SampleCache] | None = None
        self._pid = os.getpid()
        self._stats = CacheStats()
        with self._lock:
            self._connect()  # a bad path fails here, before any request is sent

    def __repr__(self) -> str:
        return f"SampleCache({str(self.path)!r})"

    def __getstate__(self) -> dict[str, object]:
        # pickled (to another process, a Ray actor ...) as its path: the copy opens the file
        return {"path": self.path, "timeout": self.timeout}

    def __setstate__(self, state: dict[str, object]) -> None:
        path, timeout = state["path"], state["timeout"]
        assert isinstance(path, Path) and isinstance(timeout, float | int)
        self.__init__(path, timeout=timeout)  # type: ignore[misc]

    @property
    def stats(self) -> CacheStats:
        """Hits, misses and completions stored by this object so far."""
        return self._stats

    def lookup(self, key: str, ordinals: Sequence[int]) -> dict[int, Completion]:
        """The cached completions of request ``key`` at ``ordinals``, by ordinal."""
        if not ordinals:
            return {}
        with self._lock:
            rows = self._connect().execute(
                "SELECT ordinal, completion FROM samples WHERE key = ? AND ordinal BETWEEN ? AND ?",
                (key, min(ordinals), max(ordinals)),
            )
            wanted = set(ordinals)
            found = {o: Completion.model_validate_json(c) for o, c in rows if o in wanted}
            self._count(hits=len(found), misses=len(wanted) - len(found))
        return found

    def store(
        self, key: str, model: str, completions: Sequence[tuple[int, Completion]]
    ) -> dict[int, Completion]:
        """Store ``(ordinal, completion)`` pairs of request ``key``; return what the file holds
        at those ordinals afterwards (another process's completion where it wrote first)."""
        if not completions:
            return {}
        now = time.time()
        # whether a completion came from a cache is not part of it: a lookup says so
        rows = [(key, o, model, c.model_dump_json(exclude={"cached"}), now) for o, c in completions]
        ordinals = [o for o, _ in completions]
        with self._lock:
            connection = self._connect()
            connection.execute("BEGIN IMMEDIATE")
            try:
                before = connection.total_changes
                connection.executemany("INSERT OR IGNORE INTO samples VALUES (?, ?, ?, ?, ?)", rows)
                stored = connection.total_changes - before
                held = connection.execute(
                    "SELECT ordinal, completion FROM samples "
                    "WHERE key = ? AND ordinal BETWEEN ? AND ?",
                    (key, min(ordinals), max(ordinals)),
                ).fetchall()
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            self._count(stored=stored)
        wanted = set(ordinals)
        return {o: Completion.model_validate_json(c) for o, c in held if o in wanted}

    def __len__(self) -> int:
        """How many completions the file holds."""
        with self._lock:
            (count,) = self._connect().execute("SELECT COUNT(*) FROM samples").fetchone()
        return int(count)

    def clear(self) -> int:
        """Delete every stored completion; return how many there were."""
        with self._lock:
            cursor = self._connect().execute("DELETE FROM samples")
        return cursor.rowcount

    def close(self) -> None:
        """Close the file (idempotent); the next use opens it again."""
        with self._lock:
            if self._finalizer is not None:
                self._finalizer()  # closes the connection if this process opened it
                self._finalizer = None
            self._connection = None

    def __enter__(self) -> SampleCache:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _count(self, *, hits: int = 0, misses: int = 0, stored: int = 0) -> None:
        s = self._stats
        self._stats = CacheStats(s.hits + hits, s.misses + misses, s.stored + stored)

    def _connect(self) -> sqlite3.Connection:
        """The open connection (the caller holds the lock). A forked child opens its own:
        SQLite connections must not cross a fork."""
        if self._connection is not None and self._pid == os.getpid():
            return self._connection
        self._pid = os.getpid()
        try:
            connection = sqlite3.connect(
                self.path, timeout=self.timeout, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise _unusable(self.path, exc) from exc
        try:
            _prepare(connection, self.path)
        except BaseException:
            connection.close()
            raise
        if self._finalizer is not None:
            self._finalizer.detach()  # the parent's connection: never closed from a child
        self._connection = connection
        # a cache dropped without close() still releases its file (Python 3.13 warns otherwise)
        self._finalizer = weakref.finalize(self, _close_in, connection, self._pid)
        return connection


def _close_in(connection: sqlite3.Connection, pid: int) -> None:
    """Close ``connection`` if this process opened it (a forked child leaves it alone)."""
    if os.getpid() == pid:
        connection.close()


def _prepare(connection: sqlite3.Connection, path: Path) -> None:
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")  # safe under WAL; a cache may lose a tail
        connection.execute("BEGIN IMMEDIATE")
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if version == 0:
            connection.execute(_SCHEMA)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except sqlite3.Error as exc:
        raise _unusable(path, exc) from exc
    if version not in (0, SCHEMA_VERSION):
        raise ConfigurationError(
            f"{path} is a sample cache of format {version}, this polypick reads format "
            f"{SCHEMA_VERSION}; delete the file or pass another path"
        )


def _unusable(path: Path, exc: sqlite3.Error) -> ConfigurationError:
    return ConfigurationError(
        f"cannot use {path} as a sample cache ({exc}); pass the path of a new file or of an "
        "existing polypick cache in a writable directory"
    )
