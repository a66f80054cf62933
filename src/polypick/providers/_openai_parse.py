"""Reading one Chat Completions choice: its text, tool calls, reasoning and log-probabilities.

Reasoning text comes from the fields OpenAI-compatible servers put beside ``content``:
``reasoning_content`` (vLLM before 0.10, SGLang, DeepSeek) or ``reasoning`` (vLLM 0.10 and
later, OpenRouter). Log-probabilities follow the API's ``choices[].logprobs.content`` shape: one
entry per token with its ``logprob`` and ``top_logprobs``; a streamed chunk's ``logprobs`` has
the same shape, so :func:`read_logprobs` reads those too.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

from openai.types.chat.chat_completion import Choice

from polypick.core.types import Completion, Logprobs, ToolCall, Usage

__all__ = ["read_choice", "read_logprobs", "reasoning_text", "tool_calls"]

UNLIKELY = -9999.0
"""OpenAI's value for a probability too small to report; non-finite values become it."""


def read_choice(
    choice: Choice, usage: Usage, model: str, top: int | None = None
) -> Completion | None:
    """One choice as a completion; ``None`` when it has nothing usable. ``top`` caps the
    alternatives kept per token (the number asked for)."""
    message = choice.message
    text, finish = message.content, cast("str | None", choice.finish_reason)
    if text is None and message.refusal:
        text, finish = message.refusal, "refusal"
    calls = tool_calls(message.tool_calls or ())
    if calls is None or not (text or calls):
        return None
    content = choice.logprobs.content if choice.logprobs is not None else None
    return Completion(
        text=text or "",
        tool_calls=calls,
        finish_reason=finish,
        usage=usage,
        model=model,
        reasoning=reasoning_text(message.model_extra or {}),
        logprobs=None if content is None else read_logprobs(content, top),
    )


def reasoning_text(extra: Mapping[str, Any]) -> str | None:
    """The reasoning a server returned beside the answer, if any."""
    for field in ("reasoning_content", "reasoning"):
        value = extra.get(field)
        if isinstance(value, str) and value:
            return value
    return None


def read_logprobs(entries: Iterable[Any], top: int | None = None) -> Logprobs:
    """Per-token entries (SDK objects or JSON dicts) as :class:`Logprobs`, alternatives most
    likely first, at most ``top`` of them (llama-cpp-python's server adds the chosen token to
    the ``k`` it was asked for)."""
    tokens: list[str] = []
    chosen: list[float] = []
    top_tokens: list[tuple[str, ...]] = []
    top_values: list[tuple[float, ...]] = []
    for entry in entries:
        tokens.append(str(_field(entry, "token")))
        chosen.append(_finite(_field(entry, "logprob")))
        alternatives = sorted(
            (
                (str(_field(a, "token")), _finite(_field(a, "logprob")))
                for a in _field(entry, "top_logprobs") or ()
            ),
            key=lambda pair: -pair[1],
        )[:top]
        top_tokens.append(tuple(t for t, _ in alternatives))
        top_values.append(tuple(v for _, v in alternatives))
    return Logprobs(
        tokens=tuple(tokens),
        logprobs=tuple(chosen),
        top_tokens=tuple(top_tokens),
        top_logprobs=tuple(top_values),
    )


def _field(entry: Any, name: str) -> Any:
    return entry.get(name) if isinstance(entry, Mapping) else getattr(entry, name, None)


def _finite(value: Any) -> float:
    number = float(value) if isinstance(value, int | float) else UNLIKELY
    return number if math.isfinite(number) else UNLIKELY


def tool_calls(calls: Sequence[Any]) -> tuple[ToolCall, ...] | None:
    """The calls as :class:`ToolCall` objects; ``None`` when one of them cannot be read."""
    read: list[ToolCall] = []
    for call in calls:
        function = getattr(call, "function", None)  # custom (free-text) tools have none
        if function is None:
            return None
        try:
            arguments = json.loads(function.arguments or "{}")
        except json.JSONDecodeError:
            return None
        if not isinstance(arguments, dict):
            return None
        read.append(ToolCall(name=function.name, arguments=arguments, id=call.id))
    return tuple(read)
