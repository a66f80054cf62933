"""Lookahead search (Snell et al., 2024, arXiv 2408.03314, section 5).

Beam search in which a new step is not scored as it stands: the model first rolls ``k`` more
steps out greedily (temperature 0) and the verifier scores the end of that rollout, which makes
the score of an early step more informed. The rollout is only for scoring; the beam keeps just
the new step. With ``k = 0`` this is plain beam search.

Cost per round: up to ``n * (k + 1)`` step generations and ``n`` verifier calls.
"""

from __future__ import annotations

from polypick.providers import ModelSpec
from polypick.search.base import SearchSettings
from polypick.search.beam import TreeSearch, make_shape
from polypick.search.verifiers import Verifier

__all__ = ["Lookahead"]


class Lookahead(TreeSearch):
    """Beam search scoring each step after ``k`` greedy rollout steps (other arguments as
    :class:`BeamSearch`)."""

    name = "lookahead"

    def __init__(
        self,
        llm: ModelSpec,
        verifier: Verifier,
        n: int = 8,
        width: int = 2,
        *,
        k: int = 2,
        max_rounds: int = 40,
        settings: SearchSettings | None = None,
    ) -> None:
        shape = make_shape(n, width, max_rounds, lookahead=k)
        super().__init__(llm, verifier, shape, settings=settings)
