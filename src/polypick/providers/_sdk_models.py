"""Sending a request body through an SDK and reading its answer, fast.

polypick builds each request body itself, in the API's JSON shape, so it goes out with the
SDK client's documented low-level ``post`` ("undocumented requests" in the SDKs' READMEs),
which keeps the SDK's connection handling, headers, errors and timeouts but skips the typed
methods' recursive transformation of the parameters — for a chat request, more CPU than
everything else polypick does with it.

The answer comes back as the HTTP response; its JSON is validated into the SDK's own class by
pydantic (about 10 µs) rather than built by the SDK's recursive, pure-Python ``construct``
(about 270 µs for a Chat Completions answer with four choices). A server that strays from the
schema (a missing field, a finish reason the SDK does not know) fails validation; its answer
is then built the SDK's lenient way, as the typed methods would. (``benchmarks/overhead.py``
measures the whole call.)
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any, Protocol, TypeVar, cast

import pydantic

from polypick.errors import InvalidResponseError

__all__ = ["JsonBody", "http_answer", "read_model"]

M = TypeVar("M", bound=pydantic.BaseModel)


class JsonBody(Protocol):
    """An HTTP answer whose body has been read (a request sent without streaming)."""

    def json(self) -> Any: ...


async def http_answer(raw: Awaitable[Any]) -> JsonBody:
    """The HTTP answer inside what an SDK's ``with_raw_response`` method gives: used where the
    SDK's HTTP client is not httpx itself (Anthropic's), so ``post(cast_to=httpx.Response)``
    cannot name its response class; the parameters are then transformed, the answer still
    read fast."""
    return cast("JsonBody", (await raw).http_response)


async def read_model(raw: Awaitable[JsonBody], cls: type[M], provider: str) -> M:
    """The response object of class ``cls`` for the HTTP answer ``raw`` resolves to.

    Raises:
        InvalidResponseError: (retryable) when the body is JSON but not an object.
        ValueError: when it is not JSON (mapped with the SDK's errors by the caller).
    """
    data = (await raw).json()
    if not isinstance(data, dict):
        failure = InvalidResponseError("the response is not a JSON object", provider=provider)
        failure.retryable = True  # a garbled answer, like a truncated body
        raise failure
    try:
        return cls.model_validate(data)
    except pydantic.ValidationError:
        return cls.construct(**data)  # the SDK's own way: lenient, nested, slow
