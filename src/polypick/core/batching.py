"""What a provider's batch API offers, whatever the provider (the :class:`BatchBackend` of the
:class:`~polypick.core.capabilities.BatchSubmission` capability), and the data it exchanges.

A backend builds the request body its provider's synchronous API would receive (so a batch
answers exactly what a direct call would), reads a response body back into completions, and
runs the batch lifecycle: submit, poll, collect results, cancel.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from polypick.core.protocol import ChatModel, ModelRequest
from polypick.core.types import Completion

__all__ = ["BatchBackend", "BatchState", "ItemError", "ItemOutcome", "Submitted"]


@dataclass(frozen=True)
class ItemError:
    """Why one request of a batch has no answer."""

    message: str
    code: str = "error"
    status_code: int | None = None
    retryable: bool = True


@dataclass(frozen=True)
class ItemOutcome:
    """One request's result: the response body, or an error."""

    custom_id: str
    body: dict[str, Any] | None = None
    error: ItemError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.body is not None


@dataclass(frozen=True)
class Submitted:
    """A batch the provider accepted."""

    batch_id: str
    input_file_id: str | None = None


@dataclass(frozen=True)
class BatchState:
    """A batch as seen by one poll: the provider's own status word and its request counts."""

    batch_id: str
    status: str
    ended: bool
    total: int
    succeeded: int
    failed: int
    detail: str = ""
    """Why a batch failed as a whole (its validation errors), if it did."""


class BatchBackend(Protocol):
    """One model behind one provider's batch API."""

    @property
    def model(self) -> ChatModel:
        """The synchronous backend this batches for (its name, limits and validation)."""
        ...

    def request(self, request: ModelRequest) -> dict[str, Any]:
        """The request body the synchronous API would receive."""
        ...

    def completions(self, body: dict[str, Any], n: int) -> list[Completion]:
        """Read one response body; raises ``InvalidResponseError`` for unusable answers."""
        ...

    async def submit(self, items: Sequence[tuple[str, dict[str, Any]]]) -> Submitted: ...

    async def poll(self, batch_id: str) -> BatchState: ...

    async def results(self, batch_id: str) -> list[ItemOutcome]:
        """Every result the ended batch has (requests it never ran may be missing)."""
        ...

    async def cancel(self, batch_id: str) -> None: ...

    async def aclose(self) -> None: ...
