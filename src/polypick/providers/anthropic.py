"""Anthropic's Messages API.

There is no ``n``: every sample is its own request. Temperatures run from 0 to 1. Sampling
parameters travel in the request body (``extra_body``) because recent SDKs dropped them from the
typed signature while the API still reads them; models that reject them (Claude Opus 4.7 and
later) have a profile that leaves them out, and ``sampling_params=False`` does so for any model.

Thinking (``thinking=True``, or a sample whose plan gives a ``reasoning_effort``) takes the form
the model's :class:`~polypick.providers.model_profiles.ModelProfile` says: a ``budget_tokens``
(Claude 4.5 and earlier; the effort picks the budget) or ``adaptive`` with ``output_config.effort``
(Claude 4.6 and later). While thinking, the temperature stays at 1 and ``top_p`` within 0.95-1;
``max_tokens`` is the answer's allowance and thinking gets room on top. Thinking blocks never
become the answer's text: they are kept as the completion's ``reasoning`` (and, signatures
intact, ``reasoning_blocks``), and thinking tokens are counted in ``usage.reasoning_tokens``. A
400 that names a parameter or thinking form the model refuses teaches its profile, as for
:class:`~polypick.providers.OpenAIChat`.

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
from typing import TYPE_CHECKING, Any, Literal

import anthropic
import pydantic
from anthropic.types import Message as ResponseMessage
from anthropic.types import RedactedThinkingBlock, TextBlock, ThinkingBlock, ToolUseBlock

from polypick.core.protocol import ModelRequest
from polypick.core.redact import remember_secret
from polypick.core.types import Completion, Message, SamplingParams, Step, ToolCall, Usage
from polypick.errors import ConfigurationError, InvalidResponseError, MissingAPIKeyError
from polypick.providers._inputs import check_encodable, check_timeout
from polypick.providers._loop_local import LoopLocal
from polypick.providers._profiled import ProfileState, send_adapting
from polypick.providers._sdk_models import http_answer, read_model
from polypick.providers._urls import without_credentials
from polypick.providers.model_profiles import ModelProfile
from polypick.providers.sdk_errors import sdk_call

if TYPE_CHECKING:
    from polypick.core.batching import BatchBackend
    from polypick.core.retry import RetryPolicy
    from polypick.core.sampling import SamplingPlan

__all__ = ["AnthropicChat"]

ANTHROPIC = "https://api.anthropic.com"
# Anthropic caches prompts of at least 1024 tokens (more on some models); ~4 characters a token.
CACHE_MIN_CHARS = 4 * 1024
_FINISH = {
    "end_turn": "stop",
    "stop_sequence": "stop",
    "max_tokens": "length",
    "tool_use": "tool_calls",
}
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
        thinking: ``True`` to think on every request (at the plan's ``reasoning_effort``, else
            the model's default), a number for that ``budget_tokens`` (budget models), or
            ``None``: only samples whose plan gives an effort think.
        thinking_display: ``"summarized"`` or ``"omitted"`` thinking text (``None``: the
            model's default; Opus 4.7 omits it unless asked).
        extra_body: extra JSON fields for every request (``tools``, ``tool_choice`` ...).
        profile: what the model accepts (a :class:`ModelProfile`, or fields to change in the
            one resolved from the model's name); wins over what errors teach.
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
        thinking: bool | int | None = None,
        thinking_display: Literal["summarized", "omitted"] | None = None,
        extra_body: dict[str, Any] | None = None,
        profile: ModelProfile | dict[str, Any] | None = None,
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
        self.thinking = thinking
        self.thinking_display = thinking_display
        self.extra_body = dict(extra_body or {})
        self._profiles = ProfileState(
            "anthropic",
            model,
            without_credentials(base_url) or ANTHROPIC,
            hosted=base_url is None,
            overrides=profile,
        )
        from polypick.providers._thinking import check_thinking

        check_thinking(self.name, self.profile, thinking, self.extra_body)
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

    @property
    def profile(self) -> ModelProfile:
        """What the model accepts now: its table entry, what errors taught, this object's
        ``profile=`` (which wins)."""
        return self._profiles.current

    def thinks(self, params: SamplingParams) -> bool:
        """Whether a request with ``params`` asks the model to think."""
        from polypick.providers._thinking import thinks

        return thinks(self.profile, self.thinking, params.reasoning_effort)

    def validate(self, params: SamplingParams) -> None:
        """Refuse, before anything is sent, what the model cannot take: temperatures outside
        0-1 (or any but 1 while thinking), min_p, efforts it lacks."""
        from polypick.providers._thinking import check_params

        check_params(self.name, self.profile, params, self.thinks(params), self.extra_body)

    def default_sampling(self) -> SamplingPlan | None:
        """With ``thinking=True`` (the temperature then stays at 1), a
        :class:`~polypick.core.reasoning.Reasoning` plan over the model's efforts; else
        ``None`` (hedged sampling)."""
        from polypick.providers._thinking import thinking_plan

        return thinking_plan(self.profile, self.thinking)

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
        identity: dict[str, Any] = {
            "model": self.model,
            "base_url": without_credentials(self.base_url),
            "max_tokens": self.max_tokens,
            "sampling_params": self.sampling_params,
        }
        if self.thinking is not None:
            identity["thinking"] = self.thinking
        if self.extra_body:
            identity["extra_body"] = self.extra_body
        return identity

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
            return [await self._complete(messages, params, cache=False)]
        key = repr([(m.role, m.content) for m in messages])
        warm = self._warm.get()
        ready = warm.get(key)
        if ready is None:  # the first request for this prompt writes the cache, alone
            ready = warm[key] = asyncio.Event()
            while len(warm) > _WARM_KEYS:
                warm.popitem(last=False)
            try:
                return [await self._complete(messages, params, cache=True)]
            finally:
                ready.set()
        await ready.wait()
        return [await self._complete(messages, params, cache=True)]

    def caches_prompt(self, messages: Sequence[Message]) -> bool:
        """Whether requests for ``messages`` mark their prompt for caching (see the module)."""
        if self.cache_prompt is not None:
            return self.cache_prompt
        return sum(len(m.content) for m in messages) >= CACHE_MIN_CHARS

    async def _complete(
        self, messages: Sequence[Message], params: SamplingParams, *, cache: bool
    ) -> Completion:
        """Send the request; a 400 naming a parameter or thinking form the model refuses
        teaches its profile and the request goes again (see :class:`OpenAIChat`)."""
        _, response = await send_adapting(
            self._profiles,
            lambda: self.request_body(messages, params, cache=cache),
            self.send,
            lambda body: "thinking" in body,
        )
        return self.parse_response(response)

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
            raw = http_answer(
                self._clients.get().messages.with_raw_response.create(
                    model=model, messages=turns, max_tokens=max_tokens, extra_body=fields
                )
            )
            response: ResponseMessage = await sdk_call(
                read_model(raw, ResponseMessage),
                anthropic,
                anthropic.AnthropicError,
                timeout=self.timeout,
                provider=self.name,
                answer_field="content",
            )
            return response

    def request_body(
        self,
        messages: Sequence[Message],
        params: SamplingParams,
        *,
        cache: bool | None = None,
        think: bool | None = None,
    ) -> dict[str, Any]:
        """The JSON body of the Messages API request :meth:`generate` sends for ``messages``
        (also what a Message Batch request carries). ``cache`` marks the prompt for caching;
        ``None`` decides as :meth:`generate` does (:meth:`caches_prompt`). ``think=False``
        leaves thinking out (a continuation); ``None`` decides as :meth:`thinks` does."""
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
        from polypick.providers._thinking import thinking_fields

        profile = self.profile
        thinking = self.thinks(params) if think is None else think and self.thinks(params)
        fields, room = (
            thinking_fields(profile, self.thinking, params, self.thinking_display)
            if thinking
            else ({}, 0)
        )
        body: dict[str, Any] = {
            "model": self.model,
            "messages": turns,
            "max_tokens": (params.max_tokens or self.max_tokens) + room,
        }
        if system:
            body["system"] = system
        if params.stop:
            body["stop_sequences"] = list(params.stop)
        rules = (profile.reasoning_sampling or profile.sampling) if thinking else profile.sampling
        if self.sampling_params and rules.temperature is not None:
            body["temperature"] = params.temperature
        if self.sampling_params and params.top_p is not None and rules.top_p is not None:
            body["top_p"] = params.top_p
        body.update(fields)
        body.update(self.extra_body)
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
        content = response.content
        text = "".join(b.text for b in content if isinstance(b, TextBlock))
        calls = tuple(
            ToolCall(name=b.name, arguments=dict(b.input), id=b.id)
            for b in content
            if isinstance(b, ToolUseBlock) and isinstance(b.input, dict)
        )
        if not text and not calls:
            refused = response.stop_reason == "refusal"
            why = "the model refused, with no text" if refused else "the response has no text"
            if response.stop_reason == "max_tokens" and any(_is_thinking(b) for b in content):
                why = "the model spent max_tokens thinking and wrote no answer; raise max_tokens"
            raise InvalidResponseError(why, provider=self.name)
        u = response.usage
        prompt_tokens = (
            u.input_tokens + (u.cache_creation_input_tokens or 0) + (u.cache_read_input_tokens or 0)
        )
        details = getattr(u, "output_tokens_details", None)
        thought = [b.thinking for b in content if isinstance(b, ThinkingBlock) and b.thinking]
        stop = response.stop_reason or None
        return Completion(
            text=text,
            tool_calls=calls,
            finish_reason=_FINISH.get(stop, stop) if stop else None,
            usage=Usage(
                prompt_tokens=prompt_tokens,
                completion_tokens=u.output_tokens,
                reasoning_tokens=min(u.output_tokens, details.thinking_tokens) if details else 0,
            ),
            model=response.model,
            reasoning="\n\n".join(thought) or None,
            reasoning_blocks=tuple(b.model_dump() for b in content if _is_thinking(b)),
        )


def _is_thinking(block: object) -> bool:
    return isinstance(block, ThinkingBlock | RedactedThinkingBlock)
