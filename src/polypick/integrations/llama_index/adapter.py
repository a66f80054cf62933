"""polypick's :class:`~polypick.ChatModel` over any LlamaIndex LLM.

Importing this module registers the adapter, so the core's ``BestOfN(llm=..., judge=...)``
accepts LlamaIndex LLMs; the core imports it the first time it sees one.

Policies:

- **Sampling parameters** travel as keyword arguments of each call, LlamaIndex's convention,
  which its OpenAI-compatible and Anthropic LLMs put into the request: ``temperature`` always;
  ``top_p``, ``seed``, ``max_tokens`` and ``stop`` when the plan sets them. ``min_p`` has no
  such keyword and is rejected before any request.
- **Retries**: LlamaIndex LLMs run their own retry layer (``max_retries``), so polypick never
  retries their errors: each failure becomes a failed sample, and a request is retried by one
  layer only.
- **One completion per request** (``max_n == 1``): LlamaIndex has no ``n``; the core sends the
  samples concurrently.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import Any

from llama_index.core.base.llms.base import BaseLLM
from llama_index.core.base.llms.types import ChatResponse

from polypick.core.types import Completion, Message, SamplingParams
from polypick.errors import ConfigurationError, ProviderError
from polypick.integrations.llama_index._call import AsyncRunner, Prompt, Runner
from polypick.integrations.llama_index._convert import (
    Response,
    completion_of,
    llama_messages,
    tool_calls_of,
)
from polypick.providers import register_adapter
from polypick.providers._sdk_errors import map_sdk_error

__all__ = ["LlamaIndexChat", "sampling_kwargs"]


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

    Args:
        llm: any LlamaIndex LLM.
        runner: how requests reach it; by default its async endpoints on the running loop.
        prompt: one call's original input: a request for exactly its messages sends the
            caller's original messages and keyword arguments (or completion prompt) instead,
            and its response is recorded there. Other requests (a judge's) are translated.
    """

    max_n = 1

    def __init__(
        self, llm: BaseLLM, *, runner: Runner | None = None, prompt: Prompt | None = None
    ) -> None:
        self.llm = llm
        self._runner: Runner = runner or AsyncRunner()
        self._prompt = prompt

    def __repr__(self) -> str:
        return f"LlamaIndexChat({type(self.llm).__name__}, model={self.llm.metadata.model_name!r})"

    @property
    def name(self) -> str:
        return f"llama_index:{self.llm.metadata.model_name}"

    def bind(self, runner: Runner, prompt: Prompt | None = None) -> LlamaIndexChat:
        """This backend for one call: sent through ``runner``, answering ``prompt``."""
        return LlamaIndexChat(self.llm, runner=runner, prompt=prompt)

    def validate(self, params: SamplingParams) -> None:
        if params.min_p is not None:
            raise ConfigurationError(
                "min_p cannot be passed to a LlamaIndex LLM per call; drop it from the "
                "sampling plan, or set it on the LLM (e.g. additional_kwargs={'extra_body': "
                "{'min_p': 0.05}} for OpenAI-compatible servers)"
            )

    async def generate(
        self,
        messages: Sequence[Message],
        params: SamplingParams,
        n: int = 1,
        *,
        json_schema: Mapping[str, Any] | None = None,
    ) -> list[Completion]:
        prompt = self._prompt if self._prompt and tuple(messages) == self._prompt.messages else None
        try:
            response = await self._send(prompt, messages, sampling_kwargs(params))
        except Exception as exc:
            raise _provider_error(exc, self.name) from exc
        calls = tool_calls_of(self.llm, response) if isinstance(response, ChatResponse) else ()
        completion = completion_of(response, calls, self.name)
        if prompt is not None:
            prompt.record(params, completion, response)
        return [completion]

    async def _send(
        self, prompt: Prompt | None, messages: Sequence[Message], sampling: dict[str, Any]
    ) -> Response:
        if prompt is None:
            return await self._runner.chat(self.llm, llama_messages(messages), sampling)
        kwargs = prompt.kwargs | sampling  # the plan's parameters win over the caller's
        if prompt.chat is None:
            return await self._runner.complete(self.llm, prompt.text, prompt.formatted, kwargs)
        return await self._runner.chat(self.llm, prompt.chat, kwargs)

    async def aclose(self) -> None:
        """Nothing to release: the LlamaIndex LLM owns its clients."""


def _provider_error(exc: Exception, provider: str) -> ProviderError:
    root = type(exc).__module__.partition(".")[0]
    if root in ("openai", "anthropic"):  # keep the status code and the server's message
        error = map_sdk_error(exc, sys.modules[root], provider)
    else:
        error = ProviderError(f"{type(exc).__name__}: {exc}", provider=provider)
    error.retryable = False  # the LLM's own retry layer has already run
    return error


def _adapt(obj: Any) -> LlamaIndexChat | None:
    return LlamaIndexChat(obj) if isinstance(obj, BaseLLM) else None


register_adapter(_adapt)
