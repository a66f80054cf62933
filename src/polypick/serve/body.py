"""Reading a request body within the operator's limits, into JSON that is safe to walk.

Every problem is a 4xx that says what was wrong: a body larger than ``max_body_bytes`` (413,
refused from its ``Content-Length`` before it is read, or as soon as it grows past the limit), one
that takes longer than ``read_timeout`` to arrive (408), bytes that are not UTF-8 JSON, ``NaN``
and ``Infinity`` (not JSON numbers, and nothing a sampling parameter may be), nesting deeper than
``max_json_depth``, and text with a lone surrogate (``"\\ud800"``), which nothing downstream
could encode.
"""

from __future__ import annotations

import asyncio
import json
import math
import re
from typing import Any

from starlette.requests import Request

from polypick.errors import ConfigurationError
from polypick.serve.errors import Refused, invalid

__all__ = ["json_depth", "parse_json", "read_body"]

_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_INNERMOST = re.compile(rb"\[\]|\{\}")


async def read_body(request: Request, limit: int, timeout: float) -> bytes:
    """The body, or :class:`Refused` (413 past ``limit`` bytes, 408 past ``timeout`` s)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise Refused.too_large(limit)
    try:
        return await asyncio.wait_for(_collect(request, limit), timeout)
    except asyncio.TimeoutError:  # not the builtin TimeoutError before Python 3.11
        raise Refused.too_slow(timeout) from None


async def _collect(request: Request, limit: int) -> bytes:
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Refused.too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def parse_json(raw: bytes, max_depth: int) -> Any:
    """``raw`` as JSON, or a 400 saying why it cannot be read."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise invalid(
            f"the request body is not UTF-8 (byte {exc.start} is {raw[exc.start]:#04x}); "
            "send JSON encoded as UTF-8",
            None,
        ) from None
    try:
        body = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except RecursionError:
        raise _too_deep(max_depth) from None
    except ConfigurationError:  # NaN, Infinity, 1e999: said by the hooks below
        raise
    except ValueError as exc:
        raise invalid(f"the request body is not valid JSON ({exc})", None) from None
    if json_depth(raw, max_depth) > max_depth:
        raise _too_deep(max_depth)
    if "\\u" in text:  # a lone surrogate can only come from an escape
        _check_surrogates(body)
    return body


def json_depth(raw: bytes, limit: int) -> int:
    """How deeply arrays and objects nest in ``raw``, valid JSON (``[]`` is 1), counted up to
    ``limit + 1``. Strings are dropped and the brackets left are paired off a level at a time,
    in C: at most ``limit + 1`` passes over the body, whatever it holds."""
    brackets = _STRING.sub(b"", raw).translate(None, _NOT_BRACKETS)
    depth = 0
    while brackets and depth <= limit:
        shorter = _INNERMOST.sub(b"", brackets)  # one level: pairs with nothing inside
        if len(shorter) == len(brackets):  # not valid JSON; the parser says so
            break
        brackets, depth = shorter, depth + 1
    return depth


def _too_deep(limit: int) -> Exception:
    return invalid(
        f"the request body nests arrays and objects more than {limit} levels deep; "
        "flatten it (this server's --max-json-depth)",
        None,
    )


def _no_constant(name: str) -> Any:
    raise invalid(
        f"the request body holds {name}, which is not a JSON number; send a finite number", None
    )


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise invalid(f"the number {text} is too large to be finite; send a finite number", None)
    return value


def _check_surrogates(body: Any) -> None:
    try:
        json.dumps(body, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise invalid(
            f"the request body holds a lone surrogate ({exc.object[exc.start]!r}), which is "
            "not Unicode text; escape characters outside the BMP as surrogate pairs",
            None,
        ) from None
