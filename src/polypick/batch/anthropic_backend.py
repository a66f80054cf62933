"""Anthropic's Message Batches: create a batch of ``{custom_id, params}`` requests, poll its
``processing_status`` until ``ended``, then stream its JSONL results."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, TypeVar

import anthropic

from polypick.batch.backend import BatchState, ModelBatches, Submitted, sdk_call
from polypick.batch.formats import ItemOutcome, anthropic_outcome, anthropic_requests
from polypick.core.types import Completion, Message, SamplingParams, Usage
from polypick.errors import InvalidResponseError
from polypick.providers.anthropic import AnthropicChat

__all__ = ["AnthropicBatch"]

T = TypeVar("T")
_FINISH = {"end_turn": "stop", "stop_sequence": "stop", "max_tokens": "length"}


class AnthropicBatch(ModelBatches[AnthropicChat]):
    """Batches for one :class:`AnthropicChat` model, over its own connection settings."""

    def request(
        self,
        messages: Sequence[Message],
        params: SamplingParams,
        n: int,
        json_schema: Mapping[str, Any] | None,
    ) -> dict[str, Any]:
        # json_schema is left to the prompt, as in direct calls; batches cache prompts too
        body = self._model._request(messages, params, cache=self._model._caches(messages))
        body.update(body.pop("extra_body", {}))
        return body

    def completions(self, body: dict[str, Any], n: int) -> list[Completion]:
        name = self._model.name
        blocks = [b for b in body.get("content") or [] if isinstance(b, dict)]
        text = "".join(str(b.get("text", "")) for b in blocks if b.get("type") == "text")
        if not text:
            refused = body.get("stop_reason") == "refusal"
            why = "the model refused, with no text" if refused else "the response has no text"
            raise InvalidResponseError(why, provider=name)
        usage = body.get("usage") or {}
        prompt_tokens = sum(
            int(usage.get(k) or 0)
            for k in ("input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens")
        )
        stop = body.get("stop_reason") or None
        output_tokens = int(usage.get("output_tokens") or 0)
        return [
            Completion(
                text=text,
                finish_reason=_FINISH.get(stop, stop) if stop else None,
                usage=Usage(prompt_tokens=prompt_tokens, completion_tokens=output_tokens),
                model=body.get("model"),
            )
        ]

    async def _call(self, call: Callable[[anthropic.AsyncAnthropic], Awaitable[T]]) -> T:
        client = self._model._clients.get()
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
