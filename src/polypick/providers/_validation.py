"""Checking a sampling plan against a model's profile before anything is sent, and the plan a
reasoning model samples with when the caller chose none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from polypick.core.types import SamplingParams
from polypick.errors import ConfigurationError
from polypick.providers.model_profiles import ModelProfile

if TYPE_CHECKING:
    from polypick.core.sampling import SamplingPlan

__all__ = ["check_params", "reasoning_plan"]

_USUAL_EFFORTS = ("low", "medium", "high")


def check_params(
    model: str, profile: ModelProfile, params: SamplingParams, *, reasoning: bool | None = None
) -> None:
    """Raise :class:`ConfigurationError`, saying what to use instead, for parameters ``model``
    (described by ``profile``) cannot take; ``reasoning`` says whether the request makes it
    reason (``None``: as its effort says)."""
    _check_effort(model, profile, params.reasoning_effort)
    if reasoning is None:
        reasoning = profile.reasons(params.reasoning_effort)
    rules = (profile.reasoning_sampling or profile.sampling) if reasoning else profile.sampling
    thinking = " while it reasons" if reasoning and profile.reasoning_sampling else ""
    if rules.temperature is None:
        if params.temperature != profile.default_temperature:
            default = profile.default_temperature
            instead = (
                "Use sampling='reasoning' (diversity by seed and reasoning effort; "
                "'reasoning-hedged' adds a low-effort first sample, Reasoning(...) configures "
                "it), or leave sampling unset"
                if profile.reasoning != "none"
                else f"Use sampling={default:g} (add a seed for reproducible samples), or leave "
                "sampling unset"
            )
            raise ConfigurationError(
                f"{model} accepts only its default temperature ({default:g}){thinking}, so "
                f"temperature {params.temperature:g} cannot be sent (hedged sampling's first "
                f"sample is greedy, temperature 0). {instead}"
            )
    else:
        low, high = rules.temperature
        if not low <= params.temperature <= high:
            raise ConfigurationError(
                f"temperature {params.temperature:g} is outside {model}'s range "
                f"{low:g}-{high:g}{thinking}; use a temperature between {low:g} and {high:g}"
            )
    if params.top_p is not None:
        if rules.top_p is None:
            raise ConfigurationError(f"{model} takes no top_p{thinking}; leave top_p unset")
        low, high = rules.top_p
        if not low <= params.top_p <= high:
            raise ConfigurationError(
                f"top_p {params.top_p:g} is outside {model}'s range {low:g}-{high:g}"
                f"{thinking}; use a top_p between {low:g} and {high:g}, or none"
            )
    if params.min_p is not None and not profile.min_p:
        raise ConfigurationError(
            f"{model} takes no min_p (only servers such as vLLM, SGLang and llama.cpp read "
            "it); leave min_p unset for this model"
        )


def _check_effort(model: str, profile: ModelProfile, effort: str | None) -> None:
    if effort is None:
        return
    if profile.reasoning == "none":
        raise ConfigurationError(
            f"{model} has no reasoning effort to set (reasoning_effort={effort!r}); use a "
            "temperature-based plan such as sampling='hedged' for it"
        )
    if effort == "none" and profile.reasoning in ("budget", "adaptive"):
        return  # thinking off: always possible with Anthropic's models
    if profile.efforts and effort not in profile.efforts:
        raise ConfigurationError(
            f"{model} accepts the reasoning efforts {', '.join(profile.efforts)}, not "
            f"{effort!r}; use Reasoning(efforts=...) with those"
        )


def reasoning_plan(profile: ModelProfile) -> SamplingPlan | None:
    """The plan of a model whose temperature is fixed by default: its usual efforts in turn
    when it reasons, else every sample at its temperature; ``None`` for models whose
    temperature is free (hedged sampling suits them)."""
    if profile.rules(None).temperature is not None:
        return None
    if not profile.reasons(None):
        from polypick.core.sampling import Temperature

        return Temperature(temperature=profile.default_temperature)
    from polypick.core.reasoning import Reasoning

    available = profile.reasoning_efforts()
    efforts = tuple(e for e in _USUAL_EFFORTS if e in available) or available
    return Reasoning(efforts=efforts or ("medium",), temperature=profile.default_temperature)
