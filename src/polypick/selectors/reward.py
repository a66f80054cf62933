"""Reward best-of-N: a reward function or reward model scores each candidate alone; the highest
wins (the "RM BoN" baseline of Khairi et al., 2025).

Cost: N scorer calls, concurrently. The scorer takes ``(prompt, candidate)`` — the last user
message and the candidate's text — and returns a number. It may be a sync function (run in a
worker thread so it cannot block the event loop), an async function, or a reward model served
over HTTP (a :class:`~polypick.core.capabilities.RemoteScorer` such as
:class:`~polypick.providers.RewardEndpoint`, whose requests are counted in ``usage.selection``);
every call is retried through the call's gateway. A call that raises or returns a
non-finite value leaves that candidate unscored and is listed in ``Selection.selection_failures``;
if none is scored, the greedy candidate (else the first) is returned.
"""

from __future__ import annotations

import asyncio
import inspect
import math
import time
from typing import Any, cast

from polypick.core.capabilities import RemoteScorer
from polypick.errors import ConfigurationError, InvalidResponseError, ProviderError
from polypick.selectors.base import (
    RewardFunction,
    SelectionContext,
    Selector,
    Verdict,
    scored_verdict,
)

__all__ = ["RewardFunction", "RewardSelector"]


class RewardSelector(Selector):
    """Score candidates with ``fn(prompt, candidate) -> float`` and keep the best.

    Args:
        fn: a sync or async function, or a :class:`RewardEndpoint`.
        language_fidelity: a candidate in another language than the prompt never beats one in
            the prompt's language (reward models are often English-tuned).
    """

    name = "reward"
    needs_judge = False

    def __init__(self, fn: RewardFunction | None = None, *, language_fidelity: bool = True) -> None:
        if fn is None or not callable(fn):
            raise ConfigurationError(
                "the reward selector needs a function: selector=RewardSelector(fn) or "
                "selector=fn, where fn(prompt: str, candidate: str) -> float, or "
                "RewardSelector(RewardEndpoint(url))"
            )
        self.fn = fn
        self.language_fidelity = language_fidelity
        self.remote = isinstance(cast(object, fn), RemoteScorer)
        self._inline = False  # a sync scorer seen to be fast runs on the loop (see _score_sync)
        """Whether every score is a request to a server (counted as usage)."""

    def planned_calls(self, n: int) -> int:
        """Model calls: N requests to a reward endpoint; local functions cost none."""
        return n if self.remote else 0

    async def select(self, context: SelectionContext) -> Verdict:
        prompt = next((m.content for m in reversed(context.prompt) if m.role == "user"), "")
        texts = [c.text for c in context.candidates]
        if _is_async(self.fn):
            scores = await asyncio.gather(
                *(self._score(context, prompt, i, text) for i, text in enumerate(texts))
            )
        else:
            scores = await self._score_sync(context, prompt, texts)
        return scored_verdict(context, scores, fidelity=self.language_fidelity, label="reward")

    async def _call(self, prompt: str, text: str) -> float:
        value: Any
        if _is_async(self.fn):
            value = self.fn(prompt, text)
        else:  # in a worker thread: a slow scorer must not block the event loop
            value = await asyncio.to_thread(self.fn, prompt, text)
        if inspect.isawaitable(value):  # async, or a sync function returning a coroutine
            value = await value
        return _finite(value)

    async def _score_sync(
        self, context: SelectionContext, prompt: str, texts: list[str]
    ) -> list[float | None]:
        """A sync scorer over every candidate in one worker thread (a slow scorer must not
        block the event loop; one thread hop per candidate would cost more than most scorers),
        then the gateway's retries for candidates whose score failed with a retryable error."""
        # A thread hop costs about 0.2 ms of CPU, more than a typical scorer (a length, a regex):
        # one whose last run took under _INLINE_S per candidate runs on the loop, and goes back
        # to a thread as soon as a run takes longer.
        if self._inline:
            first, seconds = _score_all(self.fn, prompt, texts)
        else:
            first, seconds = await asyncio.to_thread(_score_all, self.fn, prompt, texts)
        self._inline = seconds / max(1, len(texts)) < _INLINE_S
        scores: list[float | None] = []
        for index, value in enumerate(first):
            if not isinstance(value, Exception):
                context.recorder.event("reward.score", candidate=index, score=value)
                scores.append(value)
            elif isinstance(value, ProviderError) and value.retryable:
                scores.append(await self._score(context, prompt, index, texts[index], tried=1))
            else:
                context.fail("reward", value, candidate=index)
                scores.append(None)
        return scores

    async def _score(
        self, context: SelectionContext, prompt: str, index: int, text: str, tried: int = 0
    ) -> float | None:
        outcome = await context.gateway.run(
            lambda: self._call(prompt, text), label="reward", candidate=index
        )
        if self.remote:  # HTTP requests are usage; local calls are not
            context.gateway.bill("selection", outcome.sent, ())
        if outcome.error is not None:
            attempts = tried + max(1, outcome.attempts)
            context.fail("reward", outcome.error, candidate=index, attempts=attempts)
            return None
        context.recorder.event("reward.score", candidate=index, score=outcome.value)
        return outcome.value


def _finite(value: Any) -> float:
    score = float(value)
    if not math.isfinite(score):
        raise InvalidResponseError(f"the reward function returned {value!r}")
    return score


_INLINE_S = 50e-6
"""A sync scorer that took less than this per candidate last time runs on the event loop."""


def _score_all(fn: Any, prompt: str, texts: list[str]) -> tuple[list[float | Exception], float]:
    """``fn`` over every text, each failure kept as its exception, and the seconds it took."""
    started = time.perf_counter()
    scores: list[float | Exception] = []
    for text in texts:
        try:
            value = fn(prompt, text)
            if inspect.isawaitable(value):  # a sync function that returns a coroutine
                if inspect.iscoroutine(value):
                    value.close()
                raise _AwaitableReward("the reward function returned an awaitable")
            scores.append(_finite(value))
        except Exception as exc:
            scores.append(exc)
    return scores, time.perf_counter() - started


class _AwaitableReward(ProviderError):
    """A sync-looking reward function returned an awaitable: score it on the event loop."""

    retryable = True


def _is_async(fn: object) -> bool:
    # An object whose __call__ is a coroutine function counts too.
    call = type(fn).__call__ if callable(fn) and not inspect.isroutine(fn) else None
    return inspect.iscoroutinefunction(fn) or inspect.iscoroutinefunction(call)
