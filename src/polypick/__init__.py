"""polypick: sample several answers from any LLM and pick the best one, in any language.

>>> from polypick import BestOfN
>>> bon = BestOfN(llm="local", n=3, sampling="hedged", selector="majority")  # doctest: +SKIP
>>> bon.invoke("What is 17 + 25?").text  # doctest: +SKIP
"""

from polypick.core.profiles import TemperatureProfile
from polypick.core.protocol import ChatModel, ModelRequest, Stage
from polypick.core.retry import RetryPolicy
from polypick.core.sampling import Hedged, SamplingPlan, Temperature, Temperatures
from polypick.core.types import (
    Candidate,
    Completion,
    ErrorInfo,
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
from polypick.engine.rerank import aselect, select
from polypick.engine.settings import Settings
from polypick.errors import (
    BatchError,
    ConfigurationError,
    PolypickError,
    ProviderError,
    TooFewCandidatesError,
)
from polypick.selectors import (
    ChopsSelector,
    JudgeSelector,
    MajoritySelector,
    MBRSelector,
    RewardSelector,
    Selector,
    TournamentSelector,
    WeightedMajoritySelector,
    XMBRSelector,
)

__version__ = "0.1.0"

__all__ = [
    "BatchError",
    "BestOfN",
    "Budget",
    "CallPlan",
    "Candidate",
    "ChatModel",
    "ChopsSelector",
    "Completion",
    "ConfigurationError",
    "ErrorInfo",
    "Hedged",
    "JudgeSelector",
    "MBRSelector",
    "MajoritySelector",
    "Message",
    "ModelRequest",
    "PolypickError",
    "ProviderError",
    "RetryPolicy",
    "RewardSelector",
    "SamplingParams",
    "SamplingPlan",
    "Selection",
    "SelectionFailure",
    "Selector",
    "Settings",
    "Stage",
    "Temperature",
    "TemperatureProfile",
    "Temperatures",
    "ToolCall",
    "TooFewCandidatesError",
    "TournamentSelector",
    "TraceEvent",
    "Usage",
    "UsageReport",
    "WeightedMajoritySelector",
    "XMBRSelector",
    "__version__",
    "aselect",
    "select",
]
