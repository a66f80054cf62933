"""How ``BestOfN(cache=...)`` uses the cache: its models wrapped, one scope per call."""

from __future__ import annotations

import functools
import os
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, ParamSpec

from polypick.cache.annotate import annotate
from polypick.cache.chat import CachedChat
from polypick.cache.scope import cache_scope
from polypick.cache.store import SampleCache
from polypick.core.protocol import ChatModel
from polypick.core.types import Selection
from polypick.errors import ConfigurationError

__all__ = ["CacheSpec", "cache_models", "scoped"]

CacheSpec = SampleCache | str | os.PathLike[str]
"""What ``BestOfN(cache=...)`` accepts: a cache, or the path of its file."""

P = ParamSpec("P")


def cache_models(
    llm: ChatModel, judge: ChatModel | None, cache: CacheSpec
) -> tuple[CachedChat, CachedChat | None]:
    """``llm`` and ``judge`` answering from ``cache``; a path opens a cache the llm then owns."""
    if isinstance(cache, SampleCache):
        store, owned = cache, False
    elif isinstance(cache, str | os.PathLike):
        store, owned = SampleCache(cache), True
    else:
        raise ConfigurationError(
            f"cache must be a SampleCache or the path of its file, got {cache!r}"
        )
    cached_llm = CachedChat(llm, store, close_cache=owned)
    if judge is None:
        return cached_llm, None
    # a model judging itself gets its own wrapper (its calls are selection-stage calls), but
    # only the llm's wrapper closes the shared model
    cached_judge = CachedChat(judge, store, role="judge", close_model=judge is not llm)
    return cached_llm, cached_judge


def scoped(
    method: Callable[P, Awaitable[Selection]],
) -> Callable[P, Coroutine[Any, Any, Selection]]:
    """Run each call of ``method`` in its own :func:`cache_scope` and show its cache hits."""

    @functools.wraps(method)
    async def call(*args: P.args, **kwargs: P.kwargs) -> Selection:
        with cache_scope() as log:
            selection = await method(*args, **kwargs)
        return annotate(selection, log)

    return call
