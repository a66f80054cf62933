"""``BestOfNMiddleware``: best-of-N for agents built with ``langchain.agents.create_agent``.

    agent = create_agent(ChatOpenAI(model="gpt-4o-mini"), tools=[...],
                         middleware=[BestOfNMiddleware(n=4)])

Each model call of the agent becomes ``n`` concurrent calls of the agent's model handler —
``wrap_model_call`` may call it several times — each with its own sampling parameters (the
plan's temperature and seed, on a copy of ``request.model``), then one selection, and the
winner's response is the model response: its ``AIMessage`` carries the whole selection record
(candidates, scores, failures, selection usage) under ``response_metadata["polypick"]`` and the
usage of every sample in ``usage_metadata``, so both are in the agent's state. Steps that call
tools are chosen by a vote on their canonical calls; structured responses (``response_format``)
by a vote on their canonical JSON, unless a selector is configured; text by the selector.

The candidates' runs are reported to tracers only and tagged ``nostream``, like the LangChain
``BestOfN``'s samples. The agent's other callback handlers (usage counters, LangGraph's
``messages`` stream, ``astream_events``) see one chat-model run per agent step instead, with the
model's ``ls_*`` metadata, whose stream is the chosen message in chunks and whose result is that
message with the usage of every sample: they show the chosen step, never the losers.
The middleware runs around the model call, inside the agent's other middleware listed after it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from langchain.agents.middleware import (
    AgentMiddleware,
    ExtendedModelResponse,
    ModelRequest,
    ModelResponse,
)
from langchain_core.callbacks import (
    AsyncCallbackManager,
    BaseCallbackManager,
    CallbackManager,
    CallbackManagerForLLMRun,
)
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, LLMResult
from langchain_core.runnables import RunnableConfig
from langchain_core.runnables.config import var_child_runnable_config

from polypick.core.protocol import ModelRequest as CoreRequest
from polypick.core.sync import run_sync
from polypick.core.types import Candidate, Completion
from polypick.engine.bestofn import BestOfN as CoreBestOfN
from polypick.engine.settings import Settings
from polypick.integrations._arguments import check_arguments
from polypick.integrations.langchain._call import LangChainCall
from polypick.integrations.langchain._messages import to_completion, to_core
from polypick.integrations.langchain._result import METADATA_KEY, pair, total_usage
from polypick.integrations.langchain._streaming import answer_chunks
from polypick.integrations.langchain._structured import plain
from polypick.integrations.langchain._tracing import (
    NOSTREAM_TAG,
    SAMPLE_TAG,
    TracedChat,
    hooked_handlers_off,
    tracers_of,
    traces,
)
from polypick.integrations.langchain.adapter import LangChainChat, LangChainModelError, configured
from polypick.providers import resolve_model
from polypick.selectors.json_vote import canonical_json

__all__ = ["BestOfNMiddleware"]

Response = ModelResponse[Any] | AIMessage | ExtendedModelResponse[Any]
Handler = Callable[[ModelRequest[Any]], Any]
Manager = TypeVar("Manager", bound=BaseCallbackManager)


@dataclass
class AgentCall(LangChainCall):
    """One model call of the agent: what every sample and judge request of it needs."""

    request: ModelRequest[Any] | None = None
    handler: Handler | None = None
    config: RunnableConfig | None = None
    responses: list[tuple[Completion, Response]] = field(default_factory=list)


class AgentModel:
    """The agent's model handler behind the core ``ChatModel`` protocol: a sample calls the
    handler with a configured copy of the request's model; any other request (a judge's, when
    no judge is given) goes to that model itself."""

    name = "langchain:agent"

    async def aclose(self) -> None:
        """Nothing to release: the agent owns its model."""

    async def generate(self, request: CoreRequest) -> list[Completion]:
        call = request.context
        if not isinstance(call, AgentCall) or call.request is None or call.handler is None:
            raise TypeError("AgentModel serves BestOfNMiddleware's calls only")
        if request.stage != "sample":
            return await LangChainChat(call.request.model).generate(request)
        model = call.request.model
        if isinstance(model, BaseChatModel):
            model = configured(model, request.params)
        sample = call.request.override(model=model)
        config = _inner_config(call.config)
        try:
            with hooked_handlers_off():  # a usage counter sees the step's run, not the samples'
                if call.blocking:
                    response = await asyncio.to_thread(_call_in, config, call.handler, sample)
                else:
                    token = var_child_runnable_config.set(config)
                    try:
                        response = await call.handler(sample)
                    finally:
                        var_child_runnable_config.reset(token)
        except Exception as exc:
            raise LangChainModelError(exc, provider=self.name) from exc
        completion = _completion(response)
        call.responses.append((completion, response))
        return [completion]


def _call_in(config: RunnableConfig, handler: Handler, request: ModelRequest[Any]) -> Any:
    """``handler(request)`` with ``config`` as the runnable config (in a worker thread, whose
    context is a copy: the setting ends with the call)."""
    var_child_runnable_config.set(config)
    return handler(request)


def _inner_config(config: RunnableConfig | None) -> RunnableConfig:
    """The agent's config for a candidate's run: its tracers only, tagged as a sample and
    ``nostream``."""
    inner: RunnableConfig = {**(config or {})}
    callbacks = inner.get("callbacks")
    if isinstance(callbacks, BaseCallbackManager):
        manager = callbacks.copy()
        manager.set_handlers([h for h in callbacks.inheritable_handlers if traces(h)])
        inner["callbacks"] = manager
    elif callbacks:
        inner["callbacks"] = [h for h in callbacks if traces(h)]
    inner["tags"] = [*inner.get("tags", []), NOSTREAM_TAG, SAMPLE_TAG]
    return inner


def _tracer_callbacks(config: RunnableConfig | None) -> CallbackManager | None:
    """A callback manager for the judge's runs: the agent's tracers, tagged ``nostream``."""
    callbacks = (config or {}).get("callbacks")
    if not isinstance(callbacks, BaseCallbackManager):
        return None
    return tracers_of(callbacks, callbacks.parent_run_id)


def _step_callbacks(
    request: ModelRequest[Any], config: RunnableConfig | None, kind: type[Manager]
) -> Manager | None:
    """A callback manager for the one run the agent's plain handlers (not tracers, which see
    the candidates' runs) are shown per step, configured as the model's own run would be."""
    given = config or {}
    agents = given.get("callbacks")
    if not isinstance(agents, BaseCallbackManager):
        return None
    plain = [h for h in agents.inheritable_handlers if not traces(h)]
    if not plain:
        return None
    manager = kind(handlers=[], parent_run_id=agents.parent_run_id)
    manager.set_handlers(plain)
    manager.add_tags([*agents.inheritable_tags, *given.get("tags", [])])
    manager.add_metadata(
        {
            **agents.inheritable_metadata,
            **given.get("metadata", {}),
            **request.model._get_ls_params(),  # ls_provider, ls_model_name ...
        }
    )
    return manager


def _step_start(request: ModelRequest[Any], messages: list[BaseMessage]) -> dict[str, Any]:
    """``on_chat_model_start``'s arguments for the step's run."""
    model = request.model
    return {
        "serialized": model._serialized,
        "messages": [messages],
        "invocation_params": model._get_invocation_params(),
        "name": model.get_name(),
    }


def _step_messages(request: ModelRequest[Any]) -> list[BaseMessage]:
    messages: list[BaseMessage] = list(request.messages)
    if request.system_message is not None:
        messages.insert(0, request.system_message)
    return messages


def _step_end(response: Response) -> tuple[list[Any], LLMResult]:
    """The chosen message as stream chunks, and as the run's result."""
    answer = _answer(_model_response(response))
    return answer_chunks(answer), LLMResult(generations=[[ChatGeneration(message=answer)]])


def _model_response(response: Response) -> ModelResponse[Any]:
    if isinstance(response, ExtendedModelResponse):
        return response.model_response
    if isinstance(response, AIMessage):
        return ModelResponse(result=[response])
    return response


def _answer(response: ModelResponse[Any]) -> AIMessage:
    """The model's message in a response (a structured-output tool result may follow it)."""
    found = [m for m in response.result if isinstance(m, AIMessage)]
    if not found:
        raise TypeError("the model handler returned no AIMessage")
    return found[-1]


def _completion(response: Response) -> Completion:
    """A candidate made of a handler's response: its message, or its structured response as
    canonical JSON when there is one (what is compared then)."""
    model_response = _model_response(response)
    completion = to_completion(_answer(model_response))
    structured = model_response.structured_response
    if structured is None:
        return completion
    return completion.model_copy(update={"text": canonical_json(plain(structured))})


class BestOfNMiddleware(AgentMiddleware):
    """Sample each agent step ``n`` times and keep the one ``selector`` picks.

    Args:
        n: candidates per model call.
        settings: a :class:`polypick.Settings`; every one of its fields may also be given by
            name (``sampling``, ``selector``, ``judge``, ``min_candidates``, ``deadline``,
            ``budget``, ``injection``, ``cache``, ``detect_language``, ``selector_options``)
            and then overrides it. ``judge`` may be a LangChain chat model or a spec such as
            ``"openai:gpt-4o"``; without one, judges use the agent's model.

    Unknown arguments are refused with the closest valid name.
    """

    def __init__(self, n: int | None = None, *, settings: Settings | None = None, **options: Any):
        super().__init__()
        self.tools = []  # adds no tools
        if n is not None:
            options["n"] = n
        check_arguments(options, list(Settings.model_fields), "BestOfNMiddleware argument")
        self.settings = Settings.of(settings, **options)
        judge = self.settings.judge
        if judge is not None and not isinstance(judge, BaseChatModel):
            judge = TracedChat(resolve_model(judge))  # runs reported under the agent's run
        settings = self.settings.replace(judge=judge)
        self._core = CoreBestOfN(AgentModel(), settings=settings)
        self._structured_core = (
            self._core
            if settings.selector is not None
            else CoreBestOfN(
                AgentModel(), settings=settings.replace(selector="json_vote", selector_options={})
            )
        )

    def wrap_model_call(
        self, request: ModelRequest[Any], handler: Callable[[ModelRequest[Any]], Any]
    ) -> Any:
        """``n`` concurrent handler calls (in worker threads), one selection, the winner."""
        config = var_child_runnable_config.get()
        manager = _step_callbacks(request, config, CallbackManager)
        if manager is None:
            return run_sync(self._best_of_n(request, handler, config, blocking=True))
        (run,) = manager.on_chat_model_start(**_step_start(request, _step_messages(request)))
        try:
            response = run_sync(self._best_of_n(request, handler, config, blocking=True))
        except BaseException as exc:
            run.on_llm_error(exc)
            raise
        _finish(run, response)
        return response

    async def awrap_model_call(
        self,
        request: ModelRequest[Any],
        handler: Callable[[ModelRequest[Any]], Awaitable[Any]],
    ) -> Any:
        """``n`` concurrent handler calls, one selection, the winner."""
        config = var_child_runnable_config.get()
        manager = _step_callbacks(request, config, AsyncCallbackManager)
        if manager is None:
            return await self._best_of_n(request, handler, config, blocking=False)
        start = _step_start(request, _step_messages(request))
        (run,) = await manager.on_chat_model_start(**start)
        try:
            response = await self._best_of_n(request, handler, config, blocking=False)
        except BaseException as exc:
            await run.on_llm_error(exc)
            raise
        chunks, result = _step_end(response)
        for chunk in chunks:
            await run.on_llm_new_token(chunk.text, chunk=chunk)
        await run.on_llm_end(result)
        return response

    async def _best_of_n(
        self,
        request: ModelRequest[Any],
        handler: Handler,
        config: RunnableConfig | None,
        *,
        blocking: bool,
    ) -> Response:
        messages = _step_messages(request)
        call = AgentCall(
            messages=messages,
            callbacks=_tracer_callbacks(config),
            blocking=blocking,
            request=request,
            handler=handler,
            config=config,
        )
        core = self._core if request.response_format is None else self._structured_core
        selection = await core.ainvoke(to_core(messages), context=call)
        responses = pair(selection.candidates, call.responses, _missing)
        winner = responses[selection.index]
        chosen = _model_response(winner)
        answer = _answer(chosen)
        usage = total_usage([_answer(_model_response(r)) for _, r in call.responses])
        metadata = {**answer.response_metadata, METADATA_KEY: selection.model_dump(mode="json")}
        marked = answer.model_copy(update={"usage_metadata": usage, "response_metadata": metadata})
        result = [marked if m is answer else m for m in chosen.result]
        response = ModelResponse(result=result, structured_response=chosen.structured_response)
        if isinstance(winner, ExtendedModelResponse):
            return ExtendedModelResponse(model_response=response, command=winner.command)
        return response


def _finish(run: CallbackManagerForLLMRun, response: Response) -> None:
    chunks, result = _step_end(response)
    for chunk in chunks:
        run.on_llm_new_token(chunk.text, chunk=chunk)
    run.on_llm_end(result)


def _missing(candidate: Candidate) -> Response:
    """Never expected: a candidate whose response was not kept is returned as a message."""
    calls = [
        {"name": c.name, "args": c.arguments, "id": c.id, "type": "tool_call"}
        for c in candidate.tool_calls
    ]
    return ModelResponse(result=[AIMessage(content=candidate.text, tool_calls=calls)])
