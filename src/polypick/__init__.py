"""polypick: sample several answers from any LLM and pick the best one, in any language.

>>> from polypick import BestOfN
>>> bon = BestOfN(llm="local", n=3, sampling="hedged", selector="majority")  # doctest: +SKIP
>>> bon.invoke("What is 17 + 25?").text  # doctest: +SKIP
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names below, for type checkers; at run time they load on use
    from polypick.core.profiles import TemperatureProfile
    from polypick.core.protocol import ChatModel, ModelRequest, Stage
    from polypick.core.reasoning import Reasoning
    from polypick.core.retry import RetryPolicy
    from polypick.core.sampling import Hedged, SamplingPlan, Temperature, Temperatures
    from polypick.core.types import (
        Candidate,
        Completion,
        EarlyStop,
        ErrorInfo,
        Logprobs,
        Message,
        SamplingParams,
        Selection,
        SelectionFailure,
        ToolCall,
        TraceEvent,
        Usage,
        UsageReport,
    )
    from polypick.engine.bestofn import BestOfN
    from polypick.engine.plan import Budget, CallPlan
    from polypick.engine.pool import Pool, PoolMember
    from polypick.engine.rerank import aselect, select
    from polypick.engine.settings import Settings
    from polypick.engine.stop_rules import Agreement, Confidence, StopRule, Supermajority
    from polypick.errors import (
        BatchError,
        ConfigurationError,
        PolypickError,
        ProviderError,
        TooFewCandidatesError,
    )
    from polypick.selectors import (
        ChopsSelector,
        DeepConfSelector,
        JudgeSelector,
        MajoritySelector,
        MBRSelector,
        RewardSelector,
        Selector,
        SelfCertaintySelector,
        TournamentSelector,
        WeightedMajoritySelector,
        XMBRSelector,
    )

__version__ = "0.1.0"

__all__ = [
    "Agreement",
    "BatchError",
    "BestOfN",
    "Budget",
    "CallPlan",
    "Candidate",
    "ChatModel",
    "ChopsSelector",
    "Completion",
    "Confidence",
    "ConfigurationError",
    "DeepConfSelector",
    "EarlyStop",
    "ErrorInfo",
    "Hedged",
    "JudgeSelector",
    "Logprobs",
    "MBRSelector",
    "MajoritySelector",
    "Message",
    "ModelRequest",
    "PolypickError",
    "Pool",
    "PoolMember",
    "ProviderError",
    "Reasoning",
    "RetryPolicy",
    "RewardSelector",
    "SamplingParams",
    "SamplingPlan",
    "Selection",
    "SelectionFailure",
    "Selector",
    "SelfCertaintySelector",
    "Settings",
    "Stage",
    "StopRule",
    "Supermajority",
    "Temperature",
    "TemperatureProfile",
    "Temperatures",
    "TooFewCandidatesError",
    "ToolCall",
    "TournamentSelector",
    "TraceEvent",
    "Usage",
    "UsageReport",
    "WeightedMajoritySelector",
    "XMBRSelector",
    "aselect",
    "select",
    "__version__",
]

_LAZY = {
    "Agreement": "polypick.engine.stop_rules",
    "BatchError": "polypick.errors",
    "Confidence": "polypick.engine.stop_rules",
    "DeepConfSelector": "polypick.selectors",
    "EarlyStop": "polypick.core.types",
    "SelfCertaintySelector": "polypick.selectors",
    "StopRule": "polypick.engine.stop_rules",
    "Supermajority": "polypick.engine.stop_rules",
    "BestOfN": "polypick.engine.bestofn",
    "Budget": "polypick.engine.plan",
    "CallPlan": "polypick.engine.plan",
    "Candidate": "polypick.core.types",
    "ChatModel": "polypick.core.protocol",
    "ChopsSelector": "polypick.selectors",
    "Completion": "polypick.core.types",
    "ConfigurationError": "polypick.errors",
    "ErrorInfo": "polypick.core.types",
    "Hedged": "polypick.core.sampling",
    "JudgeSelector": "polypick.selectors",
    "Logprobs": "polypick.core.types",
    "MBRSelector": "polypick.selectors",
    "MajoritySelector": "polypick.selectors",
    "Message": "polypick.core.types",
    "ModelRequest": "polypick.core.protocol",
    "PolypickError": "polypick.errors",
    "Pool": "polypick.engine.pool",
    "PoolMember": "polypick.engine.pool",
    "ProviderError": "polypick.errors",
    "Reasoning": "polypick.core.reasoning",
    "RetryPolicy": "polypick.core.retry",
    "RewardSelector": "polypick.selectors",
    "SamplingParams": "polypick.core.types",
    "SamplingPlan": "polypick.core.sampling",
    "Selection": "polypick.core.types",
    "SelectionFailure": "polypick.core.types",
    "Selector": "polypick.selectors",
    "Settings": "polypick.engine.settings",
    "Stage": "polypick.core.protocol",
    "Temperature": "polypick.core.sampling",
    "TemperatureProfile": "polypick.core.profiles",
    "Temperatures": "polypick.core.sampling",
    "TooFewCandidatesError": "polypick.errors",
    "ToolCall": "polypick.core.types",
    "TournamentSelector": "polypick.selectors",
    "TraceEvent": "polypick.core.types",
    "Usage": "polypick.core.types",
    "UsageReport": "polypick.core.types",
    "WeightedMajoritySelector": "polypick.selectors",
    "XMBRSelector": "polypick.selectors",
    "aselect": "polypick.engine.rerank",
    "select": "polypick.engine.rerank",
}
"""Where each public name lives. Names load on first use, so ``import polypick`` stays cheap and
``from polypick import BestOfN`` loads what ``BestOfN`` needs, not every selector and plan."""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'polypick' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
