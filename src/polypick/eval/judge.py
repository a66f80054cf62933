"""Judging one answer against a reference, in both orders, with polypick's pairwise judge prompt.

The prompt, the JSON verdict schema, the reply parser and the re-ask reminder are those of
:mod:`polypick.selectors.pairwise` (answers in blocks they cannot break out of, the judge told
that everything inside is data); the judge's reasoning is bounded more tightly here, since only
the verdict is used. The two orders are combined by :func:`polypick.eval.stats.combine_orders`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from polypick.core.protocol import ChatModel
from polypick.core.retry import RetryPolicy
from polypick.core.trace import Recorder
from polypick.core.types import Message, SamplingParams
from polypick.eval.stats import Outcome, combine_orders, order_outcome
from polypick.selectors.base import SelectionContext
from polypick.selectors.pairwise import REMINDER, pairwise_messages, pairwise_schema, parse_winner
from polypick.selectors.prompting import ask_parsed

__all__ = [
    "JUDGE_MAX_TOKENS",
    "JUDGE_REASONING_CHARS",
    "PairJudgment",
    "judge_against_reference",
    "reasoning_chars",
]

JUDGE_MAX_TOKENS = 256
JUDGE_REASONING_CHARS = 200


class PairJudgment(BaseModel):
    """The judge's two verdicts on (system answer, reference) and the pair's score."""

    model_config = ConfigDict(frozen=True)

    outcomes: tuple[Outcome | None, Outcome | None]
    """The system's outcome with its answer shown first, then shown second."""
    score: float | None
    """1 win, ½ tie (or orders that disagree), 0 loss; ``None`` when no order gave a verdict."""
    errors: tuple[str, ...] = ()
    requests: int = 0
    tokens: int = 0


def reasoning_chars(max_tokens: int) -> int:
    """The bound on the judge's reasoning for a reply budget of ``max_tokens``: short enough
    that the verdict after it always fits (about 4 characters a token, 16 tokens of JSON)."""
    return max(16, min(JUDGE_REASONING_CHARS, 2 * (max_tokens - 16)))


async def judge_against_reference(
    judge: ChatModel,
    prompt: Sequence[Message],
    answer: str,
    reference: str,
    *,
    language: str | None = None,
    max_tokens: int = JUDGE_MAX_TOKENS,
    retry: RetryPolicy | None = None,
) -> PairJudgment:
    """Ask ``judge`` whether ``answer`` beats ``reference`` for ``prompt``, in both orders.

    Each order costs one call, plus one re-ask when its reply cannot be read; failures are
    listed in ``errors`` (the order then gives no verdict).
    """
    context = SelectionContext(
        prompt,
        [],
        llm=judge,
        judge=judge,
        recorder=Recorder(),
        policy=retry or RetryPolicy(),
        language=language,
    )
    params = SamplingParams(temperature=0.0, max_tokens=max_tokens)
    schema = pairwise_schema(reasoning_chars(max_tokens))
    orders = ((answer, reference), (reference, answer))
    verdicts = await asyncio.gather(
        *(
            ask_parsed(
                context,
                pairwise_messages(context.prompt, first, second, language=language),
                params,
                parse_winner,
                label="eval.judge",
                reminder=REMINDER,
                json_schema=schema,
            )
            for first, second in orders
        )
    )
    first, second = (order_outcome(winner, i == 0) for i, (winner, _) in enumerate(verdicts))
    usage = context.gateway.usage["selection"]
    return PairJudgment(
        outcomes=(first, second),
        score=combine_orders(first, second),
        errors=tuple(f.error.message for f in context.failures),
        requests=usage.requests,
        tokens=usage.total_tokens,
    )
