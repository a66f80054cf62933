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

from polypick.cache.keys import context_identity, model_identity, request_key
from polypick.cache.scope import CallLog, Lookup, current_log
from polypick.cache.store import SampleCache
from polypick.core.call import current_call
from polypick.core.protocol import ChatModel, ModelRequest
from polypick.core.types import Completion
from polypick.core.wrapper import ChatModelWrapper

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
        identity: what identifies the model in keys; by default what the backend states
            (:class:`~polypick.core.capabilities.CacheIdentity`) plus its name and class (see
            :func:`~polypick.cache.keys.model_identity`).
        close_cache: close ``cache`` in :meth:`aclose` too (when this object opened it).
    """

    def __init__(
        self,
        model: ChatModel,
        cache: SampleCache,
        *,
        identity: Mapping[str, Any] | None = None,
        close_cache: bool = False,
    ) -> None:
        super().__init__(model)
        self.cache = cache
        self.identity = dict(identity) if identity is not None else model_identity(model)
        self.close_cache = close_cache
        self._log = CallLog()

    def __repr__(self) -> str:
        return f"CachedChat({self.model!r}, {self.cache!r})"

    async def aclose(self) -> None:
        await self.model.aclose()
        if self.close_cache:
            self.cache.close()

    async def generate(self, request: ModelRequest) -> list[Completion]:
        """Answer from the cache where it can, from the model for the rest (in ordinal order)."""
        messages, params, n = request.messages, request.params, request.n
        context = context_identity(request.context)
        key = request_key(
            self.identity, messages, params, request.json_schema, context, request.logprobs
        )
        log = current_log() or self._log
        ordinals = log.claim(key, n)
        answered: dict[int, Completion] = {}
        try:
            stored = await asyncio.to_thread(self.cache.lookup, key, ordinals)
            found = {o: c.model_copy(update={"cached": True}) for o, c in stored.items()}
            missing = [o for o in ordinals if o not in found]
            drawn = await self._draw(key, request, missing)
            answered = found | drawn
        finally:  # on failure or cancellation too: unfilled ordinals go back to the call
            log.release(key, [o for o in ordinals if o not in answered])
        hits = tuple(found[o] for o in ordinals if o in found)
        lookup = Lookup(time.monotonic(), _role(request), key, params, hits, len(missing))
        log.record(lookup)
        scope = current_call()
        if scope is not None:
            scope.recorder.event(
                "cache.lookup", role=lookup.role, key=key[:16], hits=len(hits), drawn=lookup.drawn
            )
        return [answered[o] for o in ordinals if o in answered]

    async def _draw(
        self, key: str, request: ModelRequest, ordinals: Sequence[int]
    ) -> dict[int, Completion]:
        """Ask the model for ``ordinals`` and store what it returns."""
        if not ordinals:
            return {}
        params = request.params
        if params.seed is not None and ordinals[0] > 0:
            # Topping up a seeded request: the same seed would redraw the samples already held.
            params = params.model_copy(update={"seed": params.seed + ordinals[0]})
        completions = await self.model.generate(request.replace(params=params, n=len(ordinals)))
        pairs = list(zip(ordinals, completions, strict=False))
        return await asyncio.to_thread(self.cache.store, key, self.name, pairs)


def _role(request: ModelRequest) -> str:
    """``"llm"`` for samples, ``"judge"`` for everything asked while selecting."""
    return "llm" if request.stage in ("sample", "revision") else "judge"
