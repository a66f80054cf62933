"""``CachedChat``: any :class:`~polypick.core.protocol.ChatModel`, answering from a
:class:`SampleCache` first and drawing from the model only what the cache lacks.

Only completions the model returned are stored: a failed request stores nothing and gives its
ordinals back, so the retry (or the next run) claims them again.

A request for a (key, ordinal) that another request on the same cache and event loop is
already drawing waits for that draw instead of paying for the same completion twice (two calls
of one batch, or two systems of an evaluation, asking the same greedy question at once); if
that draw fails, it draws itself.
"""

from __future__ import annotations

import asyncio
import time
import weakref
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

Flight = tuple[str, int]  # a request key and an ordinal
Draw = asyncio.Future[Completion | None]  # its completion, or None if the draw failed
# The draws under way, per cache and event loop: every wrapper of one cache (each system of an
# evaluation has its own) sees them.
_FLIGHTS: weakref.WeakKeyDictionary[
    SampleCache, weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[Flight, Draw]]
] = weakref.WeakKeyDictionary()


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
            hits, answered, drawn = await self._answer(key, request, ordinals)
        finally:  # on failure or cancellation too: unfilled ordinals go back to the call
            log.release(key, [o for o in ordinals if o not in answered])
        ordered = tuple(hits[o] for o in ordinals if o in hits)
        lookup = Lookup(time.monotonic(), _role(request), key, params, ordered, drawn)
        log.record(lookup)
        scope = current_call()
        if scope is not None:
            scope.recorder.event(
                "cache.lookup", role=lookup.role, key=key[:16], hits=len(ordered), drawn=drawn
            )
        return [answered[o] for o in ordinals if o in answered]

    async def _answer(
        self, key: str, request: ModelRequest, ordinals: Sequence[int]
    ) -> tuple[dict[int, Completion], dict[int, Completion], int]:
        """The completions for ``ordinals``: those the cache holds or another request is
        drawing (hits, marked cached), the rest drawn here; and how many were drawn here."""
        loop = asyncio.get_running_loop()
        flights = _FLIGHTS.setdefault(self.cache, weakref.WeakKeyDictionary()).setdefault(loop, {})
        theirs = {o: flights[(key, o)] for o in ordinals if (key, o) in flights}
        promised: dict[int, Draw] = {o: loop.create_future() for o in ordinals if o not in theirs}
        flights.update({(key, o): draw for o, draw in promised.items()})
        drawn: dict[int, Completion] = {}
        hits: dict[int, Completion] = {}
        try:
            stored = await asyncio.to_thread(self.cache.lookup, key, list(promised))
            hits = {o: c.model_copy(update={"cached": True}) for o, c in stored.items()}
            drawn = await self._draw(key, request, [o for o in promised if o not in hits])
        finally:  # whatever happened, the waiting requests are told (None: draw it yourself)
            for o, draw in promised.items():
                del flights[(key, o)]
                if not draw.done():
                    draw.set_result(hits.get(o) or drawn.get(o))
        count = len(drawn)
        redo = []
        for o, draw in theirs.items():
            # shielded: a waiter that is cancelled must not cancel the draw others wait for
            completion = await asyncio.shield(draw)
            if completion is None:
                redo.append(o)
            else:
                hits[o] = completion.model_copy(update={"cached": True})
        if redo:  # the draw this waited for failed: draw them here
            more_hits, more, more_drawn = await self._answer(key, request, redo)
            hits |= more_hits
            drawn |= {o: c for o, c in more.items() if o not in more_hits}
            count += more_drawn
        return hits, hits | drawn, count

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
