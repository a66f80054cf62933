"""Continuing a partial answer with the embedded model (``LocalChat``'s
:class:`~polypick.core.capabilities.Continuation` capability): the chat template's prompt
followed by the partial answer, completed as raw text by llama.cpp.

llama.cpp reports ``finish_reason="stop"`` both at a stop sequence and at the end of the answer,
so the step's stop sequences (the delimiter) are watched here, by a stopping criterion over the
generated text, and only the chat template's own stops (the end of the turn) go to llama.cpp:
``stop`` then means the model ended its answer, a delimiter means the step ended, and
``length`` means the token limit cut the step off. A delimiter before any text of the step does
not end it (a step starting with a blank line is still to be written).
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from polypick.core.protocol import ModelRequest
from polypick.core.types import Step, Usage
from polypick.errors import ConfigurationError
from polypick.providers.local import _load

if TYPE_CHECKING:
    from polypick.providers.local import LocalChat

__all__ = ["continue_local", "stop_position"]


def stop_position(text: str, stops: Sequence[str]) -> int | None:
    """Where the first of ``stops`` begins in ``text`` after its leading whitespace, if any."""
    start = len(text) - len(text.lstrip())
    found = [i for i in (text.find(s, start) for s in stops if s) if i >= 0]
    return min(found) if found else None


def _watch(llama: Any, stops: Sequence[str]) -> Any:
    """A llama.cpp stopping criterion: true once the generated text holds one of ``stops``.

    llama.cpp calls it with the prompt and the tokens generated so far; the first call sees
    the prompt alone, which marks where the generated text starts."""
    start: list[int] = []

    def reached(ids: Any, logits: Any) -> bool:
        if not start:
            start.append(len(ids))
            return False
        tokens, before = list(ids[start[0] :]), list(ids[: start[0]])
        text = llama.detokenize(tokens, prev_tokens=before).decode("utf-8", "ignore")
        return stop_position(text, stops) is not None

    return reached


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
    stops = [s for s in params.stop if s]
    options: dict[str, Any] = {
        "temperature": params.temperature,
        "max_tokens": params.max_tokens or model.max_tokens,
        "stop": list(formatted.stop or []),
        "seed": params.seed,
    }
    if params.top_p is not None:
        options["top_p"] = params.top_p
    if params.min_p is not None:
        options["min_p"] = params.min_p
    with lock:
        if stops:
            from llama_cpp import StoppingCriteriaList

            options["stopping_criteria"] = StoppingCriteriaList([_watch(llama, stops)])
        result = llama.create_completion(formatted.prompt + partial, **options)
    choice = result["choices"][0]
    counted = result.get("usage") or {}
    usage = Usage(
        prompt_tokens=counted.get("prompt_tokens", 0),
        completion_tokens=counted.get("completion_tokens", 0),
    )
    text, finish = choice["text"], choice.get("finish_reason")
    at = stop_position(text, stops)
    if at is not None:  # the step ended at its delimiter; the answer goes on
        return Step(text[:at], False, "stop", usage)
    return Step(text, finish == "stop", finish, usage)


async def continue_local(model: LocalChat, request: ModelRequest, partial: str) -> Step:
    """The chat template's prompt followed by the partial answer, as a raw completion."""
    return await asyncio.to_thread(_complete_local, model, request, partial)
