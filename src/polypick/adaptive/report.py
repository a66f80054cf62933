"""What an adaptive call returns: the core :class:`~polypick.Selection` per prompt, plus a report
of where the budget went."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from polypick.adaptive.budget import ComputeBudget
from polypick.adaptive.strategies import Strategy
from polypick.core.types import Selection, Usage

__all__ = ["AdaptiveRun", "AllocationReport", "PromptAllocation"]


class PromptAllocation(BaseModel):
    """How one prompt was treated.

    Attributes:
        samples: samples drawn for it (failed ones included).
        first_agreement: the leader's share after the first round (the difficulty estimate).
        agreement: the leader's share at the end.
        mean_score: the verifier's mean score, when a verifier was given.
        bin: its difficulty bin under the policy (``None`` without a policy).
        stopped_early: whether the vote settled (agreement reached the threshold).
        strategy: how the final answer was selected.
        answer: the selected final answer (extracted), if any.
    """

    model_config = ConfigDict(frozen=True)

    samples: int
    first_agreement: float
    agreement: float
    mean_score: float | None
    bin: int | None
    stopped_early: bool
    strategy: Strategy
    answer: str | None


class AllocationReport(BaseModel):
    """Where the budget of one adaptive call went."""

    model_config = ConfigDict(frozen=True)

    budget: ComputeBudget
    generations: int
    usage: Usage
    money: float
    rounds: int
    prompts: tuple[PromptAllocation, ...]

    @property
    def mean_samples(self) -> float:
        """Samples per prompt, on average."""
        return self.generations / len(self.prompts) if self.prompts else 0.0


class AdaptiveRun(BaseModel):
    """One :class:`~polypick.Selection` per prompt, in prompt order, and the allocation report."""

    model_config = ConfigDict(frozen=True)

    selections: tuple[Selection, ...]
    report: AllocationReport

    @property
    def selection(self) -> Selection:
        """The first prompt's selection (the only one, after ``arun(prompt)``)."""
        return self.selections[0]
