"""Pairwise tournament: candidates meet in matches judged by an LLM; the champion wins.

A classic pairwise baseline for LLM-judge selection (see Khairi et al. 2025, arXiv 2506.20544,
for the judge-based methods it sits beside). Every match is one
:func:`~polypick.selectors.pairwise.prefer` call, judged in both orders by default so the
judge's favourite position decides nothing.

* ``"knockout"`` — single elimination over a shuffled bracket (``seed`` makes it reproducible).
  The bracket is padded to a power of two with first-round byes, so nobody gets two byes. A
  candidate's score is the number of rounds it survived; the champion's is the highest.
* ``"round_robin"`` — every pair meets once; a candidate's score is its wins (a drawn match
  counts half); the most wins takes it.

A drawn match (the judge says tie, or both orders disagree) and a match without a verdict (the
judge failed; recorded) go to the greedy candidate, then the earlier sample; so do equal scores.
If no match got a verdict the result is marked as a fallback. With ``language_fidelity``
(default) candidates detected in another language than the prompt do not enter while any
candidate in the prompt's language (or of unknown language) does; they score ``None``.

Cost in matches for N entrants: knockout N-1, round robin N(N-1)/2; judge calls are twice that
with ``both_orders`` — knockout 8 / 30 calls and round robin 20 / 240 for N = 5 / 16 — plus at
most one re-ask per unreadable verdict.
"""

from __future__ import annotations

import itertools
import random
from typing import Literal

from polypick.errors import ConfigurationError
from polypick.selectors.base import (
    SelectionContext,
    Selector,
    Verdict,
    best_index,
    faithful,
    fallback_index,
)
from polypick.selectors.pairwise import gather_limited, prefer

__all__ = ["TournamentSelector", "match_winner"]

Format = Literal["knockout", "round_robin"]


def match_winner(a: int, b: int, p: float | None, greedy: tuple[bool, ...]) -> int:
    """The winner of ``a`` against ``b`` given P(a better); draws and unknowns go to the greedy
    candidate, then the earlier one."""
    if p is not None and p != 0.5:
        return a if p > 0.5 else b
    if greedy[a] != greedy[b]:
        return a if greedy[a] else b
    return min(a, b)


class TournamentSelector(Selector):
    """Let the candidates meet in pairwise matches judged by an LLM.

    Args:
        format: ``"knockout"`` or ``"round_robin"``.
        both_orders: judge every match in both orders (2 calls) to cancel position bias.
        seed: seeds the knockout bracket's shuffle; ``None`` draws a fresh bracket each call.
        max_tokens: the judge's reply budget.
        max_concurrency: most matches judged at once (``None``: no cap).
        language_fidelity: keep candidates in another language than the prompt out of the
            tournament while any candidate in the prompt's language can enter.
    """

    name = "tournament"
    needs_judge = True

    def __init__(
        self,
        format: Format = "knockout",
        *,
        both_orders: bool = True,
        seed: int | None = None,
        max_tokens: int = 256,
        max_concurrency: int | None = 16,
        language_fidelity: bool = True,
    ) -> None:
        if format not in ("knockout", "round_robin"):
            raise ConfigurationError(
                f"unknown tournament format {format!r}; use 'knockout' or 'round_robin'"
            )
        if max_concurrency is not None and max_concurrency < 1:
            raise ConfigurationError("max_concurrency must be >= 1 or None")
        self.format = format
        self.both_orders = both_orders
        self.seed = seed
        self.max_tokens = max_tokens
        self.max_concurrency = max_concurrency
        self.language_fidelity = language_fidelity

    def __repr__(self) -> str:
        return f"TournamentSelector(format={self.format!r}, both_orders={self.both_orders})"

    def planned_calls(self, n: int) -> int:
        """Knockout: N-1 matches; round robin: N(N-1)/2; each twice with both orders."""
        matches = n - 1 if self.format == "knockout" else n * (n - 1) // 2
        return matches * (2 if self.both_orders else 1)

    async def select(self, context: SelectionContext) -> Verdict:
        candidates = context.candidates
        entrants = list(range(len(candidates)))
        if self.language_fidelity:
            kept = faithful(entrants, candidates, context.language)
            if len(kept) < len(entrants):
                excluded = sorted(set(entrants) - set(kept))
                context.recorder.event("tournament.excluded", candidates=excluded)
                entrants = kept
        if self.format == "knockout":
            scores, winner, decided = await self._knockout(context, entrants)
        else:
            scores, winner, decided = await self._round_robin(context, entrants)
        if winner is None or (not decided and len(entrants) > 1):
            context.recorder.event("tournament.fallback", reason="no match got a verdict")
            index = fallback_index(candidates) if winner is None else winner
            return Verdict(index=index, scores=tuple(scores), fallback=True)
        return Verdict(index=winner, scores=tuple(scores))

    async def _matches(
        self, context: SelectionContext, pairs: list[tuple[int, int]]
    ) -> list[float | None]:
        return await gather_limited(
            (
                prefer(
                    context,
                    a,
                    b,
                    both_orders=self.both_orders,
                    max_tokens=self.max_tokens,
                )
                for a, b in pairs
            ),
            self.max_concurrency,
        )

    async def _knockout(
        self, context: SelectionContext, entrants: list[int]
    ) -> tuple[list[float | None], int | None, bool]:
        greedy = tuple(c.greedy for c in context.candidates)
        order = list(entrants)
        random.Random(self.seed).shuffle(order)
        scores: list[float | None] = [None] * len(context.candidates)
        for i in order:
            scores[i] = 0.0
        byes = (1 << (len(order) - 1).bit_length()) - len(order) if order else 0
        context.recorder.event("tournament.bracket", order=order, byes=order[:byes])
        decided, round_number = False, 0
        while len(order) > 1:
            round_number += 1
            advancing, playing = order[:byes], order[byes:]
            byes = 0
            pairs = [(playing[k], playing[k + 1]) for k in range(0, len(playing), 2)]
            preferences = await self._matches(context, pairs)
            winners = []
            for (a, b), p in zip(pairs, preferences, strict=True):
                winner = match_winner(a, b, p, greedy)
                decided = decided or p is not None
                context.recorder.event(
                    "tournament.match", round=round_number, a=a, b=b, p=p, winner=winner
                )
                winners.append(winner)
            order = advancing + winners
            for i in order:
                scores[i] = float(round_number)
        return scores, (order[0] if order else None), decided

    async def _round_robin(
        self, context: SelectionContext, entrants: list[int]
    ) -> tuple[list[float | None], int | None, bool]:
        # who is shown first alternates by parity, so one order favours no candidate
        pairs = [(a, b) if (a + b) % 2 else (b, a) for a, b in itertools.combinations(entrants, 2)]
        preferences = await self._matches(context, pairs)
        wins: list[float | None] = [None] * len(context.candidates)
        for (a, b), p in zip(pairs, preferences, strict=True):
            context.recorder.event("tournament.match", round=1, a=a, b=b, p=p)
            if p is None:
                continue
            share = 1.0 if p > 0.5 else 0.0 if p < 0.5 else 0.5
            wins[a] = (wins[a] or 0.0) + share
            wins[b] = (wins[b] or 0.0) + 1.0 - share
        if len(entrants) == 1:
            return wins, entrants[0], True
        return wins, best_index(wins, context.candidates), any(p is not None for p in preferences)
