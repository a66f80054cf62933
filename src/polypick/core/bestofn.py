"""``BestOfN``: sample N candidates from a model, select one, and record everything.

The flow is one way: sampling plan -> model (through the retry layer) -> candidates -> selector
-> :class:`Selection`. The async methods are the implementation; ``invoke`` and ``batch`` are
the thin sync layer over them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from types import TracebackType

from polypick.cache.wiring import CacheSpec, cache_models, scoped
from polypick.core.deadline import check_deadline, deadline_at
from polypick.core.language import LanguageDetector, resolve_detector
from polypick.core.plan import Budget, CallPlan, apply_budget, make_plan
from polypick.core.protocol import ChatModel
from polypick.core.retry import RetryPolicy
from polypick.core.sampler import Sampler
from polypick.core.sampling import SamplingSpec, resolve_sampling
from polypick.core.selection import detect_languages, finish, run_selector
from polypick.core.sync import run_sync
from polypick.core.trace import Recorder
from polypick.core.types import (
    Message,
    PromptInput,
    SamplingParams,
    Selection,
    TraceEvent,
    Usage,
    prompt_text,
    to_messages,
)
from polypick.errors import BatchError, ConfigurationError, TooFewCandidatesError
from polypick.providers import ModelSpec, resolve_model
from polypick.selectors import SelectorSpec, default_selector, resolve_selector
from polypick.selectors.base import SelectionContext, Selector
from polypick.selectors.injection_policy import InjectionSpec, resolve_injection

__all__ = ["BestOfN"]

logger = logging.getLogger("polypick")

# A sanity bound: far beyond any useful pool, low enough that a typo cannot exhaust memory.
MAX_N = 1024


class BestOfN:
    """Sample ``n`` answers from ``llm`` and return the one ``selector`` picks.

    Args:
        llm: the model to sample: a spec (``"local"``, ``"openai:gpt-4o-mini"``,
            ``"anthropic:MODEL"``) or a backend object such as ``OpenAIChat(...)``.
        n: how many candidates to sample.
        sampling: ``"hedged"`` (one greedy sample plus n-1 at temperature 0.7), ``"greedy"``,
            a temperature, a list of temperatures, or a plan such as ``Hedged(min_p=0.05)``.
        selector: a name (``"chops"``, ``"judge"``, ``"mbr"``, ``"xmbr"``, ``"tournament"``,
            ``"majority"``, ``"weighted_majority"``, ``"reward"``), a selector object, or a
            reward function ``fn(prompt, candidate) -> float``. By default CHOPS when a judge
            is given, else MBR with chrF (no model calls); see ``default_selector``.
        judge: the model that judges, for selectors that need one; defaults to ``llm``.
        min_candidates: fewest surviving samples to select from; below it the call raises
            :class:`TooFewCandidatesError` carrying every cause.
        deadline: seconds the whole call may take; samples still running then are dropped
            and listed as failures.
        retry: the retry policy, or just the number of retries per request.
        detect_language: detect the language of the prompt and of every candidate (for
            language-aware sampling and language fidelity); ``False`` to skip, or a detector.
        budget: caps on selection calls and tokens; over it the configuration is refused
            before any request, or downgraded to a cheaper selector (see ``polypick.Budget``).
        injection: what to do with candidates whose text is aimed at the judge: ``"penalise"``
            (default: they never beat a clean candidate), ``"exclude"``, ``"ignore"``, or an
            ``InjectionPolicy``; flagged candidates carry the ``"injection"`` flag.
        cache: a ``SampleCache`` or the path of its SQLite file: samples and judge calls are
            answered from it when it holds them and stored in it otherwise, so a re-run
            sends no request; cached candidates carry the ``"cached"`` flag (docs/cache.md).

    Raises:
        ConfigurationError: for invalid settings, before any request is sent.
    """

    def __init__(
        self,
        llm: ModelSpec = "local",
        n: int = 5,
        sampling: SamplingSpec = "hedged",
        selector: SelectorSpec | None = None,
        judge: ModelSpec | None = None,
        *,
        min_candidates: int = 1,
        deadline: float | None = None,
        retry: RetryPolicy | int = 2,
        detect_language: bool | LanguageDetector = True,
        budget: Budget | None = None,
        injection: InjectionSpec = "penalise",
        cache: CacheSpec | None = None,
    ) -> None:
        _check_whole("n", n, 1, MAX_N)
        _check_whole("min_candidates", min_candidates, 1, n)
        check_deadline(deadline)
        if not isinstance(retry, RetryPolicy):
            _check_whole("retry", retry, 0)
        self.n = n
        self.llm: ChatModel = resolve_model(llm)
        self.sampling = resolve_sampling(sampling)
        self.plan = tuple(self.sampling.plan(n))
        for params in self.plan:
            self.llm.validate(params)
        self.selector = (
            default_selector(judge is not None) if selector is None else resolve_selector(selector)
        )
        self.budget = budget
        self.injection = resolve_injection(injection)
        self.downgraded_from: str | None = None
        if budget is not None:
            calls_only = budget.model_copy(update={"max_tokens_total": None})  # tokens: per prompt
            self.selector, planned = apply_budget(
                self.plan_calls(()), self.selector, calls_only, lambda s: self.plan_calls((), s)
            )
            self.downgraded_from = planned.downgraded_from
        self.judge: ChatModel | None = None
        if judge is not None:
            self.judge = resolve_model(judge)
        elif self.selector.needs_judge:
            self.judge = self.llm  # the model judges itself, sharing its connections
        if cache is not None:
            self.llm, self.judge = cache_models(self.llm, self.judge, cache)
        self.min_candidates = min_candidates
        self.deadline = deadline
        self.retry = retry if isinstance(retry, RetryPolicy) else RetryPolicy(max_retries=retry)
        self.detector = resolve_detector(detect_language)

    def __repr__(self) -> str:
        return (
            f"BestOfN(llm={self.llm.name!r}, n={self.n}, sampling={self.sampling.name!r}, "
            f"selector={self.selector.name!r})"
        )

    def plan_calls(self, messages: Sequence[Message], selector: Selector | None = None) -> CallPlan:
        """The cost plan for ``messages`` (the token bound grows with the prompt's length)."""
        return make_plan(
            messages,
            self.plan,
            selector or self.selector,
            self.llm.max_n,
            getattr(self.llm, "max_tokens", None),  # a backend's default reply budget, if any
        )

    def cost(self, prompt: PromptInput | None = None) -> CallPlan:
        """What one call will spend, before anything is sent: generation requests, selection
        calls and (when reply budgets are known) an upper bound on tokens."""
        messages = () if prompt is None else to_messages(prompt)
        return self.plan_calls(messages).model_copy(
            update={"downgraded_from": self.downgraded_from}
        )

    @scoped
    async def ainvoke(
        self, prompt: PromptInput, *, on_event: Callable[[TraceEvent], None] | None = None
    ) -> Selection:
        """Sample, select and return the :class:`Selection` for one prompt.

        Args:
            prompt: a string, or chat messages.
            on_event: called with each trace event as it happens (progress displays).
        """
        messages = to_messages(prompt)
        self._check_tokens(messages)
        recorder = Recorder(on_event)
        if self.downgraded_from is not None:
            recorder.event("budget.downgrade", replaced=self.downgraded_from, by=self.selector.name)
        language, _ = await detect_languages(self.detector, prompt_text(messages), [])
        # after detection: the detector's one-time load (about a second) must not eat the deadline
        deadline = deadline_at(self.deadline)
        plan = self._plan(language)
        recorder.event(
            "sampling.start",
            llm=self.llm.name,
            n=self.n,
            plan=self.sampling.name,
            language=language,
        )
        sampler = Sampler(self.llm, self.retry, recorder, deadline=deadline)
        samples = await sampler.sample(messages, plan)
        survivors = [c for c in samples if c.ok]
        failures = [c for c in samples if not c.ok]
        if len(survivors) < self.min_candidates:
            raise TooFewCandidatesError(
                f"{len(survivors)} of {self.n} samples from {self.llm.name} succeeded; "
                f"at least {self.min_candidates} needed",
                [sampler.errors[c.sample] for c in failures],
            )
        _, survivors = await detect_languages(self.detector, "", survivors)
        context = SelectionContext(
            messages,
            survivors,
            llm=self.llm,
            judge=self.judge,
            recorder=recorder,
            policy=self.retry,
            deadline=deadline,
            language=language,
            injection=self.injection,
        )
        verdict = await run_selector(self.selector, context)
        return finish(
            context,
            verdict,
            selector=self.selector,
            llm=self.llm.name,
            failures=failures,
            generation=sum((c.usage for c in samples), Usage()),
        )

    def _check_tokens(self, messages: Sequence[Message]) -> None:
        if self.budget is None or self.budget.max_tokens_total is None:
            return
        bound = self.plan_calls(messages).max_tokens_total
        cap = self.budget.max_tokens_total
        if bound is None:
            raise ConfigurationError(
                f"max_tokens_total={cap} cannot be checked: the replies have no length limit; "
                "set max_tokens in the sampling plan, e.g. Temperature(max_tokens=512)"
            )
        if bound > cap:
            raise ConfigurationError(
                f"this prompt may need up to {bound} tokens, over max_tokens_total={cap}; "
                "lower n or max_tokens, or raise the budget"
            )

    def _plan(self, language: str | None) -> tuple[SamplingParams, ...]:
        if language is None:
            return self.plan
        plan = tuple(self.sampling.plan(self.n, language))
        for params in plan:  # a language profile may pick temperatures the provider rejects
            self.llm.validate(params)
        return plan

    async def abatch(
        self, prompts: Sequence[PromptInput], *, max_concurrency: int = 8
    ) -> list[Selection]:
        """Run :meth:`ainvoke` over many prompts, at most ``max_concurrency`` at a time.

        Raises:
            BatchError: if any prompt failed; it carries every failure and, in ``results``,
                every selection that succeeded, in prompt order (``None`` for the failures).
        """
        if max_concurrency < 1:
            raise ConfigurationError("max_concurrency must be >= 1")
        limit = asyncio.Semaphore(max_concurrency)

        async def one(prompt: PromptInput) -> Selection:
            async with limit:
                return await self.ainvoke(prompt)

        outcomes = await asyncio.gather(*(one(p) for p in prompts), return_exceptions=True)
        errors = [o for o in outcomes if isinstance(o, BaseException)]
        if not errors:
            return [o for o in outcomes if isinstance(o, Selection)]
        for error in errors:
            if not isinstance(error, Exception):  # cancellation and the like propagate as is
                raise error
        results = [o if isinstance(o, Selection) else None for o in outcomes]
        raise BatchError(
            f"{len(errors)} of {len(outcomes)} prompts failed",
            [e for e in errors if isinstance(e, Exception)],
            results,
        )

    def invoke(
        self, prompt: PromptInput, *, on_event: Callable[[TraceEvent], None] | None = None
    ) -> Selection:
        """Sync :meth:`ainvoke`."""
        return run_sync(self.ainvoke(prompt, on_event=on_event))

    def batch(self, prompts: Sequence[PromptInput], *, max_concurrency: int = 8) -> list[Selection]:
        """Sync :meth:`abatch`."""
        return run_sync(self.abatch(prompts, max_concurrency=max_concurrency))

    async def aclose(self) -> None:
        """Close the connections this object's models hold for the running event loop."""
        await self.llm.aclose()
        if self.judge is not None and self.judge is not self.llm:
            await self.judge.aclose()

    def close(self) -> None:
        """Close the connections used by the sync methods."""
        run_sync(self.aclose())

    async def __aenter__(self) -> BestOfN:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __enter__(self) -> BestOfN:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _check_whole(name: str, value: object, low: int, high: int | None = None) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise ConfigurationError(f"{name} must be a whole number >= {low}, got {value!r}")
    if high is not None and value > high:
        raise ConfigurationError(f"{name} must be at most {high}, got {value!r}")
