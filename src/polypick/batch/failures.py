"""How a request that a batch could not answer is reported."""

from __future__ import annotations

from polypick.core.batching import BatchState, ItemError, ItemOutcome
from polypick.errors import ProviderError, ProviderStatusError

__all__ = ["as_error", "missing_outcome"]


def missing_outcome(custom_id: str, state: BatchState) -> ItemOutcome:
    """The outcome of a request an ended batch returned nothing for (a failed batch, say)."""
    reason = state.detail or "it returned no result for this request"
    message = f"batch {state.batch_id} ended '{state.status}': {reason}"
    return ItemOutcome(custom_id, error=ItemError(message, code=f"batch_{state.status}"))


def as_error(error: ItemError, attempts: int, provider: str) -> ProviderError:
    """The polypick error for a request that failed for good; never retryable, since the batch
    layer has already retried it (in ``attempts`` batches) as far as it may."""
    tried = f" (in {attempts} batch{'es' if attempts != 1 else ''})"
    exc: ProviderError
    if error.status_code:
        exc = ProviderStatusError(
            f"{error.message}{tried}", status_code=error.status_code, provider=provider
        )
    else:
        exc = ProviderError(f"{error.code}: {error.message}{tried}", provider=provider)
    exc.retryable = False
    return exc
