"""Streaming with token log-probabilities: the capability online early termination needs.

A backend that streams (:class:`StreamsTokens`) yields its answer as :class:`TokenChunk`\\ s while
the model generates; closing the iterator early (``aclose()``, or leaving an ``async for`` under
``contextlib.aclosing``) closes the connection, and the server stops generating. DeepConf's
online mode (:mod:`polypick.engine.stopping`) reads each chunk's log-probabilities and closes a
sample whose running confidence falls under its threshold.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncGenerator
from typing import Protocol, runtime_checkable

from polypick.core.protocol import ModelRequest
from polypick.core.types import Logprobs, Usage

__all__ = ["StreamsTokens", "TokenChunk"]


@dataclasses.dataclass(frozen=True, slots=True)
class TokenChunk:
    """One piece of a streamed answer: new text, its tokens' log-probabilities (when asked
    for), and, on the last chunks, why it finished and what it cost."""

    text: str = ""
    logprobs: Logprobs | None = None
    finish_reason: str | None = None
    usage: Usage | None = None


@runtime_checkable
class StreamsTokens(Protocol):
    """Streams one completion of a request (``request.n`` is ignored) as it is generated."""

    def stream(self, request: ModelRequest) -> AsyncGenerator[TokenChunk, None]:
        """The answer to ``request``, chunk by chunk; closing the iterator stops the request."""
        ...
