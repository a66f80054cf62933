"""Anthropic thinking: when a request thinks, in which form, and what it may carry then.

Rules (platform.claude.com, "Extended thinking" and "Adaptive thinking"): budget thinking is
``{"type": "enabled", "budget_tokens": N}`` with N at least 1024 and below ``max_tokens``;
adaptive thinking is ``{"type": "adaptive"}`` with ``output_config.effort``; while thinking,
``temperature`` may only be 1, ``top_k`` is refused and ``top_p`` must lie within 0.95-1; and
thinking "may not be enabled when tool_choice forces tool use" (only ``auto`` or ``none``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from polypick.core.types import SamplingParams
from polypick.errors import ConfigurationError
from polypick.providers import _validation
from polypick.providers.model_profiles import ModelProfile

if TYPE_CHECKING:
    from polypick.core.sampling import SamplingPlan

__all__ = ["check_params", "check_thinking", "thinking_fields", "thinking_plan", "thinks"]

MIN_BUDGET = 1024
# Room for adaptive thinking on top of the answer's allowance, by effort (the default: high).
THINKING_ROOM = {"low": 1024, "medium": 4096, "high": 16384, "xhigh": 32000, "max": 32000}


def _budget(thinking: bool | int | None) -> int | None:
    return thinking if type(thinking) is int else None


def thinks(profile: ModelProfile, thinking: bool | int | None, effort: str | None) -> bool:
    """Whether a request thinks: its plan's effort decides (``"none"``: no), else the
    provider's ``thinking``."""
    if profile.reasoning == "none":
        return False
    if effort is not None:
        return effort != "none"
    return bool(thinking)


def check_thinking(
    model: str, profile: ModelProfile, thinking: bool | int | None, extra_body: Mapping[str, Any]
) -> None:
    """Refuse a ``thinking=`` setting the model cannot honour."""
    if not thinking:
        return
    if profile.reasoning == "none":
        raise ConfigurationError(f"{model} does not think; leave thinking unset for it")
    budget = _budget(thinking)
    if budget is not None and profile.reasoning != "budget":
        raise ConfigurationError(
            f"{model} thinks adaptively and takes no budget_tokens: pass thinking=True, and "
            "give efforts through the plan (sampling=Reasoning(efforts=('low', 'high')))"
        )
    if budget is not None and budget < MIN_BUDGET:
        raise ConfigurationError(
            f"a thinking budget of {budget} tokens is below Anthropic's minimum of "
            f"{MIN_BUDGET}; pass thinking={MIN_BUDGET} or more"
        )
    _check_tool_choice(model, extra_body)


def _check_tool_choice(model: str, extra_body: Mapping[str, Any]) -> None:
    choice = extra_body.get("tool_choice")
    if isinstance(choice, Mapping) and choice.get("type") in ("any", "tool"):
        raise ConfigurationError(
            f"{model} cannot think while tool_choice forces tool use ({choice.get('type')!r}); "
            "use tool_choice {'type': 'auto'} or {'type': 'none'}, or leave thinking off"
        )


def check_params(
    model: str,
    profile: ModelProfile,
    params: SamplingParams,
    thinking: bool,
    extra_body: Mapping[str, Any],
) -> None:
    """Refuse sampling parameters the model cannot take in the mode ``params`` put it in."""
    _validation.check_params(model, profile, params, reasoning=thinking)
    if thinking:
        _check_tool_choice(model, extra_body)


def thinking_plan(profile: ModelProfile, thinking: bool | int | None) -> SamplingPlan | None:
    """The default plan when every request thinks (the temperature then stays at 1)."""
    if not thinking or profile.reasoning == "none":
        return None
    if _budget(thinking) is not None:  # one budget for every sample: vary by sampling alone
        from polypick.core.sampling import Temperature

        return Temperature(temperature=profile.default_temperature)
    return _validation.reasoning_plan(profile.changed(default_effort="high"))


def thinking_fields(
    profile: ModelProfile,
    thinking: bool | int | None,
    params: SamplingParams,
    display: str | None,
) -> tuple[dict[str, Any], int]:
    """The request fields that turn thinking on, and the tokens to add to ``max_tokens`` so
    the answer keeps its allowance."""
    effort = params.reasoning_effort
    fields: dict[str, Any] = {}
    if profile.reasoning == "budget":
        budgets = profile.thinking_budgets
        budget = _budget(thinking)
        if budget is None:
            budget = budgets.get(effort or "medium") or max(budgets.values(), default=4096)
        config: dict[str, Any] = {"type": "enabled", "budget_tokens": budget}
        room = budget
    else:
        config = {"type": "adaptive"}
        if effort is not None:
            fields["output_config"] = {"effort": effort}
        room = THINKING_ROOM.get(effort or "high", THINKING_ROOM["high"])
    if display is not None:
        config["display"] = display
    fields["thinking"] = config
    return fields, room
