"""``BestOfN`` as a LangChain chat model: best-of-N by swapping one component of a chain.

    chain = prompt | BestOfN(ChatOpenAI(model="gpt-4o-mini"), n=5, selector="chops") | parser

The class is a thin shell. Each call builds a core :class:`polypick.BestOfN` whose model is a
:class:`~polypick.integrations.langchain.adapter.LangChainChat` serving that call — the
original LangChain messages and call kwargs (bound tools ...) reach the wrapped model intact —
and turns the :class:`~polypick.Selection` into a ``ChatResult`` (see ``_result``). Sampling,
selection, partial failures and deadlines are the core's; streaming is ``_streaming``'s.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from langchain_core.callbacks import (
    AsyncCallbackManagerForLLMRun,
    BaseRunManager,
    CallbackManager,
    CallbackManagerForLLMRun,
)
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.language_models.base import LangSmithParams
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatResult
from langchain_core.runnables import Runnable, RunnableBinding
from langchain_core.tools import BaseTool
from pydantic import AliasChoices, Field, PrivateAttr

from polypick.core.bestofn import BestOfN as CoreBestOfN
from polypick.core.protocol import ChatModel
from polypick.core.sync import run_sync
from polypick.errors import ConfigurationError
from polypick.integrations.langchain._messages import to_core
from polypick.integrations.langchain._result import chat_result
from polypick.integrations.langchain._streaming import AnswerAtTheEnd
from polypick.integrations.langchain._tracing import TracedChat, child_callbacks
from polypick.integrations.langchain.adapter import LangChainChat, SampleRequest, model_label
from polypick.providers import resolve_model

__all__ = ["BestOfN"]


class BestOfN(AnswerAtTheEnd):
    """Sample ``n`` answers from a LangChain chat model and return the one ``selector`` picks.

    Args:
        llm: the chat model to sample (first positional argument).
        n: how many candidates to sample.
        sampling: the core's sampling plan: ``"hedged"``, ``"greedy"``, a temperature, a
            list of temperatures, or a plan such as ``Hedged(seed=7)`` (sample i gets seed + i).
        selector: the core's selector, by name or as an object; by default CHOPS when a judge
            is given, else MBR with chrF. Candidates that call tools are chosen by a vote on
            their canonical calls (name and arguments) unless the selector handles tool calls.
        judge: the judging model for selectors that need one: a LangChain chat model, a spec
            such as ``"openai:gpt-4o"`` or a polypick backend; defaults to ``llm``.
        temperature: shorthand for ``sampling=temperature`` (LangChain's standard parameter).
        max_tokens: a cap on every sample's length, unless the plan sets one.
        stop: stop sequences for every sample; a call's own ``stop=`` replaces them.
        min_candidates: fewest surviving samples to select from.
        deadline: seconds the whole call may take (also accepted as ``timeout``).
        max_retries: retries of calls to polypick backends (a judge given as a spec); LangChain
            models keep their own retries, so no call path has two layers.
        detect_language: detect the prompt's and candidates' languages (language fidelity).

    Connection settings (``api_key``, ``base_url`` ...) belong to the wrapped model; like every
    LangChain model, ``BestOfN`` ignores keyword arguments it does not define.
    """

    llm: BaseChatModel
    n: int = 5
    sampling: Any = "hedged"
    selector: Any = None
    judge: Any = None
    temperature: float | None = None
    max_tokens: int | None = None
    stop: list[str] | None = None
    min_candidates: int = 1
    deadline: float | None = Field(
        default=None, validation_alias=AliasChoices("deadline", "timeout")
    )
    max_retries: int = Field(default=2, ge=0)
    detect_language: bool = True

    _judge_backend: tuple[Any, ChatModel] | None = PrivateAttr(default=None)

    def __init__(self, llm: BaseChatModel | None = None, **kwargs: Any) -> None:
        if llm is not None:
            kwargs["llm"] = llm
        super().__init__(**kwargs)
        if self.temperature is not None and "sampling" in self.model_fields_set:
            raise ConfigurationError(
                "give temperature or sampling, not both (temperature=t means sampling=t)"
            )
        self._core(LangChainChat(self.llm))  # invalid settings fail here, not mid-chain

    @property
    def _llm_type(self) -> str:
        return "polypick-best-of-n"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {
            "llm": ":".join(model_label(self.llm)),
            "llm_params": dict(self.llm._identifying_params),
            "n": self.n,
            "sampling": _label(self.sampling if self.temperature is None else self.temperature),
            "selector": _label(self.selector),
            "judge": _label(self.judge),
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

    def _core(
        self, llm: ChatModel, callbacks: CallbackManager | None = None, blocking: bool = False
    ) -> CoreBestOfN:
        return CoreBestOfN(
            llm,
            n=self.n,
            sampling=self.sampling if self.temperature is None else self.temperature,
            selector=self.selector,
            judge=self._judge_for(callbacks, blocking),
            min_candidates=self.min_candidates,
            deadline=self.deadline,
            retry=self.max_retries,
            detect_language=self.detect_language,
        )

    def _judge_for(self, callbacks: CallbackManager | None, blocking: bool) -> ChatModel | None:
        if self.judge is None:
            return None  # the core lets the sampled model judge, if the selector needs a judge
        if isinstance(self.judge, BaseChatModel):
            return LangChainChat(self.judge, callbacks=callbacks, blocking=blocking)
        if self._judge_backend is None or self._judge_backend[0] is not self.judge:
            # Resolved once: a backend such as OpenAIChat keeps its connections between calls.
            self._judge_backend = (self.judge, resolve_model(self.judge))
        return TracedChat(self._judge_backend[1], callbacks)

    async def _best_of_n(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None,
        run_manager: BaseRunManager | None,
        kwargs: dict[str, Any],
        *,
        blocking: bool = False,
    ) -> ChatResult:
        callbacks = child_callbacks(run_manager)
        request = SampleRequest(
            prompt=to_core(messages),
            messages=messages,
            kwargs=kwargs,
            stop=stop if stop is not None else (self.stop or ()),
            max_tokens=self.max_tokens,
        )
        sampler = LangChainChat(self.llm, callbacks=callbacks, request=request, blocking=blocking)
        selection = await self._core(sampler, callbacks, blocking).ainvoke(request.prompt)
        return chat_result(selection, request.replies, model_label(self.llm, **kwargs)[1])

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
