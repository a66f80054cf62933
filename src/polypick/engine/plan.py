"""Cost plans and budgets: what a call will spend, known before anything is sent.

:class:`CallPlan` states the generation requests and the selection calls of one call (and, when
the reply budget is known, an upper bound on tokens). A :class:`Budget` caps them: a
configuration over budget is refused up front, or — with ``on_exceed="downgrade"`` — its
selector is replaced by the first scheme of a documented ladder that fits:

1. a knockout tournament with both orders (2(N−1) judge calls),
2. a knockout tournament with one order (N−1),
3. CHOPS (a checklist and one comparison: 2 calls),
4. CHOPS with a fixed checklist (1 call),
5. MBR with chrF (no model calls),

so MBR with an LLM utility at N = 16 (240 calls) under ``max_judge_calls=50`` becomes a knockout
(30 calls). Every call of a downgraded ``BestOfN`` records the switch in its trace.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from polypick.core.types import Message, SamplingParams
from polypick.errors import ConfigurationError
from polypick.selectors import resolve_selector
from polypick.selectors.base import Selector
from polypick.selectors.cost import planned_calls

__all__ = ["Budget", "CallPlan", "apply_budget", "make_plan"]

CHARS_PER_TOKEN = 4  # a rough, language-dependent average; the token figures are estimates
JUDGE_OVERHEAD_TOKENS = 512  # instructions and reply of one judge call


class Budget(BaseModel):
    """Caps on what one call may spend.

    Attributes:
        max_judge_calls: most selection-stage model calls (judge, evidence, reward requests).
        max_tokens_total: most tokens, generation and selection together (an upper-bound
            estimate; needs ``max_tokens`` in the sampling plan to be computable).
        on_exceed: ``"refuse"`` raises before any request; ``"downgrade"`` switches to the
            first cheaper scheme that fits (see the module documentation).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_judge_calls: int | None = Field(default=None, ge=0)
    max_tokens_total: int | None = Field(default=None, ge=1)
    on_exceed: Literal["refuse", "downgrade"] = "refuse"


class CallPlan(BaseModel):
    """What one best-of-N call will spend, before retries."""

    model_config = ConfigDict(frozen=True)

    n: int
    generation_requests: int = Field(description="sampling requests if every one succeeds")
    selection_calls: int | None = Field(description="None when the selector does not say")
    selector: str
    max_tokens_total: int | None = Field(
        default=None, description="upper-bound token estimate; None without a max_tokens"
    )
    downgraded_from: str | None = None


def make_plan(
    messages: Sequence[Message],
    plan: Sequence[SamplingParams],
    selector: Selector,
    max_n: int,
    default_max_tokens: int | None = None,
) -> CallPlan:
    """The cost plan of sampling ``plan`` from a backend allowing ``max_n`` choices a request."""
    groups: dict[SamplingParams, int] = {}
    for params in plan:
        key = params.without_seed()
        groups[key] = groups.get(key, 0) + 1
    requests = sum(-(-count // max_n) for count in groups.values())
    n = len(plan)
    calls = planned_calls(selector, n)
    return CallPlan(
        n=n,
        generation_requests=requests,
        selection_calls=calls,
        selector=selector.name,
        max_tokens_total=_token_bound(messages, plan, calls, default_max_tokens),
    )


def _token_bound(
    messages: Sequence[Message],
    plan: Sequence[SamplingParams],
    calls: int | None,
    default_max_tokens: int | None,
) -> int | None:
    replies = [p.max_tokens or default_max_tokens for p in plan]
    if calls is None or any(r is None for r in replies):
        return None
    prompt = sum(len(m.content) for m in messages) // CHARS_PER_TOKEN + 1
    generated = sum(r for r in replies if r is not None)
    # every selection call is assumed to read the prompt and every candidate: an upper bound
    selection = calls * (prompt + generated + JUDGE_OVERHEAD_TOKENS)
    return len(plan) * prompt + generated + selection


def _ladder() -> list[Callable[[], Selector]]:
    return [
        lambda: resolve_selector("tournament", format="knockout", both_orders=True),
        lambda: resolve_selector("tournament", format="knockout", both_orders=False),
        lambda: resolve_selector("chops"),
        lambda: resolve_selector("chops", checklist=False),
        lambda: resolve_selector("mbr", utility="chrf"),
    ]


def _fits(call_plan: CallPlan, budget: Budget) -> bool:
    calls, tokens = call_plan.selection_calls, call_plan.max_tokens_total
    if budget.max_judge_calls is not None and (calls is None or calls > budget.max_judge_calls):
        return False
    return budget.max_tokens_total is None or (
        tokens is not None and tokens <= budget.max_tokens_total
    )


def apply_budget(
    call_plan: CallPlan,
    selector: Selector,
    budget: Budget,
    replan: Callable[[Selector], CallPlan],
) -> tuple[Selector, CallPlan]:
    """Keep ``selector`` if it fits ``budget``, else downgrade or refuse (a clear error)."""
    if _fits(call_plan, budget):
        return selector, call_plan
    if budget.on_exceed == "downgrade":
        for make in _ladder():
            cheaper = make()
            candidate_plan = replan(cheaper)
            if _fits(candidate_plan, budget):
                downgraded = candidate_plan.model_copy(update={"downgraded_from": selector.name})
                return cheaper, downgraded
    tokens = (
        f"up to {call_plan.max_tokens_total} tokens"
        if call_plan.max_tokens_total is not None
        else "an unknown number of tokens (set max_tokens in the sampling plan to bound them)"
    )
    raise ConfigurationError(
        f"over budget: {call_plan.selector} plans {call_plan.selection_calls} selection calls "
        f"and {tokens} for n={call_plan.n}, against "
        f"max_judge_calls={budget.max_judge_calls}, max_tokens_total={budget.max_tokens_total}"
        "; lower n, raise the budget, choose a cheaper selector (chops: 2 calls) or pass "
        "Budget(..., on_exceed='downgrade')"
    )
