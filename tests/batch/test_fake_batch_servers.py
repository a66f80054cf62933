"""The fake batch endpoints follow the real file/batch lifecycle, seen through the SDKs."""

from __future__ import annotations

import json
from typing import Any

import anthropic
import openai
import pytest

from polypick.testing.servers import FakeAnthropicBatchServer, FakeOpenAIBatchServer, Fault


def _line(custom_id: str, model: str = "m", **body: Any) -> dict[str, Any]:
    messages = [{"role": "user", "content": "hi"}]
    return {"custom_id": custom_id, "method": "POST", "url": "/v1/chat/completions",
            "body": {"model": model, "messages": messages, **body}}  # fmt: skip


def _jsonl(lines: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(line) + "\n" for line in lines).encode()


def _openai(server: FakeOpenAIBatchServer) -> openai.OpenAI:
    return openai.OpenAI(base_url=server.base_url + "/v1", api_key="test", max_retries=0)


def _anthropic(server: FakeAnthropicBatchServer) -> anthropic.Anthropic:
    return anthropic.Anthropic(base_url=server.base_url, api_key="test", max_retries=0)


def _lines(client: openai.OpenAI, file_id: str) -> list[dict[str, Any]]:
    return [json.loads(x) for x in client.files.content(file_id).text.splitlines()]


def _submit(client: openai.OpenAI, lines: list[dict[str, Any]]) -> str:
    upload = client.files.create(file=("in.jsonl", _jsonl(lines)), purpose="batch")
    batch = client.batches.create(
        input_file_id=upload.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    return batch.id


def test_an_openai_batch_walks_through_every_status() -> None:
    with FakeOpenAIBatchServer(step_s=None, items_per_step=2) as server:
        client = _openai(server)
        server.fail_items(lambda custom_id, body: 503 if custom_id == "b" else None)
        batch_id = _submit(client, [_line("a", n=2), _line("b"), _line("c", temperature=9)])
        seen = []
        for _ in range(5):
            batch = client.batches.retrieve(batch_id)
            assert batch.request_counts is not None
            seen.append((batch.status, batch.request_counts.completed, batch.request_counts.failed))
            server.advance()
        assert seen == [
            ("validating", 0, 0), ("in_progress", 0, 0), ("in_progress", 1, 1),
            ("finalizing", 1, 2), ("completed", 1, 2),
        ]  # fmt: skip
        assert batch.output_file_id and batch.error_file_id and batch.completed_at
        output = _lines(client, batch.output_file_id)
        errors = _lines(client, batch.error_file_id)
        assert server.uploads == 1 and len(server.batches) == 1
    assert [x["custom_id"] for x in output] == ["a"]
    assert {x["custom_id"]: x["response"]["status_code"] for x in errors} == {"b": 503, "c": 400}


def test_openai_output_lines_carry_chat_completions() -> None:
    with FakeOpenAIBatchServer(step_s=0) as server:
        client = _openai(server)
        server.advance(4)
        batch_id = _submit(client, [_line("a", n=2)])
        server.advance(4)
        batch = client.batches.retrieve(batch_id)
        assert batch.status == "completed" and batch.error_file_id is None
        assert batch.output_file_id is not None
        [line] = client.files.content(batch.output_file_id).text.splitlines()
    record = json.loads(line)
    assert record["custom_id"] == "a" and record["error"] is None
    completion = openai.types.chat.ChatCompletion.model_validate(record["response"]["body"])
    assert len(completion.choices) == 2 and completion.usage is not None


@pytest.mark.parametrize(
    ("lines", "code"),
    [
        ([_line("a"), _line("a")], "duplicate_custom_id"),
        ([_line("a"), _line("b", model="other")], "mismatched_model"),
        ([{**_line("a"), "url": "/v1/embeddings"}], "mismatched_endpoint"),
    ],
)
def test_an_invalid_input_file_fails_validation(lines: list[dict[str, Any]], code: str) -> None:
    with FakeOpenAIBatchServer(step_s=None) as server:
        client = _openai(server)
        batch_id = _submit(client, lines)
        server.advance()
        batch = client.batches.retrieve(batch_id)
    assert batch.status == "failed" and batch.failed_at is not None
    assert batch.errors is not None and batch.errors.data
    assert [e.code for e in batch.errors.data] == [code]
    assert batch.output_file_id is None and batch.error_file_id is None


def test_openai_cancel_and_expire_send_unrun_requests_to_the_error_file() -> None:
    with FakeOpenAIBatchServer(step_s=None, items_per_step=1) as server:
        client = _openai(server)
        cancelled = _submit(client, [_line("a"), _line("b")])
        expired = _submit(client, [_line("c"), _line("d")])
        server.advance(2)  # each batch has answered one request
        assert client.batches.cancel(cancelled).status == "cancelling"
        server.expire(expired)
        server.advance()
        ends = {b: client.batches.retrieve(b) for b in (cancelled, expired)}
        with pytest.raises(openai.ConflictError):
            client.batches.cancel(cancelled)
        with pytest.raises(openai.NotFoundError):
            client.batches.retrieve("batch_nope")
        codes = {b: _lines(client, str(batch.error_file_id)) for b, batch in ends.items()}
    assert ends[cancelled].status == "cancelled" and ends[expired].status == "expired"
    assert [e["error"]["code"] for e in codes[cancelled]] == ["batch_cancelled"]
    assert [e["error"]["code"] for e in codes[expired]] == ["batch_expired"]
    assert all(b.output_file_id for b in ends.values())  # the answered request is kept


def test_faults_reach_batch_endpoints() -> None:
    with FakeOpenAIBatchServer(step_s=None) as server:
        client = _openai(server)
        server.script([Fault.status(500)])
        with pytest.raises(openai.InternalServerError):
            client.files.create(file=("in.jsonl", _jsonl([_line("a")])), purpose="batch")
        assert server.uploads == 0
        with pytest.raises(openai.BadRequestError):
            client.files.create(file=("in.jsonl", b"{}"), purpose="fine-tune")


def _request(custom_id: str, **extra: Any) -> Any:
    messages = [{"role": "user", "content": "hi"}]
    params = {"model": "claude-test", "max_tokens": 16, "messages": messages, **extra}
    return {"custom_id": custom_id, "params": params}


def test_an_anthropic_batch_counts_everything_as_processing_until_it_ends() -> None:
    with FakeAnthropicBatchServer(step_s=None, items_per_step=1) as server:
        client = _anthropic(server)
        server.fail_items(lambda custom_id, body: 529 if custom_id == "b" else None)
        batch = client.messages.batches.create(
            requests=[_request("a"), _request("b"), _request("c", temperature=3)]
        )
        states = []
        for _ in range(3):
            server.advance()
            got = client.messages.batches.retrieve(batch.id)
            states.append((got.processing_status, got.request_counts.processing, got.results_url))
        assert states[:2] == [("in_progress", 3, None)] * 2
        assert states[2][:2] == ("ended", 0)
        ended = client.messages.batches.retrieve(batch.id)
        assert ended.request_counts.succeeded == 1 and ended.request_counts.errored == 2
        results = list(client.messages.batches.results(batch.id))
    assert [r.custom_id for r in results] == ["c", "b", "a"]  # not in request order
    kinds = {r.custom_id: r.result.type for r in results}
    assert kinds == {"a": "succeeded", "b": "errored", "c": "errored"}
    errored = {
        r.custom_id: r.result.error.error.type for r in results if r.result.type == "errored"
    }
    assert errored == {"b": "overloaded_error", "c": "invalid_request_error"}


def test_anthropic_cancel_expire_and_validation() -> None:
    with FakeAnthropicBatchServer(step_s=None, items_per_step=1) as server:
        client = _anthropic(server)
        with pytest.raises(anthropic.BadRequestError, match="custom_id"):
            client.messages.batches.create(requests=[_request("no spaces allowed")])
        with pytest.raises(anthropic.BadRequestError, match="duplicate"):
            client.messages.batches.create(requests=[_request("a"), _request("a")])
        first = client.messages.batches.create(requests=[_request("a"), _request("b")])
        second = client.messages.batches.create(requests=[_request("c"), _request("d")])
        server.advance()
        assert client.messages.batches.cancel(first.id).processing_status == "canceling"
        server.expire(second.id)
        server.advance()
        kinds = {
            r.custom_id: r.result.type
            for b in (first.id, second.id)
            for r in client.messages.batches.results(b)
        }
        assert len(server.batches) == 2  # the refused ones were never created
    assert kinds == {"a": "succeeded", "b": "canceled", "c": "succeeded", "d": "expired"}
