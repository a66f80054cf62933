"""Draw the N candidates of one call from a model, concurrently and with partial-failure tolerance.

Samples whose parameters differ only by seed are grouped into one request with ``n`` choices when
the backend allows it; whatever a request does not return (a server that ignores ``n``) is asked
for again one sample per request, each with its own seed. A sample that fails after retries
becomes a failed :class:`Candidate` with its error; it never fails the others. Completions a
sample cache served carry the ``"cached"`` flag, and a request the cache answered whole counts
no request.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Sequence
from dataclasses import dataclass

from polypick.core.protocol import ChatModel
from polypick.core.retry import RetryPolicy, retrying
from polypick.core.trace import Recorder
from polypick.core.types import Candidate, Completion, ErrorInfo, Message, SamplingParams, Usage
from polypick.errors import DeadlineExceededError

__all__ = ["CACHED", "Sampler"]

CACHED = "cached"
"""The flag of a candidate whose completion came from a sample cache (``Completion.cached``)."""


@dataclass
class _InFlight:
    """A request not finished yet: what the deadline must account for if it cuts it short."""

    indices: list[int]
    started: float
    attempts: int = 1


class Sampler:
    """Samples one prompt; one instance per call (it holds that call's request counter)."""

    def __init__(
        self,
        model: ChatModel,
        policy: RetryPolicy,
        recorder: Recorder,
        *,
        deadline: float | None = None,
    ) -> None:
        self.model = model
        self.policy = policy
        self.recorder = recorder
        self.deadline = deadline
        self._request_ids = itertools.count()
        self._done: dict[int, Candidate] = {}
        self._in_flight: dict[int, _InFlight] = {}
        self.errors: dict[int, Exception] = {}
        """The exception behind each failed sample, by plan position."""

    async def sample(
        self, messages: Sequence[Message], plan: Sequence[SamplingParams]
    ) -> list[Candidate]:
        """Return one candidate per planned sample, in plan order; failed ones carry ``error``."""
        groups: dict[SamplingParams, list[int]] = {}
        for index, params in enumerate(plan):
            groups.setdefault(params.without_seed(), []).append(index)
        tasks = [self._group(messages, plan, indices) for indices in groups.values()]
        try:
            await asyncio.wait_for(asyncio.gather(*tasks), timeout=self._remaining())
        except asyncio.TimeoutError:
            self.recorder.event("deadline", pending=len(plan) - len(self._done))
        # Requests the deadline cut short were started (and a sent one is billed): keep their
        # attempts, their time and their request count. One still queued behind the provider's
        # max_concurrency counts as sent too; the sampler cannot tell. Samples whose request
        # never started have no attempts at all.
        for request, flight in self._in_flight.items():
            for position, index in enumerate(flight.indices):
                if index not in self._done:
                    error = DeadlineExceededError(
                        f"the deadline ran out during this sample's request "
                        f"(attempt {flight.attempts})"
                    )
                    sent = flight.attempts if position == 0 else 0
                    self._fail(
                        index, plan[index], error, flight.attempts, flight.started, request, sent
                    )
        for index, params in enumerate(plan):
            if index not in self._done:
                error = DeadlineExceededError("the deadline ran out before this sample was sent")
                self._fail(index, params, error, attempts=0, started=time.monotonic())
        return [self._done[i] for i in range(len(plan))]

    def _remaining(self) -> float | None:
        return None if self.deadline is None else max(0.0, self.deadline - time.monotonic())

    async def _group(
        self, messages: Sequence[Message], plan: Sequence[SamplingParams], indices: list[int]
    ) -> None:
        batch = min(len(indices), self.model.max_n)
        if batch > 1:
            indices = indices[await self._request(messages, plan, indices[:batch]) :]
        await asyncio.gather(*(self._request(messages, plan, [i]) for i in indices))

    async def _request(
        self, messages: Sequence[Message], plan: Sequence[SamplingParams], indices: list[int]
    ) -> int:
        """Send one request for ``indices``; record what came back and return how many did."""
        params = plan[indices[0]]
        request = next(self._request_ids)
        started = time.monotonic()
        flight = self._in_flight[request] = _InFlight(list(indices), started)

        def on_retry(attempt: int, exc: BaseException, wait: float) -> None:
            flight.attempts = attempt + 1
            self.recorder.event(
                "sample.retry", request=request, attempt=attempt, error=str(exc), wait_s=wait
            )

        self.recorder.event("sample.start", request=request, samples=indices, n=len(indices))
        try:
            completions = await retrying(
                lambda: self.model.generate(messages, params, len(indices)),
                self.policy,
                deadline=self.deadline,
                on_retry=on_retry,
            )
        except Exception as exc:
            del self._in_flight[request]
            attempts = flight.attempts
            self.recorder.event("sample.failed", request=request, error=str(exc))
            if len(indices) > 1:  # a failed n-request fails all its samples, once each
                for position, index in enumerate(indices):
                    sent = attempts if position == 0 else 0
                    self._fail(index, plan[index], exc, attempts, started, request, sent)
                return len(indices)
            self._fail(indices[0], params, exc, attempts, started, request, attempts)
            return 1
        del self._in_flight[request]
        attempts = flight.attempts
        returned = completions[: len(indices)]
        sent = 0 if all(c.cached for c in returned) else attempts
        for position, (index, completion) in enumerate(zip(indices, returned, strict=False)):
            requests = sent if position == 0 else 0
            self._succeed(index, plan[index], completion, attempts, started, request, requests)
        self.recorder.event("sample.done", request=request, returned=len(returned))
        return len(returned)

    def _succeed(
        self,
        index: int,
        params: SamplingParams,
        completion: Completion,
        attempts: int,
        started: float,
        request: int,
        requests: int,
    ) -> None:
        self._done[index] = Candidate(
            text=completion.text,
            tool_calls=completion.tool_calls,
            params=params,
            greedy=params.greedy,
            sample=index,
            request=request,
            finish_reason=completion.finish_reason,
            usage=completion.usage + Usage(requests=requests),
            latency_s=time.monotonic() - started,
            attempts=attempts,
            flags=(CACHED,) if completion.cached else (),
        )

    def _fail(
        self,
        index: int,
        params: SamplingParams,
        exc: Exception,
        attempts: int,
        started: float,
        request: int | None = None,
        requests_sent: int = 0,
    ) -> None:
        self.errors[index] = exc
        self._done[index] = Candidate(
            text="",
            params=params,
            greedy=params.greedy,
            sample=index,
            request=request,
            usage=Usage(requests=requests_sent),
            latency_s=time.monotonic() - started,
            attempts=attempts,
            error=ErrorInfo.from_exception(exc, attempts),
        )
