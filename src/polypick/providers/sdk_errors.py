"""Turning the OpenAI and Anthropic SDKs' exceptions into polypick's, in one place.

Both SDKs share one exception shape (``APIStatusError`` with ``status_code`` and ``response``,
``APITimeoutError`` below ``APIConnectionError``), so one mapping serves both. Two failures
never reach the SDKs' exceptions and are caught here too: an error sent in the body of an
HTTP 200 answer (:func:`error_in_body`), and an answer that trickles in for longer than the
request's timeout, which the SDKs only bound per read (:func:`whole_request`).
"""

from __future__ import annotations

import asyncio
import email.utils
import math
import sys
import time
from collections.abc import Awaitable, Mapping
from types import ModuleType
from typing import Any, TypeVar

from polypick.core.redact import redact
from polypick.errors import (
    InvalidResponseError,
    ProviderConnectionError,
    ProviderError,
    ProviderStatusError,
    ProviderTimeoutError,
    RateLimitError,
)

__all__ = [
    "ANTHROPIC_STATUS",
    "check_answer",
    "error_in_body",
    "map_sdk_error",
    "parse_retry_after",
    "whole_request",
]

T = TypeVar("T")

# The HTTP status of each of Anthropic's documented error types (https://docs.claude.com/en/api/
# errors); batch results and errors sent under HTTP 200 carry only the type.
ANTHROPIC_STATUS = {
    "invalid_request_error": 400,
    "authentication_error": 401,
    "billing_error": 402,
    "permission_error": 403,
    "not_found_error": 404,
    "request_too_large": 413,
    "rate_limit_error": 429,
    "api_error": 500,
    "timeout_error": 504,
    "overloaded_error": 529,
}
# ... and OpenAI's "type" values, for servers that send an error without a numeric code
_STATUS_OF_TYPE = {**ANTHROPIC_STATUS, "rate_limit_exceeded": 429, "server_error": 500}


def parse_retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds to wait from ``retry-after-ms`` or ``retry-after`` (seconds or an HTTP date), or
    ``None`` when neither is usable (absent, garbled, not a finite number): the retry layer then
    backs off on its own, and it caps what a server asks for (``RetryPolicy.max_retry_after``)."""
    millis = _seconds(headers.get("retry-after-ms"))
    if millis is not None:
        return millis / 1000.0
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = _seconds(value)
    if seconds is not None:
        return seconds
    try:
        when = email.utils.parsedate_to_datetime(value.strip())
        wait = when.timestamp() - time.time()
    except (TypeError, ValueError, IndexError, OverflowError):  # "soon", a malformed date
        return None
    return max(0.0, wait)


def _seconds(value: str | None) -> float | None:
    """A non-negative, finite number of seconds from a header value, or ``None``."""
    try:
        number = float(value) if value is not None else math.nan
    except ValueError:
        return None
    return max(0.0, number) if math.isfinite(number) else None


def _status_message(exc: Exception) -> str:
    error = _error_object(exc)
    if isinstance(error.get("message"), str):
        return str(error["message"])
    return getattr(exc, "message", None) or str(exc)


def _error_object(exc: Exception) -> dict[str, object]:
    """The error object of the response body (``{"error": {...}}`` or the body itself)."""
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        error = body.get("error", body)
        if isinstance(error, dict):
            return error
    return {}


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def map_sdk_error(exc: Exception, sdk: ModuleType, provider: str) -> ProviderError:
    """The polypick error for an exception raised by the ``sdk`` module (openai or anthropic).

    Secrets an upstream echoes (a key in "Incorrect API key provided: ...") are redacted from
    the error, and from the SDK's exception it is chained to.
    """
    _redact_sdk_error(exc)
    if isinstance(exc, sdk.APITimeoutError):
        return ProviderTimeoutError(f"request timed out ({exc})", provider=provider)
    if isinstance(exc, sdk.APIConnectionError):
        return ProviderConnectionError(f"connection failed ({exc})", provider=provider)
    if isinstance(exc, sdk.APIStatusError):
        status = int(exc.status_code)
        retry_after = parse_retry_after(exc.response.headers)
        cls = RateLimitError if status == 429 else ProviderStatusError
        body = _error_object(exc)
        return cls(
            redact(_status_message(exc)),
            status_code=status,
            provider=provider,
            retry_after=retry_after,
            param=_text(body.get("param")),
            code=_text(body.get("code")),
        )
    if isinstance(exc, sdk.APIResponseValidationError | ValueError):
        error = InvalidResponseError(f"unreadable response ({exc})", provider=provider)
        error.retryable = True  # a garbled body is a passing fault, like a dropped connection
        return error
    return ProviderError(f"{type(exc).__name__}: {exc}", provider=provider)


def _redact_sdk_error(exc: Exception) -> None:
    exc.args = tuple(redact(a) if isinstance(a, str) else a for a in exc.args)
    if isinstance(getattr(exc, "message", None), str):
        exc.message = redact(exc.message)  # type: ignore[attr-defined]


def error_in_body(response: object, provider: str) -> ProviderError | None:
    """The error an HTTP 200 answer carries in its body instead of a result, or ``None``.

    Gateways answer 200 once a model has started and report a later failure in the body:
    ``{"error": {"code": 502, "message": ...}}`` (OpenRouter, https://openrouter.ai/docs/api/
    reference/errors-and-debugging), ``{"type": "error", "error": {"type":
    "overloaded_error", ...}}`` (Anthropic's error shape), ``{"error": "..."}`` (Ollama). The
    SDKs build an empty response from such a body; this turns it into the error it reports,
    with the status its ``code`` or ``type`` gives (so a 502 or an overload is retried), or a
    retryable :class:`InvalidResponseError` when it gives none.
    """
    extra = getattr(response, "model_extra", None)
    error = extra.get("error") if isinstance(extra, dict) else None
    if error is None or error == {}:
        return None
    fields: dict[str, Any] = error if isinstance(error, dict) else {"message": str(error)}
    message = fields.get("message")
    text = redact(message if isinstance(message, str) and message else str(fields)[:500])
    status = _status_in(fields)
    if status is None:
        failure = InvalidResponseError(
            f"HTTP 200 with an error in the body: {text}", provider=provider
        )
        failure.retryable = True  # nothing says it is the request's fault
        return failure
    cls = RateLimitError if status == 429 else ProviderStatusError
    return cls(
        f"{text} (sent in the body of an HTTP 200 answer)", status_code=status, provider=provider
    )


def check_answer(response: object, field: str, provider: str) -> None:
    """Raise what an HTTP 200 answer reports in its body (:func:`error_in_body`), or a
    retryable :class:`InvalidResponseError` when it lacks its ``field`` list (``choices``,
    ``content``): the SDKs build their objects without validating them."""
    failure = error_in_body(response, provider)
    if failure is None and not isinstance(getattr(response, field, None), list):
        failure = InvalidResponseError(f"the response has no {field}", provider=provider)
        failure.retryable = True  # a garbled answer, like a truncated body
    if failure is not None:
        raise failure


def _status_in(error: Mapping[str, Any]) -> int | None:
    code = error.get("code", error.get("status"))
    if isinstance(code, str) and code.isdigit():
        code = int(code)
    if isinstance(code, int) and not isinstance(code, bool) and 400 <= code <= 599:
        return code
    kind = error.get("type")
    return _STATUS_OF_TYPE.get(kind) if isinstance(kind, str) else None


async def whole_request(awaitable: Awaitable[T], timeout: float, provider: str) -> T:
    """``await awaitable`` within ``timeout`` seconds for the whole answer. The SDKs' timeout
    bounds each read, so a server sending a byte every half second would otherwise hold a
    request with ``timeout=2`` for as long as it likes."""
    try:
        if sys.version_info >= (3, 11):  # a deadline on this task: no task per request
            async with asyncio.timeout(timeout):
                return await awaitable
        return await asyncio.wait_for(awaitable, timeout)
    except asyncio.TimeoutError:  # not the builtin TimeoutError before Python 3.11
        raise ProviderTimeoutError(
            f"no complete answer within the request timeout of {timeout:g} s", provider=provider
        ) from None


async def sdk_call(
    awaitable: Awaitable[T],
    sdk: ModuleType,
    base_error: type[Exception],
    *,
    timeout: float,
    provider: str,
    answer_field: str,
) -> T:
    """An SDK request as polypick sends every one: within ``timeout`` for the whole answer,
    the SDK's errors (``base_error`` and a malformed body's ``ValueError``) mapped to
    polypick's, and an error in an HTTP 200 body (or a body without ``answer_field``) raised."""
    try:
        response = await whole_request(awaitable, timeout, provider)
    except (base_error, ValueError) as exc:
        raise map_sdk_error(exc, sdk, provider) from exc
    check_answer(response, answer_field, provider)
    return response
