"""Per-request best-of-N settings, from the model name and the ``polypick`` body field.

A client asks for best-of-N in two ways, which combine: a model-name prefix such as
``bon-5-chops/gpt-4o-mini`` (see :mod:`polypick.serve.names`), and a ``polypick`` object in the
body (``extra_body={"polypick": {...}}`` in the OpenAI SDKs) whose fields are those of
:class:`Options`.

A setting given both ways must agree. What neither gives comes from the operator's
:class:`~polypick.Settings`. The result is a :class:`BonKey` of what the request changes:
hashable, so equal settings share one ``BestOfN``. All pure.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from polypick.core.profiles import describe
from polypick.core.sampling import (
    Hedged,
    SamplingPlan,
    Temperature,
    Temperatures,
    resolve_sampling,
)
from polypick.engine.components import resolve_selector_spec
from polypick.engine.settings import Settings
from polypick.errors import ConfigurationError
from polypick.selectors import selectors
from polypick.serve.errors import invalid

__all__ = [
    "BonKey",
    "Options",
    "SamplingFields",
    "check_operator_settings",
    "plan_for",
    "read_options",
    "resolve_key",
    "selector_names",
]

# Selectors a request cannot configure: the reward selector needs a Python function.
_NOT_PER_REQUEST = frozenset({"reward"})


class Options(BaseModel):
    """The ``polypick`` body field; every field is optional."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    n: int | None = Field(default=None, ge=1, description="candidates to sample")
    selector: str | None = Field(default=None, description="a selector name, e.g. 'chops'")
    selector_options: dict[str, Any] | None = Field(
        default=None, description="options of a named selector, e.g. {'utility': 'chrf'}"
    )
    sampling: str | float | list[float] | None = Field(
        default=None, description="'hedged', 'greedy', a temperature or a list of temperatures"
    )
    min_candidates: int | None = Field(default=None, ge=1)
    deadline: float | None = Field(default=None, gt=0, description="seconds for the whole call")
    injection: Literal["penalise", "exclude", "ignore"] | None = None
    detect_language: bool | None = None
    return_candidates: bool = Field(
        default=False, description="include every candidate's text in the response's record"
    )


class SamplingFields(BaseModel):
    """The request's own decoding fields (``temperature``, ``max_tokens``, ...)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    temperature: float | None = None
    top_p: float | None = None
    min_p: float | None = None
    seed: int | None = None
    max_tokens: int | None = None
    stop: tuple[str, ...] = ()


class BonKey(BaseModel):
    """What a request changes in the operator's settings; equal keys share one ``BestOfN``.
    ``None`` leaves the operator's setting as it is."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    n: int
    selector: str | None = None
    selector_options: str = "{}"  # JSON with sorted keys: hashable and canonical
    sampling: str | None = None
    fields: SamplingFields = SamplingFields()
    min_candidates: int | None = None
    deadline: float | None = None
    injection: str | None = None
    detect_language: bool | None = None
    max_tokens_ceiling: int | None = None  # the operator's; fills in a plan that sets none

    def settings(self, base: Settings) -> Settings:
        """The settings this request runs with: ``base`` (the operator's) with its changes."""
        return base.replace(**self.overrides(), sampling=plan_for(self, base.sampling))

    def overrides(self) -> dict[str, Any]:
        """The :class:`~polypick.Settings` fields this request sets (sampling aside)."""
        given: dict[str, Any] = {"n": self.n}
        options = json.loads(self.selector_options)
        if self.selector is not None:
            given |= {"selector": self.selector, "selector_options": options}
        for name in ("min_candidates", "deadline", "injection", "detect_language"):
            value = getattr(self, name)
            if value is not None:
                given[name] = value
        return given


def check_operator_settings(settings: Settings, max_n: int, max_tokens: int | None = None) -> None:
    """Refuse operator settings no request could be served with (at start-up, so a typo fails
    the command rather than every request)."""
    if settings.n > max_n:
        raise ConfigurationError(f"n={settings.n} is above max_n={max_n}; raise max_n or lower n")
    planned = getattr(settings.sampling, "max_tokens", None)
    if max_tokens is not None and isinstance(planned, int) and planned > max_tokens:
        raise ConfigurationError(
            f"the sampling plan's max_tokens={planned} is above max_tokens={max_tokens}; "
            "lower one or raise the other"
        )
    options = dict(settings.selector_options)
    resolve_selector_spec(settings.selector, settings.judge is not None, options)


def selector_names() -> list[str]:
    """Selectors a request may name."""
    return [name for name in selectors.names() if name not in _NOT_PER_REQUEST]


def read_options(value: Any) -> Options:
    """The ``polypick`` body field, or a 400 naming the field at fault."""
    if value is None:
        return Options()
    if not isinstance(value, dict):
        raise invalid("'polypick' must be an object such as {\"n\": 5}", "polypick")
    try:
        return Options.model_validate(value)
    except ValidationError as exc:
        where = ".".join(str(part) for part in exc.errors()[0]["loc"])
        known = ", ".join(Options.model_fields)
        raise invalid(
            f"invalid polypick.{describe(exc)} (polypick settings: {known})", f"polypick.{where}"
        ) from None


def resolve_key(
    named: Options,
    body: Options,
    fields: SamplingFields,
    defaults: Settings,
    max_n: int,
    max_tokens: int | None = None,
) -> BonKey:
    """Combine the name's settings and the body's over the operator's; validate them, and
    hold them to the operator's ceilings (``max_n``, ``max_tokens``)."""
    given = _merge(named, body)
    n = given.get("n", defaults.n)
    if n > max_n:
        raise invalid(
            f"n={n} is above this server's limit of {max_n} candidates; ask for fewer "
            "or start the server with a higher --max-n",
            "polypick.n",
        )
    min_candidates = given.get("min_candidates")
    if min_candidates is None and defaults.min_candidates > n:
        min_candidates = n
    if min_candidates is not None and min_candidates > n:
        raise invalid(f"min_candidates={min_candidates} is above n={n}", "polypick.min_candidates")
    selector = given.get("selector")
    if selector is not None and selector not in selector_names():
        raise _unknown_selector(selector)
    if given.get("selector_options") and selector is None:
        raise invalid("selector_options need a selector", "polypick.selector_options")
    _check_tokens(fields, given.get("selector_options") or {}, max_tokens)
    return BonKey(
        n=n,
        selector=selector,
        selector_options=json.dumps(given.get("selector_options") or {}, sort_keys=True),
        sampling=_sampling(given.get("sampling"), fields),
        fields=fields,
        min_candidates=min_candidates,
        deadline=_deadline(given.get("deadline"), defaults.deadline),
        injection=given.get("injection"),
        detect_language=given.get("detect_language"),
        max_tokens_ceiling=max_tokens,
    )


def _check_tokens(fields: SamplingFields, options: dict[str, Any], ceiling: int | None) -> None:
    """Refuse a reply length above the operator's ceiling, for samples and for a judge."""
    if ceiling is None:
        return
    asked = [("max_tokens", fields.max_tokens), ("polypick.selector_options.max_tokens",
             options.get("max_tokens"))]  # fmt: skip
    for param, value in asked:
        if isinstance(value, int | float) and value > ceiling:
            raise invalid(
                f"{param}={value} is above this server's limit of {ceiling} tokens per reply "
                "(--max-tokens); ask for fewer",
                param,
            )


def _unknown_selector(name: str) -> ConfigurationError:
    if name in _NOT_PER_REQUEST:
        return invalid(
            f"the {name!r} selector needs a Python function and cannot be chosen per request; "
            f"choose one of: {', '.join(selector_names())}",
            "polypick.selector",
        )
    return invalid(
        f"unknown selector {name!r}; choose one of: {', '.join(selector_names())}",
        "polypick.selector",
    )


def _merge(named: Options, body: Options) -> dict[str, Any]:
    given = named.model_dump(exclude_defaults=True)
    for name, value in body.model_dump(exclude_defaults=True).items():
        if name in given and not _same(name, given[name], value):
            raise invalid(
                f"{name} is {given[name]!r} in the model name but {value!r} in polypick.{name}; "
                "give it once",
                f"polypick.{name}",
            )
        given[name] = value
    return given


def _same(name: str, first: Any, second: Any) -> bool:
    if name == "sampling":  # "0.7" in a name equals 0.7 in the body
        return _sampling_text(first).lower() == _sampling_text(second).lower()
    return bool(first == second)


def _sampling_text(value: str | float | list[float]) -> str:
    if isinstance(value, list):
        return ",".join(f"{float(v):g}" for v in value)
    return value if isinstance(value, str) else f"{float(value):g}"


def _sampling(given: str | float | list[float] | None, fields: SamplingFields) -> str | None:
    if given is None and fields.temperature == 0:
        return "greedy"  # temperature 0 and no plan named: the client wants greedy decoding
    if given is None:
        return None
    text = _sampling_text(given)
    try:
        resolve_sampling(text)
    except ConfigurationError as exc:
        raise invalid(str(exc), "polypick.sampling") from None
    return text.strip().lower()


def _deadline(given: float | None, limit: float | None) -> float | None:
    if given is None or limit is None:
        return limit if given is None else given
    return min(given, limit)  # the server's deadline is a ceiling


def plan_for(key: BonKey, default: SamplingPlan) -> SamplingPlan:
    """The sampling plan: the named plan (else the operator's) with the request's decoding
    fields, and the operator's ``max_tokens`` when neither sets one."""
    plan = _fields_on(key, default if key.sampling is None else resolve_sampling(key.sampling))
    ceiling = key.max_tokens_ceiling
    if not isinstance(plan, Hedged | Temperature | Temperatures) or ceiling is None:
        return plan
    return plan if plan.max_tokens is not None else plan.model_copy(update={"max_tokens": ceiling})


def _fields_on(key: BonKey, plan: SamplingPlan) -> SamplingPlan:
    fields = key.fields.model_dump(exclude_defaults=True)
    temperature = fields.pop("temperature", None)
    if isinstance(plan, Hedged) and temperature is not None:
        fields["temperature"] = temperature  # the stochastic samples' temperature
    elif temperature is not None and not _runs_at(plan, temperature):
        raise invalid(
            f"temperature={temperature:g} contradicts sampling {plan.name!r}; drop one of "
            "them (with 'hedged', temperature sets the stochastic samples' temperature)",
            "temperature",
        )
    if not fields or not isinstance(plan, Hedged | Temperature | Temperatures):
        return plan
    try:  # validate, rather than model_copy: hedged sampling refuses temperature 0
        return type(plan).model_validate({**plan.model_dump(), **fields})
    except ConfigurationError as exc:
        raise invalid(str(exc), "temperature") from None


def _runs_at(plan: SamplingPlan, temperature: float) -> bool:
    return isinstance(plan, Temperature) and plan.temperature == temperature
