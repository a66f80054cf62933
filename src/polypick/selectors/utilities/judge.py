"""LLM-judge preference as an MBR utility.

``u(h, r)`` = P(the judge prefers ``h`` over ``r``), from
:func:`~polypick.selectors.pairwise.compare`: the LLM utility of MBR in Khairi et al. 2025
(arXiv 2506.20544, section A3). A preference is antisymmetric, ``u(a, b) = 1 - u(b, a)``, so
each unordered pair of distinct texts is judged once and fills both cells; identical texts tie
(0.5) without a call.

Cost in judge calls, for N candidates as hypotheses and references (plain MBR):
N(N-1) with ``both_orders`` (N(N-1)/2 pairs, each judged in both orders), N(N-1)/2 with one order
— 20 / 10 for N = 5, 240 / 120 for N = 16 — plus at most one re-ask per unreadable verdict. Each
extra reference that is not a candidate (X-MBR evidence) adds N pairs.

A reference that is not one of the candidates (X-MBR's evidence, written in another language) is
compared cross-lingually: the judge is told to compare content and ignore the language. Between
two candidates the language requirement of non-English prompts holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from polypick.errors import ConfigurationError
from polypick.selectors.base import SelectionContext
from polypick.selectors.pairwise import Label, compare, gather_limited
from polypick.selectors.utilities import Matrix

__all__ = ["JudgePreference"]

_Pair = tuple[Label, Label, bool]  # (shown as A, shown as B, cross-lingual)


@dataclass(frozen=True)
class JudgePreference:
    """The judge's pairwise preference of each hypothesis over each reference.

    Args:
        both_orders: judge each pair in both orders and average, cancelling position bias.
            With one order, positions alternate over pairs so no candidate is always shown first.
        max_tokens: the judge's reply budget.
        max_concurrency: most pairs judged at once (``None``: no cap).
    """

    both_orders: bool = True
    max_tokens: int = 256
    max_concurrency: int | None = 16

    name: ClassVar[str] = "judge"
    needs_judge: ClassVar[bool] = True
    cross_lingual: ClassVar[bool] = True

    def __post_init__(self) -> None:
        if self.max_concurrency is not None and self.max_concurrency < 1:
            raise ConfigurationError("max_concurrency must be >= 1 or None")

    async def matrix(
        self, context: SelectionContext, hypotheses: list[str], references: list[str]
    ) -> Matrix:
        n = len(context.candidates)
        label_of: dict[str, Label] = {}  # one label per distinct text: repeats cost no calls
        for index, candidate in enumerate(context.candidates):
            label_of.setdefault(candidate.text, index)
        texts: dict[Label, str] = {}
        cells: dict[tuple[int, int], tuple[_Pair, bool]] = {}  # cell -> (pair, flipped)
        result: Matrix = [[None] * len(references) for _ in hypotheses]
        for i, h in enumerate(hypotheses):
            for j, r in enumerate(references):
                if h == r:
                    result[i][j] = 0.5  # the same text: a tie, no call needed
                    continue
                a = label_of.setdefault(h, f"h{i}")
                # references past the candidates are evidence: e0, e1... as in the trace
                b = label_of.setdefault(r, f"e{j - n}" if j >= n else f"r{j}")
                texts[a], texts[b] = h, r
                shown: tuple[Label, Label]
                if isinstance(a, int) and isinstance(b, int):
                    # one call per unordered pair; who is shown first alternates by parity
                    low, high = sorted((a, b))
                    shown = (low, high) if (low + high) % 2 == 0 else (high, low)
                else:
                    shown = (a, b) if (i + j) % 2 == 0 else (b, a)
                cross = not isinstance(a, int) or not isinstance(b, int)
                cells[(i, j)] = ((shown[0], shown[1], cross), shown[0] != a)
        pairs = list(dict.fromkeys(pair for pair, _ in cells.values()))
        preferences = await gather_limited(
            (
                compare(
                    context,
                    texts[a],
                    texts[b],
                    labels=(a, b),
                    both_orders=self.both_orders,
                    cross_lingual=cross,
                    max_tokens=self.max_tokens,
                )
                for a, b, cross in pairs
            ),
            self.max_concurrency,
        )
        found = dict(zip(pairs, preferences, strict=True))
        for (i, j), (pair, flipped) in cells.items():
            p = found[pair]
            result[i][j] = None if p is None else (1.0 - p if flipped else p)
        return result
