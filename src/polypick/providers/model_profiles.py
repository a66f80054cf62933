"""What each model accepts: sampling ranges, ``n``, the token-limit field, reasoning controls,
log-probabilities, structured output — as data.

A :class:`ModelProfile` is resolved from the model's name through a small table of glob
patterns (:data:`PROFILES`, first match wins; :func:`register_profile` adds yours in front),
then refined twice:

- by what a server's errors teach (:class:`LearnedProfiles`): a 400 that names the parameter it
  rejects (OpenAI's ``param``/``code``, Anthropic's message) changes that field, for that server
  and model only, with a log line; an unrelated 400 changes nothing;
- by the provider object's own ``profile=`` overrides, which always win.

The table follows the providers' documentation as of 2026-12 (each entry says where from); a
model it does not know gets its provider's general profile, and what that gets wrong is learnt
from the first rejection.
"""

from __future__ import annotations

import fnmatch
import logging
import threading
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import Field, model_validator

from polypick.core.profiles import CheckedModel
from polypick.errors import ConfigurationError

__all__ = [
    "PROFILES",
    "LearnedProfiles",
    "ModelProfile",
    "ProfileRule",
    "Provider",
    "SamplingRules",
    "apply_overrides",
    "learned",
    "register_profile",
    "resolve_profile",
]

logger = logging.getLogger("polypick")

Provider = Literal["openai", "anthropic"]
Reasoning = Literal["none", "effort", "budget", "adaptive"]
TokenLimit = Literal["max_tokens", "max_completion_tokens"]


class SamplingRules(CheckedModel):
    """Which sampling parameters a model accepts, in one mode (reasoning or not).

    Attributes:
        temperature: the accepted range; ``None``: the model's default only, never sent.
        top_p: the accepted range; ``None``: not accepted, never sent.
        logprobs: the most alternatives per token it returns; ``None``: no log-probabilities.
    """

    temperature: tuple[float, float] | None = (0.0, 2.0)
    top_p: tuple[float, float] | None = (0.0, 1.0)
    logprobs: int | None = Field(default=None, ge=0)


FIXED = SamplingRules(temperature=None, top_p=None, logprobs=None)
"""A reasoning model's rules: default temperature only, no top_p, no log-probabilities."""


class ModelProfile(CheckedModel):
    """What one model accepts.

    Attributes:
        family: a short label for logs and errors (``"openai-reasoning"``).
        sampling: the rules when the model does not reason.
        reasoning_sampling: the rules while it reasons; ``None``: the same as ``sampling``.
        default_temperature: the temperature the model uses when none is sent.
        min_p, seed: whether the server reads them.
        n: several completions per request: ``True``, ``False``, or ``None`` to learn it.
        token_limit: the reply-length field; ``None``: the server's usual one
            (``max_completion_tokens`` on OpenAI itself, ``max_tokens`` elsewhere).
        reasoning: the reasoning control: ``"effort"`` (OpenAI's ``reasoning_effort``),
            ``"budget"`` (Anthropic thinking with ``budget_tokens``), ``"adaptive"``
            (Anthropic adaptive thinking with ``output_config.effort``) or ``"none"``.
        efforts: the reasoning efforts it accepts, least first (``"none"``: no reasoning).
        default_effort: what it does when no effort is sent; ``None`` or ``"none"``: it does
            not reason unless asked.
        thinking_budgets: for ``"budget"`` thinking, the ``budget_tokens`` of each effort.
        structured_output: whether it follows ``response_format`` JSON schemas; ``None``: the
            server's usual (on for OpenAI itself).
    """

    family: str
    sampling: SamplingRules = SamplingRules(logprobs=20)
    reasoning_sampling: SamplingRules | None = None
    default_temperature: float = 1.0
    min_p: bool | None = None
    seed: bool = True
    n: bool | None = None
    token_limit: TokenLimit | None = None
    reasoning: Reasoning = "none"
    efforts: tuple[str, ...] = ()
    default_effort: str | None = None
    thinking_budgets: Mapping[str, int] = Field(default_factory=dict)
    structured_output: bool | None = None

    @model_validator(mode="after")
    def _consistent(self) -> ModelProfile:
        if self.reasoning == "none" and self.efforts:
            raise ValueError("efforts need a reasoning control (reasoning='effort', ...)")
        if self.reasoning == "budget" and any(b < 1024 for b in self.thinking_budgets.values()):
            raise ValueError("thinking budgets must be at least 1024 tokens (Anthropic's minimum)")
        return self

    def effort(self, requested: str | None) -> str | None:
        """The effort in force for a request asking for ``requested`` (``None``: the default)."""
        return requested if requested is not None else self.default_effort

    def reasons(self, requested: str | None) -> bool:
        """Whether a request with effort ``requested`` makes the model reason."""
        return self.reasoning != "none" and self.effort(requested) not in (None, "none")

    def rules(self, requested: str | None = None) -> SamplingRules:
        """The sampling rules in force for a request with effort ``requested``."""
        if self.reasons(requested) and self.reasoning_sampling is not None:
            return self.reasoning_sampling
        return self.sampling

    def changed(self, **changes: Any) -> ModelProfile:
        """A copy with ``changes`` applied (validated)."""
        return ModelProfile(**(self.model_dump() | changes))

    def reasoning_efforts(self) -> tuple[str, ...]:
        """The efforts that make the model reason (its default mix draws on these)."""
        return tuple(e for e in self.efforts if e != "none")


class ProfileRule(CheckedModel):
    """A row of the table: the models of ``provider`` whose name matches ``pattern`` (a
    case-insensitive glob on the name, or on its last ``/`` part) get ``profile``."""

    provider: Provider
    pattern: str
    profile: ModelProfile
    source: str = ""

    def matches(self, provider: str, model: str) -> bool:
        name = model.strip().lower()
        short = name.rsplit("/", 1)[-1]
        pattern = self.pattern.lower()
        return provider == self.provider and (
            fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(short, pattern)
        )


_OPENAI_REASONING_DOCS = (
    "platform.openai.com/docs/guides/reasoning; OpenAI developer community, 'Compatibility "
    "Matrix: Reasoning models - Effort' (2025-12)"
)
_ANTHROPIC_THINKING_DOCS = (
    "platform.claude.com/docs/en/build-with-claude/extended-thinking and .../adaptive-thinking"
)


def _openai_reasoning(family: str, efforts: tuple[str, ...], default: str) -> ModelProfile:
    return ModelProfile(
        family=family,
        sampling=FIXED if default != "none" else SamplingRules(logprobs=20),
        reasoning_sampling=FIXED,
        token_limit="max_completion_tokens",
        reasoning="effort",
        efforts=efforts,
        default_effort=default,
        structured_output=True,
    )


_CLAUDE_SAMPLING = SamplingRules(temperature=(0.0, 1.0), top_p=(0.0, 1.0))
_CLAUDE_THINKING = SamplingRules(temperature=None, top_p=(0.95, 1.0))
_CLAUDE_BUDGETS = {"low": 1024, "medium": 4096, "high": 16384}


def _claude(family: str, reasoning: Reasoning, efforts: tuple[str, ...] = ()) -> ModelProfile:
    return ModelProfile(
        family=family,
        sampling=_CLAUDE_SAMPLING,
        reasoning_sampling=_CLAUDE_THINKING if reasoning != "none" else None,
        min_p=False,
        n=False,
        reasoning=reasoning,
        efforts=efforts,
        thinking_budgets=_CLAUDE_BUDGETS if reasoning == "budget" else {},
    )


PROFILES: list[ProfileRule] = [
    # OpenAI: reasoning models fix the temperature and take max_completion_tokens (400 for
    # max_tokens, 'unsupported_parameter'); gpt-5.1 and later reason only when asked
    # (default effort 'none') and then accept temperature, top_p and logprobs.
    ProfileRule(
        provider="openai",
        pattern="gpt-5-chat*",
        profile=ModelProfile(family="openai-chat", sampling=SamplingRules(logprobs=None)),
        source="gpt-5-chat-latest is not a reasoning model: no reasoning_effort",
    ),
    ProfileRule(
        provider="openai",
        pattern="gpt-5-pro*",
        profile=_openai_reasoning("openai-reasoning", ("high",), "high"),
        source=_OPENAI_REASONING_DOCS,
    ),
    ProfileRule(
        provider="openai",
        pattern="gpt-5.1*",
        profile=_openai_reasoning("openai-reasoning", ("none", "low", "medium", "high"), "none"),
        source=_OPENAI_REASONING_DOCS,
    ),
    ProfileRule(
        provider="openai",
        pattern="gpt-5.*",
        profile=_openai_reasoning(
            "openai-reasoning", ("none", "low", "medium", "high", "xhigh"), "none"
        ),
        source=_OPENAI_REASONING_DOCS,
    ),
    ProfileRule(
        provider="openai",
        pattern="gpt-5*",
        profile=_openai_reasoning(
            "openai-reasoning", ("minimal", "low", "medium", "high"), "medium"
        ),
        source=_OPENAI_REASONING_DOCS,
    ),
    *(
        ProfileRule(
            provider="openai",
            pattern=pattern,
            profile=_openai_reasoning("openai-reasoning", ("low", "medium", "high"), "medium"),
            source=_OPENAI_REASONING_DOCS,
        )
        for pattern in ("o1*", "o3*", "o4*")
    ),
    ProfileRule(provider="openai", pattern="*", profile=ModelProfile(family="openai-chat")),
    # Anthropic: no n; temperature 0-1; no min_p. While thinking, temperature stays at 1 and
    # top_p within 0.95-1. Opus 4.7 and later take no sampling parameters and adaptive thinking
    # only ('"thinking.type.enabled" is not supported for this model'); 4.6 models take both
    # forms (budget deprecated); earlier Claude 4 models and 3.7 Sonnet take a budget.
    *(
        ProfileRule(
            provider="anthropic",
            pattern=pattern,
            profile=_claude("claude-adaptive-only", "adaptive", efforts).changed(
                sampling=SamplingRules(temperature=None, top_p=None), reasoning_sampling=None
            ),
            source=_ANTHROPIC_THINKING_DOCS + "; migration guide to Claude Opus 4.7",
        )
        for pattern, efforts in (
            ("claude-opus-4-7*", ("low", "medium", "high", "xhigh", "max")),
            ("claude-opus-4-8*", ("low", "medium", "high", "xhigh", "max")),
        )
    ),
    *(
        ProfileRule(
            provider="anthropic",
            pattern=pattern,
            profile=_claude("claude-adaptive", "adaptive", ("low", "medium", "high", "max")),
            source=_ANTHROPIC_THINKING_DOCS,
        )
        for pattern in ("claude-opus-4-6*", "claude-sonnet-4-6*")
    ),
    *(
        ProfileRule(
            provider="anthropic",
            pattern=pattern,
            profile=_claude("claude-budget", "budget", ("low", "medium", "high")),
            source=_ANTHROPIC_THINKING_DOCS,
        )
        for pattern in (
            "claude-*-4-5*",
            "claude-opus-4-1*",
            "claude-*-4-0*",
            "claude-opus-4-2025*",
            "claude-sonnet-4-2025*",
            "claude-3-7-sonnet*",
        )
    ),
    ProfileRule(
        provider="anthropic", pattern="claude-3*", profile=_claude("claude-no-thinking", "none")
    ),
    ProfileRule(
        provider="anthropic",
        pattern="*",
        profile=_claude("claude", "adaptive", ("low", "medium", "high")),
        source="newer Claude models think adaptively; older forms are learnt from their 400",
    ),
]
"""The table, searched in order. Add rows with :func:`register_profile`."""


def register_profile(
    provider: Provider, pattern: str, profile: ModelProfile, *, source: str = ""
) -> None:
    """Put ``profile`` in front of the table for ``provider``'s models matching ``pattern``
    (a glob such as ``"my-reasoner-*"``)."""
    PROFILES.insert(
        0, ProfileRule(provider=provider, pattern=pattern, profile=profile, source=source)
    )


def resolve_profile(provider: Provider, model: str, *, hosted: bool) -> ModelProfile:
    """The table's profile for ``model`` of ``provider``, with the server's usual values filled
    in (``hosted``: the provider's own API rather than a compatible server)."""
    profile = next(r.profile for r in PROFILES if r.matches(provider, model))
    usual: dict[str, Any] = {}
    if profile.token_limit is None:
        usual["token_limit"] = "max_completion_tokens" if hosted else "max_tokens"
    if profile.min_p is None:
        usual["min_p"] = not hosted  # vLLM, SGLang and llama.cpp read it; OpenAI refuses it
    if profile.structured_output is None:
        usual["structured_output"] = hosted
    return profile.changed(**usual) if usual else profile


class LearnedProfiles:
    """What servers' rejections taught, per server and model (thread-safe).

    A change is a set of :class:`ModelProfile` field values; it is logged once, when learnt.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._changes: dict[tuple[str, str], dict[str, Any]] = {}
        self.version = 0
        """Counts changes, so providers know when to recompute their profile."""

    def get(self, server: str, model: str) -> Mapping[str, Any]:
        with self._lock:
            return dict(self._changes.get((server, model), {}))

    def learn(self, server: str, model: str, change: Mapping[str, Any], why: str) -> None:
        with self._lock:
            known = self._changes.setdefault((server, model), {})
            known.update(change)
            self.version += 1
        fields = ", ".join(f"{k}={_short(v)}" for k, v in change.items())
        logger.warning(
            "%s at %s rejected a parameter (%s); from now on: %s", model, server, why, fields
        )

    def forget(self, server: str | None = None, model: str | None = None) -> None:
        """Drop what was learnt (for one server, one model, or everything)."""
        with self._lock:
            for key in list(self._changes):
                if server in (None, key[0]) and model in (None, key[1]):
                    del self._changes[key]
            self.version += 1


def _short(value: Any) -> str:
    if isinstance(value, SamplingRules):
        return value.model_dump_json()
    return repr(value)


learned = LearnedProfiles()
"""The process's store: every provider object for one server and model shares what it learnt."""


def apply_overrides(
    profile: ModelProfile, overrides: ModelProfile | Mapping[str, Any] | None
) -> ModelProfile:
    """``profile`` with a provider object's ``profile=`` argument applied: a whole profile
    replaces it, a mapping changes the fields it names."""
    if overrides is None:
        return profile
    if isinstance(overrides, ModelProfile):
        return overrides
    unknown = sorted(set(overrides) - set(ModelProfile.model_fields))
    if unknown:
        raise ConfigurationError(
            f"unknown ModelProfile field(s) {', '.join(unknown)}; valid: "
            f"{', '.join(sorted(ModelProfile.model_fields))}"
        )
    return profile.changed(**dict(overrides))
