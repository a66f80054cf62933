"""AnthropicChat through the real anthropic SDK against the fake Messages API server."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from polypick import BestOfN, Hedged, RetryPolicy
from polypick.core.protocol import ModelRequest
from polypick.core.types import Message, SamplingParams
from polypick.errors import (
    ConfigurationError,
    InvalidResponseError,
    MissingAPIKeyError,
    TooFewCandidatesError,
)
from polypick.providers import AnthropicChat, resolve_model
from polypick.testing.servers import FakeAnthropicServer, Fault


@pytest.fixture
def server() -> Iterator[FakeAnthropicServer]:
    with FakeAnthropicServer() as fake:
        yield fake


def claude(server: FakeAnthropicServer, **options: object) -> AnthropicChat:
    return AnthropicChat(model="claude-test", base_url=server.base_url, api_key="test", **options)  # type: ignore[arg-type]


async def test_one_request_per_sample_with_params_in_the_body(server: FakeAnthropicServer) -> None:
    plan = Hedged(temperature=0.8, top_p=0.9, max_tokens=50, stop=("END",))
    messages = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Name a river."},
    ]
    async with BestOfN(claude(server), n=3, sampling=plan, selector="majority") as bon:
        sel = await bon.ainvoke(messages)
    assert server.request_count == 3
    bodies = sorted((r.body for r in server.requests), key=lambda b: b["temperature"])
    assert [b["temperature"] for b in bodies] == [0.0, 0.8, 0.8]
    assert all(b["system"] == "Be brief." and b["max_tokens"] == 50 for b in bodies)
    assert all(b["stop_sequences"] == ["END"] and b["top_p"] == 0.9 for b in bodies)
    assert [m["role"] for m in bodies[0]["messages"]] == ["user"]
    assert len(sel.candidates) == 3
    assert sel.usage.generation.prompt_tokens > 0


async def test_a_long_shared_prompt_is_cached_after_the_first_request(
    server: FakeAnthropicServer,
) -> None:
    long_prompt = "Summarise this text. " + "lorem ipsum dolor sit amet " * 200
    server.set_latency(0.2)
    async with BestOfN(claude(server), n=4, sampling=0.7, selector="majority") as bon:
        sel = await bon.ainvoke(long_prompt)
    assert all("cache_control" in str(r.body["messages"]) for r in server.requests)
    # the first request writes the cache alone; the other three are sent once it has answered
    arrivals = sorted(r.timestamp for r in server.requests)
    assert arrivals[1] - arrivals[0] >= 0.15
    assert arrivals[3] - arrivals[1] < 0.15  # ...and then together
    assert len(sel.candidates) == 4
    assert sel.usage.generation.prompt_tokens == 4 * sel.candidates[0].usage.prompt_tokens


async def test_short_prompts_are_not_marked_for_caching(server: FakeAnthropicServer) -> None:
    async with BestOfN(claude(server), n=2, sampling=0.7, selector="majority") as bon:
        await bon.ainvoke("Short question?")
    assert all("cache_control" not in str(r.body) for r in server.requests)


async def test_sampling_params_can_be_left_to_the_model(server: FakeAnthropicServer) -> None:
    async with BestOfN(
        claude(server, sampling_params=False), n=2, sampling=0.7, selector="majority"
    ) as bon:
        await bon.ainvoke("q")
    assert all("temperature" not in r.body for r in server.requests)


async def test_overloaded_is_retried_and_bad_requests_are_not(server: FakeAnthropicServer) -> None:
    server.script([Fault.status(529, retry_after=0), Fault.status(400)])
    policy = RetryPolicy(max_retries=2, initial_wait=0, max_wait=0)
    async with BestOfN(claude(server), n=1, sampling=0.5, selector="majority", retry=policy) as bon:
        with pytest.raises(TooFewCandidatesError) as info:
            await bon.ainvoke("q")
    assert server.request_count == 2
    assert getattr(info.value.exceptions[0], "status_code", None) == 400


def test_temperature_above_one_is_rejected_before_any_request(
    server: FakeAnthropicServer,
) -> None:
    BestOfN(claude(server), n=3, sampling="hedged", selector="majority")  # 0 and 0.7 are fine
    with pytest.raises(ConfigurationError, match="between 0 and 1"):
        BestOfN(claude(server), n=3, sampling=1.3)
    assert server.request_count == 0


def test_min_p_is_rejected_with_a_fix(server: FakeAnthropicServer) -> None:
    with pytest.raises(ConfigurationError, match="min_p"):
        BestOfN(claude(server), n=2, sampling=Hedged(min_p=0.1))


def test_a_missing_key_names_the_variable_to_set() -> None:
    with pytest.raises(MissingAPIKeyError, match="ANTHROPIC_API_KEY"):
        resolve_model("anthropic:claude-sonnet-4-6")


PROMPT = (Message(role="system", content="Be brief."), Message(role="user", content="A river?"))


@pytest.mark.parametrize("long", [False, True], ids=["short", "cached"])
async def test_request_body_is_exactly_what_generate_sends(
    server: FakeAnthropicServer, long: bool
) -> None:
    model = claude(server)
    prompt = (*PROMPT[:1], Message(role="user", content="A river? " * (600 if long else 1)))
    params = SamplingParams(temperature=0.6, top_p=0.8, max_tokens=20, stop=("END",))
    try:
        [completion] = await model.generate(ModelRequest(tuple(prompt), params))
    finally:
        await model.aclose()
    body = model.request_body(prompt, params)
    assert server.requests[0].body == body
    assert ("cache_control" in str(body["messages"])) is long is model.caches_prompt(prompt)
    assert "cache_control" not in str(model.request_body(prompt, params, cache=False))
    assert completion.text and completion.usage.prompt_tokens > 0


def test_parse_response_reads_a_json_body(server: FakeAnthropicServer) -> None:
    model = claude(server)
    body = model.request_body(PROMPT, SamplingParams(temperature=0.5, max_tokens=3))
    headers = {"x-api-key": "test", "anthropic-version": "2023-06-01"}
    raw = httpx.post(server.base_url + "/v1/messages", json=body, headers=headers).json()
    completion = model.parse_response(raw)
    assert completion.text == raw["content"][0]["text"]
    assert (
        completion.finish_reason == {"max_tokens": "length", "end_turn": "stop"}[raw["stop_reason"]]
    )
    assert completion.usage.completion_tokens == raw["usage"]["output_tokens"]
    with pytest.raises(InvalidResponseError, match="has no text"):
        model.parse_response({**raw, "content": []})
    with pytest.raises(InvalidResponseError, match="refused"):
        model.parse_response({**raw, "content": [], "stop_reason": "refusal"})
    with pytest.raises(InvalidResponseError, match="unreadable response"):
        model.parse_response({"content": "none"})
