"""Every error polypick raises.

The tree::

    PolypickError
    ├── ConfigurationError (also ValueError)     bad input, raised before any request is sent
    │   ├── UnknownNameError (also KeyError)      an unknown provider spec or selector name
    │   ├── MissingAPIKeyError                    names the environment variable to set
    │   └── MissingDependencyError (ImportError)  names the ``pip install "polypick[extra]"`` to run
    ├── ProviderError                             one call to a model failed
    │   ├── ProviderConnectionError               could not reach the server (retryable)
    │   ├── ProviderTimeoutError                  the request timed out (retryable)
    │   ├── ProviderStatusError                   the server answered with an HTTP error
    │   │   └── RateLimitError                    HTTP 429 (retryable, may carry ``retry_after``)
    │   └── InvalidResponseError                  the answer could not be used (empty, malformed)
    ├── DeadlineExceededError (also TimeoutError) the overall deadline ran out
    ├── TooFewCandidatesError (an ExceptionGroup) fewer candidates survived than required;
    │                                             carries every cause
    └── BatchError (an ExceptionGroup)            some prompts of a batch failed; carries every
                                                  failure and every selection that succeeded

Retryable errors are exactly those whose ``retryable`` attribute is true; the core's single retry
layer reads nothing else, so providers decide retryability in one place (their error mapping).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

if sys.version_info < (3, 11):  # pragma: no cover - exercised on 3.10 only
    from exceptiongroup import ExceptionGroup

__all__ = [
    "BatchError",
    "ConfigurationError",
    "DeadlineExceededError",
    "InvalidResponseError",
    "MissingAPIKeyError",
    "MissingDependencyError",
    "PolypickError",
    "ProviderConnectionError",
    "ProviderError",
    "ProviderStatusError",
    "ProviderTimeoutError",
    "RateLimitError",
    "TooFewCandidatesError",
    "UnknownNameError",
]

# Status codes worth another attempt: request timeout, conflict, rate limit and server errors.
RETRYABLE_STATUS = frozenset({408, 409, 429})


class PolypickError(Exception):
    """Base class of every error raised by polypick."""


class ConfigurationError(PolypickError, ValueError):
    """The configuration or input is invalid; nothing was sent.

    ``param`` names the request field at fault when the input came from a network client
    (``polypick serve`` answers 400 naming it)."""

    param: str | None = None


class UnknownNameError(ConfigurationError, KeyError):
    """A provider spec or strategy name is not registered."""

    def __init__(self, kind: str, name: str, known: Sequence[str]) -> None:
        self.kind = kind
        self.name = name
        self.known = tuple(known)
        super().__init__(f"unknown {kind} {name!r}; choose one of: {', '.join(self.known)}")

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return str(self.args[0])


class MissingAPIKeyError(ConfigurationError):
    """No API key was given and the provider's environment variable is not set."""

    def __init__(self, provider: str, env_var: str) -> None:
        self.provider = provider
        self.env_var = env_var
        super().__init__(
            f"no API key for {provider}: set the {env_var} environment variable "
            f"or pass api_key=... to the provider"
        )


class MissingDependencyError(ConfigurationError, ImportError):
    """An optional dependency is not installed."""

    def __init__(self, feature: str, extra: str) -> None:
        self.feature = feature
        self.extra = extra
        super().__init__(f'{feature} needs an optional dependency: pip install "polypick[{extra}]"')


class ProviderError(PolypickError):
    """A call to a model failed.

    Attributes:
        provider: the provider's name, e.g. ``openai:gpt-4o-mini``.
        retryable: whether another attempt may succeed.
        retry_after: seconds the server asked us to wait, if it said.
    """

    retryable: bool = False

    def __init__(
        self,
        message: str,
        *,
        provider: str = "",
        retry_after: float | None = None,
    ) -> None:
        self.provider = provider
        self.retry_after = retry_after
        super().__init__(f"{provider}: {message}" if provider else message)


class ProviderConnectionError(ProviderError):
    """The server could not be reached or dropped the connection."""

    retryable = True


class ProviderTimeoutError(ProviderError):
    """The request took longer than its timeout."""

    retryable = True


class ProviderStatusError(ProviderError):
    """The server answered with an HTTP error status.

    Attributes:
        status_code: the HTTP status.
        reason: the server's own message.
        param: the request field the server blamed, when it named one.
        code: the error body's code, when it gives one (OpenAI's error object names why a
            parameter was rejected: ``"unsupported_value"``, ``"unsupported_parameter"``).
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        provider: str = "",
        retry_after: float | None = None,
        param: str | None = None,
        code: str | None = None,
    ) -> None:
        self.status_code = status_code
        self.reason = message
        self.param = param
        self.code = code
        super().__init__(
            f"HTTP {status_code}: {message}", provider=provider, retry_after=retry_after
        )
        self.retryable = status_code in RETRYABLE_STATUS or status_code >= 500


class RateLimitError(ProviderStatusError):
    """HTTP 429: too many requests."""


class InvalidResponseError(ProviderError):
    """The server answered, but the answer cannot be used as a candidate."""


class DeadlineExceededError(PolypickError, TimeoutError):
    """The overall deadline of a call ran out."""


class TooFewCandidatesError(ExceptionGroup[Exception], PolypickError):
    """Fewer candidates survived than ``min_candidates``; ``exceptions`` holds every cause."""

    def __new__(cls, message: str, exceptions: Sequence[Exception]) -> TooFewCandidatesError:
        return super().__new__(cls, message, exceptions)

    def derive(self, excs: Sequence[Exception]) -> TooFewCandidatesError:  # type: ignore[override]
        return TooFewCandidatesError(self.message, excs)


class BatchError(ExceptionGroup[Exception], PolypickError):
    """Some prompts of a batch failed.

    ``exceptions`` holds each failure; ``results`` holds one entry per prompt, in order: the
    selection where the prompt succeeded, ``None`` where it failed — so no finished work is lost.
    """

    results: list[Any]

    def __new__(
        cls, message: str, exceptions: Sequence[Exception], results: Sequence[Any] = ()
    ) -> BatchError:
        self = super().__new__(cls, message, exceptions)
        self.results = list(results)
        return self

    def __init__(
        self, message: str, exceptions: Sequence[Exception], results: Sequence[Any] = ()
    ) -> None:
        super().__init__(message, exceptions)

    def derive(self, excs: Sequence[Exception]) -> BatchError:  # type: ignore[override]
        return BatchError(self.message, excs, self.results)
