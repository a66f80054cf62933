"""The built-in continuers (see :mod:`polypick.search.continuation`), one per backend.

They build requests with the backends' own ``request_body`` and send them with ``send`` (their
clients, concurrency limits and SDK error mapping), so the core retry layer treats a
continuation like any other model call.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from polypick.core.types import Message, SamplingParams, Usage
from polypick.errors import ConfigurationError
from polypick.search.continuation import Step

if TYPE_CHECKING:
    from polypick.providers.anthropic import AnthropicChat
    from polypick.providers.local import LocalChat
    from polypick.providers.openai import OpenAIChat

__all__ = ["continue_anthropic", "continue_local", "continue_openai"]


def _cut(text: str, stops: Sequence[str]) -> tuple[str, bool]:
    """``text`` up to the first stop sequence in it, and whether there was one: a server that
    ignores stop sequences still yields one step."""
    found = [text.index(s) for s in stops if s and s in text]
    return (text[: min(found)], True) if found else (text, False)


def _with_prefix(messages: Sequence[Message], partial: str) -> list[Message]:
    """``messages`` with the partial answer as the assistant turn to continue (if any)."""
    prefix = [Message(role="assistant", content=partial)] if partial else []
    return [*messages, *prefix]


async def continue_openai(
    model: OpenAIChat, messages: Sequence[Message], partial: str, params: SamplingParams
) -> Step:
    """Assistant-prefix continuation (vLLM's ``continue_final_message``)."""
    body = model.request_body(_with_prefix(messages, partial), params)
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
    text, cut = _cut(choice.message.content or "", params.stop)
    return Step(text, False if cut else ended, finish, usage)


async def continue_anthropic(
    model: AnthropicChat, messages: Sequence[Message], partial: str, params: SamplingParams
) -> Step:
    """Assistant prefill. The API refuses a prefill that ends in whitespace, so trailing
    whitespace is cut off; whitespace stop sequences are then applied here, not by the API
    (the model's first characters would otherwise match them at once)."""
    prefill = partial.rstrip()
    cut = prefill != partial
    server_stops = tuple(s for s in params.stop if not (cut and not s.strip()))
    sent = params.model_copy(update={"stop": server_stops})
    body = model.request_body(_with_prefix(messages, prefill), sent, cache=False)
    response = await model.send(body)
    from anthropic.types import TextBlock

    text = "".join(b.text for b in response.content if isinstance(b, TextBlock))
    ended = response.stop_reason == "end_turn"
    text, stopped = _cut(text.lstrip() if cut else text, params.stop)
    ended = False if stopped else ended
    u = response.usage
    usage = Usage(prompt_tokens=u.input_tokens, completion_tokens=u.output_tokens)
    return Step(text, ended, response.stop_reason, usage)


@functools.lru_cache(maxsize=8)
def _formatter(template: str, eos: str, bos: str) -> Any:
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    return Jinja2ChatFormatter(template, eos_token=eos, bos_token=bos, add_generation_prompt=True)


def _complete_local(
    model: LocalChat, messages: Sequence[Message], partial: str, params: SamplingParams
) -> Step:
    from polypick.providers.local import _load

    llama, lock = _load(str(model.model_path), model.n_ctx, model.extra_buffer_types)
    template = llama.metadata.get("tokenizer.chat_template")
    if not template:
        raise ConfigurationError(
            f"{model.name} has no chat template in its GGUF metadata, so a partial answer "
            "cannot be placed after the prompt; use a chat model's GGUF"
        )
    eos = llama.detokenize([llama.token_eos()], special=True).decode("utf-8", "ignore")
    bos = llama.detokenize([llama.token_bos()], special=True).decode("utf-8", "ignore")
    turns = [{"role": m.role, "content": m.content} for m in messages]
    formatted = _formatter(template, eos, bos)(messages=turns)
    options: dict[str, Any] = {
        "temperature": params.temperature,
        "max_tokens": params.max_tokens or model.max_tokens,
        "stop": [*params.stop, *(formatted.stop or [])],
        "seed": params.seed,
    }
    if params.top_p is not None:
        options["top_p"] = params.top_p
    if params.min_p is not None:
        options["min_p"] = params.min_p
    with lock:
        result = llama.create_completion(formatted.prompt + partial, **options)
    choice = result["choices"][0]
    usage = result.get("usage") or {}
    return Step(
        choice["text"],
        None,  # llama.cpp says "stop" both at a stop sequence and at the end of the answer
        choice.get("finish_reason"),
        Usage(
            prompt_tokens=usage.get("prompt_tokens", 0),
            completion_tokens=usage.get("completion_tokens", 0),
        ),
    )


async def continue_local(
    model: LocalChat, messages: Sequence[Message], partial: str, params: SamplingParams
) -> Step:
    """The chat template's prompt followed by the partial answer, as a raw completion."""
    return await asyncio.to_thread(_complete_local, model, messages, partial, params)
