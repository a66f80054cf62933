"""Fault-injecting fake OpenAI and Anthropic HTTP servers for tests and benchmarks.

Each server listens on 127.0.0.1 in a background thread from construction until ``stop()``
(or the end of a ``with`` block) and is meant to be driven through the real SDKs::

    with FakeOpenAIServer() as server:
        server.script([Fault.status(500), Fault.reset()])
        client = openai.OpenAI(base_url=server.base_url + "/v1", api_key="test")
"""

from polypick.errors import MissingDependencyError

try:
    import starlette  # noqa: F401
    import uvicorn  # noqa: F401
except ImportError:
    raise MissingDependencyError("the fake servers", "testing") from None

from ._anthropic_rules import ClaudeRules
from ._batch import FakeBatch, ItemRule
from ._faults import Fault
from ._openai_rules import ModelRules, reasoning_model
from ._runner import RequestRecord, Responder
from .anthropic import FakeAnthropicServer
from .anthropic_batch import FakeAnthropicBatchServer
from .openai import FakeOpenAIServer, ToolCaller
from .openai_batch import FakeOpenAIBatchServer
from .reward import FakeRewardServer

__all__ = [
    "ClaudeRules",
    "FakeAnthropicServer",
    "FakeOpenAIServer",
    "FakeRewardServer",
    "Fault",
    "ModelRules",
    "RequestRecord",
    "Responder",
    "FakeOpenAIBatchServer",
    "FakeAnthropicBatchServer",
    "FakeBatch",
    "ItemRule",
    "ToolCaller",
    "reasoning_model",
]
