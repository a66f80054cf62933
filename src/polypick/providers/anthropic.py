"""Anthropic's Messages API.

There is no ``n``: every sample is its own request. Temperatures run from 0 to 1. Sampling
parameters travel in the request body (``extra_body``) because recent SDKs dropped them from the
typed signature while the API still reads them; models that reject them take
``sampling_params=False``.

Prompt caching: the N requests of a call share their whole prompt. When it is long enough to be
cached (``cache_prompt=None`` guesses from its length; ``True``/``False`` decide), the prompt is
marked with ``cache_control`` and the first request goes alone — a cache entry only exists once a
response has begun — after which the others read the cached prefix at a tenth of the price.
"""

from __future__ import annotations

import asyncio
import os
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import anthropic
import pydantic
from anthropic.types import Message as ResponseMessage
from anthropic.types import TextBlock

from polypick.core.protocol import ModelRequest
from polypick.core.redact import remember_secret
from polypick.core.types import Completion, Message, SamplingParams, Step, Usage
from polypick.errors import ConfigurationError, InvalidResponseError, MissingAPIKeyError
from polypick.providers._inputs import check_encodable, check_timeout
from polypick.providers._loop_local import LoopLocal
from polypick.providers._urls import without_credentials
from polypick.providers.sdk_errors import check_answer, map_sdk_error, whole_request

if TYPE_CHECKING:
    from polypick.core.batching import BatchBackend
    from polypick.core.retry import RetryPolicy

__all__ = ["AnthropicChat"]

MAX_TEMPERATURE = 1.0
# Anthropic caches prompts of at least 1024 tokens (more on some models); ~4 characters a token.
CACHE_MIN_CHARS = 4 * 1024
_FINISH = {"end_turn": "stop", "stop_sequence": "stop", "max_tokens": "length"}
_WARM_KEYS = 256


class AnthropicChat:
    """A Claude model behind the Anthropic Messages API.

    Args:
        model: e.g. ``claude-sonnet-4-6``.
        api_key: defaults to ``ANTHROPIC_API_KEY``.
        base_url: another endpoint speaking the Messages API.
        timeout: seconds allowed for one request, from sending it to the end of the answer.
        max_tokens: reply budget when the sampling plan sets none (the API requires one).
        max_concurrency: most requests in flight at once, per event loop.
        sampling_params: send temperature and top_p; ``False`` for models that reject them.
        cache_prompt: mark the shared prompt for caching (``None``: when it is long enough).
    """

    def __init__(
        self,
        model: str,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float = 120.0,
        max_tokens: int = 1024,
        max_concurrency: int = 16,
        sampling_params: bool = True,
        cache_prompt: bool | None = None,
    ) -> None:
        if not model:
            raise ConfigurationError("AnthropicChat needs a model name, e.g. 'claude-sonnet-4-6'")
        if max_concurrency < 1 or max_tokens < 1:
            raise ConfigurationError("max_concurrency and max_tokens must be >= 1")
        timeout = check_timeout(timeout, "AnthropicChat")
        key = api_key or os.environ.get("ANTHROPIC_API_KEY")
        if not key:
            raise MissingAPIKeyError("Anthropic", "ANTHROPIC_API_KEY")
        remember_secret(key)  # never shown
        self.model = model
        self.base_url = base_url
        self.timeout = timeout
        self.max_tokens = max_tokens
        self.sampling_params = sampling_params
        self.cache_prompt = cache_prompt
        self._api_key = key
        self._clients: LoopLocal[anthropic.AsyncAnthropic] = LoopLocal(self._new_client)
        self._limits = LoopLocal(lambda: asyncio.Semaphore(max_concurrency))
        self._warm: LoopLocal[OrderedDict[str, asyncio.Event]] = LoopLocal(OrderedDict)

    @classmethod
    def from_spec(cls, model: str) -> AnthropicChat:
        return cls(model=model)

    def __repr__(self) -> str:
        return f"AnthropicChat(model={self.model!r})"

    @property
    def name(self) -> str:
        return f"anthropic:{self.model}"

    def validate(self, params: SamplingParams) -> None:
        if params.temperature > MAX_TEMPERATURE:
            raise ConfigurationError(
                f"temperature {params.temperature:g} is above Anthropic's maximum of 1.0; "
                "use a temperature between 0 and 1"
            )
        if params.min_p is not None:
            raise ConfigurationError("Anthropic has no min_p; leave min_p unset for this model")

    def _new_client(self) -> anthropic.AsyncAnthropic:
        # max_retries=0: the core's retry layer is the only one.
        return anthropic.AsyncAnthropic(
            api_key=self._api_key, base_url=self.base_url, timeout=self.timeout, max_retries=0
        )

    def client(self) -> anthropic.AsyncAnthropic:
        """The SDK client of the running event loop, the one :meth:`generate` uses (for other
        endpoints of the same API, e.g. batches); :meth:`aclose` closes it."""
        return self._clients.get()

    async def aclose(self) -> None:
        await self._clients.close(lambda client: client.close())

    @property
    def prompt_caching(self) -> bool:
        """Long shared prompts are cached (see the module); ``cache_prompt=False`` turns it off."""
        return self.cache_prompt is not False

    def cache_identity(self) -> dict[str, Any]:
        """The model, the endpoint and the settings that shape replies (never the key)."""
        return {
            "model": self.model,
            "base_url": without_credentials(self.base_url),
            "max_tokens": self.max_tokens,
            "sampling_params": self.sampling_params,
        }

    def batches(self, policy: RetryPolicy) -> BatchBackend:
        """Anthropic's Message Batches for this model, over its own connection settings."""
        from polypick.providers.anthropic_batch import AnthropicBatch

        return AnthropicBatch(self, policy)

    async def continue_answer(self, request: ModelRequest, partial: str) -> Step:
        """Assistant prefill: the partial answer as the last (assistant) message."""
        from polypick.providers._continuation import continue_anthropic

        return await continue_anthropic(self, request, partial)

    async def generate(self, request: ModelRequest) -> list[Completion]:
        """One request; a JSON schema is left to the prompt (the caller parses the reply)."""
        messages, params = request.messages, request.params
        if not self.caches_prompt(messages):
            return [await self._complete(self.request_body(messages, params, cache=False))]
        body = self.request_body(messages, params, cache=True)
        key = repr([(m.role, m.content) for m in messages])
        warm = self._warm.get()
        ready = warm.get(key)
        if ready is None:  # the first request for this prompt writes the cache, alone
            ready = warm[key] = asyncio.Event()
            while len(warm) > _WARM_KEYS:
                warm.popitem(last=False)
            try:
                return [await self._complete(body)]
            finally:
                ready.set()
        await ready.wait()
        return [await self._complete(body)]

    def caches_prompt(self, messages: Sequence[Message]) -> bool:
        """Whether requests for ``messages`` mark their prompt for caching (see the module)."""
        if self.cache_prompt is not None:
            return self.cache_prompt
        return sum(len(m.content) for m in messages) >= CACHE_MIN_CHARS

    async def _complete(self, body: Mapping[str, Any]) -> Completion:
        return self.parse_response(await self.send(body))

    async def send(self, body: Mapping[str, Any]) -> ResponseMessage:
        """Send a request body (from :meth:`request_body`, possibly adjusted) under this
        model's concurrency limit and within its timeout, SDK errors mapped to
        :class:`ProviderError` (no retry), an error in an HTTP 200 body too.

        Raises:
            ConfigurationError: for text that cannot be sent (a lone surrogate), before sending.
        """
        check_encodable(body, self.name)
        # The SDK merges ``extra_body`` into the JSON it sends, so the body goes out as built.
        fields = dict(body)
        model, turns, max_tokens = (fields.pop(k) for k in ("model", "messages", "max_tokens"))
        async with self._limits.get():
            try:
                response = await whole_request(
                    self._clients.get().messages.create(
                        model=model, messages=turns, max_tokens=max_tokens, extra_body=fields
                    ),
                    self.timeout,
                    self.name,
                )
            except (anthropic.AnthropicError, ValueError) as exc:  # ValueError: a malformed body
                raise map_sdk_error(exc, anthropic, self.name) from exc
        check_answer(response, "content", self.name)
        return response

    def request_body(
        self, messages: Sequence[Message], params: SamplingParams, *, cache: bool | None = None
    ) -> dict[str, Any]:
        """The JSON body of the Messages API request :meth:`generate` sends for ``messages``
        (also what a Message Batch request carries). ``cache`` marks the prompt for caching;
        ``None`` decides as :meth:`generate` does (:meth:`caches_prompt`)."""
        system = "\n\n".join(m.content for m in messages if m.role == "system")
        turns: list[dict[str, Any]] = [
            {"role": m.role, "content": m.content} for m in messages if m.role != "system"
        ]
        if cache is None:
            cache = self.caches_prompt(messages)
        if cache:  # cache everything up to and including the last turn
            last = turns[-1]
            last["content"] = [
                {"type": "text", "text": last["content"], "cache_control": {"type": "ephemeral"}}
            ]
        body: dict[str, Any] = {
            "model": self.model,
            "messages": turns,
            "max_tokens": params.max_tokens or self.max_tokens,
        }
        if system:
            body["system"] = system
        if params.stop:
            body["stop_sequences"] = list(params.stop)
        if self.sampling_params:
            body["temperature"] = params.temperature
            if params.top_p is not None:
                body["top_p"] = params.top_p
        return body

    def parse_response(self, response: ResponseMessage | Mapping[str, Any]) -> Completion:
        """The completion in a Messages API response (the SDK's object or the JSON body).

        Raises:
            InvalidResponseError: when the response is unreadable or has no text (not
                retryable: the same request would most likely get the same answer).
        """
        if isinstance(response, Mapping):
            try:
                response = ResponseMessage.model_validate(response)
            except pydantic.ValidationError as exc:
                why = f"unreadable response ({exc})"
                raise InvalidResponseError(why, provider=self.name) from exc
        text = "".join(b.text for b in response.content if isinstance(b, TextBlock))
        if not text:
            refused = response.stop_reason == "refusal"
            why = "the model refused, with no text" if refused else "the response has no text"
            raise InvalidResponseError(why, provider=self.name)
        u = response.usage
        prompt_tokens = (
            u.input_tokens + (u.cache_creation_input_tokens or 0) + (u.cache_read_input_tokens or 0)
        )
        stop = response.stop_reason or None
        return Completion(
            text=text,
            finish_reason=_FINISH.get(stop, stop) if stop else None,
            usage=Usage(prompt_tokens=prompt_tokens, completion_tokens=u.output_tokens),
            model=response.model,
        )
