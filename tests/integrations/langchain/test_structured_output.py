"""``with_structured_output`` through the wrapped model's own mechanism.

On the wire (polypick's fake OpenAI server, which checks ``tools``, ``tool_choice`` and
``response_format`` as https://platform.openai.com/docs/api-reference/chat/create documents
them): for each ``method``, every sample sends what ``ChatOpenAI`` alone sends. Then the samples
are parsed, a sample that does not parse is reported as a failure, and the parsed values are
voted on. Last, JSON mode and function calling over llama-cpp-python's server and the embedded
model (whose response_format refuses json_schema: that error is named).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel, Field

from polypick import Hedged, TooFewCandidatesError
from polypick.integrations.langchain import BestOfN
from polypick.testing.servers import FakeOpenAIServer

from .doubles import chat_openai, smollm2

METHODS = ["json_schema", "function_calling", "json_mode"]
SHAPE = ("tools", "tool_choice", "parallel_tool_calls", "response_format")
PROMPT = "Name a country and its capital, in JSON."


class Capital(BaseModel):
    """A country and its capital."""

    country: str = Field(description="the country")
    capital: str = Field(description="its capital city")


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as fake:
        yield fake


def shapes(server: FakeOpenAIServer) -> list[dict[str, Any]]:
    return [{k: r.body.get(k) for k in SHAPE} for r in server.requests]


def capitals(*answers: dict[str, str] | str) -> Any:
    """Sample ``i`` answers ``answers[i]``, as text or as a call of the schema's tool."""

    def respond(body: dict[str, Any], index: int) -> str:
        answer = answers[(body.get("seed") or 0) % len(answers)]
        return answer if isinstance(answer, str) else json.dumps(answer)

    def call(body: dict[str, Any], index: int) -> Any:
        if not body.get("tools"):
            return None
        answer = answers[(body.get("seed") or 0) % len(answers)]
        return [{"name": "Capital", "arguments": answer}]

    return respond, call


@pytest.mark.parametrize("method", METHODS)
def test_every_sample_sends_what_the_model_alone_sends(
    server: FakeOpenAIServer, method: str
) -> None:
    france = {"country": "France", "capital": "Paris"}
    respond, call = capitals(france)
    server.set_responder(respond)
    server.set_tool_caller(call)

    alone = chat_openai(server).with_structured_output(Capital, method=method).invoke(PROMPT)
    [expected] = shapes(server)
    server.reset_log()
    bon = BestOfN(chat_openai(server), n=3, sampling=Hedged(seed=1))
    best = bon.with_structured_output(Capital, method=method).invoke(PROMPT)

    assert alone == best == Capital(**france)
    assert shapes(server) == [expected] * 3
    assert any(expected[k] is not None for k in SHAPE)  # the method shaped the request


def test_strict_goes_to_the_model(server: FakeOpenAIServer) -> None:
    server.set_responder(capitals({"country": "Peru", "capital": "Lima"})[0])
    bon = BestOfN(chat_openai(server), n=2, sampling=Hedged(seed=1))

    best = bon.with_structured_output(Capital, method="json_schema", strict=True).invoke(PROMPT)

    assert best == Capital(country="Peru", capital="Lima")
    formats = [r.body["response_format"] for r in server.requests]
    assert all(f["json_schema"]["strict"] is True for f in formats)  # checked by the server


@pytest.mark.parametrize("method", METHODS)
def test_the_most_common_parsed_answer_wins_and_failures_are_reported(
    server: FakeOpenAIServer, method: str
) -> None:
    # samples 0-3 (seeds 1-4) answer: Lyon, Paris, "not json", Paris (another key order)
    paris = {"country": "France", "capital": "Paris"}
    respond, call = capitals(
        {"capital": "Paris", "country": "France"},
        {"country": "France", "capital": "Lyon"},
        paris,
        "not json" if method != "function_calling" else '{"country": "France"',
    )
    server.set_responder(respond)
    server.set_tool_caller(call)
    bon = BestOfN(chat_openai(server), n=4, sampling=Hedged(temperature=0.7, seed=1))

    out = bon.with_structured_output(Capital, method=method, include_raw=True).invoke(PROMPT)

    assert out["parsed"] == Capital(**paris) and out["parsing_error"] is None
    record = out["raw"].response_metadata["polypick"]
    assert record["selector"] in ("json_vote", "tool_vote")
    assert sorted(json.loads(c["text"])["capital"] for c in record["candidates"]) == [
        "Lyon",
        "Paris",
        "Paris",
    ]
    [failure] = record["failures"]
    message = failure["error"]["message"]
    assert failure["sample"] == 2  # the one that answered "not json"
    # json_schema: ChatOpenAI's own parsing refuses the reply; function_calling: the call's
    # arguments are unreadable; json_mode: BestOfN's parser refuses it
    assert any(
        reason in message
        for reason in (
            "validation error for Capital",
            "tool calls could not be read",
            "does not fit the structured output schema",
        )
    )


def test_when_no_sample_parses_the_error_says_why(server: FakeOpenAIServer) -> None:
    server.set_responder(lambda body, index: "I would rather not.")
    bon = BestOfN(chat_openai(server), n=2, sampling=Hedged(seed=1))

    with pytest.raises(TooFewCandidatesError) as caught:
        bon.with_structured_output(Capital, method="json_mode").invoke(PROMPT)

    assert "does not fit the structured output schema" in str(caught.value)


def test_a_configured_selector_chooses_among_structured_answers(server: FakeOpenAIServer) -> None:
    respond, _ = capitals({"country": "France", "capital": "Paris"})
    server.set_responder(respond)
    bon = BestOfN(chat_openai(server), n=2, sampling=Hedged(seed=1), selector="mbr")

    out = bon.with_structured_output(Capital, include_raw=True).invoke(PROMPT)

    assert out["parsed"] == Capital(country="France", capital="Paris")
    assert out["raw"].response_metadata["polypick"]["selector"] == "mbr"


@pytest.mark.local_model
def test_json_mode_over_llama_cpp_pythons_server(llama_server: str) -> None:
    # llama-cpp-python constrains the answer to JSON with a grammar, so even the 135M model's
    # answers parse (when they have the keys: the best of several is what BestOfN is for).
    llm = smollm2(llama_server, max_tokens=64)
    bon = BestOfN(llm, n=3, sampling=Hedged(temperature=0.7, seed=1))
    asked = "Give the capital of France as JSON with the keys 'country' and 'capital'."

    out = bon.with_structured_output(Capital, method="json_mode", include_raw=True).invoke(asked)

    assert isinstance(out["parsed"], Capital), out["parsing_error"]
    record = out["raw"].response_metadata["polypick"]
    assert len(record["candidates"]) + len(record["failures"]) == 3


@pytest.mark.local_model
def test_function_calling_over_llama_cpp_pythons_server(llama_server: str) -> None:
    # The server forces a named tool_choice's arguments with a grammar built from the tool's
    # parameters, so ChatOpenAI alone parses a Capital; through BestOfN each sample is parsed
    # the same way and the parsed values are voted on (a sample cut short is a failure).
    asked = "What is the capital of France?"
    alone = smollm2(llama_server, max_tokens=64).with_structured_output(
        Capital, method="function_calling"
    )
    bon = BestOfN(smollm2(llama_server, max_tokens=64), n=3, sampling=Hedged(seed=1))

    out = bon.with_structured_output(Capital, method="function_calling", include_raw=True).invoke(
        asked
    )

    assert isinstance(alone.invoke(asked), Capital)
    assert isinstance(out["parsed"], Capital), out["parsing_error"]
    assert out["parsed"].capital.lower() == "paris"
    record = out["raw"].response_metadata["polypick"]
    assert [c["tool_calls"][0]["name"] for c in record["candidates"]] == ["Capital"] * len(
        record["candidates"]
    )
    assert len(record["candidates"]) + len(record["failures"]) == 3


@pytest.mark.local_model
def test_a_method_the_server_refuses_is_named_in_the_error(llama_server: str) -> None:
    # llama-cpp-python's server takes response_format types 'text' and 'json_object' only.
    bon = BestOfN(smollm2(llama_server), n=2, sampling=Hedged(seed=1))

    with pytest.raises(TooFewCandidatesError) as caught:
        bon.with_structured_output(Capital, method="json_schema").invoke(PROMPT)

    assert "response_format" in str(caught.value) and "json_schema" in str(caught.value)


def test_options_for_the_default_selector_do_not_reach_the_vote(server: FakeOpenAIServer) -> None:
    # selector_options configure the default selector for text; the vote on parsed values
    # takes none, and must not be handed them.
    respond, _ = capitals({"country": "Chile", "capital": "Santiago"})
    server.set_responder(respond)
    bon = BestOfN(
        chat_openai(server), n=2, sampling=Hedged(seed=1), selector_options={"utility": "chrf"}
    )

    out = bon.with_structured_output(Capital, include_raw=True).invoke(PROMPT)

    assert out["parsed"] == Capital(country="Chile", capital="Santiago")
    assert out["raw"].response_metadata["polypick"]["selector"] == "json_vote"
