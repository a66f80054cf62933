"""Reward function best-of-N: a user function scores each candidate alone; the highest wins.

Cost: N calls of the function, concurrently. The function takes ``(prompt, candidate)`` — the last
user message and the candidate's text — and returns a number; it may be sync (run in a worker
thread so it cannot block the event loop) or async. A call that raises or returns a non-finite
value leaves that candidate unscored and is listed in ``Selection.selection_failures``; if none is
scored, the greedy candidate (else the first) is returned.
"""

from __future__ import annotations

import asyncio
import inspect
import math
from collections.abc import Awaitable, Callable
from typing import Any

from polypick.errors import ConfigurationError, InvalidResponseError
from polypick.selectors.base import SelectionContext, Verdict, best_index, fallback_index

__all__ = ["RewardFunction", "RewardSelector"]

RewardFunction = Callable[[str, str], float] | Callable[[str, str], Awaitable[float]]


class RewardSelector:
    """Score candidates with ``fn(prompt, candidate) -> float`` and keep the best."""

    name = "reward"
    needs_judge = False

    def __init__(self, fn: RewardFunction | None = None) -> None:
        if fn is None or not callable(fn):
            raise ConfigurationError(
                "the reward selector needs a function: selector=RewardSelector(fn) or "
                "selector=fn, where fn(prompt: str, candidate: str) -> float"
            )
        self.fn = fn

    async def select(self, context: SelectionContext) -> Verdict:
        prompt = next((m.content for m in reversed(context.prompt) if m.role == "user"), "")
        scores = await asyncio.gather(
            *(self._score(context, prompt, i, c.text) for i, c in enumerate(context.candidates))
        )
        index = best_index(scores, context.candidates)
        if index is None:
            context.recorder.event("reward.fallback", reason="no candidate could be scored")
            return Verdict(
                index=fallback_index(context.candidates), scores=tuple(scores), fallback=True
            )
        return Verdict(index=index, scores=tuple(scores))

    async def _score(
        self, context: SelectionContext, prompt: str, index: int, text: str
    ) -> float | None:
        try:
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
        except Exception as exc:
            context.fail("reward", exc, candidate=index)
            return None
        context.recorder.event("reward.score", candidate=index, score=score)
        return score


def _is_async(fn: object) -> bool:
    # An object whose __call__ is a coroutine function counts too.
    call = type(fn).__call__ if callable(fn) and not inspect.isroutine(fn) else None
    return inspect.iscoroutinefunction(fn) or inspect.iscoroutinefunction(call)
