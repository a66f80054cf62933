"""``BestOfN`` as a LangChain chat model: best-of-N by swapping one component of a chain.

    chain = prompt | BestOfN(ChatOpenAI(model="gpt-4o-mini"), n=5, selector="chops") | parser

The class is a thin shell over one core :class:`polypick.BestOfN` whose model is a
:class:`~polypick.integrations.langchain.adapter.LangChainChat`. Each call hands the core a
:class:`~polypick.integrations.langchain.adapter.LangChainCall` as its context — so the original
LangChain messages and call kwargs (bound tools ...) reach the wrapped model intact, and every
run nests under this model's run — and turns the :class:`~polypick.Selection` into a
``ChatResult`` (see ``_result``). Sampling, selection, partial failures and deadlines are the
core's; streaming is ``_streaming``'s.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

from langchain_core.callbacks import (
    AsyncCallbackManagerForLLMRun,
    BaseRunManager,
    CallbackManagerForLLMRun,
)
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.language_models.base import LangSmithParams
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatResult
from langchain_core.runnables import Runnable, RunnableBinding
from langchain_core.tools import BaseTool
from pydantic import Field, PrivateAttr

from polypick.cache import SampleCache
from polypick.core.sync import run_sync
from polypick.engine.bestofn import BestOfN as CoreBestOfN
from polypick.engine.settings import Settings, check_names
from polypick.errors import ConfigurationError
from polypick.integrations.langchain._messages import to_core
from polypick.integrations.langchain._result import chat_result
from polypick.integrations.langchain._streaming import AnswerAtTheEnd
from polypick.integrations.langchain._tracing import TracedChat, child_callbacks
from polypick.integrations.langchain.adapter import LangChainCall, LangChainChat, model_label
from polypick.providers import resolve_model

__all__ = ["BestOfN"]


class BestOfN(AnswerAtTheEnd):
    """Sample ``n`` answers from a LangChain chat model and return the one ``selector`` picks.

    Args:
        llm: the chat model to sample (first positional argument), or a list of them: a pool
            sampled concurrently, ``n`` split evenly between them (the first one names the
            model in traces; tools bind to a pool whose models share one class).
        settings: a :class:`polypick.Settings`; every one of its fields may also be given by
            name (``n``, ``sampling``, ``selector``, ``judge``, ``min_candidates``,
            ``deadline``, ``retry``, ``budget``, ``injection``, ``cache``,
            ``detect_language``, ``selector_options``) and then overrides it. ``judge`` may be
            a LangChain chat model, a spec such as ``"openai:gpt-4o"`` or a polypick backend;
            ``retry`` applies to polypick backends only (LangChain models keep their own
            retries, so no call path has two layers).
        temperature: shorthand for ``sampling=temperature`` (LangChain's standard parameter).
        max_tokens: a cap on every sample's length, unless the plan sets one.
        stop: stop sequences for every sample; a call's own ``stop=`` replaces them.
        timeout: another name for ``deadline``; ``max_retries`` another for ``retry``.

    Candidates that call tools are chosen by a vote on their canonical calls (name and
    arguments) unless the selector handles tool calls. ``cache`` is polypick's sample cache when
    it is a ``SampleCache`` or a path, LangChain's LLM cache otherwise. Connection settings
    (``api_key``, ``base_url``) belong to the wrapped model and are not kept; any other unknown
    argument is refused with the closest valid name.
    """

    llm: BaseChatModel
    settings: Settings = Field(default_factory=Settings)
    temperature: float | None = None
    max_tokens: int | None = None
    stop: list[str] | None = None
    streaming: bool = False
    """LangChain's standard switch; streams carry the selected answer either way."""

    _core: CoreBestOfN = PrivateAttr()
    _pool: list[BaseChatModel] = PrivateAttr(default_factory=list)

    def __init__(self, llm: Any = None, **kwargs: Any) -> None:
        given = kwargs.pop("llm", None) if llm is None else llm
        pool = [_chat_model(m) for m in given] if isinstance(given, list | tuple) else []
        if isinstance(given, list | tuple) and not pool:
            raise ConfigurationError("BestOfN needs a chat model, or a non-empty list of them")
        if given is not None:
            kwargs["llm"] = pool[0] if pool else _chat_model(given)
        aliases = {"timeout": "deadline", "max_retries": "retry"}
        for alias, name in aliases.items():
            if alias in kwargs:
                kwargs[name] = kwargs.pop(alias)
        for name in _CONNECTION_PARAMS:  # the wrapped model's, which has its own
            kwargs.pop(name, None)
        if not _is_sample_cache(kwargs.get("cache")):
            lc_cache = {"cache": kwargs.pop("cache")} if "cache" in kwargs else {}
        else:
            lc_cache = {}
        options = {k: kwargs.pop(k) for k in list(kwargs) if k in Settings.model_fields}
        kwargs |= lc_cache
        known = [*type(self).model_fields, *aliases, *Settings.model_fields, *_CONNECTION_PARAMS]
        check_names(kwargs, known, "BestOfN argument")
        if "temperature" in kwargs and kwargs["temperature"] is not None and "sampling" in options:
            raise ConfigurationError(
                "give temperature or sampling, not both (temperature=t means sampling=t)"
            )
        settings = Settings.of(kwargs.pop("settings", None), **options)
        super().__init__(**(kwargs | {"settings": settings}))
        judge = settings.judge
        if self.temperature is not None:
            settings = settings.replace(sampling=self.temperature)
        if judge is not None and not isinstance(judge, BaseChatModel):
            judge = TracedChat(resolve_model(judge))  # runs reported under the call's run
        # invalid settings fail here, not mid-chain
        self._pool = pool
        models = [LangChainChat(m) for m in pool] if len(pool) > 1 else LangChainChat(self.llm)
        self._core = CoreBestOfN(models, settings=settings.replace(judge=judge))

    @property
    def _llm_type(self) -> str:
        return "polypick-best-of-n"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        settings = self._core.settings
        return {
            "llm": ":".join(model_label(self.llm)),
            "llm_params": dict(self.llm._identifying_params),
            "n": settings.n,
            "sampling": settings.sampling.name,
            "selector": self._core.selector.name,
            "judge": _label(self.settings.judge),
        }

    def _get_ls_params(self, stop: list[str] | None = None, **kwargs: Any) -> LangSmithParams:
        """The wrapped model's identity: traces and usage are attributed to it."""
        params = self.llm._get_ls_params(stop=stop or self.stop, **kwargs)
        params["ls_provider"], params["ls_model_name"] = model_label(self.llm, **kwargs)
        params["ls_model_type"] = "chat"
        params.pop("ls_temperature", None)  # samples run at the plan's temperatures
        if self.temperature is not None:
            params["ls_temperature"] = self.temperature
        if self.max_tokens is not None:
            params["ls_max_tokens"] = self.max_tokens
        return params

    async def _best_of_n(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None,
        run_manager: BaseRunManager | None,
        kwargs: dict[str, Any],
        *,
        blocking: bool = False,
    ) -> ChatResult:
        call = LangChainCall(
            messages=messages,
            kwargs=kwargs,
            stop=stop if stop is not None else (self.stop or ()),
            max_tokens=self.max_tokens,
            callbacks=child_callbacks(run_manager),
            blocking=blocking,
        )
        selection = await self._core.ainvoke(to_core(messages), context=call)
        return chat_result(selection, call.replies, model_label(self.llm, **kwargs)[1])

    async def _agenerate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        return await self._best_of_n(messages, stop, run_manager, kwargs)

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        # The core's sync layer runs the same async code on polypick's loop; the samples call
        # the model's sync API in worker threads, concurrently.
        return run_sync(self._best_of_n(messages, stop, run_manager, kwargs, blocking=True))

    def bind_tools(
        self,
        tools: Sequence[dict[str, Any] | type | Callable[..., Any] | BaseTool],
        *,
        tool_choice: str | dict[str, Any] | bool | None = None,
        **kwargs: Any,
    ) -> Runnable[LanguageModelInput, AIMessage]:
        """Bind tools as the wrapped model formats them; ``BestOfN`` stays outermost.

        Every sample gets the tools; candidates that call tools are chosen by the core's vote
        on canonical calls (or by a selector that handles tool calls).
        """
        if len({type(m) for m in self._pool}) > 1:
            raise ConfigurationError(
                "tools bind to a pool of one kind of chat model (each vendor formats tools its "
                "own way); bind them on a pool of one class, or on a single model"
            )
        if tool_choice is not None:
            kwargs["tool_choice"] = tool_choice
        bound = self.llm.bind_tools(tools, **kwargs)
        if not isinstance(bound, RunnableBinding):
            raise TypeError(f"{type(self.llm).__name__}.bind_tools returned no RunnableBinding")
        return self.bind(**bound.kwargs)


def _label(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, BaseChatModel):
        return ":".join(model_label(value))
    return repr(value)


_CONNECTION_PARAMS = ("api_key", "base_url", "organization")
"""LangChain's standard connection parameters: accepted like every chat model accepts them,
but they belong to the wrapped model (configure it), so ``BestOfN`` keeps none of them."""


def _is_sample_cache(value: Any) -> bool:
    """Whether ``cache=`` means polypick's sample cache (a ``SampleCache`` or its path) rather
    than LangChain's own LLM cache (a bool or a ``BaseCache``)."""
    return isinstance(value, SampleCache | str | os.PathLike)


def _chat_model(obj: Any) -> BaseChatModel:
    """``obj`` if it is a LangChain chat model, else an error that says what to write."""
    if isinstance(obj, BaseChatModel):
        return obj
    if isinstance(obj, RunnableBinding) and isinstance(obj.bound, BaseChatModel):
        bound = ", ".join(sorted(obj.kwargs)) or "its settings"
        raise ConfigurationError(
            f"BestOfN wraps a chat model, not one with {bound} bound to it: write "
            "BestOfN(chat).bind_tools(tools) (or .bind(...)) instead of "
            "BestOfN(chat.bind_tools(tools)), so every sample gets the tools"
        )
    if isinstance(obj, Runnable):
        raise ConfigurationError(
            f"BestOfN wraps a chat model, got a {type(obj).__name__}: wrap the chat model "
            "itself and apply .with_retry()/.with_fallbacks() to BestOfN, e.g. "
            "BestOfN(chat).with_retry()"
        )
    module = type(obj).__module__.partition(".")[0]
    hint = (
        "; for a LlamaIndex LLM use polypick.integrations.llama_index.BestOfN"
        if module == "llama_index"
        else ""
    )
    raise ConfigurationError(f"BestOfN wraps a LangChain chat model; got {obj!r}{hint}")
