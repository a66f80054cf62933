"""Converting between LangChain messages and polypick's.

polypick's core works on plain role/content messages. LangChain conversations carry more: tool
calls, tool results, multimodal blocks. The original LangChain messages always go to the
sampled model untouched; the core form built here is what the core itself reads — the judges'
view of the conversation, language detection and the reward functions' prompt — so it keeps
every part as readable text and marks what it cannot show (``[image]``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from langchain_core.messages import (
    AIMessage,
    AIMessageChunk,
    BaseMessage,
    ChatMessage,
    HumanMessage,
    SystemMessage,
    ToolMessage,
)
from langchain_core.messages.ai import InputTokenDetails, OutputTokenDetails, UsageMetadata

from polypick.core.types import Completion, Message, ToolCall, Usage, to_messages

__all__ = ["as_chunk", "completion_key", "to_completion", "to_core", "to_langchain", "to_message"]

_ROLES: dict[str, Literal["system", "user", "assistant"]] = {
    "system": "system",
    "developer": "system",
    "human": "user",
    "user": "user",
    "ai": "assistant",
    "assistant": "assistant",
}
_FINISH_KEYS = ("finish_reason", "stop_reason", "done_reason")


def to_core(messages: Sequence[BaseMessage]) -> tuple[Message, ...]:
    """The core's view of a LangChain conversation (raises ``ConfigurationError`` if empty)."""
    return to_messages([_to_core(m) for m in messages])


def _to_core(message: BaseMessage) -> Message:
    text = _readable(message.content)
    if isinstance(message, AIMessage) and message.tool_calls:
        calls = "\n".join(
            f"[tool call] {c['name']}({json.dumps(c['args'], ensure_ascii=False)})"
            for c in message.tool_calls
        )
        text = f"{text}\n{calls}".strip()
    if isinstance(message, ToolMessage):
        # Tool results are input to the model, like a user turn; the label keeps them apart.
        name = f" {message.name}" if message.name else ""
        return Message(role="user", content=f"[tool result{name}]\n{text}")
    kind = message.role if isinstance(message, ChatMessage) else message.type
    return Message(role=_ROLES.get(kind, "user"), content=text)


def _readable(content: str | list[str | dict[str, Any]]) -> str:
    if isinstance(content, str):
        return content
    parts: list[str] = []
    for block in content:
        if isinstance(block, str):
            parts.append(block)
        elif block.get("type") == "text" and isinstance(block.get("text"), str):
            parts.append(block["text"])
        else:
            parts.append(f"[{block.get('type', 'content')}]")
    return "\n".join(parts)


def to_langchain(messages: Sequence[Message]) -> list[BaseMessage]:
    """polypick messages (a judge's prompt, say) as LangChain messages."""
    kinds = {"system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}
    return [kinds[m.role](content=m.content) for m in messages]


def to_completion(reply: AIMessage) -> Completion:
    """A LangChain model's reply as a core :class:`Completion`."""
    usage = reply.usage_metadata
    metadata = reply.response_metadata
    finish = next((metadata[k] for k in _FINISH_KEYS if isinstance(metadata.get(k), str)), None)
    model = metadata.get("model_name")
    return Completion(
        text=reply.text,
        tool_calls=tuple(
            ToolCall(name=call["name"], arguments=dict(call["args"]), id=call.get("id"))
            for call in reply.tool_calls
        ),
        finish_reason=finish,
        usage=Usage(
            prompt_tokens=usage["input_tokens"],
            completion_tokens=usage["output_tokens"],
            reasoning_tokens=(usage.get("output_token_details") or {}).get("reasoning") or 0,
        )
        if usage
        else Usage(),
        model=model if isinstance(model, str) else None,
    )


def completion_key(
    text: str, tool_calls: Sequence[ToolCall], finish: str | None
) -> tuple[str, tuple[tuple[str, str | None], ...], str | None]:
    """What identifies a sample's reply among the others: text, tool calls (ids included)."""
    return text, tuple((call.key(), call.id) for call in tool_calls), finish


def to_message(completion: Completion, metadata: Mapping[str, Any] | None = None) -> AIMessage:
    """A core :class:`Completion` as an ``AIMessage`` (for tracing calls to core backends)."""
    usage = completion.usage
    return AIMessage(
        content=completion.text,
        tool_calls=[
            {"name": c.name, "args": c.arguments, "id": c.id, "type": "tool_call"}
            for c in completion.tool_calls
        ],
        usage_metadata=UsageMetadata(
            input_tokens=usage.prompt_tokens,
            output_tokens=usage.completion_tokens,
            total_tokens=usage.total_tokens,
            # required keys since langchain-core 1.8; nothing here is known about cached tokens
            input_token_details=InputTokenDetails(),
            output_token_details=OutputTokenDetails(reasoning=usage.reasoning_tokens)
            if usage.reasoning_tokens
            else OutputTokenDetails(),
        ),
        response_metadata={
            "model_name": completion.model,
            "finish_reason": completion.finish_reason,
            **(metadata or {}),
        },
    )


def as_chunk(message: AIMessage) -> AIMessageChunk:
    """The whole answer as the one and last chunk of a stream (tool calls become chunks)."""
    if isinstance(message, AIMessageChunk):
        return message
    fields = message.model_dump(exclude={"type"})
    return AIMessageChunk(**{**fields, "chunk_position": "last"})
