"""What one model accepts on the fake OpenAI server, enforced as OpenAI's documentation says.

Sources (cited by the tests that use them):

- Chat Completions API reference (``POST /v1/chat/completions``): ``logprobs`` (bool) returns
  ``choices[].logprobs.content``, one ``{token, logprob, bytes, top_logprobs}`` per token;
  ``top_logprobs`` is an integer between 0 and 20 and needs ``logprobs: true``;
  ``max_completion_tokens`` bounds visible and reasoning tokens; ``usage.completion_tokens_details
  .reasoning_tokens`` counts the reasoning tokens (part of ``completion_tokens``).
- Reasoning guide (platform.openai.com/docs/guides/reasoning) and the errors its models return:
  a temperature other than the default is ``400 {"param": "temperature", "code":
  "unsupported_value", "message": "Unsupported value: 'temperature' does not support 0 with this
  model. Only the default (1) value is supported."}``; ``max_tokens`` is ``400 {"param":
  "max_tokens", "code": "unsupported_parameter", "message": "Unsupported parameter: 'max_tokens'
  is not supported with this model. Use 'max_completion_tokens' instead."}``; an effort the model
  lacks is ``400 {"param": "reasoning_effort", "code": "unsupported_value", "message":
  "Unsupported value: 'minimal' is not supported with the 'gpt-5.1' model. Supported values are:
  'none', 'low', 'medium', and 'high'."}``; reasoning models return no log-probabilities.
- vLLM's reasoning outputs (docs.vllm.ai, "Reasoning Outputs"): the reasoning comes back beside
  the answer, in ``message.reasoning_content`` (``reasoning`` in later versions).
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ._runner import ApiError

__all__ = ["ModelRules", "check_request", "logprobs_of", "reasoning_model"]

MAX_TOP_LOGPROBS = 20


@dataclass(frozen=True)
class ModelRules:
    """How one model behaves on :class:`~polypick.testing.servers.FakeOpenAIServer`.

    Attributes:
        fixed_sampling: temperature and top_p other than the default are refused (400
            ``unsupported_value``); with ``free_when_effort_none``, only while reasoning.
        max_tokens: ``max_tokens`` is accepted; ``False`` answers 400
            ``unsupported_parameter`` (use ``max_completion_tokens``).
        logprobs: log-probabilities are given; ``False`` refuses ``logprobs``.
        efforts: the ``reasoning_effort`` values accepted; empty: no such parameter.
        default_effort: the effort when none is sent (``"none"``: no reasoning).
        free_when_effort_none: sampling parameters and log-probabilities are accepted while
            the effort is ``"none"`` (gpt-5.1 and later).
        reasoning_tokens: reasoning tokens billed per choice while reasoning.
        reasoning_field: where the reasoning text goes (``"reasoning_content"`` as vLLM and
            SGLang do); ``None``: not returned (OpenAI's Chat Completions).
    """

    fixed_sampling: bool = False
    max_tokens: bool = True
    logprobs: bool = True
    efforts: tuple[str, ...] = ()
    default_effort: str | None = None
    free_when_effort_none: bool = False
    reasoning_tokens: int = 0
    reasoning_field: Literal["reasoning_content", "reasoning"] | None = None

    def effort(self, body: Mapping[str, Any]) -> str | None:
        value = body.get("reasoning_effort")
        return value if isinstance(value, str) else self.default_effort

    def reasons(self, body: Mapping[str, Any]) -> bool:
        return bool(self.efforts) and self.effort(body) not in (None, "none")

    def fixed(self, body: Mapping[str, Any]) -> bool:
        return self.fixed_sampling and not (self.free_when_effort_none and not self.reasons(body))


def reasoning_model(
    efforts: tuple[str, ...] = ("minimal", "low", "medium", "high"),
    *,
    default_effort: str = "medium",
    reasoning_tokens: int = 64,
    reasoning_field: Literal["reasoning_content", "reasoning"] | None = None,
) -> ModelRules:
    """An OpenAI reasoning model (the gpt-5 family by default; o-series with
    ``efforts=("low", "medium", "high")``; gpt-5.1 with ``("none", "low", "medium", "high")``
    and ``default_effort="none"``, which frees sampling parameters at effort ``none``)."""
    return ModelRules(
        fixed_sampling=True,
        max_tokens=False,
        logprobs=False,
        efforts=efforts,
        default_effort=default_effort,
        free_when_effort_none="none" in efforts,
        reasoning_tokens=reasoning_tokens,
        reasoning_field=reasoning_field,
    )


def check_request(body: Mapping[str, Any], rules: ModelRules, model: str) -> None:
    """Raise the :class:`ApiError` OpenAI answers for what ``model`` does not accept."""
    _check_effort(body, rules, model)
    fixed = rules.fixed(body)
    for name in ("temperature", "top_p"):
        value = body.get(name)
        if fixed and value is not None and value != 1:
            raise ApiError(
                400,
                f"Unsupported value: '{name}' does not support {value:g} with this model. "
                "Only the default (1) value is supported.",
                param=name,
                code="unsupported_value",
            )
    if not rules.max_tokens and "max_tokens" in body:
        raise _unsupported("max_tokens", " Use 'max_completion_tokens' instead.")
    wants = body.get("logprobs") is True
    if (wants or "top_logprobs" in body) and (not rules.logprobs or fixed):
        raise _unsupported("logprobs" if "logprobs" in body else "top_logprobs")
    top = body.get("top_logprobs")
    if top is not None:
        if isinstance(top, bool) or not isinstance(top, int) or not 0 <= top <= MAX_TOP_LOGPROBS:
            raise ApiError(
                400,
                f"Invalid 'top_logprobs': integer between 0 and {MAX_TOP_LOGPROBS} expected, "
                f"got {top!r}.",
                param="top_logprobs",
                code="invalid_value",
            )
        if not wants:
            raise ApiError(
                400,
                "'logprobs' must be set to true when 'top_logprobs' is used.",
                param="top_logprobs",
                code="invalid_value",
            )


def _check_effort(body: Mapping[str, Any], rules: ModelRules, model: str) -> None:
    effort = body.get("reasoning_effort")
    if effort is None:
        return
    if not rules.efforts:
        raise _unsupported("reasoning_effort")
    if effort not in rules.efforts:
        *head, last = (f"'{e}'" for e in rules.efforts)
        listed = f"{', '.join(head)}, and {last}" if head else last
        raise ApiError(
            400,
            f"Unsupported value: '{effort}' is not supported with the '{model}' model. "
            f"Supported values are: {listed}.",
            param="reasoning_effort",
            code="unsupported_value",
        )


def _unsupported(name: str, hint: str = "") -> ApiError:
    return ApiError(
        400,
        f"Unsupported parameter: '{name}' is not supported with this model.{hint}",
        param=name,
        code="unsupported_parameter",
    )


def logprobs_of(text: str, body: Mapping[str, Any], salt: str) -> dict[str, Any]:
    """The ``choices[].logprobs`` object for ``text``: one entry per whitespace token (its
    leading space included, so the tokens join into the text), values that form a valid
    distribution, the chosen token the most likely at temperature 0, ``top_logprobs``
    alternatives most likely first."""
    k = body.get("top_logprobs") or 0
    greedy = body.get("temperature") == 0
    words = text.split(" ")
    content = []
    for position, word in enumerate(words):
        token = word if position == 0 else " " + word
        rank = 0 if greedy else zlib.crc32(f"{salt}:{position}".encode()) % 3
        # probabilities 1/2, 1/4, 1/8 ...: the chosen token at ``rank``, alternatives around it
        ranked = [f"<alt{j}>" for j in range(max(k, rank + 1))]
        ranked[rank] = token
        values = [math.log(0.5 ** (j + 1)) for j in range(len(ranked))]
        content.append(
            {
                "token": token,
                "logprob": values[rank],
                "bytes": list(token.encode()),
                "top_logprobs": [
                    {"token": t, "logprob": v, "bytes": list(t.encode())}
                    for t, v in zip(ranked[:k], values[:k], strict=True)
                ],
            }
        )
    return {"content": content, "refusal": None}
