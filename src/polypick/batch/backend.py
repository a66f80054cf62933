"""What a provider's batch API must offer the driver, whatever the provider.

A backend builds the request body its provider's synchronous API would receive (so a batch
answers exactly what a direct call would), reads a response body back into completions, and
runs the batch lifecycle: submit, poll, collect results, cancel. Calls to the batch API go
through the core's retry layer, like every other call polypick makes.
"""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Generic, Protocol, TypeVar

from polypick.batch.formats import ItemOutcome
from polypick.core.protocol import ChatModel
from polypick.core.retry import RetryPolicy, retrying
from polypick.core.types import Completion, Message, SamplingParams
from polypick.errors import ConfigurationError
from polypick.providers._sdk_errors import map_sdk_error

__all__ = [
    "BatchBackend",
    "BatchState",
    "ModelBatches",
    "Submitted",
    "batch_backend",
    "sdk_call",
]

T = TypeVar("T")
M = TypeVar("M", bound=ChatModel)


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

    def request(
        self,
        messages: Sequence[Message],
        params: SamplingParams,
        n: int,
        json_schema: Mapping[str, Any] | None,
    ) -> dict[str, Any]:
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


class ModelBatches(Generic[M]):
    """What both providers' backends hold: the model they batch for and the API retry policy."""

    def __init__(self, model: M, policy: RetryPolicy) -> None:
        self._model = model
        self._policy = policy

    @property
    def model(self) -> M:
        return self._model

    async def aclose(self) -> None:
        await self._model.aclose()


async def sdk_call(
    call: Callable[[], Awaitable[T]],
    sdk: ModuleType,
    sdk_error: type[Exception],
    provider: str,
    policy: RetryPolicy,
) -> T:
    """One batch-API call through the core's retry layer, SDK errors mapped to polypick's."""

    async def attempt() -> T:
        try:
            return await call()
        except (sdk_error, ValueError) as exc:  # ValueError: a malformed body
            raise map_sdk_error(exc, sdk, provider) from exc

    return await retrying(attempt, policy)


def batch_backend(model: ChatModel, policy: RetryPolicy) -> BatchBackend:
    """The batch backend for a synchronous one: OpenAI's Batch API or Anthropic's batches."""
    # A model can only be an OpenAIChat or AnthropicChat if that module is loaded already:
    # looking there first spares an OpenAI job the import of the Anthropic SDK and vice versa.
    openai_chat = sys.modules.get("polypick.providers.openai")
    if openai_chat is not None and isinstance(model, openai_chat.OpenAIChat):
        from polypick.batch.openai_backend import OpenAIBatch

        return OpenAIBatch(model, policy)
    anthropic_chat = sys.modules.get("polypick.providers.anthropic")
    if anthropic_chat is not None and isinstance(model, anthropic_chat.AnthropicChat):
        from polypick.batch.anthropic_backend import AnthropicBatch

        return AnthropicBatch(model, policy)
    raise ConfigurationError(
        f"{model.name} has no batch API; batch jobs run on 'openai:MODEL' and "
        "'anthropic:MODEL' models (OpenAIChat or AnthropicChat objects)"
    )
