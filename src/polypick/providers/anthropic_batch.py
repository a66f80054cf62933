"""Anthropic's Message Batches: create a batch of ``{custom_id, params}`` requests, poll its
``processing_status`` until ``ended``, then stream its JSONL results."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

import anthropic

from polypick.core.batching import BatchState, ItemOutcome, Submitted
from polypick.core.protocol import ModelRequest
from polypick.core.types import Completion
from polypick.providers._batches import ModelBatches, sdk_call
from polypick.providers.anthropic import AnthropicChat
from polypick.providers.batch_formats import anthropic_outcome, anthropic_requests

__all__ = ["AnthropicBatch"]

T = TypeVar("T")


class AnthropicBatch(ModelBatches[AnthropicChat]):
    """Batches for one :class:`AnthropicChat` model, over its own connection settings."""

    def request(self, request: ModelRequest) -> dict[str, Any]:
        # json_schema is left to the prompt, as in direct calls; batches cache prompts too
        return self._model.request_body(request.messages, request.params)

    def completions(self, body: dict[str, Any], n: int) -> list[Completion]:
        return [self._model.parse_response(body)]

    async def _call(self, call: Callable[[anthropic.AsyncAnthropic], Awaitable[T]]) -> T:
        client = self._model.client()
        return await sdk_call(
            lambda: call(client),
            anthropic,
            anthropic.AnthropicError,
            self._model.name,
            self._policy,
        )

    async def submit(self, items: Sequence[tuple[str, dict[str, Any]]]) -> Submitted:
        requests: Any = anthropic_requests(items)
        batch = await self._call(lambda c: c.messages.batches.create(requests=requests))
        return Submitted(batch.id)

    async def poll(self, batch_id: str) -> BatchState:
        batch = await self._call(lambda c: c.messages.batches.retrieve(batch_id))
        counts = batch.request_counts
        failed = counts.errored + counts.canceled + counts.expired
        return BatchState(
            batch_id=batch.id,
            status=batch.processing_status,
            ended=batch.processing_status == "ended",
            total=counts.processing + counts.succeeded + failed,
            succeeded=counts.succeeded,
            failed=failed,
        )

    async def results(self, batch_id: str) -> list[ItemOutcome]:
        async def read(client: anthropic.AsyncAnthropic) -> list[ItemOutcome]:
            lines = await client.messages.batches.results(batch_id)
            return [anthropic_outcome(line.model_dump(mode="json")) async for line in lines]

        return await self._call(read)

    async def cancel(self, batch_id: str) -> None:
        await self._call(lambda c: c.messages.batches.cancel(batch_id))
