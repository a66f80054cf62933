"""Cache keys: what makes two requests "the same request" (pure functions, no I/O).

A key is the SHA-256 of a canonical JSON document holding the model's identity (its name and
endpoint, never its API key), the messages, every sampling parameter and the JSON schema. The
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
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel

from polypick.core.types import Message, SamplingParams
from polypick.errors import ConfigurationError

__all__ = ["KEY_VERSION", "canonical_json", "model_identity", "request_key"]

KEY_VERSION = 1
"""Bumped whenever the key's content changes, so old entries are never misread."""

# Public settings that change what a backend answers. Anything else (timeouts, concurrency, the
# API key, which is private everywhere) cannot change a completion and stays out of the key.
_IDENTITY_ATTRIBUTES = (
    "base_url",
    "model_path",
    "max_tokens",
    "extra_body",
    "sampling_params",
    "structured_output",
    "tools",
)


def model_identity(model: object) -> dict[str, Any]:
    """The part of a backend that decides its answers: its name, endpoint and reply settings.

    A backend may define ``cache_identity() -> dict`` to say it exactly; otherwise the public
    attributes listed in ``_IDENTITY_ATTRIBUTES`` are read when present, plus the tools bound to
    a LangChain call. Credentials embedded in a URL (``https://user:secret@host``) are dropped.
    """
    identity: dict[str, Any] = {"name": str(getattr(model, "name", type(model).__name__))}
    custom = getattr(model, "cache_identity", None)
    if callable(custom):
        stated = _plain(custom())
        if not isinstance(stated, dict):
            raise ConfigurationError(
                f"{identity['name']}: cache_identity() must return a dict, got {stated!r}"
            )
        return identity | stated
    for attribute in _IDENTITY_ATTRIBUTES:
        value = getattr(model, attribute, None)
        if value is not None and value != {}:
            identity[attribute] = _plain(value)
    tools = _request_tools(model)
    if tools is not None:
        identity["tools"] = _plain(tools)
    if isinstance(identity.get("base_url"), str):
        identity["base_url"] = _without_credentials(identity["base_url"])
    return identity


def request_key(
    identity: Mapping[str, Any],
    messages: Sequence[Message],
    params: SamplingParams,
    json_schema: Mapping[str, Any] | None = None,
) -> str:
    """The hex SHA-256 key of one request; equal requests always give equal keys."""
    document = {
        "v": KEY_VERSION,
        "model": identity,
        "messages": [[m.role, m.content] for m in messages],
        "params": params.model_dump(mode="json"),
        "json_schema": json_schema,
    }
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


def _request_tools(model: object) -> object:
    request = getattr(model, "request", None)  # LangChainChat: the call being served
    kwargs = getattr(request, "kwargs", None)
    return kwargs.get("tools") if isinstance(kwargs, Mapping) else None


def _without_credentials(url: str) -> str:
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc))
