"""What one Claude model accepts on the fake Anthropic server, enforced as Anthropic's
documentation says (platform.claude.com, "Extended thinking", "Adaptive thinking", and the
migration guide to Claude Opus 4.7; cited by the tests that use them):

- budget thinking is ``{"type": "enabled", "budget_tokens": N}``, N at least 1024 and below
  ``max_tokens``; models that only think adaptively answer 400 ``"thinking.type.enabled" is not
  supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control
  thinking behavior.``; older models answer 400 to ``{"type": "adaptive"}``;
- while thinking, ``temperature`` may only be 1 (400 "`temperature` may only be set to 1 when
  thinking is enabled."), ``top_k`` is refused, ``top_p`` must lie within 0.95-1, and
  ``tool_choice`` may not force tool use;
- Claude Opus 4.7 and later take no sampling parameters (400 "`temperature` is deprecated for
  this model.");
- a thinking response starts with ``thinking`` blocks (text and ``signature``); thinking tokens
  are billed in ``output_tokens`` and counted in ``usage.output_tokens_details.thinking_tokens``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ._runner import ApiError

__all__ = ["ClaudeRules", "check_request", "thinking_of"]

_DOCS = "https://docs.claude.com/en/docs/build-with-claude/extended-thinking"


@dataclass(frozen=True)
class ClaudeRules:
    """How one Claude model behaves on :class:`~polypick.testing.servers.FakeAnthropicServer`.

    Attributes:
        thinking: the thinking forms it takes: ``"budget"`` (``type: enabled``),
            ``"adaptive"``, ``"both"`` (Claude 4.6) or ``"none"``.
        sampling: whether it takes ``temperature``, ``top_p`` and ``top_k`` at all.
        efforts: the ``output_config.effort`` values it takes.
        thinking_tokens: thinking tokens billed per thinking response.
    """

    thinking: Literal["budget", "adaptive", "both", "none"] = "both"
    sampling: bool = True
    efforts: tuple[str, ...] = ("low", "medium", "high", "max")
    thinking_tokens: int = 48

    def accepts(self, form: str) -> bool:
        wanted = {"enabled": "budget", "adaptive": "adaptive"}.get(form)
        return wanted is not None and self.thinking in (wanted, "both")


def _thinking(body: Mapping[str, Any]) -> Mapping[str, Any] | None:
    config = body.get("thinking")
    if isinstance(config, Mapping) and config.get("type") in ("enabled", "adaptive"):
        return config
    return None


def check_request(body: Mapping[str, Any], rules: ClaudeRules, max_tokens: int) -> None:
    """Raise the :class:`ApiError` Anthropic answers for what the model does not accept."""
    if not rules.sampling:
        for name in ("temperature", "top_p", "top_k"):
            if name in body:
                raise ApiError(400, f"`{name}` is deprecated for this model.")
    effort = (body.get("output_config") or {}).get("effort")
    if effort is not None and effort not in rules.efforts:
        raise ApiError(
            400,
            f"output_config.effort: Input should be {', '.join(map(repr, rules.efforts))}",
        )
    config = _thinking(body)
    if config is None:
        return
    form = str(config["type"])
    if not rules.accepts(form):
        if form == "enabled":
            raise ApiError(
                400,
                '"thinking.type.enabled" is not supported for this model. Use '
                '"thinking.type.adaptive" and "output_config.effort" to control thinking '
                "behavior.",
            )
        raise ApiError(400, "adaptive thinking is not supported on this model")
    if form == "enabled":
        budget = config.get("budget_tokens")
        if not isinstance(budget, int) or budget < 1024:
            raise ApiError(
                400, "thinking.enabled.budget_tokens: Input should be greater than or equal to 1024"
            )
        if budget >= max_tokens:
            raise ApiError(
                400,
                "`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our "
                f"documentation at {_DOCS}#max-tokens-and-context-window-size",
            )
    _check_sampling_while_thinking(body)


def _check_sampling_while_thinking(body: Mapping[str, Any]) -> None:
    if body.get("temperature", 1) != 1:
        raise ApiError(
            400,
            "`temperature` may only be set to 1 when thinking is enabled. Please consult our "
            f"documentation at {_DOCS}#feature-compatibility",
        )
    if "top_k" in body:
        raise ApiError(400, "`top_k` may not be set when thinking is enabled.")
    top_p = body.get("top_p")
    if top_p is not None and not 0.95 <= top_p <= 1:
        raise ApiError(400, "`top_p` must be between 0.95 and 1 when thinking is enabled.")
    choice = body.get("tool_choice")
    if isinstance(choice, Mapping) and choice.get("type") in ("any", "tool"):
        raise ApiError(400, "Thinking may not be enabled when tool_choice forces tool use.")


def thinking_of(body: Mapping[str, Any], rules: ClaudeRules, seq: int) -> list[dict[str, Any]]:
    """The thinking blocks a thinking request's response starts with (none otherwise); the
    text is left out when the request asks for ``display: "omitted"``."""
    config = _thinking(body)
    if config is None:
        return []
    omitted = config.get("display") == "omitted"
    thought = "" if omitted else f"(thought {seq}) The user asks a question; I answer briefly."
    return [{"type": "thinking", "thinking": thought, "signature": f"sig-{seq}-fake"}]
