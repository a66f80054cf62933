"""What only some backends can do, as optional protocols.

A backend has a capability by having its members: nothing is registered, no name table is
consulted. A backend you write gains one by implementing the method; polypick checks with
``isinstance`` against these runtime-checkable protocols (through :func:`capability`, which also
looks inside wrappers such as a cache or a tracer).

==========================  =====================================================================
:class:`MultiSample`         several completions per request (``n``)
:class:`ValidatesParams`     rejects sampling parameters it cannot honour before anything is sent
:class:`DefaultMaxTokens`    a default reply length, for cost plans
:class:`CacheIdentity`       what decides its answers, for cache keys
:class:`Continuation`        continues a partial answer (step-wise search)
:class:`BatchSubmission`     a provider batch API (half price, asynchronous)
:class:`TokenLogprobs`       token log-probabilities on completions
:class:`SamplingDefaults`    its own sampling plan when the caller chose none (reasoning models)
:class:`PromptCaching`       the provider caches long shared prompt prefixes
:class:`RemoteScorer`        (scorers, not models) every score is one request to a server
==========================  =====================================================================
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, runtime_checkable

from polypick.core.protocol import ChatModel, ModelRequest
from polypick.core.types import SamplingParams, Step

if TYPE_CHECKING:
    from polypick.core.batching import BatchBackend
    from polypick.core.retry import RetryPolicy
    from polypick.core.sampling import SamplingPlan

__all__ = [
    "BatchSubmission",
    "CacheIdentity",
    "Continuation",
    "DefaultMaxTokens",
    "MultiSample",
    "PromptCaching",
    "RemoteScorer",
    "SamplingDefaults",
    "TokenLogprobs",
    "ValidatesParams",
    "Wrapper",
    "cache_identity",
    "capability",
    "default_max_tokens",
    "default_sampling",
    "max_n",
    "token_logprobs",
    "validate",
]

C = TypeVar("C")


@runtime_checkable
class Wrapper(Protocol):
    """A backend around another one (a cache, a tracer); capabilities are looked for inside."""

    @property
    def wrapped(self) -> Any: ...


@runtime_checkable
class MultiSample(Protocol):
    """Several completions in one request."""

    @property
    def max_n(self) -> int:
        """The most completions one request may return (it may still return fewer)."""
        ...


@runtime_checkable
class ValidatesParams(Protocol):
    """Knows which sampling parameters it accepts."""

    def validate(self, params: SamplingParams) -> None:
        """Raise :class:`~polypick.errors.ConfigurationError` for parameters it rejects; called
        before any request is sent, so bad settings fail fast and cost nothing."""
        ...


@runtime_checkable
class DefaultMaxTokens(Protocol):
    """Replies have a default length limit when the sampling plan sets none."""

    @property
    def max_tokens(self) -> int | None: ...


@runtime_checkable
class CacheIdentity(Protocol):
    """Says what decides its answers (model, endpoint, reply settings), never its credentials."""

    def cache_identity(self) -> Mapping[str, Any]: ...


@runtime_checkable
class Continuation(Protocol):
    """Continues a partial answer: the one capability step-wise search needs."""

    async def continue_answer(self, request: ModelRequest, partial: str) -> Step:
        """Continue ``partial`` (the start of the assistant's answer to ``request.messages``)
        and return the new text, stopping at ``request.params.stop``."""
        ...


@runtime_checkable
class BatchSubmission(Protocol):
    """Has a batch API (OpenAI Batch, Anthropic Message Batches)."""

    def batches(self, policy: RetryPolicy) -> BatchBackend:
        """The batch backend for this model; calls to the batch API retry under ``policy``."""
        ...


@runtime_checkable
class TokenLogprobs(Protocol):
    """Returns token log-probabilities when a request asks for them (``request.logprobs``):
    on each completion, as :class:`~polypick.core.types.Logprobs`."""

    @property
    def max_top_logprobs(self) -> int | None:
        """The most alternatives per token it can return (``0``: the chosen token's only;
        ``None``: none at all, e.g. a reasoning model behind a backend that has them)."""
        ...


@runtime_checkable
class SamplingDefaults(Protocol):
    """Has a sampling plan of its own, used when the caller chose none."""

    def default_sampling(self) -> SamplingPlan | None:
        """The plan for this model when ``sampling`` is left at its default; ``None``: the
        library's default (hedged sampling). Reasoning models, whose temperature is fixed,
        answer with a :class:`~polypick.core.reasoning.Reasoning` plan."""
        ...


@runtime_checkable
class PromptCaching(Protocol):
    """The provider caches long prompt prefixes shared by several requests."""

    @property
    def prompt_caching(self) -> bool: ...


@runtime_checkable
class RemoteScorer(Protocol):
    """A scorer ``(prompt, candidate) -> float`` whose every call is one request to a model
    server: its calls count as requests in usage and in cost plans."""

    @property
    def requests_per_score(self) -> int: ...


_found: dict[tuple[type, type], bool] = {}


def _has(model: object, kind: type) -> bool:
    # isinstance against a runtime-checkable protocol inspects every member (microseconds);
    # the answer depends on the class only, so it is kept per class.
    key = (type(model), kind)
    found = _found.get(key)
    if found is None:
        found = _found[key] = isinstance(model, kind)
    return found


def capability(model: object, kind: type[C]) -> C | None:
    """``model`` if it has capability ``kind``, else the nearest backend it wraps that has it,
    else ``None``. A capability found inside a wrapper is used directly, without the wrapper."""
    seen: object = model
    for _ in range(16):  # wrappers of wrappers, never a cycle
        if _has(seen, kind):
            return seen  # type: ignore[return-value]
        if not _has(seen, Wrapper):
            return None
        seen = seen.wrapped  # type: ignore[attr-defined]
    return None


def max_n(model: object) -> int:
    """The most completions one request to ``model`` may return (``1`` without the capability)."""
    found = capability(model, MultiSample)
    return 1 if found is None else max(1, int(found.max_n))


def validate(model: object, params: SamplingParams) -> None:
    """Let ``model`` reject ``params`` if it knows how (a no-op otherwise)."""
    found = capability(model, ValidatesParams)
    if found is not None:
        found.validate(params)


def token_logprobs(model: object) -> int | None:
    """The most alternatives per token ``model`` returns, ``0`` for the chosen tokens' only, or
    ``None`` when it gives no token log-probabilities."""
    found = capability(model, TokenLogprobs)
    return None if found is None else found.max_top_logprobs


def default_sampling(model: object) -> SamplingPlan | None:
    """``model``'s own sampling plan for callers that chose none, if it has one."""
    found = capability(model, SamplingDefaults)
    return None if found is None else found.default_sampling()


def default_max_tokens(model: object) -> int | None:
    """``model``'s default reply length, if it has one."""
    found = capability(model, DefaultMaxTokens)
    value = None if found is None else found.max_tokens
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def cache_identity(model: ChatModel) -> dict[str, Any]:
    """What identifies ``model``'s answers: its name and class, and what its own
    :class:`CacheIdentity` states (so two unrelated backends never share entries)."""
    found = capability(model, CacheIdentity)
    stated = {} if found is None else dict(found.cache_identity())
    backend = f"{type(model).__module__}.{type(model).__qualname__}"
    return {"name": model.name, "backend": backend} | stated
