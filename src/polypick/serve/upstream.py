"""The upstream model: an OpenAI-compatible backend whose samples carry the client's own request.

``BestOfN`` objects are shared by every request with the same settings, and the core speaks
plain role/content messages. Yet each sample must reach the upstream as the client sent it:
tool definitions, ``tool_choice``, tool-call turns, images. So the request being served sits in a
context variable (each request's tasks see their own), and a call whose messages equal that
request's core messages is a sample: it goes out with the original messages and tool fields,
and its tool calls come back as the candidate's. Any other call (a judge's prompt) is an
ordinary request.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import openai

from polypick.core.types import Completion, Message, SamplingParams, ToolCall, Usage
from polypick.core.usage import split_usage
from polypick.errors import InvalidResponseError
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

    def _request(
        self, messages: Sequence[Message], params: SamplingParams, n: int
    ) -> dict[str, Any]:
        request = super()._request(messages, params, n)
        client = _serving.get()
        if client is not None and tuple(messages) == client.prompt:
            request["messages"] = list(client.messages)
            request.update(client.fields)
        return request

    def _completions(self, response: openai.types.chat.ChatCompletion, n: int) -> list[Completion]:
        if not any(choice.message.tool_calls for choice in response.choices):
            return super()._completions(response, n)
        choices = sorted(response.choices, key=lambda c: c.index)[:n]
        spent = response.usage
        shares = split_usage(
            spent.prompt_tokens if spent else 0,
            spent.completion_tokens if spent else 0,
            len(choices),
        )
        read = [_with_tool_calls(choice, response.model) for choice in choices]
        usable = [(c, share) for c, share in zip(read, shares, strict=True) if c is not None]
        if not usable:
            error = InvalidResponseError(
                "no choice has readable tool calls (arguments must be JSON objects)",
                provider=self.name,
            )
            error.retryable = True  # another sample may well be readable
            raise error
        # Unreadable choices were billed too: their tokens stay on the first usable one.
        lost = sum((s for c, s in zip(read, shares, strict=True) if c is None), Usage())
        first, *rest = (c.model_copy(update={"usage": share}) for c, share in usable)
        return [first.model_copy(update={"usage": first.usage + lost}), *rest]


def _with_tool_calls(choice: Any, model: str) -> Completion | None:
    """A choice as a completion with its tool calls; ``None`` when a call cannot be read."""
    calls = []
    for call in choice.message.tool_calls or ():
        function = getattr(call, "function", None)  # custom (free-text) tools have none
        if function is None:
            return None
        try:
            arguments = json.loads(function.arguments or "{}")
        except json.JSONDecodeError:
            return None
        if not isinstance(arguments, dict):
            return None
        calls.append(ToolCall(name=function.name, arguments=arguments, id=call.id))
    text = choice.message.content or ""
    if not calls and not text:
        return None
    return Completion(
        text=text, tool_calls=tuple(calls), finish_reason=choice.finish_reason, model=model
    )
