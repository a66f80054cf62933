"""``CachedChat``: any :class:`~polypick.core.protocol.ChatModel`, answering from a
:class:`SampleCache` first and drawing from the model only what the cache lacks.

Only completions the model returned are stored: a failed request stores nothing and gives its
ordinals back, so the retry (or the next run) claims them again.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping, Sequence
from typing import Any

from polypick.cache.keys import model_identity, request_key
from polypick.cache.scope import CallLog, Lookup, current_log
from polypick.cache.store import SampleCache
from polypick.core.protocol import ChatModel, ChatModelWrapper
from polypick.core.types import Completion, Message, SamplingParams

__all__ = ["CachedChat"]


class CachedChat(ChatModelWrapper):
    """A chat model whose completions are cached in ``cache``.

    Identical requests within one call (see :func:`~polypick.cache.cache_scope`; ``BestOfN``
    opens one per prompt) are told apart by their occurrence ordinal, so ``n`` identical
    unseeded samples stay ``n`` distinct samples, and the same call run again returns them
    without a request. Outside any scope, ordinals count over this object's lifetime.

    Args:
        model: the model to cache.
        cache: where completions are stored.
        identity: what identifies the model in keys; by default its name, endpoint and reply
            settings (see :func:`~polypick.cache.keys.model_identity`). Override it for
            backends whose answers depend on settings it cannot see.
        role: a label for trace events and usage accounting (``"llm"`` or ``"judge"``).
        close_model: close ``model`` in :meth:`aclose` (``False`` when it is shared).
        close_cache: close ``cache`` in :meth:`aclose` too (when this object opened it).
    """

    def __init__(
        self,
        model: ChatModel,
        cache: SampleCache,
        *,
        identity: Mapping[str, Any] | None = None,
        role: str = "llm",
        close_model: bool = True,
        close_cache: bool = False,
    ) -> None:
        super().__init__(model)
        self.cache = cache
        self.identity = dict(identity) if identity is not None else model_identity(model)
        self.role = role
        self.close_model = close_model
        self.close_cache = close_cache
        self._log = CallLog()

    def __repr__(self) -> str:
        return f"CachedChat({self.model!r}, {self.cache!r})"

    @property
    def max_tokens(self) -> int | None:
        """The wrapped backend's default reply budget, if it has one (for cost plans)."""
        value = getattr(self.model, "max_tokens", None)
        return value if isinstance(value, int) else None

    async def aclose(self) -> None:
        if self.close_model:
            await self.model.aclose()
        if self.close_cache:
            self.cache.close()

    async def generate(
        self,
        messages: Sequence[Message],
        params: SamplingParams,
        n: int = 1,
        *,
        json_schema: Mapping[str, Any] | None = None,
    ) -> list[Completion]:
        """Answer from the cache where it can, from the model for the rest (in ordinal order)."""
        key = request_key(self.identity, messages, params, json_schema)
        log = current_log() or self._log
        ordinals = log.claim(key, n)
        answered: dict[int, Completion] = {}
        try:
            stored = await asyncio.to_thread(self.cache.lookup, key, ordinals)
            found = {o: c.model_copy(update={"cached": True}) for o, c in stored.items()}
            missing = [o for o in ordinals if o not in found]
            drawn = await self._draw(key, messages, params, missing, json_schema)
            answered = found | drawn
        finally:  # on failure or cancellation too: unfilled ordinals go back to the call
            log.release(key, [o for o in ordinals if o not in answered])
        hits = tuple(found[o] for o in ordinals if o in found)
        log.record(Lookup(time.monotonic(), self.role, key, params, hits, len(missing)))
        return [answered[o] for o in ordinals if o in answered]

    async def _draw(
        self,
        key: str,
        messages: Sequence[Message],
        params: SamplingParams,
        ordinals: Sequence[int],
        json_schema: Mapping[str, Any] | None,
    ) -> dict[int, Completion]:
        """Ask the model for ``ordinals`` and store what it returns."""
        if not ordinals:
            return {}
        sent = params
        if params.seed is not None and ordinals[0] > 0:
            # Topping up a seeded request: the same seed would redraw the samples already held.
            sent = params.model_copy(update={"seed": params.seed + ordinals[0]})
        completions = await self.model.generate(
            messages, sent, len(ordinals), json_schema=json_schema
        )
        pairs = list(zip(ordinals, completions, strict=False))
        return await asyncio.to_thread(self.cache.store, key, self.name, pairs)
