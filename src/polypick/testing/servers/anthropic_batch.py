"""Fake Anthropic Message Batches API over the fake Messages server."""

from __future__ import annotations

import json
import re
import time
from typing import Any

from starlette.routing import Route

from ._batch import BatchLifecycle, FakeBatch, iso
from ._runner import ApiError, Call, Responder
from .anthropic import FakeAnthropicServer

_CUSTOM_ID = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
_UNANSWERED = {"expired": "expired", "cancelled": "canceled"}
_COUNTS = ("succeeded", "errored", "canceled", "expired")


class FakeAnthropicBatchServer(BatchLifecycle, FakeAnthropicServer):
    """The fake Anthropic server plus Message Batches, on 127.0.0.1 (SDK ``base_url``).

    A batch is ``in_progress`` from creation and ``ended`` once every request has a result;
    ``items_per_step`` requests are answered per tick (``step_s`` seconds, or ``advance()`` when
    ``step_s`` is None) with the fake Messages logic. As on the real API, ``request_counts``
    show everything as ``processing`` until the batch ends, ``cancel`` goes through
    ``canceling``, and results — ``succeeded``, ``errored`` (``fail_items`` or invalid params),
    ``canceled`` or ``expired`` (``expire()``) — are served as JSONL, not in request order.
    """

    _first_phase = "in_progress"

    def __init__(
        self,
        *,
        step_s: float | None = 0.02,
        items_per_step: int | None = None,
        responder: Responder | None = None,
        latency_s: float = 0.0,
    ) -> None:
        self._init_batches(step_s, items_per_step)
        super().__init__(latency_s=latency_s, responder=responder)

    def _routes(self) -> list[Route]:
        base = "/v1/messages/batches"
        return [
            *super()._routes(),
            self._raw_route(base, self._create, "POST"),
            self._raw_route(base, self._list, "GET"),
            self._raw_route(base + "/{batch_id}", self._retrieve, "GET"),
            self._raw_route(base + "/{batch_id}/results", self._results, "GET"),
            self._raw_route(base + "/{batch_id}/cancel", self._cancel_route),
        ]

    def _create(self, call: Call) -> dict[str, Any]:
        requests = call.body.get("requests")
        if not isinstance(requests, list) or not requests:
            raise ApiError(400, "requests: Field required", param="requests")
        items: list[tuple[str, dict[str, Any]]] = []
        for position, request in enumerate(requests):
            custom_id = request.get("custom_id") if isinstance(request, dict) else None
            params = request.get("params") if isinstance(request, dict) else None
            if not isinstance(custom_id, str) or not _CUSTOM_ID.match(custom_id):
                raise ApiError(
                    400, f"requests.{position}.custom_id: must match {_CUSTOM_ID.pattern}"
                )
            if not isinstance(params, dict):
                raise ApiError(400, f"requests.{position}.params: Field required")
            if any(custom_id == c for c, _ in items):
                raise ApiError(400, f"requests.{position}: duplicate custom_id {custom_id!r}")
            items.append((custom_id, params))
        key = call.headers.get("x-api-key") or call.headers.get("authorization", "")
        batch = FakeBatch(
            id=f"msgbatch_fake{len(self._batches) + 1}",
            items=items,
            headers={"x-api-key": key},
            created=time.time(),
        )
        self._add_batch(batch)
        return self._render(batch)

    def _results(self, call: Call) -> bytes:
        batch = self._get_batch(call.path["batch_id"])
        if batch.phase != "ended":
            raise ApiError(400, f"Message Batch {batch.id} has not finished processing.")
        # the real API makes no promise about order: serve them backwards to keep clients honest
        lines = [{"custom_id": c, "result": r} for c, r in reversed(batch.outcomes.items())]
        return "".join(json.dumps(line) + "\n" for line in lines).encode()

    def _answer_item(
        self, batch: FakeBatch, custom_id: str, body: dict[str, Any], failure: int | None
    ) -> dict[str, Any]:
        try:
            if failure is not None:
                raise ApiError(failure, f"Injected item failure: HTTP {failure}")
            message = self._messages(Call(self._next_seq(), body, batch.headers, None))
        except ApiError as err:
            return {"type": "errored", "error": self._error_payload(err)}
        return {"type": "succeeded", "message": message}

    def _after_processing(self, batch: FakeBatch) -> None:
        self._finish(batch, "completed")

    def _unanswered_item(self, batch: FakeBatch, custom_id: str, end: str) -> dict[str, Any]:
        return {"type": _UNANSWERED[end]}

    def _render(self, batch: FakeBatch) -> dict[str, Any]:
        ended = batch.phase == "ended"
        status = "ended" if ended else "canceling" if batch.phase == "cancelling" else "in_progress"
        counts = dict.fromkeys(_COUNTS, 0)
        if ended:
            for outcome in batch.outcomes.values():
                counts[outcome["type"]] += 1
        results_url = f"{self.base_url}/v1/messages/batches/{batch.id}/results" if ended else None
        return {
            "id": batch.id,
            "type": "message_batch",
            "processing_status": status,
            "request_counts": {"processing": 0 if ended else len(batch.items), **counts},
            "created_at": iso(batch.created),
            "expires_at": iso(batch.created + 86400),
            "ended_at": iso(batch.stamps.get("ended")),
            "cancel_initiated_at": iso(batch.stamps.get("cancelling")),
            "archived_at": None,
            "results_url": results_url,
        }
