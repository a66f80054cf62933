"""``BestOfN`` as a LlamaIndex LLM: set it wherever an LLM goes and every call becomes best-of-N.

The class is a thin shell over the core :class:`polypick.BestOfN`: each call samples the wrapped
LLM through :class:`~polypick.integrations.llama_index.adapter.LlamaIndexChat`, lets the core
select, and returns the winner's own response with the whole :class:`~polypick.Selection` in
``additional_kwargs["polypick"]``. No strategy lives here.

Sync endpoints call the wrapped LLM's sync endpoints concurrently, in worker threads; async
endpoints call its async endpoints concurrently on the caller's event loop. Streaming endpoints
select first, then stream the winner as a single chunk: nothing can be streamed before every
candidate is known.
"""

from __future__ import annotations

import contextvars
from collections.abc import AsyncGenerator, Callable, Generator, Sequence
from typing import Any, TypeVar, cast

from llama_index.core.base.llms.types import (
    ChatMessage,
    ChatResponse,
    ChatResponseAsyncGen,
    ChatResponseGen,
    CompletionResponse,
    CompletionResponseAsyncGen,
    CompletionResponseGen,
    LLMMetadata,
)
from llama_index.core.bridge.pydantic import Field, PrivateAttr
from llama_index.core.llms.callbacks import llm_chat_callback, llm_completion_callback
from llama_index.core.llms.function_calling import FunctionCallingLLM
from llama_index.core.llms.llm import LLM

from polypick.core.sampling import SamplingSpec
from polypick.core.sync import run_sync
from polypick.core.types import Selection
from polypick.engine.bestofn import BestOfN as CoreBestOfN
from polypick.engine.settings import Settings, check_names
from polypick.errors import ConfigurationError
from polypick.integrations.llama_index._call import AsyncRunner, Prompt, ThreadRunner
from polypick.integrations.llama_index._convert import with_selection
from polypick.integrations.llama_index.adapter import LlamaIndexChat
from polypick.providers import ModelSpec
from polypick.selectors import SelectorSpec

__all__ = ["BestOfN"]

F = TypeVar("F", bound=Callable[..., Any])
R = TypeVar("R", ChatResponse, CompletionResponse)

# The LLM settings LlamaIndex applies around a call (system prompt, prompt formatting, output
# parsing, callbacks); the wrapper starts from the wrapped LLM's so that swapping changes nothing
# else.
_INHERITED = (
    "callback_manager",
    "system_prompt",
    "messages_to_prompt",
    "completion_to_prompt",
    "output_parser",
    "pydantic_program_mode",
    "query_wrapper_prompt",
)


def _chat_event(f: F) -> F:
    return cast(F, llm_chat_callback()(f))


def _completion_event(f: F) -> F:
    return cast(F, llm_completion_callback()(f))


class BestOfN(LLM):
    """A LlamaIndex LLM that samples ``n`` answers from ``llm`` and returns the best.

    ``BestOfN(llm)`` is a :class:`FunctionCallingBestOfN` (a ``FunctionCallingLLM``) exactly
    when ``llm`` calls tools: a ``FunctionCallingLLM`` whose metadata says it is a function
    calling model. Agents and ``chat_with_tools`` then work through it.

    Args:
        llm: the LlamaIndex LLM to sample, or a list of them: a pool sampled concurrently,
            ``n`` split evenly between them (``BestOfN([gpt, claude], n=6)``); the first one
            gives the metadata.
        n: how many candidates each call samples.
        sampling: the sampling plan, as for :class:`polypick.BestOfN` (default ``"hedged"``).
        selector: the selector, as for :class:`polypick.BestOfN`; candidates that call tools
            are always chosen by a vote on their calls.
        judge: the judge for selectors that need one: a LlamaIndex LLM, a spec such as
            ``"openai:gpt-4o"``, or a polypick backend; defaults to ``llm``.
        settings: a :class:`polypick.Settings` with any of the above and the rest
            (``min_candidates``, ``deadline``, ``retry``, ``budget``, ``injection``, ``cache``,
            ``detect_language`` ...); ``retry`` applies to polypick's own backends only,
            never to LlamaIndex LLMs, which retry by themselves.
        kwargs: any :class:`polypick.Settings` field by name, and LlamaIndex ``LLM`` settings
            (``system_prompt``, ``callback_manager`` ...); unset ones are taken from ``llm``.
            An unknown name is refused with the closest valid one.

    Raises:
        ConfigurationError: for invalid settings, before any request is sent.
    """

    llm: LLM = Field(description="The LlamaIndex LLM that is sampled.")
    n: int = Field(description="How many candidates each call samples.")
    _core: CoreBestOfN = PrivateAttr()

    def __new__(cls, *args: Any, **kwargs: Any) -> BestOfN:
        inner = args[0] if args else kwargs.get("llm")
        if isinstance(inner, list | tuple) and inner:
            inner = inner[0] if all(_calls_tools(m) for m in inner) else None
        if cls is BestOfN and _calls_tools(inner):
            from polypick.integrations.llama_index.function_calling import FunctionCallingBestOfN

            cls = FunctionCallingBestOfN
        return super().__new__(cls)

    def __init__(
        self,
        llm: LLM | Sequence[LLM],
        n: int = 5,
        sampling: SamplingSpec = "hedged",
        selector: SelectorSpec | None = None,
        judge: ModelSpec | None = None,
        *,
        settings: Settings | None = None,
        **kwargs: Any,
    ) -> None:
        pool: list[LLM] = []
        for member in list(llm) if isinstance(llm, list | tuple) else [llm]:
            if not isinstance(member, LLM):
                raise ConfigurationError(_not_an_llm(member))
            if isinstance(self, FunctionCallingLLM) and not isinstance(member, FunctionCallingLLM):
                raise ConfigurationError(f"{type(self).__name__} needs a FunctionCallingLLM")
            pool.append(member)
        if not pool:
            raise ConfigurationError("BestOfN needs an LLM, or a non-empty list of them")
        options = {k: kwargs.pop(k) for k in list(kwargs) if k in Settings.model_fields}
        check_names(kwargs, [*Settings.model_fields, *LLM.model_fields], "BestOfN argument")
        models = [LlamaIndexChat(m) for m in pool]
        core = CoreBestOfN(
            models[0] if len(models) == 1 else models,
            n,
            sampling,
            selector,
            judge,
            settings=settings,
            **options,
        )
        fields = {name: getattr(pool[0], name) for name in _INHERITED} | kwargs
        super().__init__(**(fields | {"llm": pool[0], "n": core.n}))
        self._core = core

    @property
    def settings(self) -> Settings:
        """The settings every call runs with."""
        return self._core.settings

    @classmethod
    def class_name(cls) -> str:
        return "polypick_best_of_n"

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Any:
        # The core is configuration that never changes after __init__ (and holds locks that
        # cannot be copied): copies share it.
        memo = {} if memo is None else memo
        memo[id(self._core)] = self._core
        return super().__deepcopy__(memo)

    @property
    def metadata(self) -> LLMMetadata:
        """The wrapped LLM's metadata, with a model name that says best-of-N."""
        inner = self.llm.metadata
        return inner.model_copy(update={"model_name": f"best-of-{self.n}[{inner.model_name}]"})

    @_chat_event
    def chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponse:
        return run_sync(self._chat(Prompt.of_chat(messages, kwargs, _threads())))

    @_chat_event
    async def achat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponse:
        return await self._chat(Prompt.of_chat(messages, kwargs, AsyncRunner()))

    @_chat_event
    def stream_chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponseGen:
        response = run_sync(self._chat(Prompt.of_chat(messages, kwargs, _threads())))
        return _stream(response, response.message.content or "")

    @_chat_event
    async def astream_chat(
        self, messages: Sequence[ChatMessage], **kwargs: Any
    ) -> ChatResponseAsyncGen:
        response = await self._chat(Prompt.of_chat(messages, kwargs, AsyncRunner()))
        return _astream(response, response.message.content or "")

    @_completion_event
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        call = Prompt.of_completion(prompt, formatted, kwargs, _threads())
        return run_sync(self._complete(call))

    @_completion_event
    async def acomplete(
        self, prompt: str, formatted: bool = False, **kwargs: Any
    ) -> CompletionResponse:
        call = Prompt.of_completion(prompt, formatted, kwargs, AsyncRunner())
        return await self._complete(call)

    @_completion_event
    def stream_complete(
        self, prompt: str, formatted: bool = False, **kwargs: Any
    ) -> CompletionResponseGen:
        call = Prompt.of_completion(prompt, formatted, kwargs, _threads())
        response = run_sync(self._complete(call))
        return _stream(response, response.text)

    @_completion_event
    async def astream_complete(
        self, prompt: str, formatted: bool = False, **kwargs: Any
    ) -> CompletionResponseAsyncGen:
        call = Prompt.of_completion(prompt, formatted, kwargs, AsyncRunner())
        response = await self._complete(call)
        return _astream(response, response.text)

    async def _chat(self, prompt: Prompt) -> ChatResponse:
        response, selection = await self._select(prompt)
        assert isinstance(response, ChatResponse)  # a chat prompt records chat responses
        return with_selection(response, selection)

    async def _complete(self, prompt: Prompt) -> CompletionResponse:
        response, selection = await self._select(prompt)
        assert isinstance(response, CompletionResponse)
        return with_selection(response, selection)

    async def _select(self, prompt: Prompt) -> tuple[ChatResponse | CompletionResponse, Selection]:
        """Run the core over ``prompt``, the call's context for every request."""
        selection = await self._core.ainvoke(list(prompt.messages), context=prompt)
        return prompt.response_of(selection.best), selection


def _calls_tools(llm: Any) -> bool:
    return isinstance(llm, FunctionCallingLLM) and llm.metadata.is_function_calling_model


def _threads() -> ThreadRunner:
    """A runner for the sync endpoints, carrying the caller's context (tracing spans)."""
    return ThreadRunner(contextvars.copy_context())


# Real generators, not iterators: LlamaIndex's callbacks end a streamed call's events after
# the last item of a generator only.
def _stream(response: R, delta: str) -> Generator[R, None, None]:
    yield response.model_copy(update={"delta": delta})


async def _astream(response: R, delta: str) -> AsyncGenerator[R, None]:
    yield response.model_copy(update={"delta": delta})


def _not_an_llm(obj: Any) -> str:
    hint = ""
    module = type(obj).__module__.partition(".")[0]
    if module.startswith("langchain"):
        hint = "; for a LangChain model use polypick.integrations.langchain.BestOfN"
    return f"BestOfN wraps a LlamaIndex LLM; got {obj!r}{hint}"
