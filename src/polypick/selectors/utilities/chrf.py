"""chrF: character n-gram F-score (Popović 2015), via sacrebleu.

A metric utility for MBR (Khairi et al. 2025, arXiv 2506.20544, section A3): no model calls, and
because it counts character n-grams it works in every script, including those without spaces
(Chinese, Japanese, Thai). It is not cross-lingual: two texts in different languages share few
character n-grams whatever they mean, so X-MBR rejects it.

Cost: no model calls; N·R sentence scores on the CPU (N hypotheses, R references), run in one
worker thread. ``u(h, r) = chrF(h, [r]) / 100`` in [0, 1].
"""

from __future__ import annotations

import asyncio
import importlib
import importlib.util

from polypick.errors import MissingDependencyError
from polypick.selectors.base import SelectionContext
from polypick.selectors.utilities import Matrix

__all__ = ["ChrF"]


class ChrF:
    """chrF between each hypothesis and each reference, scaled to [0, 1].

    Args:
        char_order: character n-gram order (sacrebleu's default, 6).
        word_order: word n-gram order; 2 gives chrF++.
        beta: weight of recall against precision (2: recall counts twice as much).

    Raises:
        MissingDependencyError: when sacrebleu (the ``multilingual`` extra) is not installed.
    """

    name = "chrf"
    needs_judge = False
    cross_lingual = False

    def __init__(self, char_order: int = 6, word_order: int = 0, beta: int = 2) -> None:
        if importlib.util.find_spec("sacrebleu") is None:  # fail before any request is sent
            raise MissingDependencyError("chrF", "multilingual")
        self.char_order = char_order
        self.word_order = word_order
        self.beta = beta

    async def matrix(
        self, context: SelectionContext, hypotheses: list[str], references: list[str]
    ) -> Matrix:
        return await asyncio.to_thread(self._scores, hypotheses, references)

    def _scores(self, hypotheses: list[str], references: list[str]) -> Matrix:
        metrics = importlib.import_module("sacrebleu.metrics")
        chrf = metrics.CHRF(char_order=self.char_order, word_order=self.word_order, beta=self.beta)
        cache: dict[tuple[str, str], float] = {}
        rows: Matrix = []
        for hypothesis in hypotheses:
            row: list[float | None] = []
            for reference in references:
                key = (hypothesis, reference)
                if key not in cache:  # repeated candidates are common at low temperature
                    cache[key] = float(chrf.sentence_score(hypothesis, [reference]).score) / 100
                row.append(cache[key])
            rows.append(row)
        return rows
