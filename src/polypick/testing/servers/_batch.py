"""What the fake batch servers share: the batch lifecycle (statuses advance one step per tick,
items are answered a few per tick) and the endpoints both providers have.

Ticks come from the clock (``step_s`` seconds each, applied when a request arrives, since the
state is only ever observed through requests) or from the test (``advance()``), so a test can
stop a batch mid-flight and look at it.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from ._raw import form_or_json_body
from ._runner import ApiError, Call, FakeServer, Handler

ItemRule = Callable[[str, dict[str, Any]], int | None]
"""Decides item failures: called with an item's ``custom_id`` and request body, it returns an
HTTP status to fail that item with, or ``None`` to answer it normally."""


@dataclass
class FakeBatch:
    """One batch on a fake server. ``outcomes`` maps a custom_id to the provider's result line."""

    id: str
    items: list[tuple[str, dict[str, Any]]]
    headers: dict[str, str]
    created: float
    phase: str = "validating"  # validating, in_progress, finalizing, cancelling, ended
    end: str | None = None  # completed, failed, expired, cancelled
    ticks: int = 0
    origin: float = 0.0  # when tick 0 began, for clock-driven ticks
    errors: list[dict[str, Any]] = field(default_factory=list)
    outcomes: dict[str, dict[str, Any]] = field(default_factory=dict)
    stamps: dict[str, float] = field(default_factory=dict)

    @property
    def custom_ids(self) -> list[str]:
        return [custom_id for custom_id, _ in self.items]

    def unanswered(self) -> list[tuple[str, dict[str, Any]]]:
        return [(c, body) for c, body in self.items if c not in self.outcomes]


class BatchLifecycle(FakeServer):
    """Mixin for a fake provider server that adds a batch API.

    Subclasses call :meth:`_init_batches` before ``FakeServer.__init__`` and implement
    :meth:`_answer_item` (one item's result line) and :meth:`_unanswered_item` (the line for an
    item the batch ended without answering).
    """

    _first_phase = "validating"

    def _init_batches(self, step_s: float | None, items_per_step: int | None) -> None:
        self._batch_lock = threading.RLock()
        self._batches: dict[str, FakeBatch] = {}
        self._step_s = step_s
        self._items_per_step = items_per_step
        self._item_rule: ItemRule | None = None
        self._item_seq = 0

    def _raw_route(self, path: str, handler: Handler, method: str = "POST") -> Route:
        """A batch endpoint: JSON or form bodies, an API key required, one handler at a time."""

        def guarded(call: Call) -> dict[str, Any] | bytes | Response:
            if not call.headers.get("authorization") and not call.headers.get("x-api-key"):
                raise ApiError(401, "No API key was provided.")
            with self._batch_lock:
                return handler(call)

        return self._route(path, guarded, method, form_or_json_body)

    # -- what tests control and inspect ---------------------------------------------------

    def advance(self, steps: int = 1) -> None:
        """Move every unfinished batch ``steps`` ticks forward (for ``step_s=None`` servers)."""
        with self._batch_lock:
            for batch in self._batches.values():
                for _ in range(steps):
                    self._tick(batch)

    def set_step(self, step_s: float | None) -> None:
        """Tick every ``step_s`` seconds from now on (``None``: only on ``advance()``)."""
        self._catch_up()
        with self._batch_lock:
            for batch in self._batches.values():
                batch.origin = time.time() - (batch.ticks * step_s if step_s else 0.0)
            self._step_s = step_s

    def expire(self, batch_id: str | None = None) -> None:
        """End unfinished batches (or one) as expired: answered items keep their results."""
        with self._batch_lock:
            for batch in self._select(batch_id):
                self._finish(batch, "expired")

    def fail_items(self, rule: ItemRule | None) -> None:
        """Fail the items ``rule`` picks when they are processed; ``None`` stops failing."""
        with self._batch_lock:
            self._item_rule = rule

    @property
    def batches(self) -> list[FakeBatch]:
        """Every batch created so far, in creation order (live objects: do not modify)."""
        self._catch_up()
        with self._batch_lock:
            return list(self._batches.values())

    @property
    def submitted_ids(self) -> list[str]:
        """Every custom_id submitted, over all batches, in order (repeats show resubmissions)."""
        return [c for batch in self.batches for c in batch.custom_ids]

    # -- the lifecycle -------------------------------------------------------------------

    def _select(self, batch_id: str | None) -> list[FakeBatch]:
        chosen = self._batches.values() if batch_id is None else [self._batches[batch_id]]
        return [b for b in chosen if b.phase != "ended"]

    def _catch_up(self) -> None:
        """Apply the ticks the clock owes every batch."""
        if not self._step_s:
            return
        now = time.time()
        with self._batch_lock:
            for batch in self._batches.values():
                due = math.floor((now - batch.origin) / self._step_s)
                while batch.ticks < due and batch.phase != "ended":
                    self._tick(batch)

    def _add_batch(self, batch: FakeBatch) -> None:
        batch.phase = self._first_phase
        batch.stamps[batch.phase] = batch.origin = batch.created
        with self._batch_lock:
            self._batches[batch.id] = batch

    def _tick(self, batch: FakeBatch) -> None:
        batch.ticks += 1
        if batch.phase == "validating":
            self._validate(batch)
        elif batch.phase == "in_progress":
            self._process(batch)
        elif batch.phase == "finalizing":
            self._finish(batch, "completed")
        elif batch.phase == "cancelling":
            self._finish(batch, "cancelled")

    def _enter(self, batch: FakeBatch, phase: str) -> None:
        batch.phase = phase
        batch.stamps[phase] = time.time()

    def _validate(self, batch: FakeBatch) -> None:
        if batch.errors:
            self._finish(batch, "failed")
        else:
            self._enter(batch, "in_progress")

    def _process(self, batch: FakeBatch) -> None:
        pending = batch.unanswered()
        chunk = len(pending) if self._items_per_step is None else self._items_per_step
        for custom_id, body in pending[:chunk]:
            self._item_seq += 1
            failure = self._item_rule(custom_id, body) if self._item_rule else None
            batch.outcomes[custom_id] = self._answer_item(batch, custom_id, body, failure)
        if not batch.unanswered():
            self._after_processing(batch)

    def _after_processing(self, batch: FakeBatch) -> None:
        self._enter(batch, "finalizing")

    def _finish(self, batch: FakeBatch, end: str) -> None:
        if end != "failed":
            for custom_id, _ in batch.unanswered():
                batch.outcomes[custom_id] = self._unanswered_item(batch, custom_id, end)
        batch.end = end
        self._enter(batch, "ended")
        batch.stamps[end] = batch.stamps["ended"]

    def _next_seq(self) -> int:
        """A request number for one item, shared with the server's own (answers stay distinct)."""
        with self._lock:
            self._seq += 1
            return self._seq

    def _answer_item(
        self, batch: FakeBatch, custom_id: str, body: dict[str, Any], failure: int | None
    ) -> dict[str, Any]:
        raise NotImplementedError

    def _unanswered_item(self, batch: FakeBatch, custom_id: str, end: str) -> dict[str, Any]:
        raise NotImplementedError

    def _get_batch(self, batch_id: str) -> FakeBatch:
        self._catch_up()
        batch = self._batches.get(batch_id)
        if batch is None:
            raise ApiError(404, f"No batch found with id '{batch_id}'.")
        return batch

    def _cancel(self, batch_id: str) -> FakeBatch:
        with self._batch_lock:
            batch = self._get_batch(batch_id)
            if batch.phase == "ended":
                raise ApiError(409, f"Cannot cancel a batch that has already ended ({batch.end}).")
            if batch.phase != "cancelling":
                self._enter(batch, "cancelling")
            return batch

    # -- the endpoints both providers have -------------------------------------------------

    def _render(self, batch: FakeBatch) -> dict[str, Any]:
        """The provider's batch object."""
        raise NotImplementedError

    def _list_fields(self) -> dict[str, Any]:
        """Extra fields of the provider's list envelope."""
        return {}

    def _retrieve(self, call: Call) -> dict[str, Any]:
        return self._render(self._get_batch(call.path["batch_id"]))

    def _cancel_route(self, call: Call) -> dict[str, Any]:
        return self._render(self._cancel(call.path["batch_id"]))

    def _list(self, call: Call) -> dict[str, Any]:
        data = [self._render(b) for b in self.batches]
        first, last = (data[0]["id"], data[-1]["id"]) if data else (None, None)
        page = {"data": data, "has_more": False, "first_id": first, "last_id": last}
        return {**self._list_fields(), **page}


def iso(stamp: float | None) -> str | None:
    """RFC 3339 time, as Anthropic writes it."""
    if stamp is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(stamp)) + f".{int(stamp % 1 * 1e6):06d}Z"
