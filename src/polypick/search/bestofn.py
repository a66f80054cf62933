"""Best-of-N against a verifier (Snell et al., 2024, arXiv 2408.03314, section 5).

Sample ``n`` whole answers, score each with the verifier (a process verifier scores every step
and aggregates), then either take the weighted vote — group answers by their canonical final
answer, sum the scores per group, return the heaviest group ("best-of-N weighted", the paper's
strongest baseline) — or the single best-scored answer (``SearchSettings(vote="best")``).

Cost: ``n`` generations (batched with ``n`` where the backend allows it) and ``n`` verifier
calls. No continuation is needed, so every backend works. An answer the token limit cut off is
kept, scored and reported as such (``finish_reason="length"``).
"""

from __future__ import annotations

from polypick.engine.sampler import Sampler
from polypick.errors import DeadlineExceededError
from polypick.providers import ModelSpec
from polypick.search._run import SearchRun, Solution, check_whole, cut_off
from polypick.search.base import SearchCost, SearchSettings, SearchStrategy
from polypick.search.steps import split_steps
from polypick.search.verifiers import Verifier

__all__ = ["VerifiedBestOfN"]


class VerifiedBestOfN(SearchStrategy):
    """Sample ``n`` answers and choose by verifier-weighted vote (or the best score).

    Args:
        llm: any backend.
        verifier: an outcome verifier ``fn(prompt, answer) -> float`` (a reward function,
            unit tests, a ``RewardEndpoint``) or a process verifier.
        n: answers to sample.
        settings: temperature, answer budget (``max_step_tokens``), vote, extraction, retries.
    """

    name = "verified_best_of_n"
    needs_continuation = False

    def __init__(
        self,
        llm: ModelSpec,
        verifier: Verifier,
        n: int = 8,
        *,
        settings: SearchSettings | None = None,
    ) -> None:
        self.n = check_whole("n", n, 1)
        super().__init__(llm, verifier, settings=settings)

    def cost(self) -> SearchCost:
        return SearchCost(self.n, self.n)

    async def _search(self, run: SearchRun) -> list[Solution]:
        sampler = Sampler(self.llm, run.gateway)
        samples = await sampler.sample(run.messages, [self.params] * self.n)
        for index, error in sorted(sampler.errors.items()):
            run.fail("generation", error, samples[index].attempts)
            if isinstance(error, DeadlineExceededError):
                run.cut("generation")
        drawn = [c for c in samples if c.ok]
        paths = [split_steps(c.text, self.delimiter) or [c.text] for c in drawn]
        scores = await run.score_all(paths)
        return [
            Solution((c.text,), s, self.params, ended=not cut_off(c.finish_reason))
            for c, s in zip(drawn, scores, strict=True)
        ]
