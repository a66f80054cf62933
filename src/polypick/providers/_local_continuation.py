"""Continuing a partial answer with the embedded model (``LocalChat``'s
:class:`~polypick.core.capabilities.Continuation` capability): the chat template's prompt
followed by the partial answer, completed as raw text by llama.cpp."""

from __future__ import annotations

import asyncio
import functools
from typing import TYPE_CHECKING, Any

from polypick.core.protocol import ModelRequest
from polypick.core.types import Step, Usage
from polypick.errors import ConfigurationError
from polypick.providers.local import _load

if TYPE_CHECKING:
    from polypick.providers.local import LocalChat

__all__ = ["continue_local"]


@functools.lru_cache(maxsize=8)
def _formatter(template: str, eos: str, bos: str) -> Any:
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    return Jinja2ChatFormatter(template, eos_token=eos, bos_token=bos, add_generation_prompt=True)


def _complete_local(model: LocalChat, request: ModelRequest, partial: str) -> Step:
    messages, params = request.messages, request.params
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


async def continue_local(model: LocalChat, request: ModelRequest, partial: str) -> Step:
    """The chat template's prompt followed by the partial answer, as a raw completion."""
    return await asyncio.to_thread(_complete_local, model, request, partial)
