"""OpenAIChat through the real openai SDK against the fake OpenAI-compatible server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from polypick import BestOfN, Hedged, RetryPolicy, Temperature
from polypick.errors import (
    ConfigurationError,
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
