"""Making every sample and judge call a child run of the ``BestOfN`` run — seen by tracers only.

To the code around it, ``BestOfN`` is one chat model: a callback handler sees one chat-model run
per call (LangChain's conformance suite counts them), LangGraph's ``messages`` stream and
``astream_events`` see only the selected answer. The samples, judge calls and evidence samples
behind it are still there to inspect, as child runs, for *tracers* — LangSmith's, the console's,
any ``BaseTracer`` of one's own — which record a run tree rather than act on each model run.

LangChain nests runs through callback managers that carry a ``parent_run_id``. Chain, tool and
retriever run managers hand one out with ``get_child()``; the run manager of a chat-model run
has no such method, so :func:`child_callbacks` builds the same manager from the run's own
inheritable tracers, tags and metadata, and tags the runs ``nostream`` too (the tag LangGraph's
``messages`` stream leaves out). LangChain models called with it (samples, LangChain judges) open
their runs under ``BestOfN``'s; :class:`TracedChat` opens one for each call to a polypick backend
(a judge given as ``"openai:MODEL"``, say), which LangChain cannot see.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar, Token
from uuid import UUID

from langchain_core.callbacks import (
    AsyncCallbackManager,
    BaseCallbackHandler,
    BaseCallbackManager,
    BaseRunManager,
    CallbackManager,
)
from langchain_core.outputs import ChatGeneration, LLMResult
from langchain_core.tracers import BaseTracer
from langchain_core.tracers import context as tracer_context
from langchain_core.tracers._streaming import _StreamingCallbackHandler

from polypick.core.protocol import ModelRequest
from polypick.core.types import Completion
from polypick.core.wrapper import ChatModelWrapper
from polypick.integrations.langchain._call import LangChainCall
from polypick.integrations.langchain._messages import to_langchain, to_message

__all__ = [
    "NOSTREAM_TAG",
    "SAMPLE_TAG",
    "SELECTION_TAG",
    "TracedChat",
    "child_callbacks",
    "hooked_handlers_off",
    "tracers_of",
    "traces",
]

SAMPLE_TAG = "polypick:sample"
"""Tag of the runs that draw a candidate."""
SELECTION_TAG = "polypick:selection"
"""Tag of the runs made while selecting: judge calls, and X-MBR's evidence samples."""
NOSTREAM_TAG = "nostream"
"""LangGraph's tag for model runs its ``messages`` stream leaves out."""


def traces(handler: BaseCallbackHandler) -> bool:
    """Whether ``handler`` sees the runs inside ``BestOfN``: tracers do, unless they stream
    (``astream_log``'s); handlers that act on every model run (streams, counters) do not."""
    return isinstance(handler, BaseTracer) and not isinstance(handler, _StreamingCallbackHandler)


@contextlib.contextmanager
def hooked_handlers_off() -> Iterator[None]:
    """Leaves out of the runs started inside it the handlers LangChain attaches to every run
    from a context variable (``get_usage_metadata_callback()``'s, say) unless they trace.

    For a sample's run: its usage is already in the one run such a handler sees (the
    ``BestOfN`` run, or the agent step's), and must not be counted twice. A context variable is
    set in the running task's context only, so other samples and the caller are unaffected."""
    hooks = getattr(tracer_context, "_configure_hooks", [])  # langchain-core's registry
    unset: list[tuple[ContextVar[BaseCallbackHandler | None], Token[BaseCallbackHandler | None]]]
    unset = []
    for var, *_ in hooks:
        handler = var.get()
        if handler is not None and not traces(handler):
            unset.append((var, var.set(None)))
    try:
        yield
    finally:
        for var, token in reversed(unset):
            var.reset(token)


def child_callbacks(run_manager: BaseRunManager | None) -> CallbackManager | None:
    """A callback manager whose runs are children of ``run_manager``'s run, reported to its
    tracers only and tagged ``nostream`` (``None``: no run manager)."""
    if run_manager is None:
        return None
    return tracers_of(run_manager, run_manager.run_id)


def tracers_of(
    callbacks: BaseRunManager | BaseCallbackManager, parent_run_id: UUID | None
) -> CallbackManager:
    """A callback manager with ``callbacks``' inheritable tracers, tags (and ``nostream``) and
    metadata, whose runs are children of ``parent_run_id``."""
    manager = CallbackManager(handlers=[], parent_run_id=parent_run_id)
    manager.set_handlers([h for h in callbacks.inheritable_handlers if traces(h)])
    manager.add_tags([*callbacks.inheritable_tags, NOSTREAM_TAG])
    manager.add_metadata(callbacks.inheritable_metadata)
    return manager


class TracedChat(ChatModelWrapper):
    """A polypick backend whose calls are reported as chat-model runs under the callbacks of
    the LangChain call they serve (``request.context``, a ``LangChainCall``); untraced
    outside one."""

    async def generate(self, request: ModelRequest) -> list[Completion]:
        call = request.context
        callbacks = call.callbacks if isinstance(call, LangChainCall) else None
        if callbacks is None:
            return await self.model.generate(request)
        manager = AsyncCallbackManager.configure(
            callbacks,
            inheritable_tags=[SELECTION_TAG],
            # The parent's metadata names the sampled model; this run is another model's.
            inheritable_metadata={"ls_provider": "polypick", "ls_model_name": self.name},
        )
        (run,) = await manager.on_chat_model_start(
            {"name": self.name, "id": ["polypick", type(self.model).__name__]},
            [to_langchain(request.messages)],
            invocation_params=request.params.model_dump(mode="json"),
            name=self.name,
        )
        try:
            completions = await self.model.generate(request)
        except BaseException as exc:
            await run.on_llm_error(exc)
            raise
        await run.on_llm_end(
            LLMResult(generations=[[ChatGeneration(message=to_message(c)) for c in completions]])
        )
        return completions
