"""``AdaptiveBestOfN``: spend a sampling budget where it helps (Snell et al., 2024).

1. Round 1 draws ``first_round`` samples per prompt (and scores them with the verifier, if any).
2. Difficulty: the leader's share of the votes (agreement) and the verifier's mean score,
   refreshed after every round; with a fitted policy, the prompt's bin at its sample count.
3. Early stopping: without a policy, a prompt whose agreement reaches ``stop_agreement`` gets no
   more samples; with one, a prompt whose bin's accuracy curve does not rise any more.
4. The rest of the budget goes out in rounds of ``step`` samples to the prompts with the highest
   estimated marginal gain, a share (``round_share``) of the batch per round (see
   :mod:`polypick.adaptive.allocation`).
5. Each prompt's answer is selected by majority, weighted majority (with a verifier) or the
   policy's strategy for its bin and final sample count, and recorded as a core ``Selection``.

Every sample goes through the core sampler (retries, usage, trace); the budget is never
exceeded (see :class:`~polypick.adaptive.budget.Ledger`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from math import ceil
from pathlib import Path

from polypick.adaptive._calls import draw, select
from polypick.adaptive._prompt import PromptState
from polypick.adaptive.allocation import plan_round, vote_gain
from polypick.adaptive.budget import ComputeBudget, Ledger
from polypick.adaptive.difficulty import should_stop
from polypick.adaptive.policy import Policy
from polypick.adaptive.report import AdaptiveRun, AllocationReport
from polypick.adaptive.settings import AdaptiveSettings
from polypick.adaptive.strategies import Strategy
from polypick.core.capabilities import validate
from polypick.core.language import resolve_detector
from polypick.core.retry import RetryPolicy
from polypick.core.sampling import SamplingSpec, resolve_sampling
from polypick.core.sync import run_sync
from polypick.core.types import PromptInput, Selection, prompt_text, to_messages
from polypick.engine.selection import detect_languages
from polypick.errors import BatchError, ConfigurationError
from polypick.providers import ModelSpec, resolve_model
from polypick.selectors.reward import RewardFunction, RewardSelector

__all__ = ["AdaptiveBestOfN"]


class AdaptiveBestOfN:
    """Best-of-N with a compute budget spent adaptively across prompts.

    Args:
        llm: the model to sample (a spec such as ``"local"`` or a backend object).
        budget: what a prompt (or a batch, ``per="batch"``) may spend.
        first_round: samples every prompt gets before its difficulty is estimated (default 4,
            or the policy's).
        verifier: ``fn(prompt, answer) -> float`` (sync or async): scores feed the difficulty
            estimate and the weighted vote.
        policy: a fitted :class:`Policy`, or the path of its JSON file.
        sampling: the sampling plan (as for ``BestOfN``); sample ``i`` of a prompt is always
            the plan's ``i``-th, so a seeded plan replays exactly.
        settings: the remaining knobs.
    """

    def __init__(
        self,
        llm: ModelSpec,
        budget: ComputeBudget,
        *,
        first_round: int | None = None,
        verifier: RewardFunction | None = None,
        policy: Policy | str | Path | None = None,
        sampling: SamplingSpec = "hedged",
        settings: AdaptiveSettings | None = None,
    ) -> None:
        self.settings = settings or AdaptiveSettings()
        s = self.settings
        self.policy = policy if isinstance(policy, Policy | None) else Policy.load(policy)
        if self.policy is not None:
            self.policy.check_use(first_round, verifier is not None)
            first_round = self.policy.first_round
        first_round = 4 if first_round is None else first_round
        if not 1 <= first_round <= s.max_samples:
            raise ConfigurationError(f"first_round must be in 1..{s.max_samples}")
        self.llm = resolve_model(llm)
        self.budget = budget
        self.first_round = first_round
        self.scorer = (
            None if verifier is None else RewardSelector(verifier, language_fidelity=False)
        )
        self.sampling = resolve_sampling(sampling)
        self.plan = tuple(self.sampling.plan(s.max_samples))
        for params in self.plan:
            validate(self.llm, params)
        self.detector = resolve_detector(s.detect_language)
        self.max_tokens = self.plan[0].max_tokens or getattr(self.llm, "max_tokens", None)
        self.retry = (
            s.retry if isinstance(s.retry, RetryPolicy) else RetryPolicy(max_retries=s.retry)
        )

    async def arun(self, prompt: PromptInput) -> AdaptiveRun:
        """Answer one prompt within the budget.

        Raises:
            TooFewCandidatesError: if every sample failed.
        """
        try:
            return await self.arun_batch([prompt])
        except BatchError as error:
            raise error.exceptions[0] from None

    async def arun_batch(self, prompts: Sequence[PromptInput]) -> AdaptiveRun:
        """Answer many prompts, allocating the (pooled) budget across them.

        Raises:
            ConfigurationError: if the budget cannot pay for the first round.
            BatchError: if every sample of some prompt failed; ``results`` holds the others.
        """
        states = [PromptState(to_messages(p), self.settings.extract, self.retry) for p in prompts]
        await asyncio.gather(*(self._localise(state) for state in states))
        ledger = Ledger(self.budget.for_batch(len(states)))
        wanted = self.first_round * len(states)
        if self._affordable(states, ledger, wanted) < wanted:
            raise ConfigurationError(
                f"the budget cannot pay for the first round ({self.first_round} samples per "
                "prompt, each up to its prompt plus max_tokens tokens); raise it or lower "
                "first_round"
            )
        await self._sample_all(states, [self.first_round] * len(states), ledger)
        for state in states:
            self._estimate(state)
        rounds = 1
        # a round serves only the prompts with the highest gains, so that small gains do not
        # use up the budget before larger ones (found after later samples) are served
        width = max(self.settings.max_concurrency, ceil(len(states) * self.settings.round_share))
        while True:
            room = [self.settings.max_samples - s.n for s in states]
            affordable = self._affordable(states, ledger, sum(room))
            gains = [self._gain(s) for s in states]
            plan = plan_round(gains, room, affordable, self.settings.step, width)
            if not any(plan):
                break
            await self._sample_all(states, plan, ledger)
            rounds += 1
        return await self._finish(states, ledger, rounds)

    def run(self, prompt: PromptInput) -> AdaptiveRun:
        """Sync :meth:`arun`."""
        return run_sync(self.arun(prompt))

    def run_batch(self, prompts: Sequence[PromptInput]) -> AdaptiveRun:
        """Sync :meth:`arun_batch`."""
        return run_sync(self.arun_batch(prompts))

    async def aclose(self) -> None:
        """Close the model's connections for the running event loop."""
        await self.llm.aclose()

    async def _localise(self, state: PromptState) -> None:
        """Detect the prompt's language and give it the sampling plan for that language."""
        language, _ = await detect_languages(self.detector, prompt_text(state.messages), [])
        state.language = language
        if language is None:
            state.plan = self.plan
            return
        state.plan = tuple(self.sampling.plan(self.settings.max_samples, language))
        for params in state.plan:  # a language profile may pick temperatures the model rejects
            validate(self.llm, params)

    def _affordable(self, states: Sequence[PromptState], ledger: Ledger, wanted: int) -> int:
        bound = max((s.prompt_tokens_bound() for s in states), default=0)
        return ledger.affordable(wanted, bound, self.max_tokens)

    def _estimate(self, state: PromptState) -> None:
        stats = state.stats()
        state.first_agreement = stats.agreement
        state.recorder.event(
            "adaptive.difficulty", agreement=stats.agreement, mean_score=stats.mean_score
        )

    def _statistic(self, state: PromptState) -> float:
        """The policy's difficulty statistic over every sample the prompt has so far."""
        stats = state.stats()
        if self.policy is not None and self.policy.statistic == "verifier":
            return stats.mean_score or 0.0
        return stats.agreement

    def _gain(self, state: PromptState) -> float:
        stats = state.stats()
        if self.policy is not None:
            gain = self.policy.gain(stats.n, self._statistic(state))
            settled = gain <= 0.0
        else:
            settled = should_stop(stats, self.settings.stop_agreement, self.first_round)
            gain = 0.0 if settled else vote_gain(stats)
        settled = settled and stats.n < self.settings.max_samples  # at the cap is not early
        if settled and not state.stopped:
            state.recorder.event("adaptive.stop", samples=stats.n, agreement=stats.agreement)
        state.stopped = settled
        return gain

    async def _sample_all(
        self, states: Sequence[PromptState], counts: Sequence[int], ledger: Ledger
    ) -> None:
        limit = asyncio.Semaphore(self.settings.max_concurrency)

        async def one(state: PromptState, count: int) -> None:
            async with limit:
                await draw(
                    state,
                    state.plan[state.n : state.n + count],
                    llm=self.llm,
                    retry=self.retry,
                    scorer=self.scorer,
                    ledger=ledger,
                )

        await asyncio.gather(*(one(s, c) for s, c in zip(states, counts, strict=True) if c > 0))

    def _strategy(self, state: PromptState) -> Strategy:
        if self.policy is not None:
            choice = self.policy.choice(state.n, self._statistic(state))
            state.bin = choice.bin
            return choice.strategy
        return "majority" if self.scorer is None else "weighted"

    async def _select(self, state: PromptState) -> Selection:
        return await select(
            state,
            self._strategy(state),
            llm=self.llm,
            retry=self.retry,
            scored=self.scorer is not None,
            extract=self.settings.extract,
            detector=self.detector,
        )

    async def _finish(
        self, states: Sequence[PromptState], ledger: Ledger, rounds: int
    ) -> AdaptiveRun:
        outcomes = await asyncio.gather(*(self._select(s) for s in states), return_exceptions=True)
        for outcome in outcomes:
            if isinstance(outcome, BaseException) and not isinstance(outcome, Exception):
                raise outcome
        selections = [o if isinstance(o, Selection) else None for o in outcomes]
        errors = [o for o in outcomes if isinstance(o, Exception)]
        if errors:
            raise BatchError(f"{len(errors)} of {len(states)} prompts failed", errors, selections)
        allocations = tuple(
            state.allocation(self._strategy(state), sel)
            for state, sel in zip(states, selections, strict=True)
        )
        report = AllocationReport(
            budget=ledger.budget,
            generations=ledger.generations,
            usage=ledger.usage,
            money=ledger.money,
            rounds=rounds,
            prompts=allocations,
        )
        return AdaptiveRun(selections=tuple(s for s in selections if s is not None), report=report)
