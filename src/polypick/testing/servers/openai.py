"""Fake OpenAI Chat Completions server."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from starlette.routing import Route

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

__all__ = ["FakeOpenAIServer", "ToolCaller"]

_REFUSAL = "I'm sorry, but I can't help with that."

ToolCaller = Callable[[dict[str, Any], int], Sequence[Mapping[str, Any]] | None]
"""Scripts tool calls: called with the parsed request JSON and the choice index, it returns that
choice's calls as ``{"name": ..., "arguments": ...}`` (a dict, or raw text sent as is to test
unreadable arguments), or ``None`` / ``[]`` for a text answer. It runs on the server's loop."""


class FakeOpenAIServer(FakeServer):
    """Fault-injecting fake of the OpenAI Chat Completions API on 127.0.0.1.

    Serves ``POST /v1/chat/completions`` (also ``/chat/completions``) and ``GET /v1/models``;
    point the SDK at ``base_url + "/v1"``. ``honour_n=False`` always returns one choice (as
    llama-cpp-python does) and ``reject_n=True`` answers ``n > 1`` with HTTP 400 (as
    llama.cpp's server does). ``tool_caller`` makes choices tool calls (see :data:`ToolCaller`).
    """

    _request_id_header = "x-request-id"

    def __init__(
        self,
        *,
        honour_n: bool = True,
        reject_n: bool = False,
        latency_s: float = 0.0,
        responder: Responder | None = None,
        model: str = "fake-gpt",
        tool_caller: ToolCaller | None = None,
    ) -> None:
        self._honour_n = honour_n
        self._reject_n = reject_n
        self._model = model
        self._tool_caller = tool_caller
        super().__init__(latency_s=latency_s, responder=responder)

    def set_honour_n(self, honour: bool) -> None:
        """Return ``n`` choices when True, exactly one when False."""
        with self._lock:
            self._honour_n = honour

    def set_reject_n(self, reject: bool) -> None:
        """Answer ``n > 1`` with HTTP 400 when True."""
        with self._lock:
            self._reject_n = reject

    def set_tool_caller(self, tool_caller: ToolCaller | None) -> None:
        """Script tool calls; None answers with text only."""
        with self._lock:
            self._tool_caller = tool_caller

    def _routes(self) -> list[Route]:
        return [
            self._route("/v1/chat/completions", self._chat),
            self._route("/chat/completions", self._chat),
            self._route("/v1/models", self._models, "GET"),
        ]

    def _error_payload(self, err: ApiError) -> dict[str, Any]:
        if err.err_type is not None:
            err_type = err.err_type
        elif err.status == 429:
            err_type = "requests"
        else:
            err_type = "server_error" if err.status >= 500 else "invalid_request_error"
        code = err.code or {401: "invalid_api_key", 429: "rate_limit_exceeded"}.get(err.status)
        return {
            "error": {"message": err.message, "type": err_type, "param": err.param, "code": code}
        }

    @staticmethod
    def _check_auth(call: Call) -> None:
        scheme, _, key = call.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            raise ApiError(401, "You didn't provide an API key in the Authorization header.")

    def _models(self, call: Call) -> dict[str, Any]:
        self._check_auth(call)
        model = {"id": self._model, "object": "model", "created": 0, "owned_by": "polypick"}
        return {"object": "list", "data": [model]}

    def _chat(self, call: Call) -> dict[str, Any]:
        self._check_auth(call)
        body = call.body
        messages = body.get("messages")
        if not isinstance(messages, list) or not messages:
            raise ApiError(400, "'messages' must be a non-empty array.", param="messages")
        model = body.get("model")
        if not isinstance(model, str) or not model:
            raise ApiError(400, "You must provide a model parameter.", param="model")
        n = positive_int(body, "n") or 1
        max_tokens = positive_int(body, "max_completion_tokens") or positive_int(body, "max_tokens")
        temperature = number_param(body, "temperature", 1.0, 0.0, 2.0)
        with self._lock:
            honour_n, reject_n, tool_caller = self._honour_n, self._reject_n, self._tool_caller
        if n > 1 and reject_n:
            raise ApiError(400, f"Only one completion choice is allowed, got n={n}.", param="n")
        kind = call.fault.kind if call.fault is not None else None
        k = call.fault.choices if call.fault is not None and kind == "wrong_choices" else n
        if not honour_n and kind != "wrong_choices":
            k = 1

        choices: list[dict[str, Any]] = []
        completion_tokens = 0
        for index in range(k):
            choice, tokens = self._choice(call, index, temperature, max_tokens, tool_caller)
            choices.append(choice)
            completion_tokens += tokens
        prompt_tokens = max(
            1, sum(count_tokens(text_of(m.get("content"))) for m in messages if isinstance(m, dict))
        )
        return {
            "id": f"chatcmpl-fake{call.seq}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "system_fingerprint": "fp_fake",
            "choices": choices,
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }

    def _choice(
        self,
        call: Call,
        index: int,
        temperature: float,
        max_tokens: int | None,
        tool_caller: ToolCaller | None,
    ) -> tuple[dict[str, Any], int]:
        """One choice of the response and the completion tokens it is billed."""
        kind = call.fault.kind if call.fault is not None else None
        text, cut = self._answer(call, index, temperature, max_tokens)
        content: str | None = "" if kind == "empty_content" else text
        refusal = _REFUSAL if kind == "refusal" else None
        if refusal is not None:
            content = None
        message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": refusal}
        finish = "length" if cut and kind not in ("empty_content", "refusal") else "stop"
        tokens = count_tokens(content or refusal or "")
        calls = tool_caller(call.body, index) if tool_caller is not None else None
        if calls and kind not in ("empty_content", "refusal"):
            rendered = _tool_calls(calls, f"call_{call.seq}_{index}")
            message.update(content=None, tool_calls=rendered)
            finish = "tool_calls"
            tokens = sum(count_tokens(c["function"]["arguments"]) for c in rendered)
        choice = {"index": index, "message": message, "logprobs": None, "finish_reason": finish}
        return choice, tokens


def _tool_calls(calls: Sequence[Mapping[str, Any]], prefix: str) -> list[dict[str, Any]]:
    """Scripted calls in the API's shape: ids ``<prefix>_0``, ``<prefix>_1``, ..."""
    rendered = []
    for k, scripted in enumerate(calls):
        arguments = scripted.get("arguments", {})
        text = arguments if isinstance(arguments, str) else json.dumps(arguments)
        function = {"name": str(scripted["name"]), "arguments": text}
        rendered.append({"id": f"{prefix}_{k}", "type": "function", "function": function})
    return rendered
