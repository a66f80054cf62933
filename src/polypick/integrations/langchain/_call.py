"""One call of the LangChain ``BestOfN``, as every model request of that call sees it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from langchain_core.callbacks import CallbackManager
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.runnables import Runnable

from polypick.core.types import Completion

__all__ = ["LangChainCall"]


@dataclass
class LangChainCall:
    """One call of the LangChain ``BestOfN``, handed to every request as its context.

    A request of stage ``sample`` sends the original LangChain ``messages`` with the call's
    ``kwargs`` (bound tools, a ``model`` override ...), ``stop`` and ``max_tokens``, and its
    reply is kept in ``replies`` with the completion made of it. Every other request (a judge's
    prompt, X-MBR's evidence) is an ordinary request built from its own messages. Runs of either
    kind are children of ``callbacks``' run; ``blocking`` calls the model's sync API in worker
    threads. ``parser``, for structured output, parses every sample (see ``_structured``).
    """

    messages: Sequence[BaseMessage]
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    stop: Sequence[str] = ()
    max_tokens: int | None = None
    callbacks: CallbackManager | None = None
    blocking: bool = False
    parser: Runnable[Any, Any] | None = None
    replies: list[tuple[Completion, AIMessage]] = field(default_factory=list)

    def cache_identity(self) -> dict[str, Any]:
        """What of the call shapes sampled answers beyond the messages: its call kwargs (bound
        tools, tool choice, a model override) and stop sequences (for cache keys)."""
        return {"kwargs": dict(self.kwargs), "stop": list(self.stop), "max_tokens": self.max_tokens}
