"""polypick's :class:`~polypick.ChatModel` over any LlamaIndex LLM.

:func:`adapt` is registered as a ``polypick.model_adapters`` entry point, so the core's
``BestOfN(llm=..., judge=...)`` accepts LlamaIndex LLMs; the providers layer loads it the first
time it sees one.

Policies:

- **Sampling parameters** travel as keyword arguments of each call, LlamaIndex's convention,
  which its OpenAI-compatible and Anthropic LLMs put into the request: ``temperature`` always;
  ``top_p``, ``seed``, ``max_tokens`` and ``stop`` when the plan sets them. ``min_p`` has no
  such keyword and is rejected before any request.
- **Retries**: LlamaIndex LLMs run their own retry layer (``max_retries``), so polypick never
  retries their errors: each failure becomes a failed sample, and a request is retried by one
  layer only.
- **One completion per request**: LlamaIndex has no ``n``; the core sends the samples
  concurrently.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from llama_index.core.base.llms.base import BaseLLM
from llama_index.core.base.llms.types import ChatResponse

from polypick.core.protocol import ModelRequest
from polypick.core.types import Completion, Message, SamplingParams
from polypick.errors import ConfigurationError, ProviderError
from polypick.integrations.llama_index._call import AsyncRunner, Prompt, Runner
from polypick.integrations.llama_index._convert import (
    Response,
    completion_of,
    llama_messages,
    tool_calls_of,
)
from polypick.providers.sdk_errors import map_sdk_error

__all__ = ["LlamaIndexChat", "adapt", "sampling_kwargs"]


def sampling_kwargs(params: SamplingParams) -> dict[str, Any]:
    """The keyword arguments that ask a LlamaIndex LLM for one sample with ``params``."""
    optional = {
        "top_p": params.top_p,
        "seed": params.seed,
        "max_tokens": params.max_tokens,
        "stop": list(params.stop) or None,
    }
    return {"temperature": params.temperature} | {
        k: v for k, v in optional.items() if v is not None
    }


class LlamaIndexChat:
    """A polypick backend that samples a LlamaIndex LLM (see the module docstring).

    Stateless: a request whose context is a :class:`Prompt` (one call of the LlamaIndex
    ``BestOfN``) reaches the LLM through that call's runner, and a request of stage ``sample``
    sends the caller's original messages and keyword arguments (or completion prompt) instead
    of its own, its response recorded in the prompt. Other requests (a judge's) are translated.

    Args:
        llm: any LlamaIndex LLM.
    """

    def __init__(self, llm: BaseLLM) -> None:
        self.llm = llm

    def __repr__(self) -> str:
        return f"LlamaIndexChat({type(self.llm).__name__}, model={self.llm.metadata.model_name!r})"

    @property
    def name(self) -> str:
        return f"llama_index:{self.llm.metadata.model_name}"

    def validate(self, params: SamplingParams) -> None:
        if params.min_p is not None:
            raise ConfigurationError(
                "min_p cannot be passed to a LlamaIndex LLM per call; drop it from the "
                "sampling plan, or set it on the LLM (e.g. additional_kwargs={'extra_body': "
                "{'min_p': 0.05}} for OpenAI-compatible servers)"
            )

    async def generate(self, request: ModelRequest) -> list[Completion]:
        call = request.context if isinstance(request.context, Prompt) else None
        runner = call.runner if call is not None else _ASYNC
        prompt = call if request.stage == "sample" else None
        try:
            response = await self._send(
                runner, prompt, request.messages, sampling_kwargs(request.params)
            )
        except Exception as exc:
            raise _provider_error(exc, self.name) from exc
        calls = tool_calls_of(self.llm, response) if isinstance(response, ChatResponse) else ()
        completion = completion_of(response, calls, self.name)
        if prompt is not None:
            prompt.record(request.params, completion, response)
        return [completion]

    async def _send(
        self,
        runner: Runner,
        prompt: Prompt | None,
        messages: Sequence[Message],
        sampling: dict[str, Any],
    ) -> Response:
        if prompt is None:
            return await runner.chat(self.llm, llama_messages(messages), sampling)
        kwargs = prompt.kwargs | sampling  # the plan's parameters win over the caller's
        if prompt.chat is None:
            return await runner.complete(self.llm, prompt.text, prompt.formatted, kwargs)
        return await runner.chat(self.llm, prompt.chat, kwargs)

    async def aclose(self) -> None:
        """Nothing to release: the LlamaIndex LLM owns its clients."""


_ASYNC = AsyncRunner()


def _provider_error(exc: Exception, provider: str) -> ProviderError:
    root = type(exc).__module__.partition(".")[0]
    if root in ("openai", "anthropic"):  # keep the status code and the server's message
        error = map_sdk_error(exc, sys.modules[root], provider)
    else:
        error = ProviderError(f"{type(exc).__name__}: {exc}", provider=provider)
    error.retryable = False  # the LLM's own retry layer has already run
    return error


def adapt(obj: Any) -> LlamaIndexChat | None:
    """A backend for a LlamaIndex LLM (the ``polypick.model_adapters`` entry point that lets
    ``polypick.BestOfN(llm=OpenAI(...))`` work); ``None`` for anything else."""
    return LlamaIndexChat(obj) if isinstance(obj, BaseLLM) else None
