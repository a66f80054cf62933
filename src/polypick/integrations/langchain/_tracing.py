"""Making every sample and judge call a child run of the ``BestOfN`` run.

LangChain nests runs through callback managers that carry a ``parent_run_id``. Chain, tool and
retriever run managers hand one out with ``get_child()``; the run manager of a chat-model run
has no such method, so :func:`child_callbacks` builds the same manager from the run's own
inheritable handlers, tags and metadata. LangChain models called with it (samples, LangChain
judges) open their runs under ``BestOfN``'s; :class:`TracedChat` opens one for each call to a
polypick backend (a judge given as ``"openai:MODEL"``, say), which LangChain cannot see.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from langchain_core.callbacks import AsyncCallbackManager, BaseRunManager, CallbackManager
from langchain_core.outputs import ChatGeneration, LLMResult

from polypick.core.protocol import ChatModel, ChatModelWrapper
from polypick.core.types import Completion, Message, SamplingParams
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
    """A polypick backend whose calls are reported as chat-model runs under ``callbacks``.

    Args:
        model: the backend (e.g. ``OpenAIChat``) to call.
        callbacks: from :func:`child_callbacks`; ``None`` calls ``model`` untraced.
    """

    def __init__(self, model: ChatModel, callbacks: CallbackManager | None) -> None:
        super().__init__(model)
        self.callbacks = callbacks

    async def generate(
        self,
        messages: Sequence[Message],
        params: SamplingParams,
        n: int = 1,
        *,
        json_schema: Mapping[str, Any] | None = None,
    ) -> list[Completion]:
        if self.callbacks is None:
            return await self.model.generate(messages, params, n, json_schema=json_schema)
        manager = AsyncCallbackManager.configure(
            self.callbacks,
            inheritable_tags=[SELECTION_TAG],
            # The parent's metadata names the sampled model; this run is another model's.
            inheritable_metadata={"ls_provider": "polypick", "ls_model_name": self.name},
        )
        (run,) = await manager.on_chat_model_start(
            {"name": self.name, "id": ["polypick", type(self.model).__name__]},
            [to_langchain(messages)],
            invocation_params=params.model_dump(mode="json"),
            name=self.name,
        )
        try:
            completions = await self.model.generate(messages, params, n, json_schema=json_schema)
        except BaseException as exc:
            await run.on_llm_error(exc)
            raise
        await run.on_llm_end(
            LLMResult(generations=[[ChatGeneration(message=to_message(c)) for c in completions]])
        )
        return completions
