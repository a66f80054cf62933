"""Continuing a partial answer: the one model capability step-wise search needs.

Beam search, DVTS and lookahead grow answers one step at a time, so the model must continue
text it did not just write. A backend can when it has the
:class:`~polypick.core.capabilities.Continuation` capability — a method
``continue_answer(request, partial) -> Step``. Built in:

=========================  ======================================================================
``LocalChat``              llama.cpp raw completion of the chat-template prompt + partial
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

from collections.abc import Sequence

from polypick.core.capabilities import Continuation, capability
from polypick.core.protocol import ChatModel, ModelRequest
from polypick.core.types import Message, SamplingParams, Step
from polypick.errors import ConfigurationError

__all__ = ["Step", "continue_answer", "continuer_for"]


def continuer_for(model: ChatModel) -> Continuation:
    """``model``'s continuation capability (looked for inside wrappers too).

    Raises:
        ConfigurationError: when the backend cannot continue a partial answer.
    """
    found = capability(model, Continuation)
    if found is None:
        raise ConfigurationError(
            f"{model.name} cannot continue a partial answer, which step-wise search (beam "
            "search, DVTS, lookahead) needs; use LocalChat, an OpenAI-compatible server that "
            "continues assistant prefixes (vLLM, SGLang), AnthropicChat, or give your backend a "
            "method continue_answer(request, partial) -> Step"
        )
    return found


async def continue_answer(
    model: ChatModel, messages: Sequence[Message], partial: str, params: SamplingParams
) -> Step:
    """Continue ``partial`` (the assistant's answer so far to ``messages``) by one step."""
    request = ModelRequest(tuple(messages), params, 1, "sample")
    return await continuer_for(model).continue_answer(request, partial)
