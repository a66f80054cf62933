"""The one protocol every model backend implements.

A backend answers one request: chat messages and sampling parameters in, up to ``n`` completions
out. It may return fewer than ``n`` (servers that ignore ``n``, or backends that have no such
notion); the core asks again for the rest. Backends do not retry: the core owns the single retry
layer, so a backend turns every failure into a :class:`~polypick.errors.ProviderError` whose
``retryable`` flag says whether another attempt may help.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from polypick.core.types import Completion, Message, SamplingParams

__all__ = ["ChatModel", "ChatModelWrapper"]


@runtime_checkable
class ChatModel(Protocol):
    """An async chat model backend."""

    @property
    def name(self) -> str:
        """A short identifier such as ``openai:gpt-4o-mini``, recorded in every result."""
        ...

    @property
    def max_n(self) -> int:
        """The most completions one request may return (``1`` for backends without ``n``)."""
        ...

    def validate(self, params: SamplingParams) -> None:
        """Raise :class:`~polypick.errors.ConfigurationError` for parameters this backend rejects.

        Called before any request is sent, so bad input fails fast and costs nothing.
        """
        ...

    async def generate(
        self,
        messages: Sequence[Message],
        params: SamplingParams,
        n: int = 1,
        *,
        json_schema: Mapping[str, Any] | None = None,
    ) -> list[Completion]:
        """Answer one request with between 1 and ``n`` completions.

        ``json_schema`` asks for a reply that follows that JSON schema; backends that can
        constrain decoding do, others ignore it and the caller parses the reply as text.
        """
        ...

    async def aclose(self) -> None:
        """Release connections held for the running event loop."""
        ...


class ChatModelWrapper:
    """A :class:`ChatModel` around another: everything passes through to ``model``.

    Subclasses override what they change (usually :meth:`generate`) and inherit the rest, so a
    tracing, counting or caching layer states only what it adds.
    """

    def __init__(self, model: ChatModel) -> None:
        self.model = model

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def max_n(self) -> int:
        return self.model.max_n

    def validate(self, params: SamplingParams) -> None:
        self.model.validate(params)

    async def generate(
        self,
        messages: Sequence[Message],
        params: SamplingParams,
        n: int = 1,
        *,
        json_schema: Mapping[str, Any] | None = None,
    ) -> list[Completion]:
        return await self.model.generate(messages, params, n, json_schema=json_schema)

    async def aclose(self) -> None:
        await self.model.aclose()
