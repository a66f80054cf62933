"""OpenAIChat through the real openai SDK against the fake OpenAI-compatible server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from polypick import BestOfN, Hedged, RetryPolicy, Temperature
from polypick.core.protocol import ModelRequest
from polypick.core.types import Completion, Message, SamplingParams, ToolCall
from polypick.errors import (
    ConfigurationError,
    InvalidResponseError,
    MissingAPIKeyError,
    ProviderConnectionError,
    ProviderStatusError,
    TooFewCandidatesError,
)
from polypick.providers import OpenAIChat, resolve_model
from polypick.testing.servers import FakeOpenAIServer, Fault

# Waits come from the server's Retry-After, so scripted faults meet requests in a known order.
RETRY_AFTER = 0.3
POLICY = RetryPolicy(max_retries=2, initial_wait=0, max_wait=0)


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as fake:
        yield fake


def chat(server: FakeOpenAIServer, **options: object) -> OpenAIChat:
    return OpenAIChat(model="fake-gpt", base_url=server.base_url + "/v1", **options)  # type: ignore[arg-type]


async def test_a_server_that_honours_n_gets_one_request(server: FakeOpenAIServer) -> None:
    async with BestOfN(chat(server), n=5, sampling=0.7, selector="majority") as bon:
        sel = await bon.ainvoke("Name a fruit.")
    assert server.request_count == 1
    assert server.requests[0].body["n"] == 5
    assert len(sel.candidates) == 5
    assert len({c.text for c in sel.candidates}) == 5
    # the prompt is billed once; completion tokens add up to what the server billed
    assert sel.usage.generation.requests == 1
    assert sum(c.usage.prompt_tokens for c in sel.candidates) == 3


async def test_hedged_sampling_sends_the_greedy_sample_separately(
    server: FakeOpenAIServer,
) -> None:
    plan = Hedged(temperature=0.9, top_p=0.95, min_p=0.05, seed=3, max_tokens=40, stop=("END",))
    async with BestOfN(chat(server), n=4, sampling=plan, selector="majority") as bon:
        sel = await bon.ainvoke("Name a fruit.")
    bodies = sorted((r.body for r in server.requests), key=lambda b: b["temperature"])
    assert [(b["temperature"], b.get("n", 1)) for b in bodies] == [(0.0, 1), (0.9, 3)]
    stochastic = bodies[1]
    assert stochastic["top_p"] == 0.95 and stochastic["min_p"] == 0.05
    assert stochastic["max_tokens"] == 40 and stochastic["stop"] == ["END"]
    assert stochastic["seed"] == 4  # the group's first stochastic sample: base seed 3 + 1
    assert [c.greedy for c in sel.candidates] == [True, False, False, False]


async def test_a_server_that_ignores_n_is_fanned_out_and_remembered(
    server: FakeOpenAIServer,
) -> None:
    server.set_honour_n(False)
    model = chat(server)
    plan = Temperature(temperature=0.8, seed=10)
    async with BestOfN(model, n=4, sampling=plan, selector="majority") as bon:
        first = await bon.ainvoke("q")
        assert server.request_count == 4
        assert sorted(r.body.get("seed") for r in server.requests) == [10, 11, 12, 13]
        assert len({c.text for c in first.candidates}) == 4
        server.reset_log()
        await bon.ainvoke("q")
    assert server.request_count == 4
    assert all("n" not in r.body for r in server.requests)  # learnt: no n any more


async def test_a_server_that_rejects_n_is_retried_without_it(server: FakeOpenAIServer) -> None:
    server.set_reject_n(True)
    model = chat(server)
    async with BestOfN(model, n=3, sampling=0.7, selector="majority") as bon:
        sel = await bon.ainvoke("q")
    assert len(sel.candidates) == 3
    assert model.n_support is False
    assert [r.body.get("n", 1) for r in server.requests][0] == 3


async def test_three_of_eight_failing_after_retries(server: FakeOpenAIServer) -> None:
    server.set_honour_n(False)
    busy = Fault.status(503, retry_after=RETRY_AFTER)
    server.script([busy] * 3 + [Fault.ok()] * 5 + [busy] * 6)
    model = chat(server, n_support=False)
    async with BestOfN(model, n=8, sampling=0.7, selector="majority", retry=POLICY) as bon:
        sel = await bon.ainvoke("q")
    assert len(sel.candidates) == 5
    assert len(sel.failures) == 3
    assert all(f.attempts == 3 and f.error and f.error.status_code == 503 for f in sel.failures)
    assert server.request_count == 8 + 3 * 2  # never more than the configured retries
    assert sel.usage.generation.requests == 14


async def test_all_failing_raises_with_every_cause(server: FakeOpenAIServer) -> None:
    server.set_honour_n(False)
    server.script([Fault.status(500, retry_after=0.01), Fault.reset()] * 6)
    model = chat(server, n_support=False)
    bon = BestOfN(model, n=4, sampling=0.7, selector="majority", retry=RetryPolicy(max_retries=1))
    async with bon:
        with pytest.raises(TooFewCandidatesError) as info:
            await bon.ainvoke("q")
    assert len(info.value.exceptions) == 4
    assert all(
        isinstance(e, ProviderStatusError | ProviderConnectionError) for e in info.value.exceptions
    )
    assert server.request_count == 8


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
async def test_client_errors_are_never_retried(server: FakeOpenAIServer, status: int) -> None:
    server.script([Fault.status(status)])
    async with BestOfN(chat(server), n=1, sampling=0.7, selector="majority") as bon:
        with pytest.raises(TooFewCandidatesError) as info:
            await bon.ainvoke("q")
    assert server.request_count == 1
    error = info.value.exceptions[0]
    assert isinstance(error, ProviderStatusError) and error.status_code == status


async def test_500_500_200_is_exactly_three_attempts(server: FakeOpenAIServer) -> None:
    server.script([Fault.status(500, retry_after=0), Fault.status(500, retry_after=0)])
    async with BestOfN(chat(server), n=1, sampling=0.7, selector="majority") as bon:
        sel = await bon.ainvoke("q")
    assert server.request_count == 3
    assert sel.candidates[0].attempts == 3


@pytest.mark.parametrize(
    "fault",
    [Fault.malformed_json(), Fault.truncated(), Fault.reset()],
    ids=["json", "cut", "reset"],
)
async def test_garbled_or_dropped_responses_are_retried(
    server: FakeOpenAIServer, fault: Fault
) -> None:
    server.script([fault])
    async with BestOfN(chat(server), n=1, sampling=0.7, selector="majority", retry=POLICY) as bon:
        sel = await bon.ainvoke("q")
    assert server.request_count == 2
    assert sel.candidates[0].attempts == 2
    assert [e.event for e in sel.trace].count("sample.retry") == 1


async def test_a_refusal_is_a_candidate_and_empty_content_is_not(
    server: FakeOpenAIServer,
) -> None:
    server.script([Fault.refusal()])
    async with BestOfN(chat(server), n=1, sampling=0.7, selector="majority") as bon:
        sel = await bon.ainvoke("q")
        assert sel.candidates[0].finish_reason == "refusal"
        server.script([Fault.empty_content()])
        with pytest.raises(TooFewCandidatesError, match="0 of 1"):
            await bon.ainvoke("q")


async def test_the_judge_gets_a_json_schema_when_structured_output_is_on(
    server: FakeOpenAIServer,
) -> None:
    server.set_responder(
        lambda body, i: (
            '{"reasoning": "fine", "score": 8}' if "response_format" in body else f"candidate {i}"
        )
    )
    model = chat(server, structured_output=True)
    async with BestOfN(model, n=2, sampling=0.7, selector="judge") as bon:
        sel = await bon.ainvoke("q")
    judged = [r.body for r in server.requests if "response_format" in r.body]
    assert len(judged) == 2
    assert judged[0]["response_format"]["type"] == "json_schema"
    assert sel.scores == (8.0, 8.0)
    assert sel.usage.selection.requests == 2


def test_temperature_above_two_is_rejected_before_any_request(server: FakeOpenAIServer) -> None:
    with pytest.raises(ConfigurationError, match="between 0 and 2"):
        BestOfN(chat(server), n=2, sampling=2.5)
    assert server.request_count == 0


def test_a_missing_key_names_the_variable_to_set() -> None:
    with pytest.raises(MissingAPIKeyError, match="OPENAI_API_KEY"):
        resolve_model("openai:gpt-4o-mini")


def test_a_sync_call_works_and_close_releases_the_client(server: FakeOpenAIServer) -> None:
    with BestOfN(chat(server), n=2, sampling=0.7, selector="majority") as bon:
        assert len(bon.invoke("q").candidates) == 2
        assert len(bon.batch(["a", "b"])) == 2


PROMPT = (Message(role="user", content="Weather in Paris?"),)


def weather(city: object) -> list[dict[str, Any]]:
    return [{"name": "get_weather", "arguments": city}]


async def sample(server: FakeOpenAIServer, n: int) -> list[Completion]:
    model = chat(server)
    try:
        return await model.generate(ModelRequest(tuple(PROMPT), SamplingParams(temperature=0.7), n))
    finally:
        await model.aclose()


async def test_tool_calls_come_back_and_a_call_without_text_is_a_completion(
    server: FakeOpenAIServer,
) -> None:
    # choice 1 answers in text; choices 0 and 2 call the tool (with no text at all)
    server.set_tool_caller(lambda body, i: None if i == 1 else weather({"city": f"P{i}"}))
    completions = await sample(server, 3)
    assert [c.tool_calls for c in completions] == [
        (ToolCall(name="get_weather", arguments={"city": "P0"}, id="call_1_0_0"),),
        (),
        (ToolCall(name="get_weather", arguments={"city": "P2"}, id="call_1_2_0"),),
    ]
    assert [c.text for c in completions][::2] == ["", ""] and completions[1].text
    assert [c.finish_reason for c in completions] == ["tool_calls", "stop", "tool_calls"]
    assert server.requests[0].body["n"] == 3
    # each call's arguments, '{"city": "P0"}', are two tokens; the text 'answer 1.1 (t=0.7)' three
    assert sum(c.usage.completion_tokens for c in completions) == 2 + 3 + 2


async def test_unreadable_tool_calls_are_left_out_and_their_tokens_kept(
    server: FakeOpenAIServer,
) -> None:
    server.set_tool_caller(lambda body, i: weather("{not json" if i == 0 else {"city": "Oslo"}))
    completions = await sample(server, 2)
    assert [c.tool_calls[0].arguments for c in completions] == [{"city": "Oslo"}]
    # both choices were billed: the unreadable one's share sits on the kept one
    assert completions[0].usage.completion_tokens == 2 + 2
    assert completions[0].usage.prompt_tokens == 3


@pytest.mark.parametrize("arguments", ["{not json", "[1, 2]"], ids=["not-json", "not-an-object"])
async def test_only_unreadable_tool_calls_are_a_retryable_invalid_response(
    server: FakeOpenAIServer, arguments: str
) -> None:
    server.set_tool_caller(lambda body, i: weather(arguments))
    with pytest.raises(InvalidResponseError, match="readable tool calls") as info:
        await sample(server, 1)
    assert info.value.retryable


async def test_a_vote_over_tool_calls_picks_the_majority_call(server: FakeOpenAIServer) -> None:
    server.set_tool_caller(lambda body, i: weather({"city": "Lyon" if i == 1 else "Paris"}))
    async with BestOfN(chat(server), n=3, sampling=0.7, selector="tool_vote") as bon:
        sel = await bon.ainvoke("Weather in the capital of France?")
    assert server.request_count == 1
    assert sel.best.tool_calls[0].arguments == {"city": "Paris"}
    assert len(sel.candidates) == 3 and all(c.text == "" for c in sel.candidates)


async def test_request_body_is_exactly_what_generate_sends(server: FakeOpenAIServer) -> None:
    model = chat(server, extra_body={"top_k": 20}, structured_output=True)
    params = SamplingParams(temperature=0.5, top_p=0.9, min_p=0.1, seed=4, max_tokens=8)
    schema = {"type": "object", "properties": {"score": {"type": "integer"}}}
    try:
        assert (
            len(await model.generate(ModelRequest(tuple(PROMPT), params, 2, json_schema=schema)))
            == 2
        )
    finally:
        await model.aclose()
    body = model.request_body(ModelRequest(tuple(PROMPT), params, 2, json_schema=schema))
    assert server.requests[0].body == body
    assert body["top_k"] == 20 and body["min_p"] == 0.1 and body["n"] == 2
    assert body["response_format"]["json_schema"]["schema"] == schema
    assert "n" not in model.request_body(ModelRequest(tuple(PROMPT), params, 1))


def test_parse_response_reads_a_json_body_like_generate_does(server: FakeOpenAIServer) -> None:
    server.set_tool_caller(lambda body, i: weather({"city": "Rome"}) if i else None)
    model = chat(server)
    body = model.request_body(ModelRequest(tuple(PROMPT), SamplingParams(temperature=0.7), 2))
    headers = {"authorization": "Bearer test"}
    raw = httpx.post(server.base_url + "/v1/chat/completions", json=body, headers=headers).json()
    completions = model.parse_response(raw)
    assert [c.text != "" for c in completions] == [True, False]
    assert completions[1].tool_calls[0].arguments == {"city": "Rome"}
    [first] = model.parse_response(raw, 1)
    assert first.text == completions[0].text
    assert first.usage.total_tokens == sum(c.usage.total_tokens for c in completions)
    with pytest.raises(InvalidResponseError, match="unreadable response"):
        model.parse_response({"choices": "none"})


async def test_a_short_reply_to_n_tops_up_without_giving_up_n(server: FakeOpenAIServer) -> None:
    # 3 of 4 choices (a server that drops a filtered one): the missing sample is asked again,
    # and later calls still send n, unlike a server that ignores n and sends exactly one
    server.script([Fault.wrong_choices(3)])
    model = chat(server)
    async with BestOfN(model, n=4, sampling=0.7, selector="majority") as bon:
        first = await bon.ainvoke("q")
        assert len(first.candidates) == 4 and model.n_support is None
        server.reset_log()
        await bon.ainvoke("q")
    assert [r.body.get("n", 1) for r in server.requests] == [4]
