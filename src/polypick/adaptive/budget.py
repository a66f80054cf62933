"""Compute budgets for adaptive sampling, and the ledger that keeps one call within its budget.

A :class:`ComputeBudget` caps generations (samples), tokens and/or money. ``per="prompt"`` states
the budget of one prompt; for a batch it is pooled (``P`` prompts may spend ``P`` times it in
total, unevenly: that is the point of allocation). ``per="batch"`` caps the batch as a whole.

The :class:`Ledger` never lets a call start a sample it might not be able to pay for: token and
money caps are checked against an upper bound per sample (its prompt tokens plus ``max_tokens``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from polypick.core.types import Usage

__all__ = ["ComputeBudget", "Ledger"]


class ComputeBudget(BaseModel):
    """What adaptive sampling may spend.

    Attributes:
        generations: most samples drawn (failed samples count: they were sent).
        tokens: most tokens billed for generation, prompt and completion together.
        money: most money spent, at ``input_price`` / ``output_price`` per token.
        per: ``"prompt"`` (pooled over a batch) or ``"batch"`` (for the whole batch).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    generations: int | None = Field(default=None, ge=1)
    tokens: int | None = Field(default=None, ge=1)
    money: float | None = Field(default=None, gt=0.0)
    input_price: float = Field(default=0.0, ge=0.0, description="money per prompt token")
    output_price: float = Field(default=0.0, ge=0.0, description="money per completion token")
    per: Literal["prompt", "batch"] = "prompt"

    @model_validator(mode="after")
    def _has_a_cap(self) -> ComputeBudget:
        if self.generations is None and self.tokens is None and self.money is None:
            raise ValueError("set at least one of generations, tokens or money")
        if self.money is not None and self.input_price == 0.0 and self.output_price == 0.0:
            raise ValueError("a money budget needs input_price and/or output_price per token")
        return self

    def for_batch(self, prompts: int) -> ComputeBudget:
        """The budget of a batch of ``prompts`` prompts, as totals (``per="batch"``)."""
        if self.per == "batch":
            return self
        return self.model_copy(
            update={
                "generations": None if self.generations is None else self.generations * prompts,
                "tokens": None if self.tokens is None else self.tokens * prompts,
                "money": None if self.money is None else self.money * prompts,
                "per": "batch",
            }
        )

    def cost(self, usage: Usage) -> float:
        """The money ``usage`` costs at this budget's prices."""
        return usage.prompt_tokens * self.input_price + usage.completion_tokens * self.output_price


@dataclass
class Ledger:
    """What one call has spent against its (batch-total) budget."""

    budget: ComputeBudget
    generations: int = 0
    usage: Usage = Usage()

    @property
    def money(self) -> float:
        return self.budget.cost(self.usage)

    def charge(self, samples: int, usage: Usage) -> None:
        """Record ``samples`` samples sent and the tokens they were billed."""
        self.generations += samples
        self.usage = self.usage + usage

    def affordable(self, wanted: int, prompt_tokens: int, max_tokens: int | None) -> int:
        """How many of ``wanted`` more samples surely fit, each billed at most ``prompt_tokens``
        plus ``max_tokens`` (``None``: unknown, so token and money caps allow none)."""
        fits = [wanted]
        b = self.budget
        if b.generations is not None:
            fits.append(b.generations - self.generations)
        if b.tokens is not None:
            per = None if max_tokens is None else prompt_tokens + max_tokens
            fits.append(0 if per is None else (b.tokens - self.usage.total_tokens) // per)
        if b.money is not None:
            if max_tokens is None:
                fits.append(0)
            else:
                per_cost = prompt_tokens * b.input_price + max_tokens * b.output_price
                left = b.money - self.money
                fits.append(wanted if per_cost == 0 else math.floor(left / per_cost + 1e-9))
        return max(0, min(fits))
