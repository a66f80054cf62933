"""Cache keys: what makes two requests "the same request" (pure functions, no I/O).

A key is the SHA-256 of a canonical JSON document holding the model's identity (what the backend
states through :class:`~polypick.core.capabilities.CacheIdentity`: its endpoint and reply
settings, never its API key), the messages, every sampling parameter and the JSON schema. The
request's ``n`` is not part of the key: each completion is stored under the key plus its
*occurrence ordinal* (the first, second ... completion drawn for that request within one call),
so raising ``n`` reuses the completions already drawn and draws only the rest.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel

from polypick.core.capabilities import CacheIdentity, cache_identity
from polypick.core.protocol import ChatModel
from polypick.core.types import Message, SamplingParams
from polypick.errors import ConfigurationError

__all__ = ["KEY_VERSION", "canonical_json", "context_identity", "model_identity", "request_key"]

KEY_VERSION = 2
"""Bumped whenever the key's content changes, so old entries are never misread."""


def model_identity(model: ChatModel) -> dict[str, Any]:
    """The part of a backend that decides its answers, as JSON data: its name and class, and
    what it states itself through :class:`~polypick.core.capabilities.CacheIdentity` (its
    endpoint and reply settings, never credentials)."""
    identity = _plain(cache_identity(model))
    if not isinstance(identity, dict):  # pragma: no cover - cache_identity returns a dict
        raise ConfigurationError(f"{model.name}: cache_identity() must return a dict")
    return identity


def context_identity(context: object) -> dict[str, Any] | None:
    """What a request's call context says shapes its answers (``ModelRequest.context`` with a
    ``cache_identity()``, as an integration's call has), or ``None``."""
    if isinstance(context, CacheIdentity):
        stated = _plain(context.cache_identity())
        return stated if isinstance(stated, dict) else None
    return None


def request_key(
    identity: Mapping[str, Any],
    messages: Sequence[Message],
    params: SamplingParams,
    json_schema: Mapping[str, Any] | None = None,
    context: Mapping[str, Any] | None = None,
    logprobs: int | None = None,
) -> str:
    """The hex SHA-256 key of one request; equal requests always give equal keys.

    ``context`` is what the request's call context states about itself (the tools bound to a
    LangChain call, say: see :func:`context_identity`). ``logprobs`` is the token
    log-probabilities the request asks for: a completion stored without them must not answer a
    request that reads them."""
    document: dict[str, Any] = {
        "v": KEY_VERSION,
        "model": identity,
        "messages": [[m.role, m.content] for m in messages],
        "params": params.model_dump(mode="json"),
        "json_schema": json_schema,
    }
    if context:
        document["context"] = context
    if logprobs is not None:
        document["logprobs"] = logprobs
    return hashlib.sha256(canonical_json(document).encode()).hexdigest()


def canonical_json(value: object) -> str:
    """JSON with sorted keys and no whitespace, the same in every process and Python version."""
    return json.dumps(
        _plain(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    )


def _plain(value: object) -> Any:
    """``value`` as JSON data; objects without a JSON form fall back to their ``repr``."""
    if isinstance(value, BaseModel):
        return _plain(value.model_dump(mode="json"))
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return sorted(items, key=canonical_json) if isinstance(value, set | frozenset) else items
    if isinstance(value, float):
        return value + 0.0  # -0.0 and 0.0 are the same setting
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if value is None or isinstance(value, str | int | bool):
        return value
    return repr(value)
