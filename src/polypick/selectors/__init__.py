"""Selection strategies, usable by name (``selector="judge"``) or as configured objects."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import Any

from polypick.core.registry import Registry
from polypick.errors import ConfigurationError
from polypick.selectors.answers import AnswerExtractor, extract_answer, normalize_answer
from polypick.selectors.base import SelectionContext, Selector, Verdict
from polypick.selectors.chops import ChopsSelector
from polypick.selectors.injection import detect_injection
from polypick.selectors.injection_policy import InjectionPolicy
from polypick.selectors.judge import JudgeSelector
from polypick.selectors.majority import MajoritySelector
from polypick.selectors.mbr import MBRSelector
from polypick.selectors.reward import RewardFunction, RewardSelector
from polypick.selectors.tool_vote import ToolCallVoteSelector
from polypick.selectors.tournament import TournamentSelector
from polypick.selectors.weighted_majority import WeightedMajoritySelector
from polypick.selectors.xmbr import XMBRSelector

__all__ = [
    "AnswerExtractor",
    "ChopsSelector",
    "InjectionPolicy",
    "JudgeSelector",
    "MBRSelector",
    "MajoritySelector",
    "RewardFunction",
    "RewardSelector",
    "SelectionContext",
    "Selector",
    "SelectorSpec",
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
selectors.register("majority", MajoritySelector)
selectors.register("weighted_majority", WeightedMajoritySelector)
selectors.register("judge", JudgeSelector)
selectors.register("reward", RewardSelector)
selectors.register("chops", ChopsSelector)
selectors.register("mbr", MBRSelector)
selectors.register("xmbr", XMBRSelector)
selectors.register("tournament", TournamentSelector)
selectors.register("tool_vote", ToolCallVoteSelector)

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
