"""Reading a 400 that rejects a parameter, and what a model profile learns from it.

Only an error about a parameter's *support* teaches anything: OpenAI's ``unsupported_parameter``
and ``unsupported_value`` codes (with ``param``), messages such as "Unrecognized request argument
supplied: min_p" (OpenAI), "Only one completion choice is allowed" (llama.cpp's server),
"`temperature` may only be set to 1 when thinking is enabled" or "\\"thinking.type.enabled\\" is
not supported for this model" (Anthropic). Anything else — a prompt too long, a value out of
range, a malformed message — is an ordinary error and changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from polypick.errors import ProviderStatusError
from polypick.providers.model_profiles import ModelProfile, SamplingRules
from polypick.providers.n_support import refuses_n

__all__ = ["Rejection", "profile_change", "read_rejection"]

ADAPTABLE = frozenset(
    {
        "temperature",
        "top_p",
        "min_p",
        "seed",
        "n",
        "max_tokens",
        "max_completion_tokens",
        "logprobs",
        "top_logprobs",
        "reasoning_effort",
        "thinking",
    }
)
_SUPPORT = re.compile(
    r"unsupported (parameter|value)|not supported|unrecognized request argument|is deprecated"
    r"|may only be set to|only the default|only one completion choice|when thinking is enabled",
    re.IGNORECASE,
)
_ONLY_ONE = re.compile(r"(must be|equal to|at most)\s*1\b|only one", re.I)
_VALUE = re.compile(r"unsupported value|may only be set to|only the default|must be", re.I)
_QUOTED = re.compile(r"[`'\"]([A-Za-z_][A-Za-z0-9_.]*)[`'\"]")
_ARGUMENT = re.compile(r"unrecognized request argument supplied:\s*([A-Za-z_]+)", re.I)
_ALLOWED = re.compile(r"supported values are:?(.*)$", re.I | re.S)
_WORD = re.compile(r"'([^']+)'")


@dataclass(frozen=True)
class Rejection:
    """A parameter a server refused.

    Attributes:
        param: the parameter (``"thinking"`` for Anthropic's thinking forms).
        value_only: the value was refused, not the parameter (another value may pass).
        allowed: the values the server says it supports, when it lists them.
        message: the server's message.
    """

    param: str
    value_only: bool
    allowed: tuple[str, ...]
    message: str


def read_rejection(error: ProviderStatusError) -> Rejection | None:
    """The parameter ``error`` rejects, or ``None`` when it is not about a parameter's
    support (then nothing is to be learnt from it)."""
    if error.status_code not in (400, 422):
        return None
    message = error.reason
    if refuses_n(error) and (_SUPPORT.search(message) or _ONLY_ONE.search(message)):
        # said in many ways: "'n' must be 1", "less than or equal to 1", "only one choice"
        # (an n over a maximum, "Invalid 'n': ... <= 128", is not about support)
        return Rejection("n", False, (), message)
    if not _SUPPORT.search(message) and error.code not in (
        "unsupported_parameter",
        "unsupported_value",
    ):
        return None
    param = _param(error.param, message)
    if param is None:
        return None
    value_only = error.code == "unsupported_value" or bool(_VALUE.search(message))
    allowed = _allowed(message)
    if param == "thinking":  # Anthropic names the form it refuses and the one to use
        lowered = message.lower()
        refused_enabled = "thinking.type.enabled" in lowered
        allowed = ("adaptive",) if refused_enabled else ("enabled",)
        value_only = True
    return Rejection(param, value_only, allowed, message)


def _param(named: str | None, message: str) -> str | None:
    if named:
        param = named.replace("reasoning.effort", "reasoning_effort").split(".")[0]
        return param if param in ADAPTABLE else None
    lowered = message.lower()
    if "only one completion choice" in lowered:
        return "n"
    if "thinking.type" in lowered or "adaptive thinking" in lowered:
        return "thinking"
    argument = _ARGUMENT.search(message)
    if argument:
        return argument.group(1) if argument.group(1) in ADAPTABLE else None
    for found in _QUOTED.finditer(message):
        name = found.group(1)
        if name in ADAPTABLE:
            return name
    return None


def _allowed(message: str) -> tuple[str, ...]:
    found = _ALLOWED.search(message)
    return tuple(_WORD.findall(found.group(1))) if found else ()


def profile_change(
    profile: ModelProfile, rejection: Rejection, *, reasoning: bool
) -> dict[str, Any] | None:
    """The profile fields to change after ``rejection`` of a request sent while the model was
    ``reasoning`` or not; ``None`` when nothing can be adapted (or it already was)."""
    param = rejection.param
    if param == "n":
        return {"n": False} if profile.n is not False else None
    if param == "max_tokens":
        return _changed(profile, token_limit="max_completion_tokens")
    if param == "max_completion_tokens":
        return _changed(profile, token_limit="max_tokens")
    if param in ("seed", "min_p"):
        return _changed(profile, **{param: False})
    if param == "reasoning_effort":
        return _efforts(profile, rejection)
    if param == "thinking":
        form = "adaptive" if rejection.allowed == ("adaptive",) else "budget"
        if form == "budget" and not profile.thinking_budgets:
            budgets = {"low": 1024, "medium": 4096, "high": 16384}
            return _changed(profile, reasoning=form, thinking_budgets=budgets)
        return _changed(profile, reasoning=form)
    return _sampling(profile, rejection, reasoning)


def _changed(profile: ModelProfile, **change: Any) -> dict[str, Any] | None:
    if all(getattr(profile, k) == v for k, v in change.items()):
        return None
    return change


def _efforts(profile: ModelProfile, rejection: Rejection) -> dict[str, Any] | None:
    if rejection.allowed:
        return _changed(profile, efforts=rejection.allowed, reasoning="effort")
    if not rejection.value_only:  # no reasoning_effort at all
        return _changed(profile, reasoning="none", efforts=(), default_effort=None)
    return None


def _sampling(
    profile: ModelProfile, rejection: Rejection, reasoning: bool
) -> dict[str, Any] | None:
    """Temperature, top_p or log-probabilities refused: learnt for the mode the request was
    in (a reasoning model may accept them when it does not reason)."""
    field = "reasoning_sampling" if reasoning and profile.reasoning_sampling else "sampling"
    rules: SamplingRules = getattr(profile, field)
    if rejection.param in ("logprobs", "top_logprobs"):
        update: dict[str, Any] = {"logprobs": None}
    elif rejection.param in ("temperature", "top_p"):
        update = {rejection.param: None}
    else:
        return None
    new = rules.model_copy(update=update)
    return None if new == rules else {field: new}
