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
from collections.abc import Awaitable, Callable
from typing import Any, cast

from polypick.core.capabilities import RemoteScorer
from polypick.errors import ConfigurationError, InvalidResponseError
from polypick.selectors.base import SelectionContext, Selector, Verdict, best_index, fallback_index

__all__ = ["RewardFunction", "RewardSelector"]

RewardFunction = Callable[[str, str], float] | Callable[[str, str], Awaitable[float]]


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
        """Whether every score is a request to a server (counted as usage)."""

    def planned_calls(self, n: int) -> int:
        """Model calls: N requests to a reward endpoint; local functions cost none."""
        return n if self.remote else 0

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
        outcome = await context.gateway.run(
            lambda: self._call(prompt, text), label="reward", candidate=index
        )
        if self.remote:  # HTTP requests are usage; local calls are not
            context.gateway.bill("selection", outcome.sent, ())
        if outcome.error is not None:
            context.fail(
                "reward", outcome.error, candidate=index, attempts=max(1, outcome.attempts)
            )
            return None
        context.recorder.event("reward.score", candidate=index, score=outcome.value)
        return outcome.value


def _is_async(fn: object) -> bool:
    # An object whose __call__ is a coroutine function counts too.
    call = type(fn).__call__ if callable(fn) and not inspect.isroutine(fn) else None
    return inspect.iscoroutinefunction(fn) or inspect.iscoroutinefunction(call)
