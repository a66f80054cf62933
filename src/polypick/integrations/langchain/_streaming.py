"""Streaming for a chat model that knows its answer only at the end.

Best-of-N cannot show anything before the candidates are compared, so ``stream``/``astream``
yield the selected answer as one chunk — the last, with the whole usage on it — once selection
is done; no tokens are faked.

``disable_streaming`` defaults to ``True``: LangChain then keeps ``invoke`` (even with a
streaming callback handler attached, as ``astream_events`` does) and ``stream`` on the path
that hands the run manager to ``_generate``/``_agenerate``, which is what nests the samples
under the model's run. ``stream`` turns the answer into a chunk; ``_stream``/``_astream`` serve
``stream_events(version="v3")``, which always calls them, with the run manager.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, Literal

from langchain_core.callbacks import AsyncCallbackManagerForLLMRun, CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGenerationChunk, ChatResult
from langchain_core.runnables import RunnableConfig

from polypick.integrations.langchain._messages import as_chunk

__all__ = ["AnswerAtTheEnd"]


class AnswerAtTheEnd(BaseChatModel):
    """A chat model whose streams carry the finished answer as their one chunk."""

    disable_streaming: bool | Literal["tool_calling"] = True

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        result = self._generate(messages, stop, run_manager, **kwargs)
        yield ChatGenerationChunk(message=_first_chunk(result))

    async def _astream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> AsyncIterator[ChatGenerationChunk]:
        result = await self._agenerate(messages, stop, run_manager, **kwargs)
        yield ChatGenerationChunk(message=_first_chunk(result))

    def stream(
        self,
        input: LanguageModelInput,
        config: RunnableConfig | None = None,
        *,
        stop: list[str] | None = None,
        **kwargs: Any,
    ) -> Iterator[AIMessageChunk]:
        """Compute the whole answer, then yield it as one (last) chunk."""
        for message in super().stream(input, config, stop=stop, **kwargs):
            yield as_chunk(message)

    async def astream(
        self,
        input: LanguageModelInput,
        config: RunnableConfig | None = None,
        *,
        stop: list[str] | None = None,
        **kwargs: Any,
    ) -> AsyncIterator[AIMessageChunk]:
        """Async :meth:`stream`."""
        async for message in super().astream(input, config, stop=stop, **kwargs):
            yield as_chunk(message)


def _first_chunk(result: ChatResult) -> AIMessageChunk:
    message = result.generations[0].message
    assert isinstance(message, AIMessage)  # chat models answer with AIMessages
    return as_chunk(message)
