"""Reading an SDK's response object from the raw answer, fast.

The SDKs build their response objects with a recursive, pure-Python ``construct`` that
validates nothing: about 270 µs of CPU for a Chat Completions answer with four choices, more
than everything else polypick does with it. pydantic validates the same JSON into the same
class in about 10 µs. So the OpenAI provider sends its body with the client's low-level
``post`` and takes the HTTP response; the Anthropic provider (whose SDK's HTTP client is not
httpx, so ``post`` cannot name its response class) uses the typed method with
``with_raw_response``. Either way the answer's JSON is validated. A server that strays from the
schema (a missing field, a finish reason the SDK does not know) fails validation; its answer is
then built the SDK's lenient way, exactly as before. (``benchmarks/overhead.py`` measures the
whole call.)
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any, Protocol, TypeVar, cast

import pydantic

__all__ = ["JsonBody", "http_answer", "read_model"]

M = TypeVar("M", bound=pydantic.BaseModel)


class JsonBody(Protocol):
    """An HTTP answer whose body has been read (a request sent without streaming)."""

    def json(self) -> Any: ...


async def http_answer(raw: Awaitable[Any]) -> JsonBody:
    """The HTTP answer inside what an SDK's ``with_raw_response`` method gives, its body read
    (the request was not streamed)."""
    return cast("JsonBody", (await raw).http_response)


async def read_model(raw: Awaitable[JsonBody], cls: type[M]) -> M:
    """The response object of class ``cls`` for the HTTP answer ``raw`` resolves to.

    Raises:
        ValueError: when the body is not a JSON object; the caller maps it with the SDK's
            errors (:func:`~polypick.providers.sdk_errors.sdk_call`: a retryable unreadable
            response), as it does a body that is not JSON at all.
    """
    data = (await raw).json()
    if not isinstance(data, dict):
        raise ValueError("the response is not a JSON object")
    try:
        return cls.model_validate(data)
    except pydantic.ValidationError:
        return cls.construct(**data)  # the SDK's own way: lenient, nested, slow
