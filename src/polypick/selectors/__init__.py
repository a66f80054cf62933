"""Selection strategies, usable by name (``selector="judge"``) or as configured objects."""

from __future__ import annotations

from collections.abc import Callable

from polypick.core.registry import Registry
from polypick.selectors.answers import AnswerExtractor, extract_answer, normalize_answer
from polypick.selectors.base import SelectionContext, Selector, Verdict
from polypick.selectors.judge import JudgeSelector
from polypick.selectors.majority import MajoritySelector
from polypick.selectors.reward import RewardFunction, RewardSelector

__all__ = [
    "AnswerExtractor",
    "JudgeSelector",
    "MajoritySelector",
    "RewardFunction",
    "RewardSelector",
    "SelectionContext",
    "Selector",
    "SelectorSpec",
    "Verdict",
    "extract_answer",
    "normalize_answer",
    "resolve_selector",
    "selectors",
]

selectors: Registry[Callable[[], Selector]] = Registry("selector")
"""Named selectors; ``selectors.register("mine", MySelector)`` makes ``selector="mine"`` work."""
selectors.register("majority", MajoritySelector)
selectors.register("judge", JudgeSelector)
selectors.register("reward", RewardSelector)

SelectorSpec = str | Selector | RewardFunction
"""What ``selector=`` accepts: a registered name, a selector object, or a reward function."""


def resolve_selector(spec: SelectorSpec) -> Selector:
    """Turn any accepted ``selector=`` value into a selector, or raise a clear error."""
    if isinstance(spec, str):
        return selectors.get(spec)()
    if isinstance(spec, Selector):
        return spec
    return RewardSelector(spec)
