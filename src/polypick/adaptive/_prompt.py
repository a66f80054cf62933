"""The state of one prompt during an adaptive call, and the final vote as a core selector."""

from __future__ import annotations

from collections.abc import Sequence

from polypick.adaptive.difficulty import VoteStats, vote_stats
from polypick.adaptive.report import PromptAllocation
from polypick.adaptive.strategies import Strategy, pick
from polypick.core.gateway import Gateway
from polypick.core.retry import RetryPolicy
from polypick.core.trace import Recorder
from polypick.core.types import (
    Candidate,
    Message,
    SamplingParams,
    Selection,
    SelectionFailure,
    Usage,
)
from polypick.selectors.answers import AnswerExtractor
from polypick.selectors.base import SelectionContext, Selector, Verdict, fallback_index

PROMPT_OVERHEAD_TOKENS = 64  # chat-template tokens around the messages


class PromptState:
    """Everything sampled for one prompt so far; it belongs to one call."""

    def __init__(
        self, messages: Sequence[Message], extract: AnswerExtractor, retry: RetryPolicy
    ) -> None:
        self.messages = tuple(messages)
        self.extract = extract
        self.gateway = Gateway(Recorder(), retry)
        """Every model call for this prompt goes through it (usage, trace, retries)."""
        self.samples: list[Candidate] = []
        self._answers: list[str | None] = []  # extracted once: gains are re-read every round
        self.scores: dict[int, float | None] = {}
        self.errors: list[Exception] = []
        self.selection_failures: list[SelectionFailure] = []
        self.first_agreement = 0.0
        self.bin: int | None = None
        self.stopped = False
        self.language: str | None = None
        self.plan: tuple[SamplingParams, ...] = ()  # set once the language is known

    @property
    def recorder(self) -> Recorder:
        return self.gateway.recorder

    @property
    def n(self) -> int:
        return len(self.samples)

    @property
    def survivors(self) -> list[Candidate]:
        return [c for c in self.samples if c.ok]

    def answers(self) -> list[str | None]:
        return list(self._answers)

    def stats(self) -> VoteStats:
        scores = [self.scores.get(c.sample) for c in self.samples]
        return vote_stats(self.answers(), scores)

    def prompt_tokens_bound(self) -> int:
        """Most prompt tokens one request bills: measured once known, else a byte count
        (a byte-level tokeniser never makes more tokens than bytes) plus the chat template."""
        measured = [c.usage.prompt_tokens for c in self.samples if c.usage.prompt_tokens]
        if measured:
            return max(measured)
        size = sum(len(m.content.encode("utf-8")) for m in self.messages)
        return size + PROMPT_OVERHEAD_TOKENS * len(self.messages)

    def add(self, samples: Sequence[Candidate], errors: Sequence[Exception]) -> list[Candidate]:
        """Append an increment, numbering samples and requests after the earlier ones."""
        offset = 1 + max((c.request for c in self.samples if c.request is not None), default=-1)
        renumbered = [
            c.model_copy(
                update={
                    "sample": self.n + i,
                    "request": None if c.request is None else offset + c.request,
                }
            )
            for i, c in enumerate(samples)
        ]
        self.samples.extend(renumbered)
        self._answers.extend(self.extract(c.text) if c.ok else None for c in renumbered)
        self.errors.extend(errors)
        return renumbered

    def generation_usage(self) -> Usage:
        return sum((c.usage for c in self.samples), Usage())

    def allocation(self, strategy: Strategy, selection: Selection | None) -> PromptAllocation:
        """This prompt's line in the allocation report."""
        stats = self.stats()
        return PromptAllocation(
            samples=self.n,
            first_agreement=self.first_agreement,
            agreement=stats.agreement,
            mean_score=stats.mean_score,
            bin=self.bin,
            stopped_early=self.stopped,
            strategy=strategy,
            answer=None if selection is None else self.extract(selection.text),
        )


class FinalVote(Selector):
    """The final selection as a core selector, over verifier scores already computed."""

    needs_judge = False

    def __init__(
        self, strategy: Strategy, scores: Sequence[float | None] | None, extract: AnswerExtractor
    ) -> None:
        self.strategy = strategy
        self.scores = scores
        self.extract = extract
        self.name = f"adaptive:{strategy}"

    async def select(self, context: SelectionContext) -> Verdict:
        answers = [self.extract(c.text) for c in context.candidates]
        greedy = [c.greedy for c in context.candidates]
        if all(a is None for a in answers) and self.strategy != "best_of_n":
            index = fallback_index(context.candidates)
            return Verdict(index=index, scores=tuple(self.scores or [None] * len(answers)))
        index = pick(self.strategy, answers, self.scores, greedy)
        context.recorder.event("adaptive.vote", strategy=self.strategy, answers=answers)
        scores = self.scores or [None] * len(answers)
        return Verdict(index=index, scores=tuple(scores))
