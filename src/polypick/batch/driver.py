"""The batch driver: runs every prompt's best-of-N as a coroutine and turns their model calls
into provider batches.

Each model call a prompt makes (a sample request, a judge call) becomes a request that waits on
a future. When every unfinished prompt is waiting on at least one request, nothing more can be
added to the round, so the queued requests go out as one batch per model; the driver then polls
the batches in flight and resolves the futures from their results, which lets the prompts move
on to their next round (a tournament's next round, CHOPS's selection call) together.

Every request has a deterministic key (see :mod:`polypick.batch.keys`); the job store records
submissions and results by key, so a rerun answers finished requests from the store, waits on
batches still running, and submits only what is missing.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

from polypick.batch.failures import as_error, missing_outcome
from polypick.batch.keys import RequestKey, Role, request_digest
from polypick.batch.progress import BatchProgress, ProgressReporter
from polypick.batch.store import ItemRecord, JobStore
from polypick.core.batching import BatchBackend, BatchState, ItemOutcome
from polypick.errors import ConfigurationError

__all__ = ["MAX_BATCH_REQUESTS", "BatchDriver"]

T = TypeVar("T")
# OpenAI's per-batch limit (Anthropic allows 100,000); bigger rounds go out as several batches.
MAX_BATCH_REQUESTS = 50_000
# Event-loop turns a woken prompt gets to reach its next model call before the round is judged
# complete; prompts busy elsewhere (threads) hold the round open by having nothing outstanding.
_SETTLE_TURNS = 3

_PROMPT: ContextVar[int] = ContextVar("polypick_batch_prompt")


@dataclass
class _Waiter:
    future: asyncio.Future[dict[str, Any]]
    prompt: int
    backend: str
    body: dict[str, Any]


class BatchDriver:
    """Runs one job's prompts over provider batches.

    Args:
        backends: the batch backends by model name.
        store: the job store.
        poll_interval: seconds between polls of the batches in flight.
        max_retries: how many times a failed request (a retryable error, or an expired or
            cancelled batch) goes into a new batch before it is reported as a failure.
        on_progress: told about every submission, poll and result.
    """

    def __init__(
        self,
        backends: Mapping[str, BatchBackend],
        store: JobStore,
        *,
        poll_interval: float,
        max_retries: int,
        on_progress: Callable[[BatchProgress], None] | None = None,
    ) -> None:
        self._backends = dict(backends)
        self._store = store
        self._poll_interval = poll_interval
        self._max_attempts = max_retries + 1
        self._progress = ProgressReporter(on_progress, self._prompts_done)
        self._queue: dict[str, dict[str, None]] = {name: {} for name in backends}
        self._waiters: dict[str, _Waiter] = {}
        self._outstanding: Counter[int] = Counter()
        self._inflight: dict[str, str] = {}  # batch id -> backend name
        self._ordinals: Counter[tuple[int, str, str]] = Counter()
        self._live: set[int] = set()
        self._total = 0
        self._changed = asyncio.Event()

    # -- what the batching models call ----------------------------------------------------

    async def request(self, backend: str, role: Role, body: dict[str, Any]) -> dict[str, Any]:
        """The response body for one request, from the store or from a batch."""
        prompt = _PROMPT.get(None)
        if prompt is None:
            raise ConfigurationError(
                "batching models answer only inside a batch job; run them with "
                "polypick.batch.run_batch(...)"
            )
        digest = request_digest(body)
        slot = (prompt, role, digest)
        key = RequestKey(prompt, role, self._ordinals[slot], digest)
        self._ordinals[slot] += 1
        custom_id = key.custom_id
        record = self._store.item(custom_id)
        if record is not None and record.state == "succeeded" and record.response is not None:
            return record.response
        if record is not None and record.state == "failed" and not self._may_retry(record):
            assert record.error is not None
            raise as_error(record.error, record.attempts, backend)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiters[custom_id] = _Waiter(future, prompt, backend, body)
        if record is None or record.state == "failed" or record.batch_id not in self._inflight:
            self._queue[backend][custom_id] = None
        self._outstanding[prompt] += 1
        self._changed.set()
        return await future

    def _may_retry(self, record: ItemRecord) -> bool:
        retryable = record.error is not None and record.error.retryable
        return retryable and record.attempts < self._max_attempts

    # -- running the job ------------------------------------------------------------------

    async def run(self, jobs: Sequence[Callable[[], Awaitable[T]]]) -> list[T | Exception]:
        """Run every job (one per prompt) to its end; each result or exception, in order."""
        self._changed = asyncio.Event()
        self._total = len(jobs)
        self._live = set(range(len(jobs)))
        for batch in self._store.open_batches():
            if batch.backend in self._backends:
                self._inflight[batch.batch_id] = batch.backend
                self._progress.report("resumed", batch.backend, batch.batch_id, batch.status)
        tasks = [asyncio.create_task(self._one(i, job)) for i, job in enumerate(jobs)]
        for index, task in enumerate(tasks):
            task.add_done_callback(functools.partial(self._finished, index))
        try:
            await self._drive()
        finally:
            for task in tasks:
                task.cancel()  # a no-op for finished ones; the rest stop when the job stops
            await asyncio.gather(*tasks, return_exceptions=True)
        results: list[T | Exception] = []
        for task in tasks:
            error = task.exception()
            if error is not None and not isinstance(error, Exception):
                raise error
            results.append(task.result() if error is None else error)
        return results

    async def _one(self, index: int, job: Callable[[], Awaitable[T]]) -> T:
        _PROMPT.set(index)  # inherited by every task the prompt starts
        return await job()

    def _prompts_done(self) -> tuple[int, int]:
        return self._total - len(self._live), self._total

    def _finished(self, index: int, task: asyncio.Task[Any]) -> None:
        self._live.discard(index)
        self._changed.set()

    async def _drive(self) -> None:
        next_poll = time.monotonic()
        while self._live:
            self._changed.clear()
            for _ in range(_SETTLE_TURNS):
                await asyncio.sleep(0)
            if self._round_complete():
                await self._flush()
                next_poll = min(next_poll, time.monotonic() + self._poll_interval)
                continue
            if self._inflight and time.monotonic() >= next_poll:
                await self._poll_all()
                next_poll = time.monotonic() + self._poll_interval
                continue
            timeout = max(0.0, next_poll - time.monotonic()) if self._inflight else None
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._changed.wait(), timeout)

    def _round_complete(self) -> bool:
        """Requests are queued and every unfinished prompt waits on at least one request."""
        queued = any(self._queue.values())
        return queued and all(self._outstanding[p] > 0 for p in self._live)

    async def _flush(self) -> None:
        for name, queue in self._queue.items():
            while queue:
                chunk = list(queue)[:MAX_BATCH_REQUESTS]
                items = [(c, self._waiters[c].body) for c in chunk]
                submitted = await self._backends[name].submit(items)
                self._store.record_submission(
                    name, submitted.batch_id, chunk, submitted.input_file_id
                )
                self._inflight[submitted.batch_id] = name
                for custom_id in chunk:
                    del queue[custom_id]
                self._progress.report(
                    "submitted", name, submitted.batch_id, "submitted", total=len(chunk)
                )

    async def _poll_all(self) -> None:
        for batch_id, name in list(self._inflight.items()):
            state = await self._backends[name].poll(batch_id)
            self._store.record_status(batch_id, state.status)
            self._progress.state("polled", name, state)
            if state.ended:
                await self._collect(name, state)

    async def _collect(self, name: str, state: BatchState) -> None:
        """Store an ended batch's results and resolve (or requeue) the requests waiting on it."""
        found = {o.custom_id: o for o in await self._backends[name].results(state.batch_id)}
        outcomes = [
            found.get(custom_id) or missing_outcome(custom_id, state)
            for custom_id in self._store.batch_items(state.batch_id)
        ]
        self._store.record_outcomes(state.batch_id, state.status, outcomes)
        del self._inflight[state.batch_id]
        retried = sum(self._resolve(outcome) for outcome in outcomes)
        if retried:
            self._progress.state("retrying", name, state, failed=retried)
        self._progress.state("ended", name, state)

    def _resolve(self, outcome: ItemOutcome) -> bool:
        """Answer the request waiting on ``outcome``; ``True`` if it goes into a new batch."""
        waiter = self._waiters.get(outcome.custom_id)
        if waiter is None or waiter.future.done():
            return False
        if outcome.ok and outcome.body is not None:
            self._settle_waiter(outcome.custom_id, waiter)
            waiter.future.set_result(outcome.body)
            return False
        record = self._store.item(outcome.custom_id)
        if record is not None and self._may_retry(record):
            self._queue[waiter.backend][outcome.custom_id] = None
            return True
        assert outcome.error is not None
        attempts = record.attempts if record is not None else 1
        self._settle_waiter(outcome.custom_id, waiter)
        waiter.future.set_exception(as_error(outcome.error, attempts, waiter.backend))
        return False

    def _settle_waiter(self, custom_id: str, waiter: _Waiter) -> None:
        del self._waiters[custom_id]
        self._outstanding[waiter.prompt] -= 1
