"""Turning :class:`~polypick.Settings` into the objects a call runs with.

Every entry point resolves its settings here, once, so the sampled models (one, or a pool's),
their plans, the judge, the selector (after any budget downgrade), the language detector, the
injection policy and the cache wrappers are built the same way everywhere.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from polypick.cache import SampleCache

from polypick.core.language import LanguageDetector, default_detector
from polypick.core.protocol import ChatModel
from polypick.core.sampling import SamplingPlan
from polypick.engine.plan import apply_budget
from polypick.engine.pool import (
    Member,
    PoolMember,
    as_pool,
    call_plan,
    member_logprobs,
    member_sampling,
)
from polypick.engine.settings import Settings
from polypick.errors import ConfigurationError
from polypick.providers import ModelSpec, resolve_model
from polypick.selectors import default_selector, resolve_selector
from polypick.selectors.base import Selector, not_a_selector
from polypick.selectors.injection_policy import InjectionPolicy

__all__ = ["Components", "resolve_components", "resolve_selector_spec"]


@dataclass
class Components:
    """What a :class:`~polypick.BestOfN` runs with: ``members`` draw the candidates (one model,
    or a pool's), ``llm`` is the first of them."""

    members: tuple[Member, ...]
    judge: ChatModel | None
    selector: Selector
    sampling: SamplingPlan
    detector: LanguageDetector | None
    detect_always: bool
    injection: InjectionPolicy
    screen_always: bool
    downgraded_from: str | None = None
    owned_cache: SampleCache | None = None

    @property
    def llm(self) -> ChatModel:
        return self.members[0].llm

    @property
    def name(self) -> str:
        """The sampled model's name; a pool's lists its models."""
        if len(self.members) == 1:
            return self.llm.name
        return "pool(" + ", ".join(m.llm.name for m in self.members) + ")"

    def screen(self, selector: Selector) -> bool:
        """Whether candidates are screened for text aimed at the judge: when a model reads
        them, or when a policy was asked for explicitly."""
        return self.screen_always or selector.reads_candidates

    async def aclose(self) -> None:
        models = [m.llm for m in self.members]
        if self.judge is not None:
            models.append(self.judge)
        for model in {id(m): m for m in models}.values():
            await model.aclose()
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
    """Resolve ``settings`` for sampling ``llm`` — a model, or a pool of them (a list or a
    :class:`~polypick.engine.pool.Pool`) — before any request is sent."""
    pool = as_pool(llm)
    specs = pool.members if pool is not None else (PoolMember(llm),)
    counts = pool.allocate(settings.n) if pool is not None else [settings.n]
    models = [resolve_model(spec.llm) for spec in specs]
    selector = resolve_selector_spec(
        settings.selector, settings.judge is not None, dict(settings.selector_options)
    )
    call_given = "sampling" in settings.model_fields_set
    plans = [  # the model's own plan when the caller chose none (reasoning models)
        member_sampling(model, spec.sampling, settings.sampling, call_given)
        for model, spec in zip(models, specs, strict=True)
    ]
    downgraded_from = None
    if settings.budget is not None:
        drafts = [Member(m, k, p) for m, k, p in zip(models, counts, plans, strict=True)]
        drafted = [tuple(d.sampling.plan(d.count)) for d in drafts]
        calls_only = settings.budget.model_copy(update={"max_tokens_total": None})  # per prompt

        def replan(candidate: Selector) -> Any:
            return call_plan(drafts, drafted, (), candidate)

        selector, planned = apply_budget(replan(selector), selector, calls_only, replan)
        downgraded_from = planned.downgraded_from
    judge: ChatModel | None = None
    if settings.judge is not None:
        judge = resolve_model(settings.judge)
    elif selector.needs_judge:
        judge = models[0]  # the (first) model judges itself, sharing its connections
    models, judge, owned = _cached(models, judge, settings.cache)
    members = tuple(
        Member(model, count, plan, member_logprobs(model, selector.needs_logprobs, selector.name))
        for model, count, plan in zip(models, counts, plans, strict=True)
    )
    detector, always = _detector(settings.detect_language)
    return Components(
        members=members,
        judge=judge,
        selector=selector,
        sampling=plans[0] if len(plans) == 1 else settings.sampling,
        detector=detector,
        detect_always=always,
        injection=settings.injection or InjectionPolicy("penalise"),
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
    models: list[ChatModel], judge: ChatModel | None, cache: Any
) -> tuple[list[ChatModel], ChatModel | None, SampleCache | None]:
    """``models`` and ``judge`` answering from ``cache`` (a path opens a cache closed with
    them); a judge that is one of the models shares its wrapper."""
    if cache is None:
        return models, judge, None
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
    wrapped = {id(m): CachedChat(m, store) for m in models}
    if judge is not None and id(judge) not in wrapped:  # the stage tells samples from judging
        wrapped[id(judge)] = CachedChat(judge, store)
    cached_judge = None if judge is None else wrapped[id(judge)]
    return [wrapped[id(m)] for m in models], cached_judge, owned
