"""Sampling plans: which decoding parameters each of the N samples gets.

A plan is pure: ``plan(n)`` returns N :class:`SamplingParams` and touches no model. Plans are
chosen by name (``"hedged"``, ``"greedy"``), by temperature (``0.7`` or ``[0.3, 0.7, 1.0]``) or as
configured objects (``Hedged(temperature=0.9, min_p=0.05)``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from polypick.core.types import SamplingParams
from polypick.errors import ConfigurationError, UnknownNameError

__all__ = [
    "Hedged",
    "SamplingPlan",
    "SamplingSpec",
    "Temperature",
    "Temperatures",
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


class _PlanBase(BaseModel):
    """Options shared by every built-in plan; they pass through to the provider unchanged."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    top_p: float | None = Field(default=None, gt=0.0, le=1.0)
    min_p: float | None = Field(default=None, ge=0.0, le=1.0)
    seed: int | None = Field(
        default=None, description="base seed; sample i gets seed + i so samples never share one"
    )
    max_tokens: int | None = Field(default=None, ge=1)
    stop: tuple[str, ...] = ()

    def _params(self, temperature: float, index: int) -> SamplingParams:
        seed = None if self.seed is None else self.seed + index
        return SamplingParams(
            temperature=temperature,
            top_p=self.top_p,
            min_p=self.min_p,
            seed=seed,
            max_tokens=self.max_tokens,
            stop=self.stop,
        )


class Temperature(_PlanBase):
    """Every sample at one temperature (``0`` = greedy, which makes N identical samples)."""

    temperature: float = Field(default=DEFAULT_TEMPERATURE, ge=0.0)

    @property
    def name(self) -> str:
        return f"temperature={self.temperature:g}"

    def plan(self, n: int, language: str | None = None) -> list[SamplingParams]:
        return [self._params(self.temperature, i) for i in range(n)]


class Temperatures(_PlanBase):
    """A mixed-temperature pool: sample i uses ``temperatures[i % len(temperatures)]``."""

    temperatures: tuple[Annotated[float, Field(ge=0.0)], ...] = Field(min_length=1)

    @property
    def name(self) -> str:
        return "temperatures=" + ",".join(f"{t:g}" for t in self.temperatures)

    def plan(self, n: int, language: str | None = None) -> list[SamplingParams]:
        ts = self.temperatures
        return [self._params(ts[i % len(ts)], i) for i in range(n)]


class Hedged(_PlanBase):
    """Hedged sampling: one greedy (temperature 0) sample plus N-1 stochastic ones.

    The greedy sample is the safe fallback when the stochastic ones go wrong, which matters
    most in temperature-sensitive (often non-English) settings (Khairi et al., 2025).
    """

    temperature: float = Field(default=DEFAULT_TEMPERATURE, gt=0.0)

    @property
    def name(self) -> str:
        return f"hedged(temperature={self.temperature:g})"

    def plan(self, n: int, language: str | None = None) -> list[SamplingParams]:
        greedy = [self._params(0.0, 0)] if n > 0 else []
        return greedy + [self._params(self.temperature, i) for i in range(1, n)]


SamplingSpec = str | float | Sequence[float] | SamplingPlan
"""What ``sampling=`` accepts: a name, a temperature, a list of temperatures, or a plan."""

_NAMED: dict[str, SamplingPlan] = {
    "hedged": Hedged(),
    "greedy": Temperature(temperature=0.0),
    "temperature": Temperature(),
}


def resolve_sampling(spec: SamplingSpec) -> SamplingPlan:
    """Turn any accepted ``sampling=`` value into a plan, or raise a clear error."""
    if isinstance(spec, SamplingPlan):
        return spec
    try:
        if isinstance(spec, bool):
            raise ConfigurationError("sampling=True/False is not a plan; use 'hedged' or 0.7")
        if isinstance(spec, int | float):
            return Temperature(temperature=float(spec))
        if isinstance(spec, str):
            return _from_string(spec)
        return Temperatures(temperatures=tuple(float(t) for t in spec))
    except ConfigurationError:
        raise
    except ValidationError as exc:
        raise ConfigurationError(f"invalid sampling {spec!r}: {_first_error(exc)}") from None
    except (TypeError, ValueError):
        raise ConfigurationError(
            f"cannot use {spec!r} as sampling; pass 'hedged', 'greedy', a temperature, "
            "a list of temperatures or a SamplingPlan"
        ) from None


def _from_string(spec: str) -> SamplingPlan:
    text = spec.strip().lower()
    if text in _NAMED:
        return _NAMED[text]
    try:
        values = [float(part) for part in text.split(",")]
    except ValueError:
        raise UnknownNameError(
            "sampling", spec, [*_NAMED, "a temperature like 0.7", "a list like 0.3,0.7,1.0"]
        ) from None
    if len(values) == 1:
        return Temperature(temperature=values[0])
    return Temperatures(temperatures=tuple(values))


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    return f"{where}: {error['msg']}" if where else str(error["msg"])
