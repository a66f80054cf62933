"""Finding a model's batch API: the :class:`~polypick.core.capabilities.BatchSubmission`
capability, which ``OpenAIChat`` (OpenAI's Batch API) and ``AnthropicChat`` (Message Batches)
have, and any backend of yours gains by implementing ``batches(policy)``."""

from __future__ import annotations

from polypick.core.batching import BatchBackend
from polypick.core.capabilities import BatchSubmission, capability
from polypick.core.protocol import ChatModel
from polypick.core.retry import RetryPolicy
from polypick.errors import ConfigurationError

__all__ = ["batch_backend"]


def batch_backend(model: ChatModel, policy: RetryPolicy) -> BatchBackend:
    """The batch backend of ``model``; batch-API calls retry under ``policy``."""
    found = capability(model, BatchSubmission)
    if found is None:
        raise ConfigurationError(
            f"{model.name} has no batch API; batch jobs run on 'openai:MODEL' and "
            "'anthropic:MODEL' models (OpenAIChat or AnthropicChat objects), or on a backend "
            "with a batches(policy) method"
        )
    return found.batches(policy)
