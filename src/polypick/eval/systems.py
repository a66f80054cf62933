"""The configurations an evaluation compares: a single-sample greedy baseline and best-of-N.

A system is a name and the arguments of one :class:`~polypick.BestOfN`. Its name is its identity
in the records and tables, so a rerun that adds an N or a selector reuses every finished system.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from polypick.core.protocol import ChatModel
from polypick.core.sampling import SamplingPlan, Temperature
from polypick.engine.bestofn import BestOfN
from polypick.errors import ConfigurationError
from polypick.selectors import Selector, resolve_selector

__all__ = ["BASELINE", "System", "parse_counts", "resolve_selector_spec", "standard_systems"]

BASELINE = "greedy"
"""The name of the single-sample greedy system, the baseline every delta is measured against."""


@dataclass(frozen=True)
class System:
    """One configuration under evaluation: ``n`` samples with ``sampling``, chosen by
    ``selector`` (a name such as ``"chops"``, ``"mbr:embedding"``, or a selector object)."""

    name: str
    n: int
    sampling: SamplingPlan
    selector: str | Selector | None = None
    options: dict[str, Any] = field(default_factory=dict)

    def build(self, llm: ChatModel, judge: ChatModel | None) -> BestOfN:
        """The :class:`BestOfN` of this system over already-resolved models (shared across
        systems, so connections and the loaded local model are reused)."""
        selector = self.selector
        if isinstance(selector, str):
            selector = resolve_selector_spec(selector)
        elif selector is None and self.n == 1:
            selector = "majority"  # one candidate: nothing to select, so no judge call either
        return BestOfN(
            llm=llm,
            n=self.n,
            sampling=self.sampling,
            selector=selector,
            judge=judge,
            **self.options,
        )


def resolve_selector_spec(spec: str) -> Selector:
    """A selector from ``NAME`` or ``NAME:UTILITY`` (``mbr:embedding``, ``xmbr:judge``)."""
    name, _, utility = spec.partition(":")
    return resolve_selector(name, utility=utility) if utility else resolve_selector(name)


def parse_counts(text: str) -> list[int]:
    """The sample counts of ``-n``: ``5`` or ``1,3,5`` (sorted, without repeats)."""
    try:
        counts = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise ConfigurationError(
            f"-n takes whole numbers separated by commas, such as 1,3,5; got {text!r}"
        ) from None
    if not counts or counts[0] < 1:
        raise ConfigurationError(f"-n needs counts >= 1, such as 1,3,5; got {text!r}")
    return counts


def standard_systems(
    counts: Sequence[int],
    sampling: SamplingPlan,
    selectors: Sequence[str],
    baseline: SamplingPlan | None = None,
) -> list[System]:
    """The greedy baseline (N = 1), then ``sampling`` + each selector at each N > 1.

    Names read ``greedy`` and ``hedged+chops@5``: the sampling plan, the selector and N. The
    baseline samples at temperature 0 with ``sampling``'s ``max_tokens`` and ``seed`` unless
    ``baseline`` says otherwise.
    """
    if baseline is None:
        baseline = Temperature(
            temperature=0.0,
            max_tokens=getattr(sampling, "max_tokens", None),
            seed=getattr(sampling, "seed", None),
        )
    label = sampling.name.split("(", 1)[0]  # "hedged(profile=default)" -> "hedged"
    systems = [System(BASELINE, 1, baseline)]
    for selector in selectors:
        for n in counts:
            if n > 1:
                systems.append(System(f"{label}+{selector}@{n}", n, sampling, selector))
    return systems
