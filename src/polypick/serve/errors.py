"""Turning whatever went wrong into OpenAI's error shape and HTTP status.

OpenAI clients pick their exception class from the status alone (400 ``BadRequestError``, 401
``AuthenticationError``, 404 ``NotFoundError``, 429 ``RateLimitError``, 5xx
``InternalServerError``) and read ``{"error": {"message", "type", "param", "code"}}``. The
mapping is pure, so every case is tested without a server:

==================================================  ======  ===========================
what happened                                        status  code
==================================================  ======  ===========================
bad request or polypick settings, over the budget     400     ``invalid_value``
the upstream rejected the request as sent (400/422)  400     ``upstream_rejected``
missing or wrong server key                          401     ``invalid_api_key``
unknown model                                        404     ``model_not_found``
the body took longer than ``read_timeout``           408     ``request_timeout``
the body is larger than ``max_body_bytes``           413     ``request_too_large``
``max_concurrent_requests`` already in progress      429     ``server_busy``
every failed sample was rate limited                 429     ``rate_limit_exceeded``
upstream unreachable or answering 503                503     ``upstream_unavailable``
other upstream failures, too few candidates          502     ``upstream_error``
the deadline ran out                                 504     ``deadline_exceeded``
a bug                                                500     ``internal_error``
==================================================  ======  ===========================
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from polypick.errors import (
    ConfigurationError,
    DeadlineExceededError,
    PolypickError,
    ProviderConnectionError,
    ProviderError,
    ProviderStatusError,
    ProviderTimeoutError,
    RateLimitError,
    TooFewCandidatesError,
    UnknownNameError,
)

__all__ = ["ApiFailure", "Refused", "failure_for", "invalid", "unauthorized"]

_CLIENT_FAULTS = frozenset({400, 422})  # upstream statuses that blame the request itself


@dataclass(frozen=True)
class ApiFailure:
    """One error answer: its status, OpenAI's error fields, and a ``Retry-After`` if any."""

    status: int
    message: str
    type: str
    code: str
    param: str | None = None
    retry_after: float | None = None

    def body(self) -> dict[str, Any]:
        """The JSON body OpenAI's clients read."""
        fields = {"message": self.message, "type": self.type, "param": self.param}
        return {"error": {**fields, "code": self.code}}

    def headers(self) -> dict[str, str]:
        return {} if self.retry_after is None else {"retry-after": f"{self.retry_after:g}"}


class Refused(PolypickError):
    """A request refused by one of the operator's limits, with the answer it gets."""

    def __init__(self, failure: ApiFailure) -> None:
        super().__init__(failure.message)
        self.failure = failure

    @classmethod
    def too_large(cls, limit: int) -> Refused:
        message = (
            f"the request body is larger than this server's limit of {limit} bytes "
            "(--max-body-bytes); send a smaller request"
        )
        return cls(ApiFailure(413, message, "invalid_request_error", "request_too_large"))

    @classmethod
    def too_slow(cls, seconds: float) -> Refused:
        message = (
            f"the request body took longer than {seconds:g} s to arrive (--read-timeout); "
            "send it at once"
        )
        return cls(ApiFailure(408, message, "invalid_request_error", "request_timeout"))

    @classmethod
    def busy(cls, limit: int) -> Refused:
        message = (
            f"this server is already answering its limit of {limit} requests at once "
            "(--max-concurrent-requests); retry shortly"
        )
        return cls(ApiFailure(429, message, "requests", "server_busy", retry_after=1))


def invalid(message: str, param: str | None = None) -> ConfigurationError:
    """A :class:`ConfigurationError` about the request field ``param``, answered with 400."""
    error = ConfigurationError(message)
    error.param = param  # read back by failure_for
    return error


def unauthorized() -> ApiFailure:
    return ApiFailure(
        401,
        "missing or wrong API key: send 'Authorization: Bearer KEY' with the key this server "
        "was started with (--api-key or POLYPICK_SERVE_API_KEY)",
        "invalid_request_error",
        "invalid_api_key",
    )


def failure_for(exc: BaseException) -> ApiFailure:
    """The error answer for ``exc``, raised while serving a request."""
    if isinstance(exc, Refused):
        return exc.failure
    if isinstance(exc, UnknownNameError) and exc.kind == "model":
        return ApiFailure(404, str(exc), "invalid_request_error", "model_not_found", "model")
    if isinstance(exc, ConfigurationError):
        param = exc.param if isinstance(exc, ConfigurationError) else None
        return ApiFailure(400, str(exc), "invalid_request_error", "invalid_value", param)
    if isinstance(exc, TooFewCandidatesError):
        return _too_few(exc)
    if isinstance(exc, DeadlineExceededError | ProviderError):
        return _upstream([exc], str(exc))
    return ApiFailure(
        500, f"internal error ({type(exc).__name__}: {exc})", "server_error", "internal_error"
    )


def _too_few(exc: TooFewCandidatesError) -> ApiFailure:
    causes = exc.exceptions
    distinct = list(dict.fromkeys(str(cause) for cause in causes))
    summary = "; ".join(distinct[:3]) + ("; ..." if len(distinct) > 3 else "")
    return _upstream(causes, f"{exc.message}. Causes: {summary}")


def _upstream(causes: Sequence[BaseException], message: str) -> ApiFailure:
    if causes and all(isinstance(c, DeadlineExceededError | ProviderTimeoutError) for c in causes):
        hint = "; raise polypick.deadline or lower n"
        return ApiFailure(504, message + hint, "server_error", "deadline_exceeded")
    if causes and all(isinstance(c, RateLimitError) for c in causes):
        waits = [c.retry_after for c in causes if isinstance(c, RateLimitError) and c.retry_after]
        return ApiFailure(
            429,
            message + "; the upstream is rate limiting, retry later",
            "requests",
            "rate_limit_exceeded",
            retry_after=max(waits, default=None),
        )
    if causes and all(_status(c) in _CLIENT_FAULTS for c in causes):
        return ApiFailure(400, message, "invalid_request_error", "upstream_rejected")
    if causes and all(_unavailable(c) for c in causes):
        hint = "; the upstream model server is unreachable or overloaded, retry later"
        return ApiFailure(503, message + hint, "server_error", "upstream_unavailable")
    return ApiFailure(502, message, "server_error", "upstream_error")


def _status(exc: BaseException) -> int | None:
    return exc.status_code if isinstance(exc, ProviderStatusError) else None


def _unavailable(exc: BaseException) -> bool:
    return isinstance(exc, ProviderConnectionError) or _status(exc) == 503
