"""Interrupted jobs resume from their store without sending finished requests again."""

from __future__ import annotations

import asyncio
from collections import Counter
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from batch_helpers import FAST, PROMPTS, Oracle, anthropic_model, openai_model

from polypick.batch import BatchProgress, JobStore, arun_batch
from polypick.core.types import Selection
from polypick.selectors import ChopsSelector, TournamentSelector
from polypick.testing.servers import FakeAnthropicBatchServer, FakeOpenAIBatchServer

SERVERS = {"openai": FakeOpenAIBatchServer, "anthropic": FakeAnthropicBatchServer}


class Crash(Exception):
    """The machine going down, as seen from inside the job."""


def _settings(kind: str, server: Any, store: Path) -> dict[str, Any]:
    model = openai_model(server) if kind == "openai" else anthropic_model(server)
    selector = ChopsSelector(seed=4) if kind == "openai" else TournamentSelector(seed=4)
    return dict(llm=model, n=4, sampling="hedged", selector=selector, store=store, **FAST)


async def _reference(kind: str, tmp_path: Path) -> tuple[list[Selection], int]:
    """The selections and batch count of the same job run without interruption."""
    with SERVERS[kind](responder=Oracle(), step_s=0.01) as server:
        sels = await arun_batch(PROMPTS, **_settings(kind, server, tmp_path / "ref.sqlite"))
        return sels, len(server.batches)


def _crash_at(submission: int) -> Any:
    seen = Counter[str]()

    def hook(progress: BatchProgress) -> None:
        seen[progress.event] += 1
        if progress.event == "submitted" and seen["submitted"] == submission:
            raise Crash(f"crash after submitting {progress.batch_id}")

    return hook


@pytest.mark.parametrize("kind", ["openai", "anthropic"])
@pytest.mark.parametrize("submission", [1, 2], ids=["after-sampling", "after-first-judging"])
async def test_a_crashed_job_resumes_without_resubmitting(
    kind: str, submission: int, tmp_path: Path
) -> None:
    expected, batches = await _reference(kind, tmp_path)
    store = tmp_path / "job.sqlite"
    with SERVERS[kind](responder=Oracle(), step_s=0.01) as server:
        settings = _settings(kind, server, store)
        with pytest.raises(Crash):
            await arun_batch(PROMPTS, **settings, on_progress=_crash_at(submission))
        assert len(server.batches) == submission
        in_flight = server.batches[-1].id
        with closing(JobStore(store)) as job:
            assert [b.batch_id for b in job.open_batches()] == [in_flight]

        events: list[BatchProgress] = []
        sels = await arun_batch(PROMPTS, **settings, on_progress=events.append)

        # the batch in flight at the crash was polled again, not sent again
        assert (events[0].event, events[0].batch_id) == ("resumed", in_flight)
        assert len(server.batches) == batches
        assert len(server.submitted_ids) == len(set(server.submitted_ids))
        if kind == "openai":
            assert server.uploads == batches
    assert [s.text for s in sels] == [s.text for s in expected]
    assert [s.scores for s in sels] == [s.scores for s in expected]
    assert [[c.text for c in s.candidates] for s in sels] == [
        [c.text for c in s.candidates] for s in expected
    ]


@pytest.mark.parametrize("kind", ["openai", "anthropic"])
async def test_a_cancelled_job_resumes_while_its_batch_still_runs(
    kind: str, tmp_path: Path
) -> None:
    expected, batches = await _reference(kind, tmp_path)
    store = tmp_path / "job.sqlite"
    with SERVERS[kind](responder=Oracle(), step_s=None) as server:  # batches wait for us
        settings = _settings(kind, server, store)
        submitted = asyncio.Event()

        def on_progress(progress: BatchProgress) -> None:
            if progress.event == "submitted":
                submitted.set()

        job = asyncio.create_task(arun_batch(PROMPTS, **settings, on_progress=on_progress))
        await submitted.wait()
        job.cancel()
        with pytest.raises(asyncio.CancelledError):
            await job
        assert server.batches[0].phase != "ended"

        server.set_step(0.01)  # the provider gets on with it while nobody watches
        sels = await arun_batch(PROMPTS, **settings)
        assert len(server.batches) == batches
        assert len(server.submitted_ids) == len(set(server.submitted_ids))
    assert [s.text for s in sels] == [s.text for s in expected]
