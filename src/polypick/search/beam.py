"""Beam search against a verifier (Snell et al., 2024, arXiv 2408.03314, section 5).

``n`` beams, width ``m``: sample ``n`` first steps, score each prefix with the verifier, keep the
best ``n / m``, extend each with ``m`` sampled next steps, and repeat until enough beams have
finished (``n / m``) or ``max_rounds`` pass; the answer is then chosen among the finished beams
by a weighted vote (or the best score). Better than best-of-N at small budgets and on harder
questions; on easy ones it can over-optimise the verifier.

Cost per round: up to ``n`` step generations and ``n`` verifier calls; at most
``n * max_rounds`` of each. :class:`TreeSearch` is the base shared with DVTS and lookahead.
"""

from __future__ import annotations

from polypick.errors import ConfigurationError
from polypick.providers import ModelSpec
from polypick.search._run import SearchRun, Solution, check_whole
from polypick.search._tree import TreeShape, tree_search
from polypick.search.base import SearchCost, SearchSettings, SearchStrategy
from polypick.search.verifiers import Verifier

__all__ = ["BeamSearch", "TreeSearch", "make_shape"]


def make_shape(
    n: int, width: int, max_rounds: int, *, independent: bool = False, lookahead: int = 0
) -> TreeShape:
    """A validated :class:`TreeShape`: ``n`` a multiple of ``width``; ``independent`` makes
    ``n / width`` subtrees (DVTS)."""
    check_whole("n", n, 1)
    check_whole("width", width, 1)
    check_whole("max_rounds", max_rounds, 1)
    check_whole("lookahead", lookahead, 0)
    if n % width:
        raise ConfigurationError(f"n ({n}) must be a multiple of width ({width})")
    subtrees = n // width if independent else 1
    return TreeShape(n, width, subtrees, max_rounds, lookahead)


class TreeSearch(SearchStrategy):
    """The step-wise tree search of :mod:`polypick.search._tree` with a fixed shape."""

    def __init__(
        self,
        llm: ModelSpec,
        verifier: Verifier,
        shape: TreeShape,
        *,
        settings: SearchSettings | None,
    ) -> None:
        self.shape = shape
        super().__init__(llm, verifier, settings=settings)

    def cost(self) -> SearchCost:
        rounds = self.shape.n * self.shape.max_rounds
        return SearchCost(rounds * (1 + self.shape.lookahead), rounds)

    async def _search(self, run: SearchRun) -> list[Solution]:
        return await tree_search(run, self.params, self.shape)


class BeamSearch(TreeSearch):
    """Step-wise beam search guided by a (process) verifier.

    Args:
        llm: a model that can continue a partial answer (see :mod:`polypick.search.continuation`).
        verifier: a process verifier (``ProcessVerifier``, ``LLMStepJudge``) or an outcome
            verifier ``fn(prompt, answer_so_far) -> float``.
        n: beams per round.
        width: ``m``, the expansions of each kept beam; ``n`` must be a multiple of it.
        max_rounds: the most steps any answer gets.
        settings: temperature, step budget, final vote, answer extraction, retries.
    """

    name = "beam_search"

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
        shape = make_shape(n, width, max_rounds)
        super().__init__(llm, verifier, shape, settings=settings)
