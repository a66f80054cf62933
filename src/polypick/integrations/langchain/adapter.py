"""Any LangChain chat model as a polypick backend (the core ``ChatModel`` protocol).

:func:`adapt` is registered as a ``polypick.model_adapters`` entry point, so
``polypick.BestOfN(llm=ChatOpenAI(...))`` and ``judge=ChatAnthropic(...)`` just work: the
providers layer loads it the first time it meets a LangChain object.

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
import contextlib
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage
from langchain_core.runnables import RunnableConfig

from polypick.core.protocol import ModelRequest
from polypick.core.types import Completion, SamplingParams
from polypick.errors import InvalidResponseError, ProviderError
from polypick.integrations.langchain._call import LangChainCall
from polypick.integrations.langchain._messages import to_completion, to_langchain
from polypick.integrations.langchain._structured import parse_sample
from polypick.integrations.langchain._tracing import (
    SAMPLE_TAG,
    SELECTION_TAG,
    hooked_handlers_off,
)

__all__ = [
    "LangChainCall",
    "LangChainChat",
    "LangChainModelError",
    "adapt",
    "configured",
    "model_label",
]


class LangChainModelError(ProviderError):
    """A LangChain model's call failed after that model's own retries; never retried again."""

    retryable = False

    def __init__(self, exc: BaseException, *, provider: str) -> None:
        self.status_code: int | None = getattr(exc, "status_code", None)
        super().__init__(f"{type(exc).__name__}: {exc}{_root_cause(exc)}", provider=provider)


def _root_cause(exc: BaseException) -> str:
    """``' (ConnectError: [Errno 111] Connection refused)'``: what lies under an SDK's
    generic error ("Connection error."), which is then the thing to fix; ``''`` if nothing."""
    seen = {id(exc)}
    root = exc
    while (under := root.__cause__ or root.__context__) is not None and id(under) not in seen:
        seen.add(id(under))
        root = under
    if root is exc or not str(root) or str(root) in str(exc):
        return ""
    return f" ({type(root).__name__}: {root})"


def model_label(chat_model: BaseChatModel, /, **kwargs: Any) -> tuple[str, str]:
    """The model's provider and name as LangChain traces them (``model=`` overrides the name)."""
    params = chat_model._get_ls_params(**kwargs)
    fallback = chat_model._llm_type
    return params.get("ls_provider") or fallback, params.get("ls_model_name") or fallback


class LangChainChat:
    """A LangChain chat model behind the core ``ChatModel`` protocol.

    Stateless: what belongs to one call of the LangChain ``BestOfN`` (its original messages,
    callbacks, bound tools) arrives with each request as a :class:`LangChainCall` context.
    Each request draws one reply (a traced run with its own seed).

    Args:
        model: the LangChain chat model.
    """

    def __init__(self, model: BaseChatModel) -> None:
        self.model = model
        provider, name = model_label(model)
        self._name = f"langchain:{provider}:{name}"

    def __repr__(self) -> str:
        return f"LangChainChat({self.model!r})"

    @property
    def name(self) -> str:
        return self._name

    async def aclose(self) -> None:
        """Nothing to release: LangChain models manage their own clients."""

    async def generate(self, request: ModelRequest) -> list[Completion]:
        """Draw one reply. A JSON schema is ignored: callers parse the reply as text."""
        call = request.context if isinstance(request.context, LangChainCall) else None
        sample = call if call is not None and request.stage == "sample" else None
        config: RunnableConfig = {"tags": [SAMPLE_TAG if sample else SELECTION_TAG]}
        if call is not None and call.callbacks is not None:
            config["callbacks"] = call.callbacks
        model = configured(self.model, request.params, sample.max_tokens if sample else None)
        prompt = list(sample.messages) if sample else to_langchain(request.messages)
        kwargs = {"stop": [*request.params.stop, *(sample.stop if sample else ())] or None}
        kwargs.update(sample.kwargs if sample else {})
        hooked = hooked_handlers_off() if sample else contextlib.nullcontext()
        try:
            with hooked:  # a usage counter sees the BestOfN run, whose usage is the samples'
                if call is not None and call.blocking:
                    reply = await asyncio.to_thread(model.invoke, prompt, config, **kwargs)
                else:
                    reply = await model.ainvoke(prompt, config, **kwargs)
        except Exception as exc:
            raise LangChainModelError(exc, provider=self.name) from exc
        self._check(reply)
        completion = to_completion(reply)
        if sample is not None:
            if sample.parser is not None:
                completion = parse_sample(sample.parser, reply, completion, self.name)
            # kept under this model's name: a pool's members may give equal answers
            sample.replies.append((completion.model_copy(update={"model": self.name}), reply))
        return [completion]

    def _check(self, reply: AIMessage) -> None:
        if reply.invalid_tool_calls and not reply.tool_calls:
            problem = "the model's tool calls could not be read"
        elif not reply.content and not reply.tool_calls:
            problem = "the model returned an empty message"
        else:
            return
        raise InvalidResponseError(problem, provider=self.name)


def configured(
    model: BaseChatModel, params: SamplingParams, max_tokens: int | None = None
) -> BaseChatModel:
    """A copy of ``model`` that draws one sample with ``params`` (see the module docs);
    ``max_tokens`` applies when the plan sets none."""
    if params.max_tokens is not None:
        max_tokens = params.max_tokens
    wanted: dict[str, Any] = {"temperature": params.temperature, "seed": params.seed}
    optional = {"top_p": params.top_p, "min_p": params.min_p, "max_tokens": max_tokens}
    wanted.update({k: v for k, v in optional.items() if v is not None})
    fields = type(model).model_fields
    update = {k: v for k, v in wanted.items() if k in fields}
    if "streaming" in fields:
        update["streaming"] = False
    return model.model_copy(update={**update, "cache": False, "disable_streaming": True})


def adapt(obj: Any) -> LangChainChat | None:
    """A backend for a LangChain chat model (the ``polypick.model_adapters`` entry point that
    lets ``polypick.BestOfN(llm=ChatOpenAI(...))`` work); ``None`` for anything else."""
    return LangChainChat(obj) if isinstance(obj, BaseChatModel) else None
