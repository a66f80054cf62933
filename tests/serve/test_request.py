"""Reading chat completions requests: the core's view, what passes through, what is refused."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from polypick.core.types import Message
from polypick.errors import ConfigurationError
from polypick.serve.request import core_messages, read_request

USER = {"role": "user", "content": "Hi"}


def body(**fields: Any) -> dict[str, Any]:
    return {"model": "m", "messages": [USER], **fields}


def test_an_agent_conversation_becomes_readable_plain_messages() -> None:
    raw = [
        {"role": "developer", "content": "Be brief."},
        {"role": "user", "content": [{"type": "text", "text": "Weather?"}, {"type": "image_url"}]},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {"id": "c1", "type": "function", "function": {"name": "get", "arguments": "{}"}}
            ],
        },
        {"role": "tool", "tool_call_id": "c1", "content": "18 C"},
    ]
    assert core_messages(raw) == (
        Message(role="system", content="Be brief."),
        Message(role="user", content="Weather?\n[image]"),
        Message(role="assistant", content="[tool call] get({})"),
        Message(role="user", content="[tool result get]\n18 C"),
    )


def test_the_request_is_read_whole() -> None:
    request = read_request(
        body(
            temperature=0.4,
            top_p=0.9,
            min_p=0.1,
            seed=7,
            max_tokens=20,
            max_completion_tokens=10,
            stop="END",
            tools=[{"type": "function"}],
            tool_choice="auto",
            response_format=None,
            store=True,  # unknown to this server: ignored
            stream=True,
            stream_options={"include_usage": True},
            polypick={"n": 2},
        )
    )
    assert request.fields.model_dump() == {
        "temperature": 0.4,
        "top_p": 0.9,
        "min_p": 0.1,
        "seed": 7,
        "max_tokens": 10,  # max_completion_tokens wins, as on OpenAI
        "stop": ("END",),
    }
    assert request.passed == {"tools": [{"type": "function"}], "tool_choice": "auto"}
    assert request.stream and request.include_usage and request.options.n == 2
    assert request.raw_messages == (USER,)


def test_usage_is_only_streamed_when_streaming() -> None:
    assert not read_request(body(stream_options={"include_usage": True})).include_usage


@pytest.mark.parametrize(
    ("fields", "param"),
    [
        ({"model": ""}, "model"),
        ({"messages": []}, "messages"),
        ({"messages": ["hi"]}, "messages"),
        ({"messages": [{"role": "system", "content": "only a system prompt"}]}, "messages"),
        ({"messages": [{"role": "robot", "content": "x"}]}, "messages[0].role"),
        ({"messages": [{"role": "user", "content": 5}]}, "messages[0].content"),
        ({"messages": [{"role": "user", "content": [{"text": "x"}]}]}, "messages[0].content"),
        ({"messages": [USER, {"role": "assistant", "tool_calls": [{}]}]}, "messages[1].tool_calls"),
        ({"n": 3}, "n"),
        ({"temperature": -1}, "temperature"),
        ({"temperature": True}, "temperature"),
        ({"top_p": 0}, "top_p"),
        ({"max_tokens": 0}, "max_tokens"),
        ({"seed": 1.5}, "seed"),
        ({"stop": [1]}, "stop"),
        ({"stream": "yes"}, "stream"),
        ({"stream": True, "stream_options": {"include_usage": 1}}, "stream_options.include_usage"),
        ({"functions": [{}]}, "functions"),
        ({"polypick": {"n": -1}}, "polypick.n"),
    ],
)  # fmt: skip
def test_bad_fields_are_refused_by_name(fields: dict[str, Any], param: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        read_request(body(**fields))
    assert getattr(caught.value, "param", None) == param


def test_a_body_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="JSON object"):
        read_request([1, 2])


content = st.text(max_size=20) | st.lists(
    st.fixed_dictionaries({"type": st.just("text"), "text": st.text(max_size=10)}), max_size=3
)
message = st.fixed_dictionaries(
    {
        "role": st.sampled_from(["system", "developer", "user", "assistant", "tool"]),
        "content": content,
    }
)


@given(st.lists(message, min_size=1, max_size=6))
def test_any_well_formed_conversation_is_read_or_refused_for_its_missing_user_turn(
    raw: list[dict[str, Any]],
) -> None:
    try:
        messages = core_messages(raw)
    except ConfigurationError as exc:
        assert getattr(exc, "param", None) == "messages"
        assert not any(m.role == "user" and m.content.strip() for m in _plain(raw))
    else:
        assert len(messages) == len(raw)
        assert [m.role for m in messages] == [m.role for m in _plain(raw)]


def _plain(raw: list[dict[str, Any]]) -> list[Message]:
    """The expected roles and texts, written out independently of the code under test."""
    roles = {"system": "system", "developer": "system", "assistant": "assistant"}
    out = []
    for m in raw:
        text = (
            m["content"]
            if isinstance(m["content"], str)
            else "\n".join(p["text"] for p in m["content"])
        )
        role = roles.get(m["role"], "user")
        out.append(
            Message(role=role, content=text if m["role"] != "tool" else "[tool result]\n" + text)
        )  # type: ignore[arg-type]
    return out
