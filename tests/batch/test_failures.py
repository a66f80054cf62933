"""Failed requests, expired and cancelled batches, provider hiccups and bad settings."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from batch_helpers import (
    FAST,
    PROMPTS,
    QUICK_API_RETRY,
    Oracle,
    anthropic_model,
    openai_model,
)

from polypick.batch import BatchProgress, arun_batch, cancel_batches, run_batch
from polypick.core.protocol import ModelRequest
from polypick.core.types import Selection
from polypick.errors import BatchError, ConfigurationError, TooFewCandidatesError
from polypick.testing import ScriptedChat
from polypick.testing.servers import FakeAnthropicBatchServer, FakeOpenAIBatchServer, Fault


class GiveUp(Exception):
    """The user stopping a job."""


def _once(prefix: str, status: int = 500) -> Any:
    """Fail every request whose custom_id starts with ``prefix``, the first time only."""
    failed: set[str] = set()

    def rule(custom_id: str, body: dict[str, Any]) -> int | None:
        if custom_id.startswith(prefix) and custom_id not in failed:
            failed.add(custom_id)
            return status
        return None

    return rule


async def test_failed_requests_go_into_a_new_batch(
    anthropic_server: FakeAnthropicBatchServer, tmp_path: Path
) -> None:
    anthropic_server.fail_items(_once("p0-sample", 529))
    events: list[BatchProgress] = []
    sels = await arun_batch(
        PROMPTS, llm=anthropic_model(anthropic_server), n=3, sampling=0.7, selector="majority",
        store=tmp_path / "job.sqlite", on_progress=events.append, **FAST,
    )  # fmt: skip
    assert all(s.failures == () and len(s.candidates) == 3 for s in sels)
    first, retry = anthropic_server.batches
    assert retry.custom_ids == [c for c in first.custom_ids if c.startswith("p0-sample")]
    assert len(retry.custom_ids) == 3
    assert [e.failed for e in events if e.event == "retrying"] == [3]


@pytest.mark.parametrize(("status", "submissions"), [(503, 2), (400, 1)])
async def test_a_request_that_keeps_failing_is_reported_in_its_selection(
    anthropic_server: FakeAnthropicBatchServer, tmp_path: Path, status: int, submissions: int
) -> None:
    def greedy_of_prompt_1(custom_id: str, body: dict[str, Any]) -> int | None:
        return status if custom_id.startswith("p1-") and body.get("temperature") == 0 else None

    anthropic_server.fail_items(greedy_of_prompt_1)
    sels = await arun_batch(
        PROMPTS, llm=anthropic_model(anthropic_server), n=3, sampling="hedged",
        selector="majority", max_retries=1, store=tmp_path / "job.sqlite", **FAST,
    )  # fmt: skip
    [failure] = sels[1].failures
    assert failure.greedy and failure.error is not None
    assert failure.error.status_code == {503: 500, 400: 400}[status]  # Anthropic: api_error
    assert f"in {submissions} batch" in failure.error.message  # a 400 is not worth a retry
    assert len(sels[1].candidates) == 2 and all(len(s.candidates) == 3 for s in (sels[0], sels[2]))
    ids = Counter(anthropic_server.submitted_ids)
    assert [n for c, n in ids.items() if c.startswith("p1-") and n > 1] == (
        [2] if submissions == 2 else []
    )


async def test_a_prompt_without_survivors_fails_alone(
    openai_server: FakeOpenAIBatchServer, tmp_path: Path
) -> None:
    openai_server.fail_items(lambda custom_id, body: 400 if custom_id.startswith("p2-") else None)
    with pytest.raises(BatchError) as caught:
        await arun_batch(
            PROMPTS, llm=openai_model(openai_server), n=3, sampling=0.7, selector="majority",
            store=tmp_path / "job.sqlite", **FAST,
        )  # fmt: skip
    [error] = caught.value.exceptions
    assert isinstance(error, TooFewCandidatesError)
    results = caught.value.results
    assert results[2] is None and all(isinstance(r, Selection) for r in results[:2])


async def test_an_expired_batch_keeps_its_answers_and_sends_the_rest_again(
    tmp_path: Path,
) -> None:
    with FakeOpenAIBatchServer(responder=Oracle(), step_s=None, items_per_step=2) as server:

        def expire_midway(progress: BatchProgress) -> None:
            running = progress.event == "polled" and progress.status == "in_progress"
            if running and progress.succeeded and len(server.batches) == 1:
                server.expire(progress.batch_id)  # two requests answered, four not
            elif progress.event == "polled":
                server.advance()

        events: list[BatchProgress] = []
        sels = await arun_batch(
            PROMPTS, llm=openai_model(server), n=4, sampling="hedged", selector="majority",
            store=tmp_path / "job.sqlite", on_progress=lambda e: (events.append(e),
                                                                   expire_midway(e)), **FAST,
        )  # fmt: skip
        first, retry = server.batches
    assert first.end == "expired"
    expired = [c for c, line in first.outcomes.items() if line["error"]]
    answered = [c for c, line in first.outcomes.items() if not line["error"]]
    assert answered and expired and retry.custom_ids == expired
    assert all(s.failures == () and len(s.candidates) == 4 for s in sels)
    assert any(e.event == "ended" and e.status == "expired" for e in events)


async def test_polls_ride_out_provider_errors(
    openai_server: FakeOpenAIBatchServer, tmp_path: Path
) -> None:
    # upload and creation go through; the first poll meets a 503, then a 500
    openai_server.script([Fault.ok(), Fault.ok(), Fault.status(503), Fault.status(500)])
    sels = await arun_batch(
        PROMPTS[:1], llm=openai_model(openai_server), n=2, sampling=0.7, selector="majority",
        store=tmp_path / "job.sqlite", api_retry=QUICK_API_RETRY, **FAST,
    )  # fmt: skip
    assert openai_server.pending_faults == 0 and len(sels[0].candidates) == 2
    polls = [r for r in openai_server.requests if r.path.startswith("/v1/batches/")]
    assert len(polls) >= 3


def test_cancelled_batches_are_sent_again_by_the_next_run(tmp_path: Path) -> None:
    store = tmp_path / "job.sqlite"
    with FakeOpenAIBatchServer(responder=Oracle(), step_s=None) as server:
        model = openai_model(server)
        settings: dict[str, Any] = dict(llm=model, n=3, sampling=0.7, selector="majority",
                                        store=store, **FAST)  # fmt: skip

        def stop(progress: BatchProgress) -> None:
            if progress.event == "submitted":
                raise GiveUp  # the user gives up on the job

        with pytest.raises(GiveUp):
            run_batch(PROMPTS, **settings, on_progress=stop)
        [batch] = server.batches
        assert cancel_batches(store, models=[model]) == [batch.id]
        assert batch.phase == "cancelling"
        server.set_step(0.01)
        sels = run_batch(PROMPTS, **settings)
        cancelled, again = server.batches
    assert cancelled.end == "cancelled"
    assert again.custom_ids == cancelled.custom_ids  # nothing had been answered
    assert all(len(s.candidates) == 3 for s in sels)


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"llm": ScriptedChat(["hi"])}, "scripted has no batch API"),
        ({"poll_interval": 0}, "poll_interval"),
        ({"max_retries": -1}, "max_retries"),
        ({"prompts": ["fine", ""]}, "empty"),
        ({"n": 0}, "n must be"),
    ],
)
async def test_bad_settings_fail_before_anything_is_sent(
    openai_server: FakeOpenAIBatchServer, tmp_path: Path, settings: dict[str, Any], message: str
) -> None:
    arguments: dict[str, Any] = {
        "prompts": PROMPTS, "llm": openai_model(openai_server), "store": tmp_path / "j.sqlite",
        **FAST, **settings,
    }  # fmt: skip
    with pytest.raises(ConfigurationError, match=message):
        await arun_batch(arguments.pop("prompts"), **arguments)
    assert openai_server.request_count == 0


async def test_batching_models_answer_only_inside_a_job(
    openai_server: FakeOpenAIBatchServer, tmp_path: Path
) -> None:
    from polypick.batch import BatchChat, BatchDriver, JobStore
    from polypick.batch.backend import batch_backend
    from polypick.core.retry import RetryPolicy
    from polypick.core.types import Message, SamplingParams

    backend = batch_backend(openai_model(openai_server), RetryPolicy())
    store = JobStore(tmp_path / "j.sqlite")
    driver = BatchDriver({"openai:fake-gpt": backend}, store, poll_interval=1, max_retries=0)
    chat = BatchChat(backend, driver)
    with pytest.raises(ConfigurationError, match="run_batch"):
        await chat.generate(
            ModelRequest((Message(role="user", content="hi"),), SamplingParams(temperature=0))
        )
    store.close()
