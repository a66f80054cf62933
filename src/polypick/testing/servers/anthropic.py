"""Fake Anthropic Messages server."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from starlette.routing import Route

from ._anthropic_rules import ClaudeRules, check_request, thinking_of
from ._runner import (
    ApiError,
    Call,
    FakeServer,
    Responder,
    count_tokens,
    number_param,
    positive_int,
    text_of,
)
from .openai import ToolCaller

_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    402: "billing_error",
    403: "permission_error",
    404: "not_found_error",
    413: "request_too_large",
    429: "rate_limit_error",
    504: "timeout_error",
    529: "overloaded_error",
}


class FakeAnthropicServer(FakeServer):
    """Fault-injecting fake of the Anthropic Messages API on 127.0.0.1.

    Serves ``POST /v1/messages``; point the SDK at ``base_url``. Prompt caching is
    accounted per prefix: the first request whose ``cache_control`` breakpoint covers a
    given prefix reports ``cache_creation_input_tokens``, later ones
    ``cache_read_input_tokens``. ``models`` gives named models their documented thinking and
    sampling rules (:class:`ClaudeRules`); ``tool_caller`` makes answers ``tool_use`` blocks
    when the request has ``tools`` (see :data:`ToolCaller`).
    """

    _request_id_header = "request-id"

    def __init__(
        self,
        *,
        latency_s: float = 0.0,
        responder: Responder | None = None,
        models: Mapping[str, ClaudeRules] | None = None,
        tool_caller: ToolCaller | None = None,
    ) -> None:
        self._cache: dict[str, int] = {}
        self._model_rules = dict(models or {})
        self._tool_caller = tool_caller
        super().__init__(latency_s=latency_s, responder=responder)

    def clear_cache(self) -> None:
        """Forget cached prompt prefixes."""
        with self._lock:
            self._cache.clear()

    def _routes(self) -> list[Route]:
        return [self._route("/v1/messages", self._messages)]

    def _error_payload(self, err: ApiError) -> dict[str, Any]:
        fallback = "api_error" if err.status >= 500 else "invalid_request_error"
        err_type = err.err_type or _ERROR_TYPES.get(err.status, fallback)
        return {"type": "error", "error": {"type": err_type, "message": err.message}}

    def _messages(self, call: Call) -> dict[str, Any]:
        headers = call.headers
        if not headers.get("x-api-key") and not headers.get("authorization"):
            raise ApiError(401, "x-api-key header is required")
        body = call.body
        model = body.get("model")
        if not isinstance(model, str) or not model:
            raise ApiError(400, "model: Field required", param="model")
        messages = body.get("messages")
        if not isinstance(messages, list) or not messages:
            raise ApiError(400, "messages: Field required", param="messages")
        max_tokens = positive_int(body, "max_tokens")
        if max_tokens is None:
            raise ApiError(400, "max_tokens: Field required", param="max_tokens")
        rules = self._model_rules.get(model, ClaudeRules())
        check_request(body, rules, max_tokens)
        temperature = number_param(body, "temperature", 1.0, 0.0, 1.0)

        kind = call.fault.kind if call.fault is not None else None
        text, cut = self._answer(call, 0, temperature, max_tokens)
        if kind in ("empty_content", "refusal"):
            content: list[dict[str, Any]] = []
        else:
            content = [{"type": "text", "text": text}]
        if kind == "refusal":
            stop_reason = "refusal"
        else:
            stop_reason = "max_tokens" if cut and content else "end_turn"
        calls = self._tool_caller(body, 0) if self._tool_caller and body.get("tools") else None
        if calls and content:
            content = [_tool_use(c, f"toolu_fake{call.seq}_{k}") for k, c in enumerate(calls)]
            stop_reason = "tool_use"
        usage = self._input_usage(model, body)
        usage["output_tokens"] = count_tokens(text) if content else 0
        thinking = thinking_of(body, rules, call.seq)
        if thinking:
            content = [*thinking, *content]
            usage["output_tokens"] += rules.thinking_tokens
            usage["output_tokens_details"] = {"thinking_tokens": rules.thinking_tokens}
        return {
            "id": f"msg_fake{call.seq}",
            "type": "message",
            "role": "assistant",
            "model": model,
            "content": content,
            "stop_reason": stop_reason,
            "stop_sequence": None,
            "usage": usage,
        }

    def _input_usage(self, model: str, body: dict[str, Any]) -> dict[str, Any]:
        # Prompt order is tools, system, messages; a breakpoint caches everything before it.
        segments: list[tuple[str, str, bool]] = []
        for tool in body.get("tools") or []:
            if isinstance(tool, dict):
                spec = {k: v for k, v in tool.items() if k != "cache_control"}
                segments.append(("tool", json.dumps(spec, sort_keys=True), "cache_control" in tool))
        system = body.get("system")
        blocks = [{"text": system}] if isinstance(system, str) else system
        for block in blocks if isinstance(blocks, list) else []:
            if isinstance(block, dict):
                segments.append(("system", text_of([block]), "cache_control" in block))
        for message in body["messages"]:
            if not isinstance(message, dict):
                continue
            role, content = str(message.get("role")), message.get("content")
            for block in [{"text": content}] if isinstance(content, str) else content or []:
                if isinstance(block, dict):
                    segments.append((role, text_of([block]), "cache_control" in block))
        if body.get("cache_control") and segments:
            segments[-1] = (*segments[-1][:2], True)

        total, key, breakpoints = 0, model, []
        for where, text, marked in segments:
            total += count_tokens(text)
            key += f"\x00{where}\x00{text}"
            if marked:
                breakpoints.append((key, total))
        cached = breakpoints[-1][1] if breakpoints else 0
        with self._lock:
            read = max((tokens for k, tokens in breakpoints if k in self._cache), default=0)
            self._cache.update(breakpoints)
        return {
            "input_tokens": max(total, 1) - cached,
            "cache_creation_input_tokens": cached - read,
            "cache_read_input_tokens": read,
        }


def _tool_use(scripted: Mapping[str, Any], block_id: str) -> dict[str, Any]:
    arguments = scripted.get("arguments", {})
    return {"type": "tool_use", "id": block_id, "name": str(scripted["name"]), "input": arguments}
