"""The upstream model: an OpenAI-compatible backend whose samples carry the client's own request.

``BestOfN`` objects are shared by every request with the same settings, and the core speaks
plain role/content messages. Yet each sample must reach the upstream as the client sent it:
tool definitions, ``tool_choice``, tool-call turns, images. So each call hands the core the
:class:`ClientRequest` it serves as its context, and a request of stage ``sample`` goes out with
the original messages and tool fields (its tool calls come back as the candidate's, as from any
``OpenAIChat``). Every other request (a judge's prompt) is an ordinary request.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from polypick.core.protocol import ModelRequest
from polypick.core.types import Message
from polypick.providers.openai import OpenAIChat

if TYPE_CHECKING:
    from polypick.serve.budget import Meter

__all__ = ["ClientRequest", "PassThroughOpenAIChat"]


@dataclass(frozen=True)
class ClientRequest:
    """The request being served: its core messages, what goes upstream unchanged, and the
    meter of its upstream requests (:mod:`polypick.serve.budget`)."""

    prompt: tuple[Message, ...]
    messages: Sequence[Mapping[str, Any]]
    fields: Mapping[str, Any] = field(default_factory=dict)
    meter: Meter | None = field(default=None, compare=False)

    def cache_identity(self) -> dict[str, Any]:
        """What of the request shapes sampled answers beyond the messages (for cache keys)."""
        return {"messages": list(self.messages), "fields": dict(self.fields)}


class PassThroughOpenAIChat(OpenAIChat):
    """:class:`~polypick.providers.OpenAIChat` for ``polypick serve`` (see the module docs)."""

    def request_body(self, request: ModelRequest) -> dict[str, Any]:
        body = super().request_body(request)
        client = request.context
        if request.stage == "sample" and isinstance(client, ClientRequest):
            body["messages"] = list(client.messages)
            body.update(client.fields)
        return body
