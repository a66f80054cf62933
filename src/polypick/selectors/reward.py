"""Reward best-of-N: a reward function or reward model scores each candidate alone; the highest
wins (the "RM BoN" baseline of Khairi et al., 2025).

Cost: N scorer calls, concurrently. The scorer takes ``(prompt, candidate)`` — the last user
message and the candidate's text — and returns a number. It may be a sync function (run in a
worker thread so it cannot block the event loop), an async function, or a reward model served
over HTTP (:class:`~polypick.selectors.reward_endpoint.RewardEndpoint`, whose requests are retried
by the core's retry layer and counted in ``usage.selection``). A call that raises or returns a
non-finite value leaves that candidate unscored and is listed in ``Selection.selection_failures``;
if none is scored, the greedy candidate (else the first) is returned.
"""

from __future__ import annotations

import asyncio
import inspect
import math
from collections.abc import Awaitable, Callable
from typing import Any

from polypick.core.retry import retrying
from polypick.core.types import Usage
from polypick.errors import ConfigurationError, InvalidResponseError
from polypick.selectors.base import SelectionContext, Verdict, best_index, fallback_index
from polypick.selectors.reward_endpoint import RewardEndpoint

__all__ = ["RewardFunction", "RewardSelector"]

RewardFunction = Callable[[str, str], float] | Callable[[str, str], Awaitable[float]]


class RewardSelector:
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

    def planned_calls(self, n: int) -> int:
        """Model calls: N requests to a reward endpoint; local functions cost none."""
        return n if isinstance(self.fn, RewardEndpoint) else 0

    async def select(self, context: SelectionContext) -> Verdict:
        prompt = next((m.content for m in reversed(context.prompt) if m.role == "user"), "")
        scores = await asyncio.gather(
            *(self._score(context, prompt, i, c.text) for i, c in enumerate(context.candidates))
        )
        language = context.language if self.language_fidelity else None
        index = best_index(scores, context.candidates, language)
        if index is None:
            context.recorder.event("reward.fallback", reason="no candidate could be scored")
            return Verdict(
                index=fallback_index(context.candidates), scores=tuple(scores), fallback=True
            )
        return Verdict(index=index, scores=tuple(scores))

    async def _call(self, prompt: str, text: str) -> float:
        value: Any
        if _is_async(self.fn):
            value = self.fn(prompt, text)
        else:  # in a worker thread: a slow scorer must not block the event loop
            value = await asyncio.to_thread(self.fn, prompt, text)
        if inspect.isawaitable(value):  # async, or a sync function returning a coroutine
            value = await value
        score = float(value)
        if not math.isfinite(score):
            raise InvalidResponseError(f"the reward function returned {value!r}")
        return score

    async def _score(
        self, context: SelectionContext, prompt: str, index: int, text: str
    ) -> float | None:
        attempts = 1

        def on_retry(attempt: int, exc: BaseException, wait: float) -> None:
            nonlocal attempts
            attempts = attempt + 1
            context.recorder.event("reward.retry", candidate=index, error=str(exc), wait_s=wait)

        try:
            score = await retrying(
                lambda: self._call(prompt, text),
                context.policy,
                deadline=context.deadline,
                on_retry=on_retry,
            )
        except Exception as exc:
            score = None
            context.fail("reward", exc, candidate=index, attempts=attempts)
        if isinstance(self.fn, RewardEndpoint):  # HTTP requests are usage; local calls are not
            context.recorder.add_selection_usage(Usage(requests=attempts))
        if score is not None:
            context.recorder.event("reward.score", candidate=index, score=score)
        return score


def _is_async(fn: object) -> bool:
    # An object whose __call__ is a coroutine function counts too.
    call = type(fn).__call__ if callable(fn) and not inspect.isroutine(fn) else None
    return inspect.iscoroutinefunction(fn) or inspect.iscoroutinefunction(call)
