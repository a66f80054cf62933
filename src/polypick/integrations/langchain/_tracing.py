"""Making every sample and judge call a child run of the ``BestOfN`` run.

LangChain nests runs through callback managers that carry a ``parent_run_id``. Chain, tool and
retriever run managers hand one out with ``get_child()``; the run manager of a chat-model run
has no such method, so :func:`child_callbacks` builds the same manager from the run's own
inheritable handlers, tags and metadata. LangChain models called with it (samples, LangChain
judges) open their runs under ``BestOfN``'s; :class:`TracedChat` opens one for each call to a
polypick backend (a judge given as ``"openai:MODEL"``, say), which LangChain cannot see.
"""

from __future__ import annotations

from langchain_core.callbacks import AsyncCallbackManager, BaseRunManager, CallbackManager
from langchain_core.outputs import ChatGeneration, LLMResult

from polypick.core.protocol import ModelRequest
from polypick.core.types import Completion
from polypick.core.wrapper import ChatModelWrapper
from polypick.integrations.langchain._call import LangChainCall
from polypick.integrations.langchain._messages import to_langchain, to_message

__all__ = ["SAMPLE_TAG", "SELECTION_TAG", "TracedChat", "child_callbacks"]

SAMPLE_TAG = "polypick:sample"
"""Tag of the runs that draw a candidate."""
SELECTION_TAG = "polypick:selection"
"""Tag of the runs made while selecting: judge calls, and X-MBR's evidence samples."""


def child_callbacks(run_manager: BaseRunManager | None) -> CallbackManager | None:
    """A callback manager whose runs are children of ``run_manager``'s run (``None``: none)."""
    if run_manager is None:
        return None
    manager = CallbackManager(handlers=[], parent_run_id=run_manager.run_id)
    manager.set_handlers(run_manager.inheritable_handlers)
    manager.add_tags(run_manager.inheritable_tags)
    manager.add_metadata(run_manager.inheritable_metadata)
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
