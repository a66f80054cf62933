"""chrF: character n-gram F-score (Popović 2015), as sacrebleu computes it.

A metric utility for MBR (Khairi et al. 2025, arXiv 2506.20544, section A3): no model calls, and
because it counts character n-grams it works in every script, including those without spaces
(Chinese, Japanese, Thai). It is not cross-lingual: two texts in different languages share few
character n-grams whatever they mean, so X-MBR rejects it.

MBR needs chrF between every pair of a pool. Scoring each pair with sacrebleu's
``sentence_score`` extracts both texts' n-grams again for every pair; here each distinct text's
n-grams are extracted once (with sacrebleu's own extractor), the n-grams two texts share are
counted once per unordered pair (the count is symmetric; precision and recall swap), and the
score is the one sacrebleu gives (its default: averaged precision and recall over the orders
both texts have, no epsilon smoothing; ``tests/test_mbr.py`` checks equality with
``sentence_score``). For four short answers that is a few hundred microseconds, run on the event
loop; a large pool goes to a worker thread. chrF++ (``word_order`` > 0) is scored pair by pair by
sacrebleu itself.

``u(h, r) = chrF(h, [r]) / 100`` in [0, 1].
"""

from __future__ import annotations

import asyncio
import importlib
import importlib.util
from collections import Counter
from collections.abc import Sequence

from polypick.errors import MissingDependencyError
from polypick.selectors.base import SelectionContext
from polypick.selectors.utilities import Matrix

__all__ = ["ChrF", "chrf_from_counts"]

INLINE_CHARS = 2_000
"""Up to this many characters in the pool, chrF runs on the event loop (a thread hop would cost
more CPU than the scoring)."""


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
        if sum(map(len, hypotheses)) + sum(map(len, references)) <= INLINE_CHARS:
            return self._scores(hypotheses, references)
        return await asyncio.to_thread(self._scores, hypotheses, references)

    def _scores(self, hypotheses: list[str], references: list[str]) -> Matrix:
        if self.word_order:
            return self._pair_by_pair(hypotheses, references)
        extract = importlib.import_module("sacrebleu.metrics.helpers").extract_all_char_ngrams
        grams: dict[str, list[Counter[str]]] = {
            text: extract(text, self.char_order, False)
            for text in dict.fromkeys([*hypotheses, *references])
        }
        totals = {text: [sum(c.values()) for c in counters] for text, counters in grams.items()}
        shared: dict[tuple[str, str], list[int]] = {}
        rows: Matrix = []
        for hypothesis in hypotheses:
            row: list[float | None] = []
            for reference in references:
                pair = (
                    (hypothesis, reference) if hypothesis <= reference else (reference, hypothesis)
                )
                if hypothesis == reference:  # a text shares every n-gram with itself
                    shared[pair] = totals[hypothesis]
                elif pair not in shared:
                    shared[pair] = [
                        _overlap(h, r) for h, r in zip(grams[pair[0]], grams[pair[1]], strict=True)
                    ]
                score = chrf_from_counts(
                    totals[hypothesis], totals[reference], shared[pair], self.beta
                )
                row.append(score / 100)
            rows.append(row)
        return rows

    def _pair_by_pair(self, hypotheses: list[str], references: list[str]) -> Matrix:
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


def _overlap(a: Counter[str], b: Counter[str]) -> int:
    """How many n-grams two texts share, each counted as often as it occurs in both."""
    return sum(min(a[gram], b[gram]) for gram in a.keys() & b.keys())


def chrf_from_counts(
    hypothesis: Sequence[int], reference: Sequence[int], shared: Sequence[int], beta: int = 2
) -> float:
    """chrF in [0, 100] from each order's n-gram counts: the hypothesis's, the reference's and
    the ones they share. Precision and recall are averaged over the orders both texts have
    (none: 0); the F-score weighs recall ``beta`` times as much as precision."""
    precision = recall = 0.0
    orders = 0
    for hyp, ref, both in zip(hypothesis, reference, shared, strict=True):
        if hyp and ref:
            precision += both / hyp
            recall += both / ref
            orders += 1
    if not orders:
        return 0.0
    precision, recall = precision / orders, recall / orders
    if not precision + recall:
        return 0.0
    factor = beta**2
    return 100 * (1 + factor) * precision * recall / (factor * precision + recall)
