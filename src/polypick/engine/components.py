"""Turning :class:`~polypick.Settings` into the objects a call runs with.

Every entry point resolves its settings here, once, so the sampled model, the judge, the
selector (after any budget downgrade), the language detector, the injection policy and the
cache wrappers are built the same way everywhere.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from polypick.cache import SampleCache

from polypick.core.capabilities import default_max_tokens, max_n
from polypick.core.language import LanguageDetector, default_detector
from polypick.core.protocol import ChatModel
from polypick.core.sampling import SamplingPlan
from polypick.engine.plan import apply_budget, make_plan
from polypick.engine.settings import Settings
from polypick.errors import ConfigurationError
from polypick.providers import ModelSpec, resolve_model
from polypick.selectors import default_selector, resolve_selector
from polypick.selectors.base import Selector, not_a_selector
from polypick.selectors.injection_policy import InjectionPolicy

__all__ = ["Components", "resolve_components", "resolve_selector_spec"]

_AUTO_INJECTION = InjectionPolicy("penalise")


@dataclass
class Components:
    """What a :class:`~polypick.BestOfN` runs with."""

    llm: ChatModel
    judge: ChatModel | None
    selector: Selector
    sampling: SamplingPlan
    detector: LanguageDetector | None
    detect_always: bool
    injection: InjectionPolicy
    screen_always: bool
    downgraded_from: str | None = None
    owned_cache: SampleCache | None = None

    def screen(self, selector: Selector) -> bool:
        """Whether candidates are screened for text aimed at the judge: when a model reads
        them, or when a policy was asked for explicitly."""
        return self.screen_always or selector.reads_candidates

    async def aclose(self) -> None:
        await self.llm.aclose()
        if self.judge is not None and self.judge is not self.llm:
            await self.judge.aclose()
        if self.owned_cache is not None:
            self.owned_cache.close()


def resolve_selector_spec(spec: Any, judge_given: bool, options: dict[str, Any]) -> Selector:
    """The selector for ``selector=``, with a clear error for an incomplete custom one."""
    if spec is None:
        return default_selector(judge_given, **options)
    error = not_a_selector(spec)
    if error is not None:
        raise error
    return resolve_selector(spec, **options)


def resolve_components(llm: ModelSpec, settings: Settings) -> Components:
    """Resolve ``settings`` for sampling ``llm`` (before any request is sent)."""
    model = resolve_model(llm)
    selector = resolve_selector_spec(
        settings.selector, settings.judge is not None, dict(settings.selector_options)
    )
    downgraded_from = None
    sampling: SamplingPlan = settings.sampling
    if settings.budget is not None:
        plan = tuple(sampling.plan(settings.n))
        calls_only = settings.budget.model_copy(update={"max_tokens_total": None})  # per prompt

        def replan(candidate: Selector) -> Any:
            return make_plan((), plan, candidate, max_n(model), default_max_tokens(model))

        selector, planned = apply_budget(replan(selector), selector, calls_only, replan)
        downgraded_from = planned.downgraded_from
    judge: ChatModel | None = None
    if settings.judge is not None:
        judge = resolve_model(settings.judge)
    elif selector.needs_judge:
        judge = model  # the model judges itself, sharing its connections
    model, judge, owned = _cached(model, judge, settings.cache)
    detector, always = _detector(settings.detect_language)
    return Components(
        llm=model,
        judge=judge,
        selector=selector,
        sampling=sampling,
        detector=detector,
        detect_always=always,
        injection=settings.injection or _AUTO_INJECTION,
        screen_always=settings.injection is not None,
        downgraded_from=downgraded_from,
        owned_cache=owned,
    )


def _detector(spec: Any) -> tuple[LanguageDetector | None, bool]:
    """The detector, and whether it runs on every call (not only when something uses it)."""
    if spec is False:
        return None, False
    if spec == "auto":
        return default_detector(), False
    if spec is True:
        return default_detector(), True
    return spec, True


def _cached(
    llm: ChatModel, judge: ChatModel | None, cache: Any
) -> tuple[ChatModel, ChatModel | None, SampleCache | None]:
    """``llm`` and ``judge`` answering from ``cache`` (a path opens a cache closed with them)."""
    if cache is None:
        return llm, judge, None
    from polypick.cache import CachedChat, SampleCache  # sqlite: loaded only when caching

    if isinstance(cache, SampleCache):
        store, owned = cache, None
    elif isinstance(cache, str | os.PathLike):
        store = SampleCache(cache)
        owned = store
    else:
        raise ConfigurationError(
            f"cache must be a SampleCache or the path of its file, got {cache!r}"
        )
    cached_llm = CachedChat(llm, store)
    if judge is None:
        return cached_llm, None, owned
    if judge is llm:  # one wrapper: the stage of each request tells samples from judge calls
        return cached_llm, cached_llm, owned
    return cached_llm, CachedChat(judge, store), owned
