"""Sequential revision (Snell et al., 2024, arXiv 2408.03314, section 6).

The model writes ``chains`` independent chains of ``length`` attempts; each attempt's prompt
shows the ``window`` (default 4) most recent earlier attempts of its chain and asks for a better
answer. About 38% of right answers get revised into wrong ones in the paper, so the last attempt
is never simply taken: the answer is chosen hierarchically — by verifier-weighted vote (or best
score) within each chain, then across the chains' winners, weighted by their chain totals.

A fixed budget is split by ``ratio = length / chains`` (sequential:parallel): easy prompts do
best fully sequential, harder ones with a mix. Cost: ``chains * length`` generations and as many
verifier calls; chains run concurrently, attempts within a chain one after another.

The paper's verifier for revisions sees the earlier answers in context: with
``verifier_sees="history"`` each attempt is scored as an answer to the same revision prompt it
was written for (the request followed by the earlier attempts it was shown), so a verifier can
judge an attempt against what it revised; the default, ``"attempt"``, scores every attempt as
an answer to the request alone.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Literal

from polypick.core.types import Message, prompt_text
from polypick.errors import ConfigurationError
from polypick.providers import ModelSpec
from polypick.search._run import SearchRun, Solution, check_whole, cut_off
from polypick.search.base import SearchCost, SearchSettings, SearchStrategy
from polypick.search.steps import Vote, choose, split_budget, split_steps
from polypick.search.verifiers import Verifier

__all__ = ["SequentialRevision", "VerifierView", "hierarchical_choice", "revision_messages"]

REVISE = (
    "Here are your most recent attempts at this request, oldest first. Some may be wrong. "
    "Check them, then write a new, complete and correct answer."
)

VerifierView = Literal["attempt", "history"]
"""What the verifier is given as the prompt of an attempt: the request alone (``attempt``), or
the request with the earlier attempts the model was shown (``history``, the paper's revision
verifier)."""


def revision_messages(
    messages: Sequence[Message], previous: Sequence[str], window: int
) -> list[Message]:
    """The prompt of the next attempt: the request, then up to ``window`` latest attempts
    (oldest first, each in its own numbered block)."""
    shown = list(previous)[-window:] if window else []
    if not shown:
        return list(messages)
    attempts = "\n\n".join(f"--- attempt {i} ---\n{text}" for i, text in enumerate(shown, 1))
    return [*messages, Message(role="user", content=f"{REVISE}\n\n{attempts}")]


def revision_context(messages: Sequence[Message], previous: Sequence[str], window: int) -> str:
    """The text a revision-aware verifier reads as an attempt's prompt: the request and the
    earlier attempts that attempt was written after."""
    shown = revision_messages(messages, previous, window)
    return "\n\n".join([prompt_text(messages), *(m.content for m in shown[len(messages) :])])


def hierarchical_choice(
    chains: Sequence[Sequence[tuple[str | None, float | None]]], vote: Vote = "weighted"
) -> tuple[int, int]:
    """``(chain, attempt)`` chosen within each chain, then across chains.

    Each chain's winner is :func:`~polypick.search.steps.choose` over its ``(answer, score)``
    attempts; with ``weighted`` it carries the summed score of its answer in that chain into
    the vote across chains.
    """
    winners: list[tuple[int, int]] = []
    answers: list[str | None] = []
    weights: list[float | None] = []
    for c, attempts in enumerate(chains):
        if not attempts:
            continue
        chain_answers = [a for a, _ in attempts]
        chain_scores = [s for _, s in attempts]
        best = choose(chain_answers, chain_scores, vote)
        winners.append((c, best))
        answers.append(chain_answers[best])
        if vote == "weighted":
            same = [s for a, s in attempts if a == chain_answers[best] and s is not None]
            weights.append(sum(max(0.0, s) for s in same) if same else chain_scores[best])
        else:
            weights.append(chain_scores[best])
    if not winners:
        raise ValueError("every chain is empty")
    return winners[choose(answers, weights, vote)]


class SequentialRevision(SearchStrategy):
    """Chains of self-revisions, chosen hierarchically by a verifier.

    Args:
        llm: any backend.
        verifier: an outcome verifier (or a process verifier).
        chains: parallel chains; with ``length``, overrides ``budget`` and ``ratio``.
        length: attempts per chain.
        budget: total generations, split by ``ratio`` when ``chains``/``length`` are not given.
        ratio: ``length / chains``; 1 by default (16 -> 4 chains of 4).
        window: how many of a chain's latest attempts each new attempt sees (4 in the paper).
        verifier_sees: ``"attempt"`` (the request alone) or ``"history"`` (the request and the
            earlier attempts, as the attempt's writer saw them).
        settings: temperature, answer budget, vote, extraction, retries.
    """

    name = "sequential_revision"
    needs_continuation = False

    def __init__(
        self,
        llm: ModelSpec,
        verifier: Verifier,
        *,
        chains: int | None = None,
        length: int | None = None,
        budget: int = 16,
        ratio: float = 1.0,
        window: int = 4,
        verifier_sees: VerifierView = "attempt",
        settings: SearchSettings | None = None,
    ) -> None:
        if verifier_sees not in ("attempt", "history"):
            raise ConfigurationError(
                f"unknown verifier_sees {verifier_sees!r}; use 'attempt' or 'history'"
            )
        self.verifier_sees: VerifierView = verifier_sees
        if (chains is None) != (length is None):
            raise ConfigurationError("give both chains and length, or neither (then budget)")
        if chains is None or length is None:
            chains, length = split_budget(budget, ratio)
        self.chains = check_whole("chains", chains, 1)
        self.length = check_whole("length", length, 1)
        self.window = check_whole("window", window, 0)
        super().__init__(llm, verifier, settings=settings)

    def cost(self) -> SearchCost:
        return SearchCost(self.chains * self.length, self.chains * self.length)

    async def _chain(self, run: SearchRun, chain: int) -> list[tuple[str, bool, str]]:
        """The chain's attempts: (text, whether it was finished, its verifier prompt)."""
        attempts: list[tuple[str, bool, str]] = []
        for step in range(self.length):
            if run.expired():
                break
            earlier = [text for text, _, _ in attempts]
            messages = revision_messages(run.messages, earlier, self.window)
            drawn = await run.generate(messages, self.params, "revision" if step else "sample")
            run.recorder.event("revision.attempt", chain=chain, attempt=step, ok=drawn is not None)
            if drawn is not None:
                seen = (
                    revision_context(run.messages, earlier, self.window)
                    if self.verifier_sees == "history"
                    else run.prompt
                )
                attempts.append((drawn.text, not cut_off(drawn.finish_reason), seen))
        return attempts

    async def _search(self, run: SearchRun) -> list[Solution]:
        chains = await asyncio.gather(*(self._chain(run, c) for c in range(self.chains)))
        flat = [(c, attempt) for c, attempts in enumerate(chains) for attempt in attempts]
        paths = [split_steps(text, self.delimiter) or [text] for _, (text, _, _) in flat]
        scores = await run.score_all(paths, [seen for _, (_, _, seen) in flat])
        return [
            Solution((text,), s, self.params, ended, c)
            for (c, (text, ended, _)), s in zip(flat, scores, strict=True)
        ]

    def choose_index(self, solutions: Sequence[Solution]) -> int:
        """The flat index of the hierarchical choice among ``solutions``."""
        extract = self.settings.extract
        grouped: dict[int, list[int]] = {}
        for i, s in enumerate(solutions):
            grouped.setdefault(s.group, []).append(i)
        members = list(grouped.values())
        chains = [
            [(extract(solutions[i].steps[0]), solutions[i].score) for i in m] for m in members
        ]
        chain, attempt = hierarchical_choice(chains, self.settings.vote)
        return members[chain][attempt]
