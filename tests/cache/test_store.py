"""SampleCache: persistence, first-writer-wins, stats, clearing, threads and bad files."""

from __future__ import annotations

import gc
import sqlite3
import threading
import warnings
from pathlib import Path

import pytest

from polypick.cache import CacheStats, SampleCache
from polypick.core.types import Completion, ToolCall, Usage
from polypick.errors import ConfigurationError


def completion(text: str, tokens: int = 3) -> Completion:
    return Completion(text=text, finish_reason="stop", usage=Usage(completion_tokens=tokens))


def test_completions_survive_closing_and_reopening(tmp_path: Path) -> None:
    stored = Completion(
        text="",
        tool_calls=(ToolCall(name="add", arguments={"a": 1, "b": [2, 3]}, id="c1"),),
        finish_reason="tool_calls",
        usage=Usage(prompt_tokens=7, completion_tokens=2),
        model="m",
    )
    with SampleCache(tmp_path / "c.db") as cache:
        cache.store("k", "m", [(0, stored), (1, completion("b"))])
    with SampleCache(tmp_path / "c.db") as again:
        found = again.lookup("k", [0, 1, 2])
        assert found == {0: stored, 1: completion("b")}
        assert again.stats == CacheStats(hits=2, misses=1, stored=0)
        assert len(again) == 2


def test_the_first_write_wins_and_both_writers_see_it(tmp_path: Path) -> None:
    with SampleCache(tmp_path / "c.db") as first, SampleCache(tmp_path / "c.db") as second:
        assert first.store("k", "m", [(0, completion("first"))]) == {0: completion("first")}
        held = second.store("k", "m", [(0, completion("second")), (1, completion("new"))])
        assert held == {0: completion("first"), 1: completion("new")}
        assert second.stats.stored == 1


def test_clear_empties_the_file_and_a_closed_cache_reopens(tmp_path: Path) -> None:
    cache = SampleCache(tmp_path / "c.db")
    cache.store("k", "m", [(o, completion(str(o))) for o in range(4)])
    cache.close()
    cache.close()  # idempotent
    assert cache.clear() == 4  # reopened on use
    assert cache.lookup("k", [0]) == {}
    cache.close()


def test_the_file_is_in_wal_mode(tmp_path: Path) -> None:
    SampleCache(tmp_path / "c.db").close()
    with sqlite3.connect(tmp_path / "c.db") as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    raw.close()


def test_threads_share_one_cache(tmp_path: Path) -> None:
    cache = SampleCache(tmp_path / "c.db")
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        try:
            for i in range(25):
                cache.store(f"k{i % 5}", "m", [(worker * 100 + i, completion(f"{worker}-{i}"))])
                cache.lookup(f"k{i % 5}", [worker * 100 + i])
        except BaseException as exc:  # re-raised in the main thread below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(cache) == 200
    assert cache.stats == CacheStats(hits=200, misses=0, stored=200)
    cache.close()


def test_a_file_that_is_not_a_database_is_refused_with_a_fix(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("this is not sqlite " * 100)
    with pytest.raises(ConfigurationError, match="cannot use .*junk.db as a sample cache"):
        SampleCache(junk)
    with pytest.raises(ConfigurationError, match="writable directory"):
        SampleCache(tmp_path / "missing-dir" / "c.db")


def test_a_cache_of_another_format_is_refused(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "old.db") as raw:
        raw.execute("PRAGMA user_version = 99")
    raw.close()
    with pytest.raises(ConfigurationError, match="format 99.*delete the file"):
        SampleCache(tmp_path / "old.db")


def _open_descriptors(path: Path) -> int:
    """How many of this process's file descriptors point at ``path`` (Linux /proc)."""
    fds = Path("/proc/self/fd")
    return sum(1 for fd in fds.iterdir() if _target(fd) == str(path))


def _target(fd: Path) -> str:
    try:
        return str(fd.readlink())
    except OSError:  # closed between listing and reading
        return ""


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux /proc")
def test_a_cache_dropped_without_close_releases_its_file(tmp_path: Path) -> None:
    # Python 3.13 warns (ResourceWarning) for every SQLite connection left to the collector;
    # a user who passes a cache and never closes it must not see that, nor leak descriptors
    path = tmp_path / "c.db"
    cache = SampleCache(path)
    cache.store("k", "m", [(0, completion("a"))])
    assert _open_descriptors(path) == 1
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        del cache
        gc.collect()
    assert _open_descriptors(path) == 0
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []


def test_close_then_drop_closes_once(tmp_path: Path) -> None:
    cache = SampleCache(tmp_path / "c.db")
    cache.close()
    cache.close()  # idempotent
    assert len(cache) == 0  # reopens
    del cache
    gc.collect()
