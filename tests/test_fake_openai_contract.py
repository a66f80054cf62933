"""The fake OpenAI server's tools, response formats, stop sequences and streaming, driven through
the official SDK, against what the API reference documents:

- https://platform.openai.com/docs/api-reference/chat/create (``tools``, ``tool_choice``,
  ``parallel_tool_calls``, ``response_format``, ``stop``, ``stream_options``);
- https://platform.openai.com/docs/api-reference/chat-streaming (the ``chat.completion.chunk``
  events, the usage chunk with empty ``choices``, ``data: [DONE]``);
- https://platform.openai.com/docs/guides/structured-outputs (strict schemas: every object
  ``additionalProperties: false`` with all properties required; JSON mode needs "JSON" in the
  messages).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import openai
import pytest
from hypothesis import given
from hypothesis import strategies as st

from polypick.testing.servers import FakeOpenAIServer
from polypick.testing.servers._openai_contract import apply_stop, schema_instance

WEATHER = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}, "days": {"type": "integer"}},
            "required": ["city", "days"],
            "additionalProperties": False,
        },
    },
}
TIME = {"type": "function", "function": {"name": "get_time", "parameters": {"type": "object"}}}
ASK = [{"role": "user", "content": "Weather in Oslo?"}]


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as fake:
        yield fake


@pytest.fixture
def client(server: FakeOpenAIServer) -> Iterator[openai.OpenAI]:
    server.set_tool_caller(None)
    server.set_responder(None)
    with openai.OpenAI(base_url=server.base_url + "/v1", api_key="test", max_retries=0) as c:
        yield c


def create(client: openai.OpenAI, **kwargs: Any) -> Any:
    return client.chat.completions.create(model="fake-gpt", **{"messages": ASK, **kwargs})


def bad_request(client: openai.OpenAI, **kwargs: Any) -> openai.BadRequestError:
    with pytest.raises(openai.BadRequestError) as caught:
        create(client, **kwargs)
    return caught.value


def test_required_tool_choice_always_calls_a_tool(client: openai.OpenAI) -> None:
    reply = create(client, tools=[WEATHER], tool_choice="required")

    [call] = reply.choices[0].message.tool_calls
    assert call.function.name == "get_weather" and call.id
    assert json.loads(call.function.arguments).keys() == {"city", "days"}
    assert reply.choices[0].finish_reason == "tool_calls"


def test_a_named_tool_choice_calls_that_tool_only(
    client: openai.OpenAI, server: FakeOpenAIServer
) -> None:
    server.set_tool_caller(lambda body, i: [{"name": "get_weather", "arguments": {"city": "X"}}])
    choice = {"type": "function", "function": {"name": "get_time"}}

    reply = create(client, tools=[WEATHER, TIME], tool_choice=choice)

    assert [c.function.name for c in reply.choices[0].message.tool_calls] == ["get_time"]


def test_tool_choice_none_never_calls(client: openai.OpenAI, server: FakeOpenAIServer) -> None:
    server.set_tool_caller(lambda body, i: [{"name": "get_weather", "arguments": {"city": "X"}}])

    reply = create(client, tools=[WEATHER], tool_choice="none")

    assert reply.choices[0].message.tool_calls is None and reply.choices[0].message.content


def test_tool_choice_without_tools_is_refused(client: openai.OpenAI) -> None:
    error = bad_request(client, tool_choice="required")
    assert error.body["param"] == "tool_choice"  # type: ignore[index]
    assert "only allowed when 'tools' are specified" in error.message


def test_a_named_tool_choice_must_name_a_given_tool(client: openai.OpenAI) -> None:
    error = bad_request(
        client, tools=[WEATHER], tool_choice={"type": "function", "function": {"name": "nope"}}
    )
    assert "no function named 'nope'" in error.message


def test_parallel_tool_calls_needs_tools(client: openai.OpenAI) -> None:
    assert bad_request(client, parallel_tool_calls=False).body["param"] == "parallel_tool_calls"  # type: ignore[index]


def test_a_tool_name_must_match_the_documented_pattern(client: openai.OpenAI) -> None:
    bad = {"type": "function", "function": {"name": "get weather", "parameters": {}}}
    assert "does not match pattern" in bad_request(client, tools=[bad]).message


def test_json_schema_answers_are_instances_of_the_schema(client: openai.OpenAI) -> None:
    schema = WEATHER["function"]["parameters"]  # type: ignore[index]
    fmt = {"type": "json_schema", "json_schema": {"name": "w", "schema": schema, "strict": True}}

    reply = create(client, response_format=fmt)

    assert json.loads(reply.choices[0].message.content) == {"city": "text", "days": 1}


def test_a_strict_schema_must_close_every_object(client: openai.OpenAI) -> None:
    schema = {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}
    fmt = {"type": "json_schema", "json_schema": {"name": "w", "schema": schema, "strict": True}}

    error = bad_request(client, response_format=fmt)

    assert "'additionalProperties' is required to be supplied and to be false" in error.message


def test_a_strict_schema_must_require_every_property(client: openai.OpenAI) -> None:
    schema = {
        "type": "object",
        "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
        "required": ["a"],
        "additionalProperties": False,
    }
    fmt = {"type": "json_schema", "json_schema": {"name": "w", "schema": schema, "strict": True}}

    assert "Missing 'b'" in bad_request(client, response_format=fmt).message


def test_json_mode_needs_the_word_json_and_answers_an_object(client: openai.OpenAI) -> None:
    error = bad_request(client, response_format={"type": "json_object"})
    assert "must contain the word 'json'" in error.message

    asked = [{"role": "user", "content": "Answer in JSON."}]
    reply = create(client, messages=asked, response_format={"type": "json_object"})
    assert isinstance(json.loads(reply.choices[0].message.content), dict)


def test_stop_cuts_the_answer_before_the_sequence(
    client: openai.OpenAI, server: FakeOpenAIServer
) -> None:
    server.set_responder(lambda body, i: "one two END three")

    reply = create(client, stop=["END"])

    assert reply.choices[0].message.content == "one two "
    assert reply.choices[0].finish_reason == "stop"
    assert "maximum length 4" in bad_request(client, stop=["a", "b", "c", "d", "e"]).message


def test_streaming_sends_chunks_that_add_up_to_the_answer(
    client: openai.OpenAI, server: FakeOpenAIServer
) -> None:
    server.set_responder(lambda body, i: "The quick brown fox.")

    chunks = list(create(client, stream=True, stream_options={"include_usage": True}))

    assert all(c.object == "chat.completion.chunk" for c in chunks)
    assert chunks[0].choices[0].delta.role == "assistant"
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == "The quick brown fox."
    assert len([c for c in chunks if c.choices and c.choices[0].delta.content]) == 4
    assert [c.choices[0].finish_reason for c in chunks if c.choices][-1] == "stop"
    *body, last = chunks
    assert last.choices == [] and last.usage is not None and last.usage.completion_tokens == 4
    assert all(c.usage is None for c in body)


def test_streaming_without_include_usage_sends_no_usage(client: openai.OpenAI) -> None:
    chunks = list(create(client, stream=True))

    assert chunks and all(c.choices and c.usage is None for c in chunks)


def test_stream_options_need_stream(client: openai.OpenAI) -> None:
    assert bad_request(client, stream_options={"include_usage": True}).body["param"] == (  # type: ignore[index]
        "stream_options"
    )


def test_streamed_tool_calls_come_in_pieces_with_their_id_first(client: openai.OpenAI) -> None:
    chunks = list(create(client, tools=[WEATHER], tool_choice="required", stream=True))

    pieces = [c.choices[0].delta.tool_calls[0] for c in chunks if c.choices[0].delta.tool_calls]
    first, *rest = pieces
    assert first.id and first.type == "function" and first.function.name == "get_weather"
    assert rest and all(p.id is None and p.index == 0 for p in rest)
    arguments = "".join(p.function.arguments for p in pieces)
    assert json.loads(arguments) == {"city": "text", "days": 1}
    assert chunks[-1].choices[0].finish_reason == "tool_calls"


@given(st.text(), st.lists(st.text(min_size=1, max_size=3), max_size=4))
def test_apply_stop_keeps_the_longest_prefix_without_a_stop_sequence(
    text: str, stop: list[str]
) -> None:
    kept, stopped = apply_stop(text, stop)
    assert text.startswith(kept)
    assert not any(s in kept for s in stop)  # nothing of a stop sequence is left in
    assert stopped == (kept != text or any(text[len(kept) :].startswith(s) for s in stop))


JSON_SCHEMAS = st.recursive(
    st.sampled_from(
        [{"type": "string"}, {"type": "integer"}, {"type": "number"}, {"type": "boolean"}]
    ),
    lambda inner: st.one_of(
        st.builds(lambda items: {"type": "array", "items": items}, inner),
        st.dictionaries(st.from_regex(r"[a-z]{1,5}", fullmatch=True), inner, max_size=3).map(
            lambda props: {"type": "object", "properties": props}
        ),
        st.builds(lambda a: {"anyOf": [a, {"type": "null"}]}, inner),
    ),
    max_leaves=6,
)


@given(JSON_SCHEMAS)
def test_schema_instances_have_the_schemas_shape(schema: dict[str, Any]) -> None:
    assert _conforms(schema_instance(schema), schema)


def _conforms(value: Any, schema: dict[str, Any]) -> bool:
    if "anyOf" in schema:
        return value is None or any(_conforms(value, s) for s in schema["anyOf"])
    kind = schema["type"]
    if kind == "object":
        props = schema["properties"]
        return set(value) == set(props) and all(_conforms(value[k], s) for k, s in props.items())
    if kind == "array":
        return isinstance(value, list) and all(_conforms(v, schema["items"]) for v in value)
    types = {"string": str, "integer": int, "number": float, "boolean": bool}
    return type(value) is types[kind]
