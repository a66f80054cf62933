"""Any OpenAI-compatible chat server: OpenAI, vLLM, SGLang, Ollama, llama.cpp, LM Studio.

One request asks for all samples that share their parameters with ``n``; servers that ignore
``n`` (llama-cpp-python, Ollama, LM Studio) return one choice and the core asks again for the
rest, and servers that reject ``n`` (llama.cpp's ``llama-server``) get one request per sample.
Either way the provider remembers what it learnt, so later calls fan out from the start.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Mapping, Sequence
from typing import Any

import openai
import openai.resources.chat  # imported now rather than on first use: see _new_client

from polypick.core.types import Completion, Message, SamplingParams, Usage
from polypick.core.usage import split_usage
from polypick.errors import (
    ConfigurationError,
    InvalidResponseError,
    MissingAPIKeyError,
    ProviderStatusError,
)
from polypick.providers._loop_local import LoopLocal
from polypick.providers._sdk_errors import map_sdk_error

__all__ = ["OpenAIChat"]

# OpenAI's own limit; other servers may allow more, but nobody samples this many at once.
MAX_N = 128
MAX_TEMPERATURE = 2.0


class OpenAIChat:
    """A chat model behind the OpenAI Chat Completions API.

    Args:
        model: the model name the server knows.
        base_url: the server, e.g. ``http://localhost:8000/v1``; OpenAI when omitted.
        api_key: defaults to ``OPENAI_API_KEY``; servers on a ``base_url`` may need none.
        timeout: seconds allowed for one request.
        max_concurrency: most requests in flight at once, per event loop.
        n_support: ``True`` to always send ``n``, ``False`` never; ``None`` learns it from the
            number of choices the server returns.
        extra_body: extra JSON fields for every request (server-specific options).
        structured_output: send ``response_format`` JSON schemas (judge replies); defaults to
            on for OpenAI itself and off for other servers, which support it unevenly.
    """

    def __init__(
        self,
        model: str,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = 120.0,
        max_concurrency: int = 16,
        n_support: bool | None = None,
        extra_body: dict[str, Any] | None = None,
        structured_output: bool | None = None,
    ) -> None:
        if not model:
            raise ConfigurationError("OpenAIChat needs a model name, e.g. 'gpt-4o-mini'")
        if max_concurrency < 1:
            raise ConfigurationError("max_concurrency must be >= 1")
        key = api_key or os.environ.get("OPENAI_API_KEY")
        if not key:
            if base_url is None and not os.environ.get("OPENAI_BASE_URL"):
                raise MissingAPIKeyError("OpenAI", "OPENAI_API_KEY")
            key = "not-needed"  # local servers accept any key, but the SDK insists on one
        self.model = model
        self.base_url = base_url
        self.timeout = timeout
        self.max_concurrency = max_concurrency
        self.n_support = n_support
        self.extra_body = dict(extra_body or {})
        self.structured_output = (
            base_url is None if structured_output is None else structured_output
        )
        self._api_key = key
        self._clients: LoopLocal[openai.AsyncOpenAI] = LoopLocal(self._new_client)
        self._limits = LoopLocal(lambda: asyncio.Semaphore(max_concurrency))

    @classmethod
    def from_spec(cls, model: str) -> OpenAIChat:
        return cls(model=model)

    def __repr__(self) -> str:
        where = f", base_url={self.base_url!r}" if self.base_url else ""
        return f"OpenAIChat(model={self.model!r}{where})"

    @property
    def name(self) -> str:
        return f"openai:{self.model}"

    @property
    def max_n(self) -> int:
        return 1 if self.n_support is False else MAX_N

    def validate(self, params: SamplingParams) -> None:
        if params.temperature > MAX_TEMPERATURE:
            raise ConfigurationError(
                f"temperature {params.temperature:g} is above OpenAI's maximum of "
                f"{MAX_TEMPERATURE:g}; use a temperature between 0 and 2"
            )

    def _new_client(self) -> openai.AsyncOpenAI:
        # max_retries=0: the core's retry layer is the only one. The SDK would import
        # ``client.chat`` on first use, half a second of work on the event loop that would stall
        # every call in flight and eat the first call's deadline; this module imports it up front.
        return openai.AsyncOpenAI(
            api_key=self._api_key, base_url=self.base_url, timeout=self.timeout, max_retries=0
        )

    async def aclose(self) -> None:
        await self._clients.close(lambda client: client.close())

    async def generate(
        self,
        messages: Sequence[Message],
        params: SamplingParams,
        n: int = 1,
        *,
        json_schema: Mapping[str, Any] | None = None,
    ) -> list[Completion]:
        n = min(n, self.max_n)
        schema = json_schema if self.structured_output else None
        try:
            response = await self._create(messages, params, n, schema)
        except ProviderStatusError as exc:
            if n == 1 or self.n_support is not None or exc.status_code not in (400, 422):
                raise
            # A server that rejects ``n`` (llama.cpp's llama-server): learn it and ask for one.
            self.n_support = False
            response = await self._create(messages, params, 1, schema)
        if n > 1 and len(response.choices) < n and self.n_support is None:
            self.n_support = False
        return self._completions(response, n)

    async def _create(
        self,
        messages: Sequence[Message],
        params: SamplingParams,
        n: int,
        schema: Mapping[str, Any] | None,
    ) -> openai.types.chat.ChatCompletion:
        request = self._request(messages, params, n)
        if schema is not None:
            request["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "reply", "schema": dict(schema)},
            }
        async with self._limits.get():
            try:
                response: openai.types.chat.ChatCompletion
                response = await self._clients.get().chat.completions.create(**request)
                return response
            except (openai.OpenAIError, ValueError) as exc:  # ValueError: a malformed body
                raise map_sdk_error(exc, openai, self.name) from exc

    def _request(
        self, messages: Sequence[Message], params: SamplingParams, n: int
    ) -> dict[str, Any]:
        request: dict[str, Any] = {
            "model": self.model,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "temperature": params.temperature,
        }
        optional = {
            "n": n if n > 1 else None,
            "top_p": params.top_p,
            "seed": params.seed,
            "max_tokens": params.max_tokens,
            "stop": list(params.stop) or None,
        }
        request.update({k: v for k, v in optional.items() if v is not None})
        extra = dict(self.extra_body)
        if params.min_p is not None:
            extra["min_p"] = params.min_p  # vLLM, SGLang and llama.cpp read it from the body
        if extra:
            request["extra_body"] = extra
        return request

    def _completions(self, response: openai.types.chat.ChatCompletion, n: int) -> list[Completion]:
        choices = sorted(response.choices, key=lambda c: c.index)[:n]
        if not choices:
            raise InvalidResponseError("the response has no choices", provider=self.name)
        usage = response.usage
        shares = split_usage(
            usage.prompt_tokens if usage else 0,
            usage.completion_tokens if usage else 0,
            len(choices),
        )
        completions: list[Completion] = []
        unclaimed = Usage()  # tokens billed for empty choices, kept on the first real one
        for choice, share in zip(choices, shares, strict=True):
            text = choice.message.content
            finish: str | None = choice.finish_reason
            if text is None and getattr(choice.message, "refusal", None):
                text, finish = choice.message.refusal, "refusal"
            if not text:
                unclaimed = unclaimed + share
                continue
            completions.append(
                Completion(text=text, finish_reason=finish, usage=share, model=response.model)
            )
        if not completions:
            raise InvalidResponseError("the server returned empty content", provider=self.name)
        first = completions[0]
        completions[0] = first.model_copy(update={"usage": first.usage + unclaimed})
        return completions
