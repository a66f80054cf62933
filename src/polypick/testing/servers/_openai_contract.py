"""What the fake OpenAI server adds to a plain chat completion, as the API reference documents it.

- **Tools** (``tools``, ``tool_choice``, ``parallel_tool_calls``): function names must match
  ``^[a-zA-Z0-9_-]{1,64}$``; ``tool_choice`` is ``"none"``, ``"auto"``, ``"required"`` or
  ``{"type": "function", "function": {"name": ...}}`` naming a given tool, and like
  ``parallel_tool_calls`` is allowed only with ``tools``. ``"none"`` means no call; ``"required"``
  or a named function means at least one call (of that function) — when the script made none,
  the fake calls the tool with arguments built from its JSON schema.
- **Response formats** (``response_format``): ``text``, ``json_object`` (the messages must
  contain the word "json") and ``json_schema`` (a name matching the same pattern and a schema;
  with ``strict: true`` every object sets ``additionalProperties: false`` and requires all of
  its properties, the Structured Outputs rule). Unscripted answers are then JSON: an instance of
  the schema, or an object for JSON mode.
- **Stop sequences** (``stop``): at most 4; the answer ends before the first one.
- **Streaming** (``stream``, ``stream_options.include_usage``): server-sent events of
  ``chat.completion.chunk`` objects — the role first, then content, refusal or tool-call deltas
  (a call's id, type and name first, its arguments in pieces), a last chunk per choice with its
  ``finish_reason``, the usage chunk (empty ``choices``) when asked for, then ``data: [DONE]``.

References: https://platform.openai.com/docs/api-reference/chat/create,
https://platform.openai.com/docs/api-reference/chat-streaming and
https://platform.openai.com/docs/guides/structured-outputs (supported schemas, JSON mode).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ._runner import ApiError, text_of

__all__ = [
    "ChatContract",
    "apply_stop",
    "forced_calls",
    "json_answer",
    "read_contract",
    "message_deltas",
    "schema_instance",
]

_NAME = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
_MAX_STOP = 4


@dataclass(frozen=True)
class ChatContract:
    """The parts of one request that shape its answer beyond the text."""

    tools: Mapping[str, Mapping[str, Any]]
    """Each given function's JSON schema (its ``parameters``), by name."""
    tool_choice: str | None
    """``"none"``, ``"auto"``, ``"required"``, a function's name, or ``None`` (not given)."""
    response_format: str
    """``"text"``, ``"json_object"`` or ``"json_schema"``."""
    schema: Mapping[str, Any] | None
    stop: tuple[str, ...]
    stream: bool
    include_usage: bool


def read_contract(body: Mapping[str, Any]) -> ChatContract:
    """Check the request's tools, response format, stop and stream options (HTTP 400 with the
    API's ``param`` when one breaks the documented rules)."""
    tools = _read_tools(body)
    choice = _read_tool_choice(body, tools)
    if body.get("parallel_tool_calls") is not None and not tools:
        raise ApiError(
            400,
            "Invalid value for 'parallel_tool_calls': 'parallel_tool_calls' is only allowed "
            "when 'tools' are specified.",
            param="parallel_tool_calls",
        )
    kind, schema = _read_response_format(body)
    stream = body.get("stream") is True
    options = body.get("stream_options")
    if options is not None and not stream:
        raise ApiError(
            400,
            "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
            param="stream_options",
        )
    include_usage = isinstance(options, dict) and options.get("include_usage") is True
    return ChatContract(tools, choice, kind, schema, _read_stop(body), stream, include_usage)


def _read_tools(body: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    given = body.get("tools")
    if given is None:
        return {}
    if not isinstance(given, list):
        raise ApiError(400, "Invalid type for 'tools': expected an array.", param="tools")
    tools: dict[str, Mapping[str, Any]] = {}
    for k, item in enumerate(given):
        function = item.get("function") if isinstance(item, dict) else None
        if not isinstance(item, dict) or item.get("type") != "function" or not function:
            raise ApiError(
                400, f"Invalid value for 'tools[{k}]': expected a function tool.", param="tools"
            )
        name = function.get("name")
        if not isinstance(name, str) or not _NAME.match(name):
            raise ApiError(
                400,
                f"Invalid 'tools[{k}].function.name': string does not match pattern. Expected a "
                "string that matches the pattern '^[a-zA-Z0-9_-]+$'.",
                param=f"tools[{k}].function.name",
            )
        parameters = function.get("parameters", {"type": "object", "properties": {}})
        if function.get("strict") is True:
            _check_strict(parameters, f"tools[{k}].function.parameters", name)
        tools[name] = parameters
    return tools


def _read_tool_choice(body: Mapping[str, Any], tools: Mapping[str, Any]) -> str | None:
    choice = body.get("tool_choice")
    if choice is None:
        return None
    if not tools:
        raise ApiError(
            400,
            "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are "
            "specified.",
            param="tool_choice",
        )
    if choice in ("none", "auto", "required"):
        return str(choice)
    name = choice.get("function", {}).get("name") if isinstance(choice, dict) else None
    if not isinstance(choice, dict) or choice.get("type") != "function" or not name:
        raise ApiError(
            400,
            "Invalid value for 'tool_choice': expected 'none', 'auto', 'required' or a named "
            "function.",
            param="tool_choice",
        )
    if name not in tools:
        raise ApiError(
            400,
            f"Invalid value for 'tool_choice': no function named '{name}' was specified in the "
            "'tools' parameter.",
            param="tool_choice",
        )
    return str(name)


def _read_response_format(body: Mapping[str, Any]) -> tuple[str, Mapping[str, Any] | None]:
    given = body.get("response_format")
    if given is None:
        return "text", None
    kind = given.get("type") if isinstance(given, dict) else None
    if kind == "text":
        return "text", None
    if kind == "json_object":
        if not any("json" in text_of(m.get("content")).lower() for m in _messages(body)):
            raise ApiError(
                400,
                "'messages' must contain the word 'json' in some form, to use "
                "'response_format' of type 'json_object'.",
                param="messages",
            )
        return "json_object", None
    if kind == "json_schema":
        spec = given.get("json_schema") if isinstance(given, dict) else None
        name = spec.get("name") if isinstance(spec, dict) else None
        if not isinstance(spec, dict) or not isinstance(name, str) or not _NAME.match(name):
            raise ApiError(
                400,
                "Invalid 'response_format.json_schema.name': expected a string that matches "
                "the pattern '^[a-zA-Z0-9_-]+$'.",
                param="response_format.json_schema.name",
            )
        schema = spec.get("schema", {"type": "object"})
        if spec.get("strict") is True:
            _check_strict(schema, "response_format", name)
        return "json_schema", schema
    raise ApiError(
        400,
        "Invalid value for 'response_format.type': expected 'text', 'json_object' or "
        "'json_schema'.",
        param="response_format.type",
    )


def _check_strict(schema: Mapping[str, Any], param: str, name: str) -> None:
    """The Structured Outputs rules for ``strict: true``, object by object."""
    for where, node in _objects(schema, ()):
        context = f"In context=({', '.join(repr(p) for p in where)})"
        if node.get("additionalProperties") is not False:
            raise ApiError(
                400,
                f"Invalid schema for '{name}': {context}, 'additionalProperties' is required "
                "to be supplied and to be false.",
                param=param,
            )
        properties = list(node.get("properties", {}))
        missing = [p for p in properties if p not in node.get("required", [])]
        if missing:
            raise ApiError(
                400,
                f"Invalid schema for '{name}': {context}, 'required' is required to be "
                f"supplied and to be an array including every key in properties. Missing "
                f"'{missing[0]}'.",
                param=param,
            )


def _objects(
    schema: Any, where: tuple[str, ...]
) -> list[tuple[tuple[str, ...], Mapping[str, Any]]]:
    if not isinstance(schema, dict):
        return []
    found: list[tuple[tuple[str, ...], Mapping[str, Any]]] = []
    if schema.get("type") == "object":
        found.append((where, schema))
    for key in ("properties", "$defs", "definitions"):
        for name, sub in schema.get(key, {}).items():
            found += _objects(sub, (*where, key, name))
    for key in ("items", "additionalProperties"):
        found += _objects(schema.get(key), (*where, key))
    for key in ("anyOf", "allOf"):
        for k, sub in enumerate(schema.get(key, [])):
            found += _objects(sub, (*where, key, str(k)))
    return found


def _read_stop(body: Mapping[str, Any]) -> tuple[str, ...]:
    stop = body.get("stop")
    if stop is None:
        return ()
    sequences = [stop] if isinstance(stop, str) else stop
    if not isinstance(sequences, list) or not all(isinstance(s, str) for s in sequences):
        raise ApiError(400, "Invalid type for 'stop': expected a string or array.", param="stop")
    if len(sequences) > _MAX_STOP:
        raise ApiError(
            400,
            f"Invalid 'stop': array too long. Expected an array with maximum length "
            f"{_MAX_STOP}, but got an array with length {len(sequences)} instead.",
            param="stop",
        )
    return tuple(sequences)


def _messages(body: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    messages = body.get("messages")
    return [m for m in messages if isinstance(m, dict)] if isinstance(messages, list) else []


def apply_stop(text: str, stop: Sequence[str]) -> tuple[str, bool]:
    """``text`` up to (not including) the first stop sequence, and whether one was met."""
    cut = min((i for s in stop if s and (i := text.find(s)) >= 0), default=None)
    return (text, False) if cut is None else (text[:cut], True)


def forced_calls(
    contract: ChatContract, scripted: Sequence[Mapping[str, Any]] | None
) -> Sequence[Mapping[str, Any]] | None:
    """The calls a choice makes under ``tool_choice``: none for ``"none"``; for ``"required"``
    or a named function, the scripted calls allowed, else one built from the tool's schema;
    otherwise the scripted calls (the script decides, with or without ``tools``)."""
    choice = contract.tool_choice
    if choice == "none":
        return None
    if choice in (None, "auto"):
        return scripted
    allowed = [c for c in scripted or () if choice == "required" or c.get("name") == choice]
    if allowed:
        return allowed
    name = next(iter(contract.tools)) if choice == "required" else str(choice)
    return [{"name": name, "arguments": schema_instance(contract.tools[name])}]


def json_answer(contract: ChatContract, text: str) -> str:
    """An unscripted answer under a JSON response format: a schema instance, or an object."""
    if contract.response_format == "json_schema" and contract.schema is not None:
        return json.dumps(schema_instance(contract.schema))
    return json.dumps({"answer": text})


def schema_instance(schema: Mapping[str, Any], root: Mapping[str, Any] | None = None) -> Any:
    """A small value that satisfies ``schema`` (the subset tools and Structured Outputs use)."""
    root = root if root is not None else schema
    if "$ref" in schema:
        *_, section, name = str(schema["$ref"]).split("/")
        return schema_instance(root.get(section, {}).get(name, {}), root)
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    for key in ("anyOf", "oneOf", "allOf"):
        options = [s for s in schema.get(key, []) if s.get("type") != "null"]
        if options:
            return schema_instance(options[0], root)
    kind: Any = schema.get("type")
    if isinstance(kind, list):  # ["string", "null"]: the first non-null type
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object" or "properties" in schema:
        return {
            name: schema_instance(sub, root) for name, sub in schema.get("properties", {}).items()
        }
    if kind == "array":
        return [schema_instance(schema.get("items", {}), root)]
    return _scalar(kind, schema)


def _scalar(kind: Any, schema: Mapping[str, Any]) -> Any:
    if kind == "integer":
        return int(schema.get("minimum", 1))
    if kind == "number":
        return float(schema.get("minimum", 1))
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    return str(schema.get("title") or schema.get("description") or "text")


def message_deltas(message: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The deltas of one message after its role: content (or refusal) and tool calls in
    pieces (a call's id, type and name first, its arguments in pieces)."""
    deltas: list[dict[str, Any]] = []
    for key in ("content", "refusal"):
        text = message.get(key)
        if isinstance(text, str):
            deltas += [{key: piece} for piece in _pieces(text)]
    for k, call in enumerate(message.get("tool_calls") or ()):
        function = call["function"]
        start = {"name": function["name"], "arguments": ""}
        deltas.append(
            {"tool_calls": [{"index": k, "id": call["id"], "type": "function", "function": start}]}
        )
        for piece in _pieces(function["arguments"]):
            deltas.append({"tool_calls": [{"index": k, "function": {"arguments": piece}}]})
    return deltas


def _pieces(text: str) -> list[str]:
    """``text`` in word-sized pieces (spaces kept), as tokens would arrive."""
    return re.findall(r"\s*\S+|\s+$", text)
