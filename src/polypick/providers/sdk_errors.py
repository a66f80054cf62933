"""Turning the OpenAI and Anthropic SDKs' exceptions into polypick's, in one place.

Both SDKs share one exception shape (``APIStatusError`` with ``status_code`` and ``response``,
``APITimeoutError`` below ``APIConnectionError``), so one mapping serves both.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Mapping
from types import ModuleType

from polypick.errors import (
    InvalidResponseError,
    ProviderConnectionError,
    ProviderError,
    ProviderStatusError,
    ProviderTimeoutError,
    RateLimitError,
)

__all__ = ["map_sdk_error", "parse_retry_after"]


def parse_retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds to wait from ``retry-after-ms`` or ``retry-after`` (seconds or an HTTP date)."""
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            return max(0.0, float(millis) / 1000.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        return None if parsed is None else max(0.0, parsed.timestamp() - time.time())


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
    """The polypick error for an exception raised by the ``sdk`` module (openai or anthropic)."""
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
            _status_message(exc),
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
