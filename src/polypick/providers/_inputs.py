"""Provider settings and request bodies checked before anything is sent.

A bad timeout or a text that cannot be encoded is the caller's mistake: it fails at once as a
:class:`~polypick.errors.ConfigurationError` saying what to fix, instead of being sent (and
retried) and coming back as a confusing transport error.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from polypick.errors import ConfigurationError

__all__ = ["check_encodable", "check_timeout"]


def check_timeout(seconds: object, owner: str) -> float:
    """``seconds`` as a float if it is a positive, finite number, else a clear error."""
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise ConfigurationError(f"{owner}: timeout must be a number of seconds, got {seconds!r}")
    if not (seconds > 0 and math.isfinite(seconds)):
        raise ConfigurationError(
            f"{owner}: timeout must be a positive, finite number of seconds (e.g. 60), "
            f"got {seconds!r}"
        )
    return float(seconds)


def check_encodable(body: Mapping[str, Any], owner: str) -> None:
    """Refuse a request body holding text that is not valid Unicode (a lone surrogate, as left
    by ``errors="surrogateescape"`` or a ``"\\ud800"`` escape): it cannot be sent as UTF-8."""
    for where, text in _strings(body, ""):
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            bad = text[exc.start]
            raise ConfigurationError(
                f"{owner}: {where or 'the request'} holds {bad!r} at character {exc.start}, a "
                "lone surrogate that cannot be sent as UTF-8 (text decoded with "
                "errors='surrogateescape', or a broken '\\ud8xx' escape); decode the input with "
                "errors='replace' or remove the character"
            ) from None


def _strings(value: Any, where: str) -> Any:
    if isinstance(value, str):
        if not value.isascii():  # ASCII always encodes: skip the common case quickly
            yield where, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _strings(item, f"{where}[{index}]")
