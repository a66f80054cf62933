"""Continuing a partial answer on the hosted APIs (the
:class:`~polypick.core.capabilities.Continuation` capability of ``OpenAIChat`` and
``AnthropicChat``).

Requests are built with the backends' own ``request_body`` and sent with ``send`` (their clients,
concurrency limits and SDK error mapping), so the retry layer treats a continuation like any
other model call. A continuation stops at the step delimiter, passed as a stop sequence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from polypick.core.protocol import ModelRequest
from polypick.core.types import Message, Step, Usage

if TYPE_CHECKING:
    from polypick.providers.anthropic import AnthropicChat
    from polypick.providers.openai import OpenAIChat

__all__ = ["continue_anthropic", "continue_openai", "cut_at_stop", "with_prefix"]


def cut_at_stop(text: str, stops: Sequence[str]) -> tuple[str, bool]:
    """``text`` up to the first stop sequence in it, and whether there was one: a server that
    ignores stop sequences still yields one step."""
    found = [text.index(s) for s in stops if s and s in text]
    return (text[: min(found)], True) if found else (text, False)


def with_prefix(messages: Sequence[Message], partial: str) -> list[Message]:
    """``messages`` with the partial answer as the assistant turn to continue (if any)."""
    prefix = [Message(role="assistant", content=partial)] if partial else []
    return [*messages, *prefix]


async def continue_openai(model: OpenAIChat, request: ModelRequest, partial: str) -> Step:
    """Assistant-prefix continuation (vLLM's ``continue_final_message``)."""
    params = request.params
    messages = tuple(with_prefix(request.messages, partial))
    body = model.request_body(request.replace(messages=messages, n=1, json_schema=None))
    if partial:
        body.update(continue_final_message=True, add_generation_prompt=False)
    response = await model.send(body)
    choice = response.choices[0]
    finish = choice.finish_reason
    ended: bool | None = None
    extras = choice.model_extra or {}
    if "stop_reason" in extras and finish == "stop":  # vLLM: None means end of sequence
        ended = extras["stop_reason"] is None
    u = response.usage
    usage = Usage(
        prompt_tokens=u.prompt_tokens if u else 0, completion_tokens=u.completion_tokens if u else 0
    )
    text, cut = cut_at_stop(choice.message.content or "", params.stop)
    return Step(text, False if cut else ended, finish, usage)


async def continue_anthropic(model: AnthropicChat, request: ModelRequest, partial: str) -> Step:
    """Assistant prefill. The API refuses a prefill that ends in whitespace, so trailing
    whitespace is cut off; whitespace stop sequences are then applied here, not by the API
    (the model's first characters would otherwise match them at once)."""
    messages, params = request.messages, request.params
    prefill = partial.rstrip()
    cut = prefill != partial
    server_stops = tuple(s for s in params.stop if not (cut and not s.strip()))
    sent = params.model_copy(update={"stop": server_stops})
    body = model.request_body(with_prefix(messages, prefill), sent, cache=False, think=False)
    response = await model.send(body)
    from anthropic.types import TextBlock

    text = "".join(b.text for b in response.content if isinstance(b, TextBlock))
    ended = response.stop_reason == "end_turn"
    text, stopped = cut_at_stop(text.lstrip() if cut else text, params.stop)
    ended = False if stopped else ended
    u = response.usage
    usage = Usage(prompt_tokens=u.input_tokens, completion_tokens=u.output_tokens)
    return Step(text, ended, response.stop_reason, usage)
