"""The upstream model: an OpenAI-compatible backend whose samples carry the client's own request.

``BestOfN`` objects are shared by every request with the same settings, and the core speaks
plain role/content messages. Yet each sample must reach the upstream as the client sent it:
tool definitions, ``tool_choice``, tool-call turns, images. So the request being served sits in a
context variable (each request's tasks see their own), and a call whose messages equal that
request's core messages is a sample: it goes out with the original messages and tool fields
(its tool calls come back as the candidate's, as from any ``OpenAIChat``). Any other call (a
judge's prompt) is an ordinary request.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from polypick.core.types import Message, SamplingParams
from polypick.providers.openai import OpenAIChat

__all__ = ["ClientRequest", "PassThroughOpenAIChat", "serving"]


@dataclass(frozen=True)
class ClientRequest:
    """The request being served: its core messages, and what goes upstream unchanged."""

    prompt: tuple[Message, ...]
    messages: Sequence[Mapping[str, Any]]
    fields: Mapping[str, Any] = field(default_factory=dict)


_serving: ContextVar[ClientRequest | None] = ContextVar("polypick_serving", default=None)


@contextmanager
def serving(request: ClientRequest) -> Iterator[None]:
    """Make ``request`` the one the current task (and tasks it starts) are serving."""
    token = _serving.set(request)
    try:
        yield
    finally:
        _serving.reset(token)


class PassThroughOpenAIChat(OpenAIChat):
    """:class:`~polypick.providers.OpenAIChat` for ``polypick serve`` (see the module docs)."""

    def request_body(
        self,
        messages: Sequence[Message],
        params: SamplingParams,
        n: int = 1,
        json_schema: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        body = super().request_body(messages, params, n, json_schema)
        client = _serving.get()
        if client is not None and tuple(messages) == client.prompt:
            body["messages"] = list(client.messages)
            body.update(client.fields)
        return body
