"""The built-in continuers (see :mod:`polypick.search.continuation`), one per backend.

They use the backends' own clients, limits and settings, and map SDK errors the way the
backends do, so the core retry layer treats a continuation like any other model call.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from polypick.core.types import Message, SamplingParams, Usage
from polypick.errors import ConfigurationError
from polypick.providers._sdk_errors import map_sdk_error
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


def _turns(messages: Sequence[Message], partial: str) -> list[dict[str, str]]:
    turns = [{"role": m.role, "content": m.content} for m in messages]
    if partial:
        turns.append({"role": "assistant", "content": partial})
    return turns


async def continue_openai(
    model: OpenAIChat, messages: Sequence[Message], partial: str, params: SamplingParams
) -> Step:
    """Assistant-prefix continuation (vLLM's ``continue_final_message``)."""
    import openai

    request: dict[str, Any] = {
        "model": model.model,
        "messages": _turns(messages, partial),
        "temperature": params.temperature,
    }
    optional = {"top_p": params.top_p, "seed": params.seed, "max_tokens": params.max_tokens}
    request.update({k: v for k, v in optional.items() if v is not None})
    if params.stop:
        request["stop"] = list(params.stop)
    extra = dict(model.extra_body)
    if params.min_p is not None:
        extra["min_p"] = params.min_p
    if partial:
        extra.update(continue_final_message=True, add_generation_prompt=False)
    if extra:
        request["extra_body"] = extra
    async with model._limits.get():
        try:
            response = await model._clients.get().chat.completions.create(**request)
        except (openai.OpenAIError, ValueError) as exc:
            raise map_sdk_error(exc, openai, model.name) from exc
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
    import anthropic

    prefill = partial.rstrip()
    cut = prefill != partial
    server_stops = [s for s in params.stop if not (cut and not s.strip())]
    request: dict[str, Any] = {
        "model": model.model,
        "messages": [t for t in _turns(messages, prefill) if t["role"] != "system"],
        "max_tokens": params.max_tokens or model.max_tokens,
    }
    system = "\n\n".join(m.content for m in messages if m.role == "system")
    if system:
        request["system"] = system
    if server_stops:
        request["stop_sequences"] = server_stops
    if model.sampling_params:
        body: dict[str, Any] = {"temperature": params.temperature}
        if params.top_p is not None:
            body["top_p"] = params.top_p
        request["extra_body"] = body
    async with model._limits.get():
        try:
            response = await model._clients.get().messages.create(**request)
        except (anthropic.AnthropicError, ValueError) as exc:
            raise map_sdk_error(exc, anthropic, model.name) from exc
    text = "".join(b.text for b in response.content if getattr(b, "type", "") == "text")
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

    llama, lock = _load(str(model.model_path), model.n_ctx)
    template = llama.metadata.get("tokenizer.chat_template")
    if not template:
        raise ConfigurationError(
            f"{model.name} has no chat template in its GGUF metadata, so a partial answer "
            "cannot be placed after the prompt; use a chat model's GGUF"
        )
    eos = llama.detokenize([llama.token_eos()], special=True).decode("utf-8", "ignore")
    bos = llama.detokenize([llama.token_bos()], special=True).decode("utf-8", "ignore")
    formatted = _formatter(template, eos, bos)(messages=_turns(messages, ""))
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
