"""DeepConf's online early termination: stream a sample, cancel it once it grows unsure.

A sample is streamed with its tokens' log-probabilities (a backend with
:class:`~polypick.core.streaming.StreamsTokens`); after every chunk, the mean token confidence of
its last ``window`` tokens (its current group) is compared with the threshold the warm-up
samples set (:func:`~polypick.engine.stop_rules.calibrate_threshold`). Under it, the stream is
closed — the server stops generating, and the tokens it would have gone on to write are never
billed — and the sample is dropped from the vote, as DeepConf drops it.
"""

from __future__ import annotations

import contextlib
import time
from collections import deque
from dataclasses import dataclass

from polypick.core.gateway import Gateway
from polypick.core.protocol import ModelRequest
from polypick.core.streaming import StreamsTokens
from polypick.core.types import Candidate, Completion, ErrorInfo, Logprobs, SamplingParams, Usage
from polypick.errors import InvalidResponseError
from polypick.selectors.confidence import token_confidences

__all__ = ["Streamed", "stream_sample"]


@dataclass(frozen=True)
class Streamed:
    """One streamed sample: the candidate (failed when the request failed), the exception
    behind a failure, and whether it was cancelled for low confidence (then ``candidate`` holds
    what arrived before, and ``tokens`` how many tokens that was)."""

    candidate: Candidate
    error: Exception | None
    cancelled: bool
    tokens: int


async def stream_sample(
    streamer: StreamsTokens,
    gateway: Gateway,
    request: ModelRequest,
    *,
    index: int,
    request_id: int,
    model: str,
    threshold: float,
    window: int,
    prompt_tokens: int,
) -> Streamed:
    """Stream ``request``'s sample, cancelling it when a group's confidence falls under
    ``threshold``; billed to the gateway's ``generation`` account (a cancelled sample for the
    tokens that arrived, and ``prompt_tokens``, the prompt's known cost)."""
    started = time.monotonic()
    cancelled = False

    async def consume() -> Completion:
        nonlocal cancelled
        cancelled = False
        pieces: list[str] = []
        logprobs = Logprobs()
        group: deque[float] = deque(maxlen=window)
        finish: str | None = None
        usage: Usage | None = None
        stream = streamer.stream(request)
        async with contextlib.aclosing(stream):
            async for chunk in stream:
                pieces.append(chunk.text)
                finish = chunk.finish_reason or finish
                usage = chunk.usage or usage
                if chunk.logprobs is None:
                    continue
                logprobs += chunk.logprobs
                group.extend(token_confidences(chunk.logprobs.top_logprobs))
                if len(group) == window and sum(group) / window < threshold:
                    cancelled = True
                    break
        if usage is None or cancelled:
            usage = Usage(prompt_tokens=prompt_tokens, completion_tokens=len(logprobs))
        return Completion(
            text="".join(pieces), finish_reason=finish, usage=usage, logprobs=logprobs
        )

    outcome = await gateway.run(consume, label="sample", request=request_id)
    params: SamplingParams = request.params
    base = Candidate(
        text="",
        params=params,
        model=model,
        greedy=params.greedy,
        sample=index,
        request=request_id,
        latency_s=time.monotonic() - started,
        attempts=outcome.attempts,
    )
    if outcome.error is not None or outcome.value is None:
        error = outcome.error or InvalidResponseError("the stream ended without an answer")
        gateway.bill("generation", outcome.sent, [])
        failed = base.model_copy(
            update={
                "error": ErrorInfo.from_exception(error, outcome.attempts),
                "usage": Usage(requests=outcome.sent),
            }
        )
        return Streamed(failed, error, False, 0)
    completion = outcome.value
    gateway.bill("generation", outcome.sent, [completion])
    candidate = base.model_copy(
        update={
            "text": completion.text,
            "finish_reason": "cancelled" if cancelled else completion.finish_reason,
            "usage": completion.usage + Usage(requests=outcome.sent),
            "logprobs": completion.logprobs,
        }
    )
    if cancelled:
        gateway.recorder.event(
            "sample.cancelled", sample=index, tokens=completion.usage.completion_tokens
        )
    return Streamed(candidate, None, cancelled, completion.usage.completion_tokens)
