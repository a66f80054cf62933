"""Any OpenAI-compatible chat server: OpenAI, vLLM, SGLang, Ollama, llama.cpp, LM Studio.

One request asks for all samples that share their parameters with ``n``; servers that ignore
``n`` (llama-cpp-python, Ollama, LM Studio) return one choice and the core asks again for the
rest, and servers that reject ``n`` (llama.cpp's ``llama-server``) get one request per sample.
Either way the provider remembers what it learnt, so later calls fan out from the start.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

import openai
import openai.resources.chat  # imported now rather than on first use: see _new_client
import pydantic
from openai.types.chat import ChatCompletion
from openai.types.chat.chat_completion import Choice

from polypick.core.protocol import ModelRequest
from polypick.core.redact import remember_secret
from polypick.core.types import Completion, SamplingParams, Step, ToolCall, Usage
from polypick.core.usage import split_usage
from polypick.errors import (
    ConfigurationError,
    InvalidResponseError,
    MissingAPIKeyError,
    ProviderStatusError,
)
from polypick.providers._inputs import check_encodable, check_timeout
from polypick.providers._loop_local import LoopLocal
from polypick.providers._urls import without_credentials
from polypick.providers.n_support import refuses_n
from polypick.providers.sdk_errors import check_answer, map_sdk_error, whole_request

if TYPE_CHECKING:
    from polypick.core.batching import BatchBackend
    from polypick.core.retry import RetryPolicy

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
        timeout: seconds allowed for one request, from sending it to the end of the answer.
        max_concurrency: most requests in flight at once, per event loop.
        n_support: ``True`` to always send ``n``, ``False`` never; ``None`` learns it: a
            server that answers a request for several choices with exactly one ignores ``n``,
            and one that refuses it in an error about ``n`` (then answers ``n=1``) rejects it.
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
        timeout = check_timeout(timeout, "OpenAIChat")
        key = api_key or os.environ.get("OPENAI_API_KEY")
        if not key:
            if base_url is None and not os.environ.get("OPENAI_BASE_URL"):
                raise MissingAPIKeyError("OpenAI", "OPENAI_API_KEY")
            key = "not-needed"  # local servers accept any key, but the SDK insists on one
        remember_secret(api_key or os.environ.get("OPENAI_API_KEY"))  # never shown
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

    def client(self) -> openai.AsyncOpenAI:
        """The SDK client of the running event loop, the one :meth:`generate` uses (for other
        endpoints of the same API, e.g. batches); :meth:`aclose` closes it."""
        return self._clients.get()

    async def aclose(self) -> None:
        await self._clients.close(lambda client: client.close())

    def cache_identity(self) -> dict[str, Any]:
        """The model, the server (never credentials) and the settings that shape replies."""
        identity: dict[str, Any] = {
            "model": self.model,
            "base_url": without_credentials(self.base_url),
        }
        if self.extra_body:
            identity["extra_body"] = self.extra_body
        if self.structured_output:
            identity["structured_output"] = True
        return identity

    def batches(self, policy: RetryPolicy) -> BatchBackend:
        """OpenAI's Batch API for this model, over its own connection settings."""
        from polypick.providers.openai_batch import OpenAIBatch

        return OpenAIBatch(self, policy)

    async def continue_answer(self, request: ModelRequest, partial: str) -> Step:
        """Assistant-prefix continuation: the partial answer as the last assistant message with
        vLLM's ``continue_final_message`` (vLLM, SGLang); servers without it answer afresh."""
        from polypick.providers._continuation import continue_openai

        return await continue_openai(self, request, partial)

    async def generate(self, request: ModelRequest) -> list[Completion]:
        n = min(request.n, self.max_n)
        request = request if n == request.n else request.replace(n=n)
        try:
            response = await self.send(self.request_body(request))
        except ProviderStatusError as exc:
            if n == 1 or self.n_support is not None or not refuses_n(exc):
                raise
            # A server that rejects ``n`` (llama.cpp's llama-server): ask for one, and learn it
            # once that is answered (a request refused for another reason teaches nothing).
            response = await self.send(self.request_body(request.replace(n=1)))
            self.n_support = False
        # A server that ignores ``n`` answers with exactly one choice; one that honours it but
        # drops a choice (a filtered completion, say) still sends several, and keeps ``n``.
        if n > 1 and len(response.choices) == 1 and self.n_support is None:
            self.n_support = False
        return self.parse_response(response, n)

    async def send(self, body: Mapping[str, Any]) -> ChatCompletion:
        """Send a request body (from :meth:`request_body`, possibly adjusted) under this
        model's concurrency limit and within its timeout, SDK errors mapped to
        :class:`ProviderError` (no retry), an error in an HTTP 200 body too.

        Raises:
            ConfigurationError: for text that cannot be sent (a lone surrogate), before sending.
        """
        check_encodable(body, self.name)
        # The SDK merges ``extra_body`` into the JSON it sends, so the body goes out as built.
        fields = dict(body)
        model, messages = fields.pop("model"), fields.pop("messages")
        async with self._limits.get():
            try:
                response: ChatCompletion = await whole_request(
                    self._clients.get().chat.completions.create(
                        model=model, messages=messages, extra_body=fields
                    ),
                    self.timeout,
                    self.name,
                )
            except (openai.OpenAIError, ValueError) as exc:  # ValueError: a malformed body
                raise map_sdk_error(exc, openai, self.name) from exc
        check_answer(response, "choices", self.name)
        return response

    def request_body(self, request: ModelRequest) -> dict[str, Any]:
        """The JSON body :meth:`generate` sends for ``request`` (also what a Batch API line
        carries): ``extra_body`` and ``min_p`` merged in, and the JSON schema as
        ``response_format`` when ``structured_output`` is on."""
        messages, params, n, json_schema = (
            request.messages,
            request.params,
            request.n,
            request.json_schema,
        )
        body: dict[str, Any] = {
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
        body.update({k: v for k, v in optional.items() if v is not None})
        if json_schema is not None and self.structured_output:
            schema = {"name": "reply", "schema": dict(json_schema)}
            body["response_format"] = {"type": "json_schema", "json_schema": schema}
        body.update(self.extra_body)
        if params.min_p is not None:
            body["min_p"] = params.min_p  # vLLM, SGLang and llama.cpp read it from the body
        return body

    def parse_response(
        self, response: ChatCompletion | Mapping[str, Any], n: int | None = None
    ) -> list[Completion]:
        """The completions in a Chat Completions response (the SDK's object or the JSON body),
        from its first ``n`` choices (all when ``None``).

        A choice's tool calls become ``Completion.tool_calls`` (its text may then be empty).
        Choices with neither text nor tool calls, or with a tool call that cannot be read
        (arguments that are not a JSON object, custom tools), are left out; the tokens billed
        for them stay on the first completion kept.

        Raises:
            InvalidResponseError: when no choice is usable.
        """
        if isinstance(response, Mapping):
            try:
                response = ChatCompletion.model_validate(response)
            except pydantic.ValidationError as exc:
                why = f"unreadable response ({exc})"
                raise InvalidResponseError(why, provider=self.name) from exc
        choices = sorted(response.choices, key=lambda c: c.index)[:n]
        if not choices:
            raise InvalidResponseError("the response has no choices", provider=self.name)
        usage = response.usage
        shares = split_usage(
            usage.prompt_tokens if usage else 0,
            usage.completion_tokens if usage else 0,
            len(choices),
        )
        pairs = zip(choices, shares, strict=True)
        read = [(_completion(choice, share, response.model), share) for choice, share in pairs]
        completions = [completion for completion, _ in read if completion is not None]
        if not completions:
            if not any(choice.message.tool_calls for choice in choices):
                raise InvalidResponseError("the server returned empty content", provider=self.name)
            why = "no choice has readable tool calls (arguments must be JSON objects)"
            error = InvalidResponseError(why, provider=self.name)
            error.retryable = True  # another sample may well be readable
            raise error
        # tokens billed for unusable choices stay on the first usable one
        unclaimed = sum((share for completion, share in read if completion is None), Usage())
        first = completions[0]
        completions[0] = first.model_copy(update={"usage": first.usage + unclaimed})
        return completions


def _completion(choice: Choice, usage: Usage, model: str) -> Completion | None:
    """One choice as a completion; ``None`` when it has nothing usable."""
    message = choice.message
    text, finish = message.content, cast("str | None", choice.finish_reason)
    if text is None and message.refusal:
        text, finish = message.refusal, "refusal"
    calls = _tool_calls(message.tool_calls or ())
    if calls is None or not (text or calls):
        return None
    return Completion(
        text=text or "", tool_calls=calls, finish_reason=finish, usage=usage, model=model
    )


def _tool_calls(calls: Sequence[Any]) -> tuple[ToolCall, ...] | None:
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
