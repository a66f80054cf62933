"""Any OpenAI-compatible chat server: OpenAI, vLLM, SGLang, Ollama, llama.cpp, LM Studio.

One request asks for all samples that share their parameters with ``n``; servers that ignore
``n`` (llama-cpp-python, Ollama, LM Studio) return one choice and the core asks again for the
rest, and servers that reject ``n`` (llama.cpp's ``llama-server``) get one request per sample.

What the model accepts — temperature (OpenAI's reasoning models take only their default),
``top_p``, ``min_p``, the token-limit field (``max_completion_tokens`` for reasoning models),
``reasoning_effort``, log-probabilities — comes from its
:class:`~polypick.providers.model_profiles.ModelProfile`. A 400 that names a parameter it
rejects teaches the profile, for this server and model only (and every provider object for
them), and the request goes again without it; an unrelated 400 is an ordinary error.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncGenerator, Mapping
from typing import TYPE_CHECKING, Any

import httpx
import openai
import openai.resources.chat  # imported now rather than on first use: see _new_client
import pydantic
from openai.types.chat import ChatCompletion

from polypick.core.protocol import ModelRequest
from polypick.core.redact import remember_secret
from polypick.core.streaming import TokenChunk
from polypick.core.types import Completion, SamplingParams, Step, Usage
from polypick.core.usage import split_usage
from polypick.errors import (
    ConfigurationError,
    InvalidResponseError,
    MissingAPIKeyError,
)
from polypick.providers._inputs import check_encodable, check_timeout
from polypick.providers._loop_local import LoopLocal
from polypick.providers._openai_parse import read_choice
from polypick.providers._profiled import ProfileState, send_adapting
from polypick.providers._sdk_models import read_model
from polypick.providers._urls import without_credentials
from polypick.providers.model_profiles import ModelProfile
from polypick.providers.sdk_errors import sdk_call

if TYPE_CHECKING:
    from polypick.core.batching import BatchBackend
    from polypick.core.retry import RetryPolicy
    from polypick.core.sampling import SamplingPlan

__all__ = ["OpenAIChat"]

# OpenAI's own limit; other servers may allow more, but nobody samples this many at once.
MAX_N = 128
MAX_ADAPTATIONS = 4  # rejected parameters adapted within one request before giving up
OPENAI = "https://api.openai.com/v1"


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
            and one that refuses it in an error about ``n`` is asked for one from then on.
        extra_body: extra JSON fields for every request (server-specific options).
        structured_output: send ``response_format`` JSON schemas (judge replies); defaults to
            on for OpenAI itself and off for other servers, which support it unevenly.
        profile: what the model accepts: a :class:`ModelProfile`, or a mapping of the fields
            to change in the one resolved from the model's name (``{"logprobs": ...}``);
            these always win over what the server's errors teach.
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
        profile: ModelProfile | dict[str, Any] | None = None,
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
        self.extra_body = dict(extra_body or {})
        explicit = {"n": n_support, "structured_output": structured_output}
        self._profiles = ProfileState(
            "openai",
            model,
            without_credentials(base_url) or OPENAI,
            hosted=base_url is None or "api.openai.com" in base_url,
            overrides=profile,
            given={k: v for k, v in explicit.items() if v is not None},
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
    def profile(self) -> ModelProfile:
        """What the model accepts now: its table entry, what this server's errors taught, and
        this object's ``profile=`` (which wins)."""
        return self._profiles.current

    @property
    def n_support(self) -> bool | None:
        """Whether ``n`` is sent: given, learnt, or ``None`` while unknown."""
        return self.profile.n

    @property
    def structured_output(self) -> bool:
        return bool(self.profile.structured_output)

    @property
    def max_n(self) -> int:
        return 1 if self.n_support is False else MAX_N

    @property
    def max_top_logprobs(self) -> int | None:
        """The most alternatives per token the model returns (``None``: no log-probabilities,
        as with OpenAI's reasoning models); see :class:`Logprobs`."""
        return self.profile.rules().logprobs

    def validate(self, params: SamplingParams) -> None:
        """Refuse what the model's profile says it cannot take, before anything is sent."""
        from polypick.providers._validation import check_params

        check_params(self.name, self.profile, params)

    def default_sampling(self) -> SamplingPlan | None:
        """For a model whose temperature is fixed, a :class:`~polypick.core.reasoning.Reasoning`
        plan over its efforts (or every sample at its temperature); ``None`` for the others
        (hedged sampling)."""
        from polypick.providers._validation import reasoning_plan

        return reasoning_plan(self.profile)

    def _new_client(self) -> openai.AsyncOpenAI:
        # max_retries=0: the core's retry layer is the only one. The SDK would import
        # ``client.chat`` on first use, half a second of work on the event loop that would stall
        # every call in flight and eat the first call's deadline; this module imports it up front.
        # The SDK's own HTTP client, without the wrapper whose ``__del__`` schedules ``aclose()``
        # on whatever loop is running: a client of a closed loop, dropped while the next loop
        # runs (LoopLocal), would have its close fail there and its sockets kept by the failed
        # task's traceback. Dropped, this one's connections simply close.
        return openai.AsyncOpenAI(
            api_key=self._api_key,
            base_url=self.base_url,
            timeout=self.timeout,
            max_retries=0,
            http_client=openai.DefaultAsyncHttpxClient(),
        )

    def client(self) -> openai.AsyncOpenAI:
        """The SDK client of the running event loop, the one :meth:`generate` uses (for other
        endpoints of the same API, e.g. batches); :meth:`aclose` closes it."""
        return self._clients.get()

    def concurrency(self) -> asyncio.Semaphore:
        """This model's concurrency limit on the running event loop (every request holds it)."""
        return self._limits.get()

    def stream(self, request: ModelRequest) -> AsyncGenerator[TokenChunk, None]:
        """One completion of ``request``, streamed with its log-probabilities when asked for
        (:class:`~polypick.core.streaming.StreamsTokens`); closing it stops the request."""
        from polypick.providers._openai_stream import stream_openai

        return stream_openai(self, request)

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
        def build() -> dict[str, Any]:
            n = min(request.n, self.max_n)
            return self.request_body(request if n == request.n else request.replace(n=n))

        def reasoning(body: dict[str, Any]) -> bool:
            return self.profile.reasons(body.get("reasoning_effort"))

        # A 400 naming a parameter the model refuses: learnt, and the request goes again.
        body, response = await send_adapting(self._profiles, build, self.send, reasoning)
        n = int(body.get("n", 1))
        # A server that ignores ``n`` answers with exactly one choice; one that honours it but
        # drops a choice (a filtered completion, say) still sends several, and keeps ``n``.
        if n > 1 and len(response.choices) == 1 and self.n_support is None:
            self._profiles.teach({"n": False}, f"answered a request for n={n} with one choice")
        return self.parse_response(response, n, top_logprobs=body.get("top_logprobs", 0))

    async def send(self, body: Mapping[str, Any]) -> ChatCompletion:
        """Send a request body (from :meth:`request_body`, possibly adjusted) under this
        model's concurrency limit and within its timeout, SDK errors mapped to
        :class:`ProviderError` (no retry), an error in an HTTP 200 body too.

        Raises:
            ConfigurationError: for text that cannot be sent (a lone surrogate), before sending.
        """
        check_encodable(body, self.name)
        async with self._limits.get():
            # The body is already in the API's shape: it goes out as built, through the client's
            # documented low-level ``post``, which keeps the SDK's headers, errors and timeouts
            # but skips the typed method's recursive transformation of the parameters (more CPU
            # than polypick's whole call; benchmarks/overhead.py).
            raw = self._clients.get().post(
                "/chat/completions", body=dict(body), cast_to=httpx.Response
            )
            return await sdk_call(
                read_model(raw, ChatCompletion),
                openai,
                openai.OpenAIError,
                timeout=self.timeout,
                provider=self.name,
                answer_field="choices",
            )

    def request_body(self, request: ModelRequest) -> dict[str, Any]:
        """The JSON body :meth:`generate` sends for ``request`` (also what a Batch API line
        carries), shaped by the model's :attr:`profile`: parameters it does not take are left
        out (a judge's temperature 0 for a reasoning model, say: plans are checked up front by
        :meth:`validate`), the reply limit goes in its token-limit field, log-probabilities
        are asked for when the request wants them, ``extra_body`` and ``min_p`` are merged in,
        and the JSON schema becomes ``response_format`` when ``structured_output`` is on."""
        profile = self.profile
        params, n = request.params, request.n
        effort = params.reasoning_effort if profile.reasoning == "effort" else None
        rules = profile.rules(effort)
        body: dict[str, Any] = {
            "model": self.model,
            "messages": [{"role": m.role, "content": m.content} for m in request.messages],
        }
        if rules.temperature is not None:
            body["temperature"] = params.temperature
        optional = {
            "n": n if n > 1 else None,
            "top_p": params.top_p if rules.top_p is not None else None,
            "seed": params.seed if profile.seed else None,
            str(profile.token_limit): params.max_tokens,
            "stop": list(params.stop) or None,
            "reasoning_effort": effort,
        }
        body.update({k: v for k, v in optional.items() if v is not None})
        if request.logprobs is not None and rules.logprobs is not None:
            body["logprobs"] = True
            if request.logprobs > 0 and rules.logprobs > 0:
                body["top_logprobs"] = min(request.logprobs, rules.logprobs)
        if request.json_schema is not None and profile.structured_output:
            schema = {"name": "reply", "schema": dict(request.json_schema)}
            body["response_format"] = {"type": "json_schema", "json_schema": schema}
        body.update(self.extra_body)
        if params.min_p is not None and profile.min_p:
            body["min_p"] = params.min_p  # vLLM, SGLang and llama.cpp read it from the body
        return body

    def parse_response(
        self,
        response: ChatCompletion | Mapping[str, Any],
        n: int | None = None,
        *,
        top_logprobs: int | None = None,
    ) -> list[Completion]:
        """The completions in a Chat Completions response (the SDK's object or the JSON body),
        from its first ``n`` choices (all when ``None``), with at most ``top_logprobs``
        alternatives per token kept (all when ``None``).

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
        details = usage.completion_tokens_details if usage else None
        shares = split_usage(
            usage.prompt_tokens if usage else 0,
            usage.completion_tokens if usage else 0,
            len(choices),
            (details.reasoning_tokens or 0) if details else 0,
        )
        pairs = zip(choices, shares, strict=True)
        read = [
            (read_choice(choice, share, response.model, top_logprobs), share)
            for choice, share in pairs
        ]
        completions = [completion for completion, _ in read if completion is not None]
        if not completions:
            if choices[0].finish_reason == "length" and not choices[0].message.content:
                why = (
                    "the reply was cut before any answer (finish_reason 'length'); reasoning "
                    "models spend the token limit on their reasoning too: raise max_tokens"
                )
                raise InvalidResponseError(why, provider=self.name)
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
