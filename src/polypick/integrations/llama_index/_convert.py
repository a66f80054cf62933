"""Translation between LlamaIndex's chat types and polypick's, in both directions.

polypick's core sees role/content text only: it needs it to detect the prompt's language and to
show the conversation to a judge. The inner LLM never receives these translations for the
prompt itself; it gets the caller's original messages (see ``_call.Prompt``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Literal, TypeVar

from llama_index.core.base.llms.base import BaseLLM
from llama_index.core.base.llms.types import (
    ChatMessage,
    ChatResponse,
    CompletionResponse,
    MessageRole,
    ToolCallBlock,
)
from llama_index.core.llms.function_calling import FunctionCallingLLM

from polypick.core.types import Completion, Message, Selection, ToolCall, Usage, to_messages
from polypick.errors import InvalidResponseError

__all__ = ["completion_of", "core_messages", "llama_messages", "tool_calls_of", "with_selection"]

Response = ChatResponse | CompletionResponse
R = TypeVar("R", ChatResponse, CompletionResponse)

_CORE_ROLES: dict[str, Literal["system", "user", "assistant"]] = {
    MessageRole.SYSTEM: "system",
    MessageRole.DEVELOPER: "system",
    MessageRole.USER: "user",
}


def core_messages(messages: Sequence[ChatMessage]) -> tuple[Message, ...]:
    """The conversation as polypick messages: tool traffic becomes annotated assistant text.

    Raises:
        ConfigurationError: if no message is a non-empty user message.
    """
    return to_messages([_core_message(m) for m in messages])


def _core_message(message: ChatMessage) -> Message:
    role = _CORE_ROLES.get(message.role, "assistant")
    parts = [message.content or ""]
    if message.role in (MessageRole.TOOL, MessageRole.FUNCTION):
        parts = [f"[tool result] {parts[0]}"]
    for block in message.blocks:
        if isinstance(block, ToolCallBlock):
            arguments = block.tool_kwargs
            text = arguments if isinstance(arguments, str) else json.dumps(arguments, default=str)
            parts.append(f"[tool call] {block.tool_name}({text})")
    return Message(role=role, content="\n".join(p for p in parts if p))


def llama_messages(messages: Sequence[Message]) -> list[ChatMessage]:
    """polypick messages (a judge's prompt, say) as LlamaIndex chat messages."""
    return [ChatMessage(role=m.role, content=m.content) for m in messages]


def tool_calls_of(llm: BaseLLM, response: ChatResponse) -> tuple[ToolCall, ...]:
    """The tool calls in ``response``, read by the LLM that wrote it."""
    if not isinstance(llm, FunctionCallingLLM):
        return ()
    try:
        selections = llm.get_tool_calls_from_response(response, error_on_no_tool_call=False)
    except NotImplementedError:  # FunctionCallingLLM's default
        return ()
    return tuple(
        ToolCall(name=s.tool_name, arguments=dict(s.tool_kwargs), id=s.tool_id or None)
        for s in selections
    )


def completion_of(
    response: Response, tool_calls: tuple[ToolCall, ...], provider: str
) -> Completion:
    """One LlamaIndex response as a polypick completion.

    Raises:
        InvalidResponseError: if the response has neither text nor a tool call.
    """
    text = (response.message.content or "") if isinstance(response, ChatResponse) else response.text
    if not text and not tool_calls:
        raise InvalidResponseError(
            "the LLM returned neither text nor a tool call", provider=provider
        )
    return Completion(
        text=text,
        tool_calls=tool_calls,
        finish_reason=_finish_reason(response.raw),
        usage=_usage(response),
    )


def with_selection(response: R, selection: Selection) -> R:
    """``response`` with the whole selection, as JSON, in ``additional_kwargs["polypick"]``."""
    extra = {**response.additional_kwargs, "polypick": selection.model_dump(mode="json")}
    return response.model_copy(update={"additional_kwargs": extra})


def _field(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)


def _usage(response: Response) -> Usage:
    # OpenAI-style LLMs put token counts in additional_kwargs; others leave them in raw.usage.
    for source in (response.additional_kwargs, _field(response.raw, "usage")):
        if source is None:
            continue
        prompt = _field(source, "prompt_tokens") or _field(source, "input_tokens")
        completion = _field(source, "completion_tokens") or _field(source, "output_tokens")
        if isinstance(prompt, int) or isinstance(completion, int):
            return Usage(prompt_tokens=prompt or 0, completion_tokens=completion or 0)
    return Usage()


def _finish_reason(raw: Any) -> str | None:
    choices = _field(raw, "choices")  # OpenAI's shape
    if isinstance(choices, Sequence) and choices:
        reason = _field(choices[0], "finish_reason")
    else:
        reason = _field(raw, "stop_reason")  # Anthropic's
    return reason if isinstance(reason, str) else None
