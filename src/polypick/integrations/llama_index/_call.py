"""One call's original input, how each request reaches the inner LLM, and what came back.

polypick's core only knows role/content text, but the inner LLM must receive exactly what the
caller sent: tool messages, content blocks, ``tools=`` and other keyword arguments. A
:class:`Prompt` keeps that input for the adapter, and the real response of every sample, so that
the call returns the winner's own response rather than a reconstruction of it.

A :class:`Runner` decides how requests reach the inner LLM: :class:`AsyncRunner` awaits its
async endpoints on the caller's event loop; :class:`ThreadRunner` serves the sync endpoints by
calling its sync ones in worker threads, under a copy of the caller's context so that
instrumentation spans nest, and without ever using the inner LLM's async clients on polypick's
own loop.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from llama_index.core.base.llms.base import BaseLLM
from llama_index.core.base.llms.types import ChatMessage, ChatResponse, CompletionResponse

from polypick.core.types import Candidate, Completion, Message, SamplingParams
from polypick.integrations.llama_index._convert import Response, core_messages

__all__ = ["AsyncRunner", "Prompt", "Runner", "ThreadRunner"]

T = TypeVar("T")


@dataclass
class Prompt:
    """One call of the LlamaIndex ``BestOfN``: what the caller sent, kept intact for the inner
    LLM, how requests reach it, and every sample's response. It is the call's context
    (``ModelRequest.context``): requests of stage ``sample`` send the caller's input.

    Attributes:
        messages: the core's view of the prompt (role/content text).
        chat: the caller's chat messages; ``None`` for a completion call.
        text: the caller's completion prompt, for a completion call.
        formatted: the completion endpoints' ``formatted`` flag, passed on as given.
        kwargs: the caller's keyword arguments (``tools=`` ...), sent with every sample.
        runner: how this call's requests reach the LLMs (async, or threads for sync calls).
    """

    messages: tuple[Message, ...]
    chat: Sequence[ChatMessage] | None = None
    text: str = ""
    formatted: bool = False
    kwargs: dict[str, Any] = field(default_factory=dict)
    runner: Runner = field(default_factory=lambda: AsyncRunner())
    samples: list[tuple[SamplingParams, Completion, Response]] = field(default_factory=list)

    @classmethod
    def of_chat(
        cls, messages: Sequence[ChatMessage], kwargs: dict[str, Any], runner: Runner
    ) -> Prompt:
        return cls(core_messages(messages), chat=messages, kwargs=kwargs, runner=runner)

    @classmethod
    def of_completion(
        cls, prompt: str, formatted: bool, kwargs: dict[str, Any], runner: Runner
    ) -> Prompt:
        messages = core_messages([ChatMessage(role="user", content=prompt)])
        return cls(messages, text=prompt, formatted=formatted, kwargs=kwargs, runner=runner)

    def cache_identity(self) -> dict[str, Any]:
        """What of the call shapes sampled answers beyond the messages (for cache keys)."""
        return {"kwargs": self.kwargs, "formatted": self.formatted}

    def record(self, params: SamplingParams, completion: Completion, response: Response) -> None:
        """Remember the response behind one sampled completion."""
        self.samples.append((params, completion, response))

    def response_of(self, candidate: Candidate) -> Response:
        """The real response behind a sampled candidate.

        Candidates are built field by field from completions, so equal fields identify the
        sample; two samples equal in all of them are interchangeable.
        """
        for params, completion, response in self.samples:
            if (
                params == candidate.params
                and completion.text == candidate.text
                and completion.tool_calls == candidate.tool_calls
                and completion.finish_reason == candidate.finish_reason
                and completion.usage.prompt_tokens == candidate.usage.prompt_tokens
                and completion.usage.completion_tokens == candidate.usage.completion_tokens
            ):
                return response
        raise LookupError(f"no recorded response for candidate {candidate.sample}")


class Runner(Protocol):
    """Sends one request to a LlamaIndex LLM."""

    async def chat(
        self, llm: BaseLLM, messages: Sequence[ChatMessage], kwargs: dict[str, Any]
    ) -> ChatResponse: ...

    async def complete(
        self, llm: BaseLLM, prompt: str, formatted: bool, kwargs: dict[str, Any]
    ) -> CompletionResponse: ...


class AsyncRunner:
    """Awaits the LLM's async endpoints on the running event loop."""

    async def chat(
        self, llm: BaseLLM, messages: Sequence[ChatMessage], kwargs: dict[str, Any]
    ) -> ChatResponse:
        return await llm.achat(messages, **kwargs)

    async def complete(
        self, llm: BaseLLM, prompt: str, formatted: bool, kwargs: dict[str, Any]
    ) -> CompletionResponse:
        return await llm.acomplete(prompt, formatted=formatted, **kwargs)


class ThreadRunner:
    """Calls the LLM's sync endpoints in worker threads, inside a copy of ``context``."""

    def __init__(self, context: contextvars.Context) -> None:
        self._context = context

    async def _in_thread(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        # A fresh copy per request: one context cannot be entered by two threads at once.
        run = functools.partial(self._context.copy().run, fn, *args, **kwargs)
        return await asyncio.get_running_loop().run_in_executor(None, run)

    async def chat(
        self, llm: BaseLLM, messages: Sequence[ChatMessage], kwargs: dict[str, Any]
    ) -> ChatResponse:
        return await self._in_thread(llm.chat, messages, **kwargs)

    async def complete(
        self, llm: BaseLLM, prompt: str, formatted: bool, kwargs: dict[str, Any]
    ) -> CompletionResponse:
        return await self._in_thread(llm.complete, prompt, formatted=formatted, **kwargs)
