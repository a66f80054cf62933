"""Streaming for a chat model that knows its answer only at the end.

Best-of-N cannot show anything before the candidates are compared. Once one is chosen, its
message is streamed in chunks — word-sized pieces of its text, one chunk per content block
(reasoning, text ...) when the content is a list, its tool calls, and a last chunk with the
usage, the response metadata and ``chunk_position="last"`` — so every consumer of chat-model
streams works unchanged: ``stream``/``astream``, ``astream_events`` (``on_chat_model_stream``),
LangGraph's ``messages`` stream and ``stream_events(version="v3")``. No token is faked: the
chunks add up to the selected message.

Why ``_generate_with_cache`` is wrapped: LangChain hands the run manager to ``_stream`` only on
the ``stream_events`` v3 path; on the others (``invoke`` with a streaming handler attached, as
``astream_events`` and LangGraph do) it calls ``_stream`` without it. The samples must still be
children of this model's run, so the run manager of the call being generated is kept in a
context variable for ``_stream`` to find. ``stream``/``astream`` go through ``invoke`` with
``stream=True``, which takes that same path.
"""

from __future__ import annotations

import functools
import json
import operator
import re
from collections.abc import AsyncIterator, Iterator
from contextvars import ContextVar
from typing import Any

from langchain_core.callbacks import (
    AsyncCallbackManagerForLLMRun,
    BaseRunManager,
    CallbackManagerForLLMRun,
)
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.messages.tool import tool_call_chunk
from langchain_core.outputs import ChatGenerationChunk, ChatResult
from langchain_core.runnables import RunnableConfig

__all__ = ["AnswerAtTheEnd", "answer_chunks"]

_RUN: ContextVar[BaseRunManager | None] = ContextVar("polypick_langchain_run", default=None)
"""The run manager of the call being generated, for ``_stream`` (see the module docs)."""


class AnswerAtTheEnd(BaseChatModel):
    """A chat model whose streams carry the finished answer, in chunks."""

    def _generate_with_cache(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        token = _RUN.set(run_manager)
        try:
            return super()._generate_with_cache(messages, stop, run_manager, **kwargs)
        finally:
            _RUN.reset(token)

    async def _agenerate_with_cache(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        token = _RUN.set(run_manager)
        try:
            return await super()._agenerate_with_cache(messages, stop, run_manager, **kwargs)
        finally:
            _RUN.reset(token)

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        manager = run_manager or _RUN.get()
        kwargs.pop("stream", None)
        result = self._generate(messages, stop, manager, **kwargs)  # type: ignore[arg-type]
        yield from answer_chunks(_message(result))

    async def _astream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> AsyncIterator[ChatGenerationChunk]:
        manager = run_manager or _RUN.get()
        kwargs.pop("stream", None)
        result = await self._agenerate(messages, stop, manager, **kwargs)  # type: ignore[arg-type]
        for chunk in answer_chunks(_message(result)):
            yield chunk

    def stream(
        self,
        input: LanguageModelInput,
        config: RunnableConfig | None = None,
        *,
        stop: list[str] | None = None,
        **kwargs: Any,
    ) -> Iterator[AIMessageChunk]:
        """Select the answer (its run emits the chunks to callbacks), then yield its chunks."""
        message = self.invoke(input, config, stop=stop, **{**kwargs, "stream": True})
        yield from self._chunks(message, **kwargs)

    async def astream(
        self,
        input: LanguageModelInput,
        config: RunnableConfig | None = None,
        *,
        stop: list[str] | None = None,
        **kwargs: Any,
    ) -> AsyncIterator[AIMessageChunk]:
        """Async :meth:`stream`."""
        message = await self.ainvoke(input, config, stop=stop, **{**kwargs, "stream": True})
        for chunk in self._chunks(message, **kwargs):
            yield chunk

    def _chunks(self, message: BaseMessage, **kwargs: Any) -> list[AIMessageChunk]:
        assert isinstance(message, AIMessage)  # chat models answer with AIMessages
        chunks = [_ai_chunk(chunk) for chunk in answer_chunks(message)]
        if self._streaming_disabled(**kwargs):  # streaming switched off: the answer at once
            return [functools.reduce(operator.add, chunks)]
        return chunks


def answer_chunks(message: AIMessage) -> list[ChatGenerationChunk]:
    """``message`` as stream chunks that add up to it (see the module docs)."""
    content = message.content
    pieces: list[AIMessageChunk] = []
    if isinstance(content, str):
        pieces += [AIMessageChunk(content=p) for p in re.findall(r"\s*\S+|\s+$", content)]
    else:
        pieces += [AIMessageChunk(content=[block]) for block in content]
    empty: str | list[str | dict[str, Any]] = "" if isinstance(content, str) else []
    calls = [
        tool_call_chunk(name=c["name"], args=json.dumps(c["args"]), id=c["id"], index=i)
        for i, c in enumerate(message.tool_calls)
    ]
    calls += [
        tool_call_chunk(name=c["name"], args=c["args"], id=c["id"], index=len(calls) + i)
        for i, c in enumerate(message.invalid_tool_calls)
    ]
    if calls:
        pieces.append(AIMessageChunk(content=empty, tool_call_chunks=calls))
    last = AIMessageChunk(
        content=empty,
        additional_kwargs=message.additional_kwargs,
        response_metadata=message.response_metadata,
        usage_metadata=message.usage_metadata,
        chunk_position="last",
    )
    return [
        ChatGenerationChunk(message=piece.model_copy(update={"id": message.id}))
        for piece in [*pieces, last]
    ]


def _ai_chunk(chunk: ChatGenerationChunk) -> AIMessageChunk:
    assert isinstance(chunk.message, AIMessageChunk)  # answer_chunks makes nothing else
    return chunk.message


def _message(result: ChatResult) -> AIMessage:
    message = result.generations[0].message
    assert isinstance(message, AIMessage)  # chat models answer with AIMessages
    return message
