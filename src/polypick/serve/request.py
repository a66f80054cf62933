"""Reading an OpenAI ``/v1/chat/completions`` request body.

It yields three views of one request: the core's plain role/content messages (what judges,
language detection and non-OpenAI upstreams see: tool calls and tool results become labelled
text, images ``[image]``), the original messages and tool fields (sent unchanged to an
OpenAI-compatible upstream for every sample), and the decoding fields. Pure; every problem is a
400 naming the field at fault.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from polypick.core.types import Message, to_messages
from polypick.errors import ConfigurationError
from polypick.serve.config import Options, SamplingFields, read_options
from polypick.serve.errors import invalid

__all__ = ["PASS_THROUGH", "ChatRequest", "core_messages", "read_request"]

PASS_THROUGH = (
    "tools",
    "tool_choice",
    "parallel_tool_calls",
    "response_format",
    "presence_penalty",
    "frequency_penalty",
    "logit_bias",
    "reasoning_effort",
    "user",
)
"""Request fields sent unchanged with every sample to an OpenAI-compatible upstream."""

_REFUSED = {
    "logprobs": "logprobs are not returned by best-of-N; leave logprobs unset",
    "top_logprobs": "logprobs are not returned by best-of-N; leave top_logprobs unset",
    "functions": "'functions' is deprecated; send 'tools' instead",
    "function_call": "'function_call' is deprecated; send 'tool_choice' instead",
    "audio": "audio output is not supported; ask for text",
}
_ROLES = {"system": "system", "developer": "system", "user": "user", "assistant": "assistant"}
_PART_LABELS = {"image_url": "[image]", "input_audio": "[audio]", "file": "[file]"}


@dataclass(frozen=True)
class ChatRequest:
    """One chat completions request, read and checked."""

    model: str
    messages: tuple[Message, ...]
    raw_messages: tuple[Mapping[str, Any], ...]
    passed: Mapping[str, Any] = field(default_factory=dict)
    fields: SamplingFields = SamplingFields()
    options: Options = Options()
    stream: bool = False
    include_usage: bool = False


def read_request(body: Any) -> ChatRequest:
    """Check a parsed JSON body and read it, or raise a 400 naming the field at fault."""
    if not isinstance(body, dict):
        raise invalid("the request body must be a JSON object", None)
    model = body.get("model")
    if not isinstance(model, str) or not model:
        raise invalid("'model' is required: a model name from GET /v1/models", "model")
    _refuse_unsupported(body)
    raw = body.get("messages")
    if not isinstance(raw, list) or not raw or not all(isinstance(m, dict) for m in raw):
        raise invalid("'messages' must be a non-empty list of message objects", "messages")
    stream = _flag(body, "stream")
    options = body.get("stream_options") or {}
    if not isinstance(options, dict):
        raise invalid("'stream_options' must be an object", "stream_options")
    return ChatRequest(
        model=model,
        messages=core_messages(raw),
        raw_messages=tuple(raw),
        passed={name: body[name] for name in PASS_THROUGH if body.get(name) is not None},
        fields=_sampling_fields(body),
        options=read_options(body.get("polypick")),
        stream=stream,
        include_usage=stream and _flag(options, "include_usage", "stream_options.include_usage"),
    )


def _refuse_unsupported(body: Mapping[str, Any]) -> None:
    n = body.get("n", 1)
    if n is not None and n != 1:
        raise invalid(
            f"n={n!r}: this server returns one choice, the best of N candidates; set the number "
            "of candidates with the model name (bon-5/MODEL) or polypick.n",
            "n",
        )
    for name, reason in _REFUSED.items():
        if body.get(name):
            raise invalid(reason, name)


def _flag(body: Mapping[str, Any], name: str, param: str | None = None) -> bool:
    value = body.get(name, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise invalid(f"'{param or name}' must be true or false, got {value!r}", param or name)
    return value


def _sampling_fields(body: Mapping[str, Any]) -> SamplingFields:
    max_tokens = _whole(body, "max_completion_tokens", 1)
    stop = body.get("stop")
    if isinstance(stop, str):
        stop = [stop]
    if stop is not None and not (isinstance(stop, list) and all(isinstance(s, str) for s in stop)):
        raise invalid("'stop' must be a string or a list of strings", "stop")
    return SamplingFields(
        temperature=_number(body, "temperature", 0.0, 2.0),
        top_p=_number(body, "top_p", 0.0, 1.0, low_open=True),
        min_p=_number(body, "min_p", 0.0, 1.0),
        seed=_whole(body, "seed", None),
        max_tokens=max_tokens if max_tokens is not None else _whole(body, "max_tokens", 1),
        stop=tuple(s for s in stop or () if s),
    )


def _number(
    body: Mapping[str, Any], name: str, low: float, high: float, *, low_open: bool = False
) -> float | None:
    value = body.get(name)
    if value is None:
        return None
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if not number or value > high or value < low or (low_open and value == low):
        bounds = f"{'above' if low_open else 'at least'} {low:g} and at most {high:g}"
        raise invalid(f"'{name}' must be a number {bounds}, got {value!r}", name)
    return float(value)


def _whole(body: Mapping[str, Any], name: str, low: int | None) -> int | None:
    value = body.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or (low is not None and value < low):
        least = "" if low is None else f" >= {low}"
        raise invalid(f"'{name}' must be a whole number{least}, got {value!r}", name)
    return value


def core_messages(raw: list[dict[str, Any]]) -> tuple[Message, ...]:
    """The core's view of OpenAI chat messages (see the module documentation)."""
    tool_names: dict[str, str] = {}
    messages = [_core_message(i, m, tool_names) for i, m in enumerate(raw)]
    try:
        return to_messages(messages)
    except ConfigurationError as exc:
        raise invalid(str(exc), "messages") from None


def _core_message(index: int, message: dict[str, Any], tool_names: dict[str, str]) -> Message:
    role = message.get("role")
    text = _text(index, message.get("content"))
    if role == "assistant":
        calls = message.get("tool_calls") or []
        if not isinstance(calls, list):
            raise invalid("'tool_calls' must be a list", f"messages[{index}].tool_calls")
        lines = [_call_line(index, call, tool_names) for call in calls]
        return Message(role="assistant", content="\n".join([text, *lines]).strip())
    if role in ("tool", "function"):
        # Tool results are input to the model, like a user turn; the label keeps them apart.
        name = message.get("name") or tool_names.get(str(message.get("tool_call_id")), "")
        label = f"[tool result {name}]" if name else "[tool result]"
        return Message(role="user", content=f"{label}\n{text}")
    if role not in _ROLES:
        raise invalid(
            f"unknown role {role!r}; use system, developer, user, assistant or tool",
            f"messages[{index}].role",
        )
    return Message(role=_ROLES[role], content=text)  # type: ignore[arg-type]


def _call_line(index: int, call: Any, tool_names: dict[str, str]) -> str:
    function = call.get("function") if isinstance(call, dict) else None
    if not isinstance(function, dict) or not isinstance(function.get("name"), str):
        raise invalid(
            "each tool call needs a function with a name", f"messages[{index}].tool_calls"
        )
    tool_names[str(call.get("id"))] = function["name"]
    return f"[tool call] {function['name']}({function.get('arguments') or ''})"


def _text(index: int, content: Any) -> str:
    if content is None or isinstance(content, str):
        return content or ""
    if not isinstance(content, list):
        raise invalid("content must be a string or a list of parts", f"messages[{index}].content")
    parts = []
    for part in content:
        kind = part.get("type") if isinstance(part, dict) else None
        if kind in ("text", "refusal") and isinstance(part.get(kind), str):
            parts.append(part[kind])
        elif isinstance(kind, str):
            parts.append(_PART_LABELS.get(kind, f"[{kind}]"))
        else:
            raise invalid("each content part needs a 'type'", f"messages[{index}].content")
    return "\n".join(parts)
