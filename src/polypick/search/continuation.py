"""Continuing a partial answer: the one model capability step-wise search needs.

Beam search, DVTS and lookahead grow answers one step at a time, so the model must continue
text it did not just write. Backends that can do so are found in a registry keyed by backend
type (its class or any base class), never by an if-chain; :func:`register_continuation` adds
your own. Built in:

=========================  ======================================================================
``LocalChat``              llama.cpp ``create_completion`` on the chat-template prompt + partial
``OpenAIChat``             assistant-prefix continuation: the partial answer as the last
                           assistant message with vLLM's ``continue_final_message=true,
                           add_generation_prompt=false`` (vLLM, SGLang); other servers (OpenAI
                           itself) do not continue and answer afresh
``AnthropicChat``          assistant prefill (the last message has role ``assistant``)
``FunctionStepper``        the scripted test double of :mod:`polypick.search.stepper`
=========================  ======================================================================

A continuation stops at the step delimiter (passed as a stop sequence). :class:`Step.ended`
says whether the answer is finished when the backend can tell (``None`` when it cannot; the
search then treats an empty continuation as the end).
"""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from polypick.core.types import Message, SamplingParams, Usage
from polypick.errors import ConfigurationError

__all__ = ["Continuer", "Step", "continue_answer", "continuer_for", "register_continuation"]


@dataclass(frozen=True)
class Step:
    """One continuation: the new text (the delimiter excluded) and what it cost.

    ``ended`` is ``True`` when the model finished its answer, ``False`` when it stopped at the
    delimiter or ran out of tokens, ``None`` when the backend cannot tell.
    """

    text: str
    ended: bool | None = None
    finish_reason: str | None = None
    usage: Usage = field(default_factory=Usage)


Continuer = Callable[[Any, Sequence[Message], str, SamplingParams], Awaitable[Step]]
"""``continuer(model, messages, partial, params) -> Step``."""

# Keyed by "module.QualName" so that registering a backend never imports it; values are
# continuers or "module:function" strings imported on first use.
_registry: dict[str, Continuer | str] = {
    "polypick.providers.local.LocalChat": "polypick.search._backends:continue_local",
    "polypick.providers.openai.OpenAIChat": "polypick.search._backends:continue_openai",
    "polypick.providers.anthropic.AnthropicChat": "polypick.search._backends:continue_anthropic",
    "polypick.search.stepper.FunctionStepper": "polypick.search.stepper:continue_stepper",
}


def _key(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def register_continuation(backend: type | str, continuer: Continuer | str) -> None:
    """Teach step-wise search to continue answers of ``backend`` (a class, or its
    ``"module.QualName"``) with ``continuer`` (or its ``"module:function"``)."""
    _registry[backend if isinstance(backend, str) else _key(backend)] = continuer


def continuer_for(model: object) -> Continuer:
    """The continuer for ``model``'s type or its nearest registered base class.

    Raises:
        ConfigurationError: when no continuer is registered for the backend.
    """
    for cls in type(model).__mro__:
        found = _registry.get(_key(cls))
        if found is None:
            continue
        if isinstance(found, str):
            module, _, name = found.partition(":")
            found = _registry[_key(cls)] = getattr(importlib.import_module(module), name)
        return found
    raise ConfigurationError(
        f"{getattr(model, 'name', type(model).__name__)} cannot continue a partial answer, "
        "which step-wise search (beam search, DVTS, lookahead) needs; use LocalChat, an "
        "OpenAI-compatible server that continues assistant prefixes (vLLM, SGLang), "
        "AnthropicChat, or polypick.search.register_continuation(YourBackend, fn)"
    )


async def continue_answer(
    model: object, messages: Sequence[Message], partial: str, params: SamplingParams
) -> Step:
    """Continue ``partial`` (the assistant's answer so far) by one step."""
    return await continuer_for(model)(model, messages, partial, params)
