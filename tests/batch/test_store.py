"""The job store: what a resumed job relies on."""

from __future__ import annotations

import gc
import warnings
from pathlib import Path

import pytest

from polypick.batch import JobStore
from polypick.core.batching import ItemError, ItemOutcome


def test_submissions_and_outcomes_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "job.sqlite"
    store = JobStore(path)
    store.record_submission("openai:m", "batch_1", ["a", "b", "c"], "file-1")
    assert [(b.batch_id, b.backend) for b in store.open_batches()] == [("batch_1", "openai:m")]
    store.close()

    store = JobStore(path)
    record = store.item("a")
    assert record is not None
    assert (record.state, record.batch_id, record.attempts) == ("submitted", "batch_1", 1)
    error = ItemError("overloaded", code="api_error", status_code=529, retryable=True)
    store.record_outcomes(
        "batch_1",
        "completed",
        [ItemOutcome("a", body={"id": "x"}), ItemOutcome("b", error=error)],
    )
    assert store.open_batches() == []
    store.close()

    store = JobStore(path)
    done, failed, untouched = store.item("a"), store.item("b"), store.item("c")
    assert done is not None and done.state == "succeeded" and done.response == {"id": "x"}
    assert failed is not None and failed.state == "failed" and failed.error == error
    assert untouched is not None and untouched.state == "submitted"
    assert store.counts() == {"succeeded": 1, "failed": 1, "submitted": 1}
    assert store.item("nope") is None
    store.close()


def test_a_resubmission_counts_an_attempt_and_wins_over_the_old_batch(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "job.sqlite")
    store.record_submission("anthropic:m", "b1", ["a"], None)
    store.record_outcomes("b1", "ended", [ItemOutcome("a", error=ItemError("expired"))])
    store.record_submission("anthropic:m", "b2", ["a"], None)
    record = store.item("a")
    assert record is not None
    assert (record.state, record.batch_id, record.attempts, record.error) == (
        "submitted", "b2", 2, None,
    )  # fmt: skip
    assert store.batch_items("b1") == [] and store.batch_items("b2") == ["a"]
    # a late result from the old batch does not overwrite the newer submission
    store.record_outcomes("b1", "ended", [ItemOutcome("a", body={"late": True})])
    record = store.item("a")
    assert record is not None and record.state == "submitted" and record.response is None
    store.close()


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux /proc")
def test_a_store_dropped_without_close_releases_its_file(tmp_path: Path) -> None:
    path = tmp_path / "job.sqlite"
    store = JobStore(path)
    store.record_submission("openai:m", "batch_1", ["a"], None)

    def open_descriptors() -> int:
        return sum(1 for fd in Path("/proc/self/fd").iterdir() if _target(fd) == str(path))

    assert open_descriptors() == 1
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        del store
        gc.collect()
    assert open_descriptors() == 0
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []
    JobStore(path).close()  # close() after a drop of another store is fine, and idempotent


def _target(fd: Path) -> str:
    try:
        return str(fd.readlink())
    except OSError:
        return ""
