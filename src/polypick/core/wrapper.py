"""``ChatModelWrapper``: a backend around another, stating only what it changes."""

from __future__ import annotations

from polypick.core.capabilities import default_max_tokens, max_n, validate
from polypick.core.protocol import ChatModel, ModelRequest
from polypick.core.types import Completion, SamplingParams

__all__ = ["ChatModelWrapper"]


class ChatModelWrapper:
    """A :class:`~polypick.core.protocol.ChatModel` around another: everything passes through to
    ``model``.

    Subclasses override what they change (usually :meth:`generate`) and inherit the rest, so a
    tracing, counting or caching layer states only what it adds. The wrapped model's ``max_n``,
    ``validate`` and default reply length pass through; other capabilities are found on the
    wrapped model by :func:`polypick.core.capabilities.capability` (``wrapped``).
    """

    def __init__(self, model: ChatModel) -> None:
        self.model = model

    @property
    def wrapped(self) -> ChatModel:
        return self.model

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def max_n(self) -> int:
        return max_n(self.model)

    @property
    def max_tokens(self) -> int | None:
        return default_max_tokens(self.model)

    def validate(self, params: SamplingParams) -> None:
        validate(self.model, params)

    async def generate(self, request: ModelRequest) -> list[Completion]:
        return await self.model.generate(request)

    async def aclose(self) -> None:
        await self.model.aclose()
