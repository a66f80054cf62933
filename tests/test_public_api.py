"""The public surface is pinned: adding or removing a name is a deliberate change to this file."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

PUBLIC = {
    "polypick": [
        "BatchError", "BestOfN", "Budget", "CallPlan", "Candidate", "ChatModel", "ChopsSelector",
        "Completion",
        "Agreement", "Confidence", "DeepConfSelector", "EarlyStop", "SelfCertaintySelector",
        "StopRule", "Supermajority",
        "ConfigurationError", "ErrorInfo", "Hedged", "JudgeSelector", "Logprobs", "MBRSelector",
        "MajoritySelector", "Message", "ModelRequest", "PolypickError", "Pool", "PoolMember",
        "Reasoning", "TournamentSelector",
        "WeightedMajoritySelector", "XMBRSelector", "ToolCall",
        "ProviderError", "RetryPolicy", "RewardSelector", "SamplingParams", "SamplingPlan",
        "Selection", "SelectionFailure", "Selector", "Settings", "Stage", "Temperature",
        "TemperatureProfile",
        "Temperatures",
        "TooFewCandidatesError", "TraceEvent", "Usage", "UsageReport", "__version__", "aselect",
        "select",
    ],
    "polypick.errors": [
        "BatchError", "ConfigurationError", "DeadlineExceededError", "InvalidResponseError",
        "MissingAPIKeyError", "MissingDependencyError", "PolypickError", "ProviderConnectionError",
        "ProviderError", "ProviderStatusError", "ProviderTimeoutError", "RateLimitError",
        "TooFewCandidatesError", "UnknownNameError",
    ],
    "polypick.providers": [
        "ADAPTER_GROUP", "AnthropicChat", "ChatModel", "LocalChat", "ModelProfile", "ModelSpec",
        "OpenAIChat", "RewardEndpoint", "SamplingRules", "providers", "register_adapter",
        "register_profile", "resolve_model",
        "MATH_SHEPHERD", "ProcessRewardEndpoint", "QWEN_PRM", "StepFormat",
    ],
    "polypick.selectors": [
        "AnswerExtractor", "ChopsSelector", "DeepConfSelector", "JsonVoteSelector",
        "JudgeSelector", "MBRSelector", "MajoritySelector", "SelfCertaintySelector",
        "ToolCallVoteSelector", "TournamentSelector", "XMBRSelector",
        "InjectionPolicy", "detect_injection",
        "RewardFunction", "RewardSelector", "SelectionContext", "Selector", "SelectorSpec",
        "Verdict", "WeightedMajoritySelector", "default_selector", "default_selector_name",
        "extract_answer",
        "normalize_answer", "resolve_selector", "selectors",
    ],
    "polypick.testing": ["Reply", "ScriptedCall", "ScriptedChat"],
    "polypick.testing.servers": [
        "ClaudeRules", "FakeAnthropicBatchServer", "FakeAnthropicServer", "FakeBatch",
        "FakeOpenAIBatchServer", "FakeOpenAIServer", "FakeRewardServer", "Fault", "ItemRule",
        "ModelRules", "RequestRecord", "Responder", "ToolCaller", "reasoning_model",
        "FakeVLLMPoolingServer",
    ],
    "polypick.cache": [
        "CACHED", "CacheSpec", "CacheStats", "CachedChat", "SampleCache", "cache_scope",
        "model_identity", "request_key",
    ],
    "polypick.batch": [
        "BatchChat", "BatchDriver", "BatchJob", "BatchProgress", "JobStore", "RequestKey",
        "acancel_batches", "arun_batch", "cancel_batches", "request_digest", "run_batch",
    ],
    "polypick.serve": ["Options", "ServeSettings", "create_app"],
    "polypick.integrations.ray": ["BestOfNBatch", "OUTPUT_COLUMNS", "best_of_n"],
}  # fmt: skip


@pytest.mark.parametrize("module_name", sorted(PUBLIC))
def test_all_is_pinned_and_every_name_resolves(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert sorted(module.__all__) == sorted(PUBLIC[module_name])
    for name in module.__all__:
        assert getattr(module, name) is not None


def test_every_error_derives_from_polypick_error() -> None:
    errors = importlib.import_module("polypick.errors")
    for name in errors.__all__:
        assert issubclass(getattr(errors, name), errors.PolypickError), name


def test_importing_polypick_loads_no_sdk_or_model_runtime() -> None:
    # Heavy parts load on first use, so `import polypick` stays fast and works without extras.
    code = (
        "import sys, polypick, polypick.providers, polypick.selectors; "
        "print(sorted(m for m in ('openai', 'anthropic', 'llama_cpp', 'rich') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_the_package_is_typed() -> None:
    from importlib.resources import files

    assert files("polypick").joinpath("py.typed").is_file()


def test_the_command_line_parser_loads_no_optional_extra() -> None:
    # `make run` installs neither the serve nor the eval extra: building the parser (which
    # registers every command) must not import them.
    code = (
        "import sys; from polypick.cli import _parser; _parser(); "
        "print(sorted(m for m in ('starlette', 'uvicorn', 'matplotlib', 'ray', 'rich') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
