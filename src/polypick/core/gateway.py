"""The one door every model call of a best-of-N call goes through.

Sampling, selectors (judges, evidence, reward endpoints) and step-wise search all make their
calls through one :class:`Gateway` per call, so a judge call and a sample are retried, cut by the
deadline, traced and accounted the same way:

- **retries** — :func:`~polypick.core.retry.retrying` under the call's policy;
- **deadline** — a call never outlives the call's deadline; one that would start after it is not
  sent at all, and one the deadline cuts is billed for the attempts it sent;
- **usage** — every call's requests and tokens go to its stage's account: ``generation`` for
  samples and revisions, ``selection`` for everything a selector or verifier asks; model calls
  are also counted per model (``by_model``), so a pool's or a judge's share is known;
- **cache** — completions a cache wrapper answered (``Completion.cached``) are not billed again:
  their tokens, and a request answered whole, are counted as ``saved`` instead;
- **tracing** — ``{label}.retry`` events, and the trace's ``cache.saved`` summary.

The gateway holds no model and knows no provider: callers pass the call to make.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from polypick.core.protocol import ChatModel, ModelRequest, Stage
from polypick.core.retry import RetryPolicy, retrying
from polypick.core.trace import Recorder
from polypick.core.types import Completion, Usage
from polypick.errors import DeadlineExceededError

__all__ = ["Account", "CallOutcome", "Gateway", "account_of"]

T = TypeVar("T")
Account = Literal["generation", "selection"]

_GENERATION_STAGES = frozenset({"sample", "revision"})


def account_of(stage: Stage) -> Account:
    """Which usage account a stage's calls are billed to."""
    return "generation" if stage in _GENERATION_STAGES else "selection"


@dataclass(frozen=True, slots=True)
class CallOutcome(Generic[T]):
    """What one call through the gateway came to.

    Attributes:
        value: the call's result, or ``None`` when it failed.
        error: why it failed (after retries), or ``None``.
        attempts: attempts made; ``0`` when the deadline had passed before the first.
        sent: attempts that reached the model and are billed (``0`` when the cache answered).
        latency_s: seconds from the first attempt to the outcome.
    """

    value: T | None
    error: Exception | None
    attempts: int
    sent: int
    latency_s: float

    @property
    def ok(self) -> bool:
        return self.error is None


class Gateway:
    """Retries, deadline, usage, cache accounting and tracing for the calls of one call.

    Args:
        recorder: the call's trace.
        policy: how failed calls are retried.
        deadline: a ``time.monotonic()`` instant the call must finish by, or ``None``.
    """

    def __init__(
        self, recorder: Recorder, policy: RetryPolicy, deadline: float | None = None
    ) -> None:
        self.recorder = recorder
        self.policy = policy
        self.deadline = deadline
        self.usage: dict[Account, Usage] = {"generation": Usage(), "selection": Usage()}
        self.saved: dict[Account, Usage] = {"generation": Usage(), "selection": Usage()}
        self.by_model: dict[str, Usage] = {}

    def remaining(self) -> float | None:
        """Seconds left before the deadline (``None``: no deadline)."""
        return None if self.deadline is None else max(0.0, self.deadline - time.monotonic())

    def expired(self) -> bool:
        return self.deadline is not None and time.monotonic() >= self.deadline

    async def generate(
        self,
        model: ChatModel,
        request: ModelRequest,
        /,
        *,
        label: str,
        **data: Any,
    ) -> CallOutcome[list[Completion]]:
        """``model.generate(request)`` through the gateway, billed to the request's stage.

        ``label`` names the trace events (``{label}.retry``); ``data`` is added to them.
        """
        outcome = await self.run(lambda: model.generate(request), label=label, **data)
        account = account_of(request.stage)
        completions = outcome.value or []
        sent = 0 if completions and all(c.cached for c in completions) else outcome.sent
        if sent != outcome.sent:
            self.saved[account] += Usage(requests=outcome.sent)
        self.bill(account, sent, completions, model=model.name)
        return CallOutcome(outcome.value, outcome.error, outcome.attempts, sent, outcome.latency_s)

    def bill(
        self,
        account: Account,
        requests: int,
        completions: Sequence[Completion],
        *,
        model: str | None = None,
    ) -> None:
        """Count ``requests`` and the completions' tokens (also under ``model``'s name, when
        given); cached completions count as saved."""
        prompt = completion_tokens = reasoning = 0
        saved: list[Usage] = []
        for completion in completions:
            if completion.cached:
                saved.append(completion.usage)
            else:
                prompt += completion.usage.prompt_tokens
                completion_tokens += completion.usage.completion_tokens
                reasoning += completion.usage.reasoning_tokens
        if requests or prompt or completion_tokens:
            billed = Usage(
                requests=requests,
                prompt_tokens=prompt,
                completion_tokens=completion_tokens,
                reasoning_tokens=reasoning,
            )
            self.usage[account] += billed
            if model is not None:
                self.by_model[model] = self.by_model.get(model, Usage()) + billed
        if saved:
            self.saved[account] = sum(saved, self.saved[account])

    async def run(
        self, call: Callable[[], Awaitable[T]], /, *, label: str, **data: Any
    ) -> CallOutcome[T]:
        """``await call()`` with retries, within the deadline; never raises for a failed call
        (the outcome says why), only for cancellation. Nothing is billed: see :meth:`bill`."""
        started = time.monotonic()
        if self.expired():
            error = DeadlineExceededError("the deadline ran out before this call was sent")
            return CallOutcome(None, error, 0, 0, 0.0)
        attempts = 1
        sent = 0

        def attempt() -> Awaitable[T]:
            nonlocal sent
            sent += 1
            return call()

        def on_retry(number: int, exc: BaseException, wait: float) -> None:
            nonlocal attempts
            attempts = number + 1
            self.recorder.event(
                f"{label}.retry", attempt=number, error=str(exc), wait_s=wait, **data
            )

        work = retrying(attempt, self.policy, deadline=self.deadline, on_retry=on_retry)
        try:
            if self.deadline is None:
                value = await work
            else:
                value = await asyncio.wait_for(work, timeout=self.remaining())
        except DeadlineExceededError as exc:  # also a TimeoutError: handle it first
            return CallOutcome(None, exc, attempts, sent, time.monotonic() - started)
        except asyncio.TimeoutError:  # not the builtin TimeoutError before Python 3.11
            error = DeadlineExceededError(
                f"the deadline ran out during this call (attempt {attempts})"
            )
            return CallOutcome(None, error, attempts, sent, time.monotonic() - started)
        except Exception as exc:
            return CallOutcome(None, exc, attempts, sent, time.monotonic() - started)
        return CallOutcome(value, None, attempts, sent, time.monotonic() - started)

    def record_savings(self) -> None:
        """Add the trace's ``cache.saved`` summary, if a cache answered anything."""
        if any(u.requests or u.total_tokens for u in self.saved.values()):
            self.recorder.event(
                "cache.saved",
                generation=self.saved["generation"].model_dump(),
                selection=self.saved["selection"].model_dump(),
            )
