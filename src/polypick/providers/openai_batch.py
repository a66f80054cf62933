"""OpenAI's Batch API: upload a JSONL file (purpose ``batch``), create a batch over it, poll it
through ``validating`` → ``in_progress`` → ``finalizing`` → ``completed`` (or ``failed``,
``expired``, ``cancelled``), then read its output and error files."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

import openai

from polypick.core.batching import BatchState, ItemOutcome, Submitted
from polypick.core.protocol import ModelRequest
from polypick.core.types import Completion
from polypick.providers._batches import ModelBatches, sdk_call
from polypick.providers.batch_formats import decode_jsonl, openai_input, openai_outcome
from polypick.providers.openai import OpenAIChat

__all__ = ["OpenAIBatch"]

T = TypeVar("T")
_ENDED = frozenset({"completed", "failed", "expired", "cancelled"})


class OpenAIBatch(ModelBatches[OpenAIChat]):
    """Batches for one :class:`OpenAIChat` model, over its own connection settings."""

    def request(self, request: ModelRequest) -> dict[str, Any]:
        return self._model.request_body(request)

    def completions(self, body: dict[str, Any], n: int) -> list[Completion]:
        return self._model.parse_response(body, n)

    async def _call(self, call: Callable[[openai.AsyncOpenAI], Awaitable[T]]) -> T:
        client = self._model.client()
        return await sdk_call(
            lambda: call(client), openai, openai.OpenAIError, self._model.name, self._policy
        )

    async def submit(self, items: Sequence[tuple[str, dict[str, Any]]]) -> Submitted:
        data = openai_input(items)
        upload = await self._call(
            lambda c: c.files.create(file=("polypick-batch.jsonl", data), purpose="batch")
        )
        batch = await self._call(
            lambda c: c.batches.create(
                input_file_id=upload.id,
                endpoint="/v1/chat/completions",
                completion_window="24h",
                metadata={"created_by": "polypick"},
            )
        )
        return Submitted(batch.id, upload.id)

    async def poll(self, batch_id: str) -> BatchState:
        batch = await self._call(lambda c: c.batches.retrieve(batch_id))
        counts = batch.request_counts
        errors = batch.errors.data if batch.errors and batch.errors.data else []
        detail = "; ".join(f"line {e.line}: {e.message}" for e in errors)
        return BatchState(
            batch_id=batch.id,
            status=batch.status,
            ended=batch.status in _ENDED,
            total=counts.total if counts else 0,
            succeeded=counts.completed if counts else 0,
            failed=counts.failed if counts else 0,
            detail=detail,
        )

    async def results(self, batch_id: str) -> list[ItemOutcome]:
        batch = await self._call(lambda c: c.batches.retrieve(batch_id))
        outcomes: list[ItemOutcome] = []
        for file_id in (batch.output_file_id, batch.error_file_id):
            if file_id:
                content = await self._content(file_id)
                outcomes += [openai_outcome(line) for line in decode_jsonl(content)]
        return outcomes

    async def _content(self, file_id: str) -> str:
        response = await self._call(lambda c: c.files.content(file_id))
        return response.text

    async def cancel(self, batch_id: str) -> None:
        await self._call(lambda c: c.batches.cancel(batch_id))
