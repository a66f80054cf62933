"""Tests of the fault-injecting fake provider servers themselves."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from typing import Any

import anthropic
import httpx
import openai
import pytest

from polypick.testing.servers import FakeAnthropicServer, FakeOpenAIServer, Fault

OPENAI_AUTH = {"Authorization": "Bearer test"}
ANTHROPIC_AUTH = {"x-api-key": "test"}


@pytest.fixture
def oai() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server


@pytest.fixture
def ant() -> Iterator[FakeAnthropicServer]:
    with FakeAnthropicServer() as server:
        yield server


def chat(server: FakeOpenAIServer, timeout: float = 5.0, **body: Any) -> httpx.Response:
    payload = {"model": "m", "messages": [{"role": "user", "content": "one two three"}], **body}
    url = server.base_url + "/v1/chat/completions"
    return httpx.post(url, json=payload, headers=OPENAI_AUTH, timeout=timeout)


def message(server: FakeAnthropicServer, **body: Any) -> httpx.Response:
    payload = {"model": "m", "max_tokens": 50, "messages": [{"role": "user", "content": "hi"}]}
    payload.update(body)
    return httpx.post(server.base_url + "/v1/messages", json=payload, headers=ANTHROPIC_AUTH)


def texts(response: httpx.Response) -> list[str]:
    return [c["message"]["content"] for c in response.json()["choices"]]


def words(payload: dict[str, Any]) -> int:
    return sum(len(c["message"]["content"].split()) for c in payload["choices"])


def test_n_honoured_ignored_and_rejected(oai: FakeOpenAIServer) -> None:
    answers = texts(chat(oai, n=3, temperature=0.7))
    assert len(answers) == 3
    assert len(set(answers)) == 3
    assert answers[1] == "answer 1.1 (t=0.7)"

    oai.set_honour_n(False)
    assert len(texts(chat(oai, n=3))) == 1

    oai.set_reject_n(True)
    rejected = chat(oai, n=2)
    assert rejected.status_code == 400
    error = rejected.json()["error"]
    assert error["param"] == "n"
    assert "n=2" in error["message"]
    assert chat(oai, n=1).status_code == 200


def test_usage_billed_once_per_request(oai: FakeOpenAIServer) -> None:
    one = chat(oai, n=1).json()["usage"]
    three = chat(oai, n=3).json()
    assert one["prompt_tokens"] == three["usage"]["prompt_tokens"] == 3
    assert three["usage"]["completion_tokens"] == words(three) == 3 * one["completion_tokens"]
    assert three["usage"]["total_tokens"] == 3 + words(three)


def test_max_tokens_truncates_with_finish_length(oai: FakeOpenAIServer) -> None:
    choice = chat(oai, max_completion_tokens=2).json()["choices"][0]
    assert choice["finish_reason"] == "length"
    assert choice["message"]["content"] == "answer 1.0"
    assert chat(oai).json()["choices"][0]["finish_reason"] == "stop"


def test_responder_scripts_answers(oai: FakeOpenAIServer) -> None:
    oai.set_responder(lambda request, index: f"{request['model']}-{index}")
    assert texts(chat(oai, n=2)) == ["m-0", "m-1"]


def test_scripted_faults_in_order_then_success(oai: FakeOpenAIServer) -> None:
    oai.script([Fault.status(500), Fault.status(503)])
    assert [chat(oai).status_code for _ in range(3)] == [500, 503, 200]
    assert chat(oai).json()["choices"]
    assert oai.request_count == 4
    first = oai.requests[0]
    assert first.path == "/v1/chat/completions"
    assert first.headers["authorization"] == "Bearer test"
    assert first.body["model"] == "m"
    oai.reset_log()
    assert oai.request_count == 0


def test_retry_after_headers(oai: FakeOpenAIServer) -> None:
    oai.script([Fault.status(429, retry_after=1.5), Fault.status(429, retry_after_ms=250)])
    first, second = chat(oai), chat(oai)
    assert first.status_code == 429
    assert first.headers["retry-after"] == "1.5"
    assert first.json()["error"]["code"] == "rate_limit_exceeded"
    assert second.headers["retry-after-ms"] == "250"


def test_reset_and_truncated_break_the_connection(oai: FakeOpenAIServer) -> None:
    oai.script([Fault.reset(), Fault.truncated()])
    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        chat(oai)
    with pytest.raises(httpx.RemoteProtocolError, match="complete message body"):
        chat(oai)
    assert chat(oai).status_code == 200


def test_malformed_json(oai: FakeOpenAIServer) -> None:
    oai.script([Fault.malformed_json()])
    response = chat(oai)
    assert response.status_code == 200
    with pytest.raises(ValueError):
        response.json()


def test_delay_outlasts_client_timeout_and_stop_is_prompt() -> None:
    server = FakeOpenAIServer()
    server.script([Fault.delay(30), Fault.delay(30)])
    with pytest.raises(httpx.ReadTimeout):
        chat(server, timeout=0.3)

    # A client still waiting when the server stops sees the connection dropped.
    errors: list[Exception] = []

    def waiting_client() -> None:
        try:
            chat(server, timeout=30)
        except httpx.HTTPError as exc:
            errors.append(exc)

    client = threading.Thread(target=waiting_client)
    client.start()
    while server.request_count < 2:
        time.sleep(0.01)
    started = time.monotonic()
    server.stop()
    assert time.monotonic() - started < 1.5
    client.join(5)
    assert [type(e) for e in errors] == [httpx.RemoteProtocolError]
    assert not [t for t in threading.enumerate() if t.name == "polypick-fake-server"]


async def test_latency_overlaps_concurrent_requests() -> None:
    with FakeOpenAIServer(latency_s=0.5) as server:
        payload = {"model": "m", "messages": [{"role": "user", "content": "x"}]}
        async with httpx.AsyncClient(base_url=server.base_url, headers=OPENAI_AUTH) as client:
            started = time.monotonic()
            responses = await asyncio.gather(
                *(client.post("/v1/chat/completions", json=payload) for _ in range(5))
            )
            elapsed = time.monotonic() - started
    assert all(r.status_code == 200 for r in responses)
    assert 0.5 <= elapsed < 1.5


def test_content_faults_openai(oai: FakeOpenAIServer) -> None:
    oai.script([Fault.wrong_choices(2), Fault.empty_content(), Fault.refusal(), Fault.length()])
    assert len(chat(oai, n=5).json()["choices"]) == 2
    assert texts(chat(oai)) == [""]
    refused = chat(oai).json()["choices"][0]["message"]
    assert refused["content"] is None
    assert refused["refusal"]
    assert chat(oai).json()["choices"][0]["finish_reason"] == "length"


def test_fault_rate_is_seeded_and_switchable(oai: FakeOpenAIServer) -> None:
    def statuses() -> list[int]:
        oai.fault_rate(0.5, [Fault.status(502)], seed=7)
        return [chat(oai).status_code for _ in range(12)]

    first = statuses()
    assert first == statuses()
    assert set(first) == {200, 502}
    oai.fault_rate(0.0)
    assert chat(oai).status_code == 200


def test_auth_required() -> None:
    with FakeOpenAIServer() as oai, FakeAnthropicServer() as ant:
        url = oai.base_url + "/v1/chat/completions"
        body = {"model": "m", "messages": [{"role": "user", "content": "x"}]}
        denied = httpx.post(url, json=body)
        assert denied.status_code == 401
        assert denied.json()["error"]["code"] == "invalid_api_key"
        denied = httpx.post(ant.base_url + "/v1/messages", json={**body, "max_tokens": 5})
        assert denied.status_code == 401
        assert denied.json()["error"]["type"] == "authentication_error"
        models = httpx.get(oai.base_url + "/v1/models", headers=OPENAI_AUTH).json()
        assert [m["id"] for m in models["data"]] == ["fake-gpt"]


def test_anthropic_validation(ant: FakeAnthropicServer) -> None:
    ok = message(ant, temperature=1.0).json()
    assert ok["type"] == "message"
    assert ok["content"] == [{"type": "text", "text": "answer 1.0 (t=1)"}]
    assert ok["stop_reason"] == "end_turn"

    too_hot = message(ant, temperature=1.5)
    assert too_hot.status_code == 400
    assert too_hot.json()["type"] == "error"
    assert too_hot.json()["error"]["type"] == "invalid_request_error"

    payload = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}
    missing = httpx.post(ant.base_url + "/v1/messages", json=payload, headers=ANTHROPIC_AUTH)
    assert missing.status_code == 400
    assert "max_tokens" in missing.json()["error"]["message"]

    assert message(ant, max_tokens=1).json()["stop_reason"] == "max_tokens"


def test_anthropic_prompt_caching(ant: FakeAnthropicServer) -> None:
    system = [{"type": "text", "text": "long shared context " * 10, "cache_control": {}}]
    first = message(ant, system=system).json()["usage"]
    second = message(ant, system=system).json()["usage"]
    assert first["cache_creation_input_tokens"] == 30
    assert first["cache_read_input_tokens"] == 0
    assert second["cache_creation_input_tokens"] == 0
    assert second["cache_read_input_tokens"] == 30
    assert first["input_tokens"] == second["input_tokens"] == 1

    plain = message(ant).json()["usage"]
    assert plain["cache_creation_input_tokens"] == plain["cache_read_input_tokens"] == 0


def test_openai_sdk_parses_and_raises_typed_errors(oai: FakeOpenAIServer) -> None:
    oai.script([Fault.status(500), Fault.status(429, retry_after=2), Fault.reset()])
    with openai.OpenAI(base_url=oai.base_url + "/v1", api_key="test", max_retries=0) as client:

        def create(n: int = 1) -> Any:
            messages: Any = [{"role": "user", "content": "hello world"}]
            return client.chat.completions.create(model="m", messages=messages, n=n)

        with pytest.raises(openai.InternalServerError):
            create()
        with pytest.raises(openai.RateLimitError) as rate_limited:
            create()
        assert rate_limited.value.response.headers["retry-after"] == "2"
        with pytest.raises(openai.APIConnectionError):
            create()

        completion = create(n=2)
        assert [c.message.content for c in completion.choices] == [
            "answer 4.0 (t=1)",
            "answer 4.1 (t=1)",
        ]
        assert completion.usage is not None
        assert completion.usage.prompt_tokens == 2

        oai.set_reject_n(True)
        with pytest.raises(openai.BadRequestError):
            create(n=3)


def test_anthropic_sdk_parses_and_raises_typed_errors(ant: FakeAnthropicServer) -> None:
    ant.script([Fault.status(529), Fault.reset()])
    with anthropic.Anthropic(base_url=ant.base_url, api_key="test", max_retries=0) as client:

        def create(temperature: float = 0.5, cached: bool = False) -> Any:
            block: Any = {"type": "text", "text": "hello world"}
            if cached:
                block["cache_control"] = {"type": "ephemeral"}
            return client.messages.create(
                model="m",
                max_tokens=20,
                messages=[{"role": "user", "content": [block]}],
                extra_body={"temperature": temperature},
            )

        with pytest.raises(anthropic.OverloadedError):
            create()
        with pytest.raises(anthropic.APIConnectionError):
            create()
        with pytest.raises(anthropic.BadRequestError):
            create(temperature=1.5)

        reply = create(cached=True)
        assert reply.content[0].type == "text"
        assert reply.content[0].text == "answer 4.0 (t=0.5)"
        assert reply.stop_reason == "end_turn"
        assert reply.usage.cache_creation_input_tokens == 2
        assert create(cached=True).usage.cache_read_input_tokens == 2
