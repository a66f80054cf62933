"""Any LangChain chat model as a polypick backend (the core ``ChatModel`` protocol).

Importing this module registers the adapter, so ``polypick.BestOfN(llm=ChatOpenAI(...))`` and
``judge=ChatAnthropic(...)`` just work; the core imports it the first time it meets a LangChain
object.

Each call draws one sample from a copy of the model configured for it:

- the sample's ``temperature`` and ``seed`` (a seed set on the model itself is cleared when the
  plan gives none: N samples sharing one seed would be N copies), and ``top_p``, ``min_p`` and
  ``max_tokens`` when set — each only if the model declares that field, so a parameter a model
  does not know is never sent to it;
- ``cache=False``, because LangChain's LLM cache would answer N identical calls with one sample;
- ``disable_streaming=True``: a sample is read whole, so no candidate's tokens reach a stream
  before selection.

Retries: one layer per call path. The LangChain model keeps its own (``max_retries`` of its
SDK); a call that still fails is reported as :class:`LangChainModelError`, which the core never
retries, so a failing request is sent ``max_retries + 1`` times, not that number squared.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from langchain_core.callbacks import CallbackManager
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.runnables import RunnableConfig

from polypick.core.types import Completion, Message, SamplingParams
from polypick.errors import InvalidResponseError, ProviderError
from polypick.integrations.langchain._messages import to_completion, to_langchain
from polypick.integrations.langchain._tracing import SAMPLE_TAG, SELECTION_TAG
from polypick.providers import register_adapter

__all__ = ["LangChainChat", "LangChainModelError", "SampleRequest", "model_label"]


class LangChainModelError(ProviderError):
    """A LangChain model's call failed after that model's own retries; never retried again."""

    retryable = False

    def __init__(self, exc: BaseException, *, provider: str) -> None:
        self.status_code: int | None = getattr(exc, "status_code", None)
        super().__init__(f"{type(exc).__name__}: {exc}", provider=provider)


@dataclass
class SampleRequest:
    """One LangChain call as its samples see it.

    A call through the adapter whose messages equal ``prompt`` (the core form of ``messages``)
    is a sample: it sends the original LangChain ``messages`` with the call's ``kwargs`` (bound
    tools, a ``model`` override ...), ``stop`` and ``max_tokens``, and its reply is kept in
    ``replies``. Any other call (a judge's prompt, X-MBR's evidence) is an ordinary request.
    """

    prompt: tuple[Message, ...]
    messages: Sequence[BaseMessage]
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    stop: Sequence[str] = ()
    max_tokens: int | None = None
    replies: list[AIMessage] = field(default_factory=list)


def model_label(chat_model: BaseChatModel, /, **kwargs: Any) -> tuple[str, str]:
    """The model's provider and name as LangChain traces them (``model=`` overrides the name)."""
    params = chat_model._get_ls_params(**kwargs)
    fallback = chat_model._llm_type
    return params.get("ls_provider") or fallback, params.get("ls_model_name") or fallback


class LangChainChat:
    """A LangChain chat model behind the core ``ChatModel`` protocol.

    Args:
        model: the LangChain chat model.
        callbacks: runs of this adapter's calls become children of this manager's parent run.
        request: the LangChain call being served, if any (see :class:`SampleRequest`).
        blocking: call the model's sync API (in worker threads, still concurrently) rather
            than its async one; for sync LangChain calls, whose models then keep to their sync
            clients instead of sharing async ones across event loops.
    """

    max_n = 1  # one sample per call: each is its own traced run with its own seed

    def __init__(
        self,
        model: BaseChatModel,
        *,
        callbacks: CallbackManager | None = None,
        request: SampleRequest | None = None,
        blocking: bool = False,
    ) -> None:
        self.model = model
        self.callbacks = callbacks
        self.request = request
        self.blocking = blocking
        provider, name = model_label(model)
        self._name = f"langchain:{provider}:{name}"

    def __repr__(self) -> str:
        return f"LangChainChat({self.model!r})"

    @property
    def name(self) -> str:
        return self._name

    def validate(self, params: SamplingParams) -> None:
        """Accepts every parameter; LangChain models check their own when called."""

    async def aclose(self) -> None:
        """Nothing to release: LangChain models manage their own clients."""

    async def generate(
        self,
        messages: Sequence[Message],
        params: SamplingParams,
        n: int = 1,
        *,
        json_schema: Mapping[str, Any] | None = None,
    ) -> list[Completion]:
        """Draw one reply. ``json_schema`` is ignored: callers parse the reply as text."""
        request = self.request
        if request is not None and tuple(messages) != request.prompt:
            request = None
        config: RunnableConfig = {"tags": [SAMPLE_TAG if request else SELECTION_TAG]}
        if self.callbacks is not None:
            config["callbacks"] = self.callbacks
        model = self._configured(params, request)
        prompt = list(request.messages) if request else to_langchain(messages)
        kwargs = {"stop": [*params.stop, *(request.stop if request else ())] or None}
        kwargs.update(request.kwargs if request else {})
        try:
            if self.blocking:
                reply = await asyncio.to_thread(model.invoke, prompt, config, **kwargs)
            else:
                reply = await model.ainvoke(prompt, config, **kwargs)
        except Exception as exc:
            raise LangChainModelError(exc, provider=self.name) from exc
        self._check(reply)
        if request is not None:
            request.replies.append(reply)
        return [to_completion(reply)]

    def _check(self, reply: AIMessage) -> None:
        if reply.invalid_tool_calls and not reply.tool_calls:
            problem = "the model's tool calls could not be read"
        elif not reply.content and not reply.tool_calls:
            problem = "the model returned an empty message"
        else:
            return
        raise InvalidResponseError(problem, provider=self.name)

    def _configured(self, params: SamplingParams, request: SampleRequest | None) -> BaseChatModel:
        max_tokens = params.max_tokens
        if max_tokens is None and request is not None:
            max_tokens = request.max_tokens
        wanted: dict[str, Any] = {"temperature": params.temperature, "seed": params.seed}
        optional = {"top_p": params.top_p, "min_p": params.min_p, "max_tokens": max_tokens}
        wanted.update({k: v for k, v in optional.items() if v is not None})
        fields = type(self.model).model_fields
        update = {k: v for k, v in wanted.items() if k in fields}
        if "streaming" in fields:
            update["streaming"] = False
        return self.model.model_copy(update={**update, "cache": False, "disable_streaming": True})


def _adapt(obj: Any) -> LangChainChat | None:
    return LangChainChat(obj) if isinstance(obj, BaseChatModel) else None


register_adapter(_adapt)
