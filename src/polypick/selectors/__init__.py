"""Selection strategies, usable by name (``selector="judge"``) or as configured objects."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from polypick.core.registry import Registry
from polypick.errors import ConfigurationError
from polypick.selectors.base import RewardFunction, SelectionContext, Selector, Verdict

if TYPE_CHECKING:  # at run time these load on first use (see _LAZY)
    from polypick.selectors.answers import AnswerExtractor, extract_answer, normalize_answer
    from polypick.selectors.chops import ChopsSelector
    from polypick.selectors.deepconf import DeepConfSelector
    from polypick.selectors.injection import detect_injection
    from polypick.selectors.injection_policy import InjectionPolicy
    from polypick.selectors.judge import JudgeSelector
    from polypick.selectors.majority import MajoritySelector
    from polypick.selectors.mbr import MBRSelector
    from polypick.selectors.reward import RewardSelector
    from polypick.selectors.self_certainty import SelfCertaintySelector
    from polypick.selectors.tool_vote import ToolCallVoteSelector
    from polypick.selectors.tournament import TournamentSelector
    from polypick.selectors.weighted_majority import WeightedMajoritySelector
    from polypick.selectors.xmbr import XMBRSelector

__all__ = [
    "AnswerExtractor",
    "ChopsSelector",
    "DeepConfSelector",
    "InjectionPolicy",
    "JsonVoteSelector",
    "JudgeSelector",
    "MBRSelector",
    "MajoritySelector",
    "RewardFunction",
    "RewardSelector",
    "SelectionContext",
    "Selector",
    "SelectorSpec",
    "SelfCertaintySelector",
    "ToolCallVoteSelector",
    "TournamentSelector",
    "Verdict",
    "WeightedMajoritySelector",
    "XMBRSelector",
    "default_selector",
    "default_selector_name",
    "detect_injection",
    "extract_answer",
    "normalize_answer",
    "resolve_selector",
    "selectors",
]

selectors: Registry[Callable[..., Selector]] = Registry("selector")
"""Named selectors; ``selectors.register("mine", MySelector)`` makes ``selector="mine"`` work."""
_BUILT_IN = {
    "majority": "polypick.selectors.majority:MajoritySelector",
    "weighted_majority": "polypick.selectors.weighted_majority:WeightedMajoritySelector",
    "judge": "polypick.selectors.judge:JudgeSelector",
    "reward": "polypick.selectors.reward:RewardSelector",
    "chops": "polypick.selectors.chops:ChopsSelector",
    "mbr": "polypick.selectors.mbr:MBRSelector",
    "xmbr": "polypick.selectors.xmbr:XMBRSelector",
    "tournament": "polypick.selectors.tournament:TournamentSelector",
    "tool_vote": "polypick.selectors.tool_vote:ToolCallVoteSelector",
    "json_vote": "polypick.selectors.json_vote:JsonVoteSelector",
    "deepconf": "polypick.selectors.deepconf:DeepConfSelector",
    "self_certainty": "polypick.selectors.self_certainty:SelfCertaintySelector",
}
for _name, _where in _BUILT_IN.items():
    selectors.register(_name, _where)  # imported when first named

_LAZY = {
    **{where.rpartition(":")[2]: where.partition(":")[0] for where in _BUILT_IN.values()},
    "AnswerExtractor": "polypick.selectors.answers",
    "extract_answer": "polypick.selectors.answers",
    "normalize_answer": "polypick.selectors.answers",
    "detect_injection": "polypick.selectors.injection",
    "InjectionPolicy": "polypick.selectors.injection_policy",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


SelectorSpec = str | Selector | RewardFunction
"""What ``selector=`` accepts: a registered name, a selector object, or a reward function."""


def resolve_selector(spec: SelectorSpec, **options: Any) -> Selector:
    """Turn any accepted ``selector=`` value into a selector, or raise a clear error.

    ``options`` configure a selector given by name, e.g. ``resolve_selector("mbr",
    utility="chrf")``.
    """
    if isinstance(spec, str):
        factory = selectors.get(spec)
        try:
            return factory(**options)
        except TypeError as exc:
            raise ConfigurationError(f"invalid options for selector {spec!r}: {exc}") from None
    if options:
        raise ConfigurationError(
            f"options {sorted(options)} only apply to a selector given by name; "
            "configure the selector object itself instead"
        )
    if isinstance(spec, Selector):
        return spec
    from polypick.selectors.reward import RewardSelector

    return RewardSelector(spec)


def default_selector_name(judge_configured: bool) -> str:
    """The name of the selector used when none is named (see :func:`default_selector`)."""
    if judge_configured:
        return "chops"
    return "mbr" if importlib.util.find_spec("sacrebleu") is not None else "majority"


def default_selector(judge_configured: bool, **options: Any) -> Selector:
    """The selector used when none is named.

    With a judge configured: CHOPS — one checklist call and one call that compares all
    candidates at once; the strongest and cheapest LLM-judge method in Khairi et al. (2025),
    and the one that held up best outside English. Without one: MBR with chrF — the candidate
    that agrees most with the others, at no model cost and in any script — or, when the
    ``multilingual`` extra (sacrebleu) is missing, a majority vote over final answers.
    ``options`` configure it (``selector_options``).
    """
    name = default_selector_name(judge_configured)
    if name == "mbr":
        options = {"utility": "chrf"} | options
    return resolve_selector(name, **options)
