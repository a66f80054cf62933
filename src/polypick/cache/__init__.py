"""A persistent sample cache, so interrupted runs resume and repeated runs do not resample.

``BestOfN(..., cache="samples.db")`` caches every sample and judge call in a SQLite file, keyed
by the model's identity, the messages, every sampling parameter and the JSON schema, plus an
occurrence ordinal. ``CachedChat`` wraps any model the same way. See docs/cache.md.
"""

import os

from polypick.cache.chat import CachedChat
from polypick.cache.keys import model_identity, request_key
from polypick.cache.scope import cache_scope
from polypick.cache.store import CacheStats, SampleCache
from polypick.core.types import CACHED

__all__ = [
    "CACHED",
    "CacheSpec",
    "CacheStats",
    "CachedChat",
    "SampleCache",
    "cache_scope",
    "model_identity",
    "request_key",
]

CacheSpec = SampleCache | str | os.PathLike[str]
"""What ``cache=`` accepts: a cache, or the path of its file."""
