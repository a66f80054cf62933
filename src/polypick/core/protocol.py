"""The one protocol every model backend implements, and the request it answers.

A backend answers one :class:`ModelRequest`: chat messages and sampling parameters in, up to
``request.n`` completions out. It may return fewer than ``n`` (servers that ignore ``n``, or
backends that have no such notion); the caller asks again for the rest. Backends do not retry:
every call goes through one retry layer (:mod:`polypick.core.gateway`), so a backend turns every
failure into a :class:`~polypick.errors.ProviderError` whose ``retryable`` flag says whether
another attempt may help.

Every request says what it is for (:data:`Stage`), so a backend, a tracing or caching wrapper, or
an integration never has to guess from the messages whether a call draws a candidate or asks a
judge. What only some backends can do (several samples per request, batch submission, continuing
a partial answer, token log-probabilities ...) is an optional protocol of
:mod:`polypick.core.capabilities`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, Literal, Protocol, runtime_checkable

from polypick.core.types import Completion, Message, SamplingParams

__all__ = ["STAGES", "ChatModel", "ModelRequest", "Stage"]

Stage = Literal["sample", "judge", "evidence", "translation", "revision", "verifier"]
"""What a model call is for:

- ``sample``: draws a candidate answer to the user's prompt (the messages are the prompt);
- ``judge``: a selector asks a judge model about candidates (scores, comparisons, checklists);
- ``evidence``: extra samples a selector draws to compare candidates with (X-MBR's pivot);
- ``translation``: a selector translates text before comparing it;
- ``revision``: a model revises an earlier answer (sequential revisions);
- ``verifier``: a model checks an answer or one of its steps (search verifiers).
"""

STAGES: tuple[Stage, ...] = (
    "sample",
    "judge",
    "evidence",
    "translation",
    "revision",
    "verifier",
)


@dataclasses.dataclass(frozen=True, slots=True)
class ModelRequest:
    """One request to a model.

    Attributes:
        messages: the chat messages to answer.
        params: how to decode.
        n: how many completions are wanted (a backend may return fewer).
        stage: what the call is for (see :data:`Stage`).
        json_schema: a JSON schema the reply should follow; backends that can constrain
            decoding do, others ignore it and the caller parses the reply as text.
        logprobs: ``None`` for no token log-probabilities; ``0`` for the chosen tokens'; ``k``
            for the chosen tokens' and the ``k`` most likely alternatives at each position.
            Only backends with the :class:`~polypick.core.capabilities.TokenLogprobs`
            capability are asked for them.
        context: what the caller of ``BestOfN.ainvoke(..., context=...)`` passed for this call,
            handed unchanged to every request of the call. Integrations use it to reach the
            framework call they serve (its original messages, callbacks, tools); backends that
            do not know it ignore it.
    """

    messages: tuple[Message, ...]
    params: SamplingParams
    n: int = 1
    stage: Stage = "sample"
    json_schema: Mapping[str, Any] | None = None
    logprobs: int | None = None
    context: object = None

    def replace(self, **changes: Any) -> ModelRequest:
        """A copy with ``changes`` applied (``request.replace(n=1)``)."""
        return dataclasses.replace(self, **changes)


@runtime_checkable
class ChatModel(Protocol):
    """An async chat model backend: three members, all a backend must have."""

    @property
    def name(self) -> str:
        """A short identifier such as ``openai:gpt-4o-mini``, recorded in every result."""
        ...

    async def generate(self, request: ModelRequest) -> list[Completion]:
        """Answer one request with between 1 and ``request.n`` completions."""
        ...

    async def aclose(self) -> None:
        """Release connections held for the running event loop."""
        ...
