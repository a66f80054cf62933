"""The LangChain result of a best-of-N call: the winner first, and what it cost.

- ``generations[0]`` is the selected sample's own ``AIMessage`` (tool calls, ids and the inner
  model's ``response_metadata``, ``model_provider`` included), with ``usage_metadata`` replaced
  by the sum over every sample that answered, and the whole :class:`~polypick.Selection`
  (candidates, scores, failures, selection usage, trace) under ``response_metadata["polypick"]``;
- the other candidates follow, as they were returned, in sampling order (``generate()`` shows
  them; ``invoke()`` returns the winner).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import reduce
from typing import TypeVar

from langchain_core.messages import AIMessage
from langchain_core.messages.ai import UsageMetadata, add_usage
from langchain_core.outputs import ChatGeneration, ChatResult

from polypick.core.types import Candidate, Completion, Selection
from polypick.integrations.langchain._messages import completion_key

__all__ = ["METADATA_KEY", "chat_result", "pair", "total_usage"]

T = TypeVar("T")

METADATA_KEY = "polypick"
"""The ``response_metadata`` key holding the selection record."""


def total_usage(replies: Sequence[AIMessage]) -> UsageMetadata | None:
    """The sum of the replies' ``usage_metadata`` (``None`` if none reported any)."""
    reported = [r.usage_metadata for r in replies if r.usage_metadata is not None]
    return reduce(add_usage, reported) if reported else None


def chat_result(
    selection: Selection, replies: Sequence[tuple[Completion, AIMessage]], model_name: str
) -> ChatResult:
    """The ``ChatResult`` for ``selection``, whose candidates came from ``replies`` (each
    sample's completion and the message it was made of).

    ``model_name`` fills ``response_metadata["model_name"]`` when the inner model set none.
    """
    messages = pair(selection.candidates, replies, _message)
    winner = messages[selection.index]
    metadata = {**winner.response_metadata, METADATA_KEY: selection.model_dump(mode="json")}
    metadata.setdefault("model_name", model_name)
    usage = total_usage([reply for _, reply in replies])
    best = winner.model_copy(update={"usage_metadata": usage, "response_metadata": metadata})
    others = [m.model_copy() for i, m in enumerate(messages) if i != selection.index]
    return ChatResult(generations=[ChatGeneration(message=m) for m in [best, *others]])


def pair(
    candidates: Sequence[Candidate],
    replies: Sequence[tuple[Completion, T]],
    missing: Callable[[Candidate], T],
) -> list[T]:
    """The reply behind each candidate, found by its completion and, in a pool, the model that
    drew it (replies with equal content from one model are interchangeable; two models' equal
    answers are not: each keeps its own metadata); ``missing(candidate)`` stands in for one
    that was not kept."""
    unused = [
        (c.model, completion_key(c.text, c.tool_calls, c.finish_reason), r) for c, r in replies
    ]
    paired = []
    for candidate in candidates:
        key = completion_key(candidate.text, candidate.tool_calls, candidate.finish_reason)
        same = [i for i, (_, k, _) in enumerate(unused) if k == key]
        # the same model's reply first; any equal one if the names differ (a wrapper's name)
        found = next(
            (i for i in same if unused[i][0] == candidate.model), same[0] if same else None
        )
        # Never expected; but a paid-for answer is returned rather than lost to bookkeeping.
        paired.append(unused.pop(found)[2] if found is not None else missing(candidate))
    return paired


def _message(candidate: Candidate) -> AIMessage:
    calls = [
        {"name": c.name, "args": c.arguments, "id": c.id, "type": "tool_call"}
        for c in candidate.tool_calls
    ]
    return AIMessage(content=candidate.text, tool_calls=calls)
