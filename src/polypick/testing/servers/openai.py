"""Fake OpenAI Chat Completions server."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from ._openai_contract import (
    ChatContract,
    apply_stop,
    forced_calls,
    json_answer,
    read_contract,
)
from ._openai_rules import ModelRules, check_request, logprobs_of
from ._openai_stream import stream_response
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

__all__ = ["FakeOpenAIServer", "LogprobsScript", "ToolCaller"]

_REFUSAL = "I'm sorry, but I can't help with that."

ToolCaller = Callable[[dict[str, Any], int], Sequence[Mapping[str, Any]] | None]
"""Scripts tool calls: called with the parsed request JSON and the choice index, it returns that
choice's calls as ``{"name": ..., "arguments": ...}`` (a dict, or raw text sent as is to test
unreadable arguments), or ``None`` / ``[]`` for a text answer. It runs on the server's loop."""

LogprobsScript = Callable[[str, Mapping[str, Any], str], dict[str, Any]]
"""Scripts log-probabilities: called with a choice's text, the request JSON and a salt
(``"<request>.<choice>"``), it returns the choice's ``logprobs`` object in the API's shape."""


class FakeOpenAIServer(FakeServer):
    """Fault-injecting fake of the OpenAI Chat Completions API on 127.0.0.1.

    Serves ``POST /v1/chat/completions`` (also ``/chat/completions``) and ``GET /v1/models``;
    point the SDK at ``base_url + "/v1"``. ``honour_n=False`` always returns one choice (as
    llama-cpp-python does) and ``reject_n=True`` answers ``n > 1`` with HTTP 400 (as
    llama.cpp's server does). ``tool_caller`` makes choices tool calls (see :data:`ToolCaller`).
    ``models`` gives named models their documented behaviour (:class:`ModelRules`: reasoning
    models' parameter rules and reasoning tokens); log-probabilities come back in the API's
    shape whenever a request asks for them and its model gives them (``logprobs_script``
    scripts them, see :data:`LogprobsScript`).

    Tools, ``tool_choice``, ``response_format``, ``stop`` and streaming follow the API
    reference (see ``_openai_contract``): requests that break its rules get its 400 errors,
    ``stream: true`` gets server-sent events, one token per chunk ``token_delay_s`` apart;
    ``tokens_streamed`` counts the tokens sent, so a client that closes a stream early is seen
    to stop the generation.
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
        models: Mapping[str, ModelRules] | None = None,
        logprobs_script: LogprobsScript | None = None,
        token_delay_s: float = 0.0,
    ) -> None:
        self._model_rules = dict(models or {})
        self._logprobs_script = logprobs_script
        self._token_delay_s = token_delay_s
        self.tokens_streamed = 0
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

    def _streamed(self) -> None:
        with self._lock:
            self.tokens_streamed += 1

    def _chat(self, call: Call) -> dict[str, Any] | Response:
        self._check_auth(call)
        body = call.body
        messages = body.get("messages")
        if not isinstance(messages, list) or not messages:
            raise ApiError(400, "'messages' must be a non-empty array.", param="messages")
        model = body.get("model")
        if not isinstance(model, str) or not model:
            raise ApiError(400, "You must provide a model parameter.", param="model")
        rules = self._model_rules.get(model, ModelRules())
        check_request(body, rules, model)
        n = positive_int(body, "n") or 1
        max_tokens = positive_int(body, "max_completion_tokens") or positive_int(body, "max_tokens")
        temperature = number_param(body, "temperature", 1.0, 0.0, 2.0)
        contract = read_contract(body)
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
            choice, tokens = self._choice(
                call, index, temperature, max_tokens, tool_caller, contract
            )
            choices.append(choice)
            completion_tokens += tokens
        reasoning_tokens = _reasoned(call, choices, rules)
        completion_tokens += reasoning_tokens
        prompt_tokens = max(
            1, sum(count_tokens(text_of(m.get("content"))) for m in messages if isinstance(m, dict))
        )
        completion = {
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
                "completion_tokens_details": {"reasoning_tokens": reasoning_tokens},
            },
        }
        if contract.stream:
            delay = self._token_delay_s
            return stream_response(
                completion, contract.include_usage, token_delay_s=delay, sent=self._streamed
            )
        return completion

    def _choice(
        self,
        call: Call,
        index: int,
        temperature: float,
        max_tokens: int | None,
        tool_caller: ToolCaller | None,
        contract: ChatContract,
    ) -> tuple[dict[str, Any], int]:
        """One choice of the response and the completion tokens it is billed."""
        kind = call.fault.kind if call.fault is not None else None
        text, cut = self._answer(call, index, temperature, max_tokens)
        with self._lock:
            scripted = self._responder is not None
        if contract.response_format != "text" and not scripted and not cut:
            text = json_answer(contract, text)
        text, stopped = apply_stop(text, contract.stop)
        cut = cut and not stopped
        content: str | None = "" if kind == "empty_content" else text
        refusal = _REFUSAL if kind == "refusal" else None
        if refusal is not None:
            content = None
        message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": refusal}
        finish = "length" if cut and kind not in ("empty_content", "refusal") else "stop"
        tokens = count_tokens(content or refusal or "")
        calls = forced_calls(
            contract, tool_caller(call.body, index) if tool_caller is not None else None
        )
        if calls and kind not in ("empty_content", "refusal"):
            rendered = _tool_calls(calls, f"call_{call.seq}_{index}")
            message.update(content=None, tool_calls=rendered)
            finish = "tool_calls"
            tokens = sum(count_tokens(c["function"]["arguments"]) for c in rendered)
        logprobs = None
        if call.body.get("logprobs") is True and isinstance(content, str) and content:
            script = self._logprobs_script or logprobs_of
            logprobs = script(content, call.body, f"{call.seq}.{index}")
        choice = {"index": index, "message": message, "logprobs": logprobs, "finish_reason": finish}
        return choice, tokens


def _reasoned(call: Call, choices: list[dict[str, Any]], rules: ModelRules) -> int:
    """Add each choice's reasoning (where the model's server returns it) and return the
    reasoning tokens billed for all of them."""
    if not rules.reasons(call.body):
        return 0
    effort = rules.effort(call.body)
    for choice in choices:
        if rules.reasoning_field is not None:
            thought = f"reasoning {call.seq}.{choice['index']} at effort {effort}"
            choice["message"][rules.reasoning_field] = thought
    return rules.reasoning_tokens * len(choices)


def _tool_calls(calls: Sequence[Mapping[str, Any]], prefix: str) -> list[dict[str, Any]]:
    """Scripted calls in the API's shape: ids ``<prefix>_0``, ``<prefix>_1``, ..."""
    rendered = []
    for k, scripted in enumerate(calls):
        arguments = scripted.get("arguments", {})
        text = arguments if isinstance(arguments, str) else json.dumps(arguments)
        function = {"name": str(scripted["name"]), "arguments": text}
        rendered.append({"id": f"{prefix}_{k}", "type": "function", "function": function})
    return rendered
