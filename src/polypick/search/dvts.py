"""Diverse verifier tree search, DVTS (Beeching et al., Hugging Face search-and-learn, 2024; an
extension of Snell et al.'s beam search).

The ``n`` beams are split into ``n / m`` independent subtrees of ``m`` beams. Each round every
subtree keeps its single best beam and expands it ``m`` times; subtrees never compare with each
other, so one verifier-favoured prefix cannot take over the whole search — more diverse answers,
which wins at large ``n``. The final answer is chosen across the subtrees' finished beams.

Cost per round: up to ``n`` step generations and ``n`` verifier calls, like beam search.
"""

from __future__ import annotations

from polypick.providers import ModelSpec
from polypick.search.base import SearchSettings
from polypick.search.beam import TreeSearch, make_shape
from polypick.search.verifiers import Verifier

__all__ = ["DVTS"]


class DVTS(TreeSearch):
    """Beam search in ``n / width`` independent subtrees (arguments as :class:`BeamSearch`)."""

    name = "dvts"

    def __init__(
        self,
        llm: ModelSpec,
        verifier: Verifier,
        n: int = 8,
        width: int = 2,
        *,
        max_rounds: int = 40,
        settings: SearchSettings | None = None,
    ) -> None:
        shape = make_shape(n, width, max_rounds, independent=True)
        super().__init__(llm, verifier, shape, settings=settings)
