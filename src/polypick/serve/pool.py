"""One ``BestOfN`` per configuration, reused by every request that asks for it, in bounded number.

Every ``BestOfN`` shares the server's upstream and judge models, which own the connections; a
``BestOfN`` itself holds only its settings, so dropping the least recently used one frees
nothing that needs closing. The models are closed once, when the server shuts down.
"""

from __future__ import annotations

import json
from collections import OrderedDict

from polypick.core.bestofn import BestOfN
from polypick.core.protocol import ChatModel
from polypick.core.retry import RetryPolicy
from polypick.core.sampling import (
    Hedged,
    SamplingPlan,
    Temperature,
    Temperatures,
    resolve_sampling,
)
from polypick.errors import ConfigurationError
from polypick.selectors import resolve_selector
from polypick.serve.config import BonKey
from polypick.serve.errors import invalid

__all__ = ["BestOfNPool", "plan_for"]


class BestOfNPool:
    """The ``BestOfN`` for each :class:`BonKey`, built on first use; at most ``size`` kept."""

    def __init__(
        self, llm: ChatModel, judge: ChatModel | None, retry: RetryPolicy, size: int = 32
    ) -> None:
        if size < 1:
            raise ConfigurationError(f"the pool size must be >= 1, got {size}")
        self.llm = llm
        self.judge = judge
        self.retry = retry
        self.size = size
        self._kept: OrderedDict[BonKey, BestOfN] = OrderedDict()

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, key: BonKey) -> BestOfN:
        """The ``BestOfN`` for ``key``; a 400 if its settings are invalid (nothing is kept)."""
        bon = self._kept.get(key)
        if bon is None:
            bon = self._kept[key] = self._build(key)
            if len(self._kept) > self.size:
                self._kept.popitem(last=False)
        self._kept.move_to_end(key)
        return bon

    def _build(self, key: BonKey) -> BestOfN:
        options = json.loads(key.selector_options)
        try:
            if options and key.selector is None:
                raise invalid("selector_options need a selector", "polypick.selector_options")
            selector = None if key.selector is None else resolve_selector(key.selector, **options)
            return BestOfN(
                self.llm,
                n=key.n,
                sampling=plan_for(key),
                selector=selector,
                judge=self.judge,
                min_candidates=key.min_candidates,
                deadline=key.deadline,
                retry=self.retry,
                detect_language=key.detect_language,
                injection=key.injection,
            )
        except ConfigurationError as exc:
            if getattr(exc, "param", None) is None:
                raise invalid(str(exc), "polypick") from None
            raise


def plan_for(key: BonKey) -> SamplingPlan:
    """The sampling plan: the named plan with the request's decoding fields."""
    plan = resolve_sampling(key.sampling)
    fields = key.fields.model_dump(exclude_defaults=True)
    temperature = fields.pop("temperature", None)
    if isinstance(plan, Hedged) and temperature is not None:
        fields["temperature"] = temperature  # the stochastic samples' temperature
    elif temperature is not None and temperature != getattr(plan, "temperature", None):
        raise invalid(
            f"temperature={temperature:g} contradicts sampling {key.sampling!r}; drop one of "
            "them (with 'hedged', temperature sets the stochastic samples' temperature)",
            "temperature",
        )
    if not fields or not isinstance(plan, Hedged | Temperature | Temperatures):
        return plan
    try:  # validate, rather than model_copy: hedged sampling refuses temperature 0
        return type(plan).model_validate({**plan.model_dump(), **fields})
    except ConfigurationError as exc:
        raise invalid(str(exc), "temperature") from None
