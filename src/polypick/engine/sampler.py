"""Draw the N candidates of one call from a model, concurrently and with partial-failure tolerance.

Samples whose parameters differ only by seed are grouped into one request with ``n`` choices when
the backend allows it; whatever a request does not return (a server that ignores ``n``) is asked
for again one sample per request, each with its own seed. Every request goes through the call's
:class:`~polypick.core.gateway.Gateway` (retries, deadline, usage, cache accounting). A sample
that fails becomes a failed :class:`Candidate` with its error; it never fails the others.
Completions a sample cache served carry the ``"cached"`` flag.
"""

from __future__ import annotations

import asyncio
import functools
import itertools
from collections.abc import Iterator, Sequence

from polypick.core.capabilities import max_n
from polypick.core.gateway import CallOutcome, Gateway
from polypick.core.protocol import ChatModel, ModelRequest
from polypick.core.types import (
    CACHED,
    Candidate,
    Completion,
    ErrorInfo,
    Message,
    SamplingParams,
    Usage,
)
from polypick.errors import DeadlineExceededError

__all__ = ["Sampler", "with_variant"]


class Sampler:
    """Samples one prompt; one instance per call (it holds that call's request counter).

    Args:
        model: the model to sample.
        gateway: the call's gateway.
        context: passed on to every request (``ModelRequest.context``).
        logprobs: token log-probabilities wanted on every sample (``ModelRequest.logprobs``).
        request_ids: numbers the requests (shared by the samplers of one pool's call).
    """

    def __init__(
        self,
        model: ChatModel,
        gateway: Gateway,
        *,
        context: object = None,
        logprobs: int | None = None,
        request_ids: Iterator[int] | None = None,
    ) -> None:
        self.model = model
        self.gateway = gateway
        self.context = context
        self.logprobs = logprobs
        self._max_n = max_n(model)
        self._request_ids = itertools.count() if request_ids is None else request_ids
        self._done: dict[int, Candidate] = {}
        self.errors: dict[int, Exception] = {}
        """The exception behind each failed sample, by plan position."""

    async def sample(
        self, messages: Sequence[Message], plan: Sequence[SamplingParams]
    ) -> list[Candidate]:
        """Return one candidate per planned sample, in plan order; failed ones carry ``error``."""
        groups = {key: list(indices) for key, indices in _groups(tuple(plan)).items()}
        prompt = tuple(messages)
        if len(groups) == 1:  # the common case: no task to schedule
            await self._group(prompt, plan, next(iter(groups.values())))
        else:
            await asyncio.gather(*(self._group(prompt, plan, ix) for ix in groups.values()))
        cut = sum(isinstance(e, DeadlineExceededError) for e in self.errors.values())
        if cut:
            self.gateway.recorder.event("deadline", pending=cut)
        return [self._done[i] for i in range(len(plan))]

    async def _group(
        self, prompt: tuple[Message, ...], plan: Sequence[SamplingParams], indices: list[int]
    ) -> None:
        batch = min(len(indices), self._max_n)
        if batch > 1:
            indices = indices[await self._request(prompt, plan, indices[:batch]) :]
        if len(indices) == 1:
            await self._request(prompt, plan, indices)
        elif indices:
            await asyncio.gather(*(self._request(prompt, plan, [i]) for i in indices))

    async def _request(
        self, prompt: tuple[Message, ...], plan: Sequence[SamplingParams], indices: list[int]
    ) -> int:
        """Send one request for ``indices``; record what came back and return how many did."""
        params = plan[indices[0]]
        request_id = next(self._request_ids)
        request = ModelRequest(
            with_variant(prompt, params.prompt_variant),
            params,
            len(indices),
            "sample",
            logprobs=self.logprobs,
            context=self.context,
        )
        recorder = self.gateway.recorder
        recorder.event("sample.start", request=request_id, samples=indices, n=len(indices))
        outcome = await self.gateway.generate(
            self.model, request, label="sample", request=request_id
        )
        if outcome.error is not None:
            if outcome.attempts == 0:  # never sent: no request to number
                for index in indices:
                    self._fail(index, plan[index], outcome, None, 0)
                return len(indices)
            recorder.event("sample.failed", request=request_id, error=str(outcome.error))
            for position, index in enumerate(indices):  # a failed n-request fails all, once
                self._fail(index, plan[index], outcome, request_id, outcome.sent * (position == 0))
            return len(indices)
        returned = (outcome.value or [])[: len(indices)]
        for position, (index, completion) in enumerate(zip(indices, returned, strict=False)):
            sent = outcome.sent if position == 0 else 0
            self._succeed(index, plan[index], completion, outcome, request_id, sent)
        recorder.event("sample.done", request=request_id, returned=len(returned))
        return len(returned)

    def _succeed(
        self,
        index: int,
        params: SamplingParams,
        completion: Completion,
        outcome: CallOutcome[list[Completion]],
        request: int,
        requests: int,
    ) -> None:
        self._done[index] = Candidate(
            text=completion.text,
            tool_calls=completion.tool_calls,
            params=params,
            model=self.model.name,
            greedy=params.greedy,
            sample=index,
            request=request,
            finish_reason=completion.finish_reason,
            usage=completion.usage + Usage(requests=requests) if requests else completion.usage,
            latency_s=outcome.latency_s,
            attempts=outcome.attempts,
            flags=(CACHED,) if completion.cached else (),
            reasoning=completion.reasoning,
            reasoning_blocks=completion.reasoning_blocks,
            logprobs=completion.logprobs,
        )

    def _fail(
        self,
        index: int,
        params: SamplingParams,
        outcome: CallOutcome[list[Completion]],
        request: int | None,
        requests_sent: int,
    ) -> None:
        error = outcome.error
        assert error is not None
        if outcome.attempts == 0:
            error = DeadlineExceededError("the deadline ran out before this sample was sent")
        self.errors[index] = error
        self._done[index] = Candidate(
            text="",
            params=params,
            model=self.model.name,
            greedy=params.greedy,
            sample=index,
            request=request,
            usage=Usage(requests=requests_sent),
            latency_s=outcome.latency_s if outcome.attempts else 0.0,
            attempts=outcome.attempts,
            error=ErrorInfo.from_exception(error, outcome.attempts),
        )


def with_variant(prompt: tuple[Message, ...], variant: str | None) -> tuple[Message, ...]:
    """``prompt`` with a sample's prompt variant added to its system prompt (made if none)."""
    if variant is None:
        return prompt
    if prompt and prompt[0].role == "system":
        system = Message(role="system", content=f"{prompt[0].content}\n\n{variant}")
        return (system, *prompt[1:])
    return (Message(role="system", content=variant), *prompt)


@functools.lru_cache(maxsize=256)
def _groups(plan: tuple[SamplingParams, ...]) -> dict[SamplingParams, tuple[int, ...]]:
    """The plan's samples grouped by their parameters without the seed (one request each,
    where the backend allows ``n``); a plan is fixed per ``BestOfN``, so this is kept."""
    groups: dict[SamplingParams, list[int]] = {}
    for index, params in enumerate(plan):
        groups.setdefault(params.without_seed(), []).append(index)
    return {key: tuple(indices) for key, indices in groups.items()}
