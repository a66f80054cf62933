"""Sampling plans: which decoding parameters each of the N samples gets.

A plan is pure: ``plan(n, language)`` returns N :class:`SamplingParams` and touches no model.
Plans are chosen by name (``"hedged"``, ``"greedy"``, ``"reasoning"``), by temperature (``0.7`` or
``[0.3, 0.7, 1.0]``), by :class:`~polypick.core.profiles.TemperatureProfile` (hedged sampling at
the profile's temperature for the prompt's language) or as configured objects
(``Hedged(temperature=0.9, min_p=0.05)``, ``Hedged(task="translation")``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Protocol, runtime_checkable

from pydantic import Field, field_validator, model_validator

from polypick.core.profiles import (
    DEFAULT_PROFILE,
    CheckedModel,
    ProfileEntry,
    TemperatureProfile,
    check_temperature,
)
from polypick.core.types import SamplingParams
from polypick.errors import ConfigurationError, UnknownNameError

__all__ = [
    "DEFAULT_PROFILE",
    "Hedged",
    "ProfileEntry",
    "SamplingPlan",
    "SamplingSpec",
    "Temperature",
    "TemperatureProfile",
    "Temperatures",
    "depends_on_language",
    "resolve_sampling",
]

DEFAULT_TEMPERATURE = 0.7


@runtime_checkable
class SamplingPlan(Protocol):
    """Decides the decoding parameters of every sample."""

    @property
    def name(self) -> str: ...

    def plan(self, n: int, language: str | None = None) -> list[SamplingParams]:
        """The parameters of ``n`` samples for a prompt in ``language`` (ISO 639-1, if known)."""
        ...


class _PlanBase(CheckedModel):
    """Options shared by every built-in plan; they pass through to the provider unchanged."""

    top_p: float | None = Field(default=None, gt=0.0, le=1.0)
    min_p: float | None = Field(default=None, ge=0.0, le=1.0)
    seed: int | None = Field(
        default=None, description="base seed; sample i gets seed + i so samples never share one"
    )
    max_tokens: int | None = Field(default=None, ge=1)
    stop: tuple[str, ...] = ()

    def _params(self, temperature: float, index: int, min_p: float | None = None) -> SamplingParams:
        seed = None if self.seed is None else self.seed + index
        return SamplingParams(
            temperature=temperature,
            top_p=self.top_p,
            min_p=self.min_p if self.min_p is not None else min_p,
            seed=seed,
            max_tokens=self.max_tokens,
            stop=self.stop,
        )


class _Profiled(_PlanBase):
    """A plan whose temperature is a number or a profile resolved per language and task."""

    temperature: float | TemperatureProfile
    task: str | None = Field(
        default=None, description="a task label such as 'math' or 'translation' for the profile"
    )

    @field_validator("temperature", mode="before")
    @classmethod
    def _number_or_profile(cls, value: Any) -> Any:
        if isinstance(value, TemperatureProfile | Mapping):  # a mapping: a profile's JSON
            return value
        try:
            if isinstance(value, bool):
                raise TypeError
            return float(value)
        except (TypeError, ValueError):
            raise ValueError(
                f"must be a number such as 0.7 or a TemperatureProfile, got {value!r}"
            ) from None

    @field_validator("task")
    @classmethod
    def _task(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("must be a label such as 'math' or 'translation', or None")
        return None if value is None else value.strip().lower()

    @model_validator(mode="after")
    def _task_needs_profile(self) -> _Profiled:
        if self.task is not None and not isinstance(self.temperature, TemperatureProfile):
            raise ValueError(
                f"task={self.task!r} only has an effect with a TemperatureProfile; pass "
                "temperature=DEFAULT_PROFILE (or your own profile), or leave task unset"
            )
        return self

    @property
    def uses_language(self) -> bool:
        """Whether the temperature depends on the prompt's language (a profile)."""
        return isinstance(self.temperature, TemperatureProfile)

    def _resolve(self, language: str | None) -> tuple[float, float | None]:
        """The stochastic temperature and the profile's min-p for a prompt in ``language``."""
        if isinstance(self.temperature, TemperatureProfile):
            entry = self.temperature.resolve(language, self.task)
            return entry.temperature, entry.min_p
        return self.temperature, None

    def _label(self) -> str:
        if isinstance(self.temperature, TemperatureProfile):
            task = "" if self.task is None else f", task={self.task}"
            return f"profile={self.temperature.name}{task}"
        return f"temperature={self.temperature:g}"


class Temperature(_Profiled):
    """Every sample at one temperature (``0`` = greedy, which makes N identical samples).

    ``temperature`` may be a :class:`TemperatureProfile`: every sample then gets the profile's
    temperature (and min-p, unless the plan sets one) for the prompt's language and ``task``.
    """

    temperature: float | TemperatureProfile = DEFAULT_TEMPERATURE

    @field_validator("temperature")
    @classmethod
    def _temperature(cls, value: float | TemperatureProfile) -> float | TemperatureProfile:
        return value if isinstance(value, TemperatureProfile) else check_temperature(value)

    @property
    def name(self) -> str:
        if isinstance(self.temperature, TemperatureProfile):
            return f"temperature({self._label()})"
        return self._label()

    def plan(self, n: int, language: str | None = None) -> list[SamplingParams]:
        temperature, min_p = self._resolve(language)
        return [self._params(temperature, i, min_p) for i in range(n)]


class Temperatures(_PlanBase):
    """A mixed-temperature pool: sample i uses ``temperatures[i % len(temperatures)]``."""

    temperatures: tuple[Annotated[float, Field(ge=0.0)], ...] = Field(min_length=1)

    @property
    def name(self) -> str:
        return "temperatures=" + ",".join(f"{t:g}" for t in self.temperatures)

    def plan(self, n: int, language: str | None = None) -> list[SamplingParams]:
        ts = self.temperatures
        return [self._params(ts[i % len(ts)], i) for i in range(n)]


class Hedged(_Profiled):
    """Hedged sampling: one greedy (temperature 0) sample plus N-1 stochastic ones.

    The greedy sample is the safe fallback when the stochastic ones go wrong, which matters
    most in temperature-sensitive (often non-English) settings (Khairi et al., 2025). By default
    the stochastic temperature comes from :data:`~polypick.core.profiles.DEFAULT_PROFILE` for the
    prompt's language (and ``task``); pass a number for one fixed temperature in every language,
    or your own :class:`TemperatureProfile`.
    """

    temperature: float | TemperatureProfile = DEFAULT_PROFILE

    @field_validator("temperature")
    @classmethod
    def _temperature(cls, value: float | TemperatureProfile) -> float | TemperatureProfile:
        if isinstance(value, TemperatureProfile):
            return value
        return check_temperature(value, positive=True)

    @property
    def name(self) -> str:
        return f"hedged({self._label()})"

    def plan(self, n: int, language: str | None = None) -> list[SamplingParams]:
        temperature, min_p = self._resolve(language)
        greedy = [self._params(0.0, 0, min_p)] if n > 0 else []
        return greedy + [self._params(temperature, i, min_p) for i in range(1, n)]


SamplingSpec = str | float | Sequence[float] | TemperatureProfile | SamplingPlan
"""What ``sampling=`` accepts: a name, a temperature, a list of temperatures, a profile (hedged
sampling at the profile's temperatures), or a plan."""

_NAMED: dict[str, SamplingPlan] = {
    "hedged": Hedged(),
    "greedy": Temperature(temperature=0.0),
    "temperature": Temperature(),
}


def depends_on_language(plan: SamplingPlan) -> bool:
    """Whether ``plan`` needs the prompt's language (a temperature profile); plans of your own
    are assumed to."""
    if isinstance(plan, _Profiled):
        return plan.uses_language
    return not isinstance(plan, _PlanBase)


def resolve_sampling(spec: SamplingSpec) -> SamplingPlan:
    """Turn any accepted ``sampling=`` value into a plan, or raise a clear error."""
    if isinstance(spec, SamplingPlan):
        return spec
    if isinstance(spec, TemperatureProfile):
        return Hedged(temperature=spec)
    try:
        if isinstance(spec, bool):
            raise ConfigurationError("sampling=True/False is not a plan; use 'hedged' or 0.7")
        if isinstance(spec, int | float):
            return Temperature(temperature=float(spec))
        if isinstance(spec, str):
            return _from_string(spec)
        return Temperatures(temperatures=tuple(float(t) for t in spec))
    except ConfigurationError:  # the plans' own errors already say what to fix
        raise
    except (TypeError, ValueError):
        raise ConfigurationError(
            f"cannot use {spec!r} as sampling; pass 'hedged', 'greedy', a temperature, "
            "a TemperatureProfile, a list of temperatures or a SamplingPlan"
        ) from None


def _from_string(spec: str) -> SamplingPlan:
    text = spec.strip().lower()
    if text in _NAMED:
        return _NAMED[text]
    if text in ("reasoning", "reasoning-hedged"):  # defined beside the other plans' base
        from polypick.core.reasoning import Reasoning

        return Reasoning(hedged=text == "reasoning-hedged")
    try:
        values = [float(part) for part in text.split(",")]
    except ValueError:
        raise UnknownNameError(
            "sampling",
            spec,
            [
                *_NAMED,
                "reasoning",
                "reasoning-hedged",
                "a temperature like 0.7",
                "a list like 0.3,0.7,1.0",
            ],
        ) from None
    if len(values) == 1:
        return Temperature(temperature=values[0])
    return Temperatures(temperatures=tuple(values))
