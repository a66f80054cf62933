"""``Settings``: everything a best-of-N call needs, in one frozen object.

Every entry point builds one — the core :class:`~polypick.BestOfN`, the LangChain and LlamaIndex
classes, ``polypick serve`` (the operator's defaults, and each request's overrides within the
operator's limits), batch jobs and the Ray integration — and each accepts a ``settings=`` object
as well as its own idiomatic keyword arguments. The model to sample is not a setting: it is what
the entry point wraps.

Settings hold what was asked for (a selector's name, a judge spec); resolving them into objects
is the entry points' job, and invalid values fail here, before anything is sent.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from typing import Any, Literal

import pydantic
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from polypick.core.deadline import check_deadline
from polypick.core.retry import RetryPolicy
from polypick.core.sampling import SamplingPlan, resolve_sampling
from polypick.engine.plan import Budget
from polypick.engine.stop_rules import StopRule, resolve_stop
from polypick.errors import ConfigurationError
from polypick.selectors.injection_policy import InjectionPolicy, resolve_injection

__all__ = ["MAX_N", "LanguageSpec", "Settings"]

MAX_N = 1024
"""A sanity bound on n: far beyond any useful pool, low enough that a typo cannot exhaust
memory (``polypick serve`` lets operators set a much lower ceiling)."""

LanguageSpec = bool | Literal["auto"] | Callable[[str], "str | None"]
"""What ``detect_language=`` accepts: ``"auto"`` (detect when the sampling plan or the selector
uses languages), ``True`` (always), ``False`` (never), or a detector ``fn(text) -> code``."""


class Settings(BaseModel):
    """The settings of a best-of-N call.

    Attributes:
        n: how many candidates to sample (1 to 1024).
        sampling: the sampling plan: ``"hedged"`` (one greedy sample plus n-1 stochastic ones),
            ``"greedy"``, a temperature, a list of temperatures, a ``TemperatureProfile`` or a
            plan such as ``Hedged(min_p=0.05)``; kept as the resolved plan.
        selector: a selector name (``"chops"``, ``"judge"``, ``"mbr"``, ``"xmbr"``,
            ``"tournament"``, ``"majority"``, ``"weighted_majority"``, ``"reward"``), a
            ``Selector`` object or a reward function; ``None``: CHOPS when a judge is given,
            else MBR with chrF.
        selector_options: options for a selector given by name, or for the default one
            (``{"utility": "embedding"}``).
        judge: the judging model for selectors that need one (a spec or a backend); ``None``:
            the sampled model judges itself.
        min_candidates: fewest surviving samples to select from.
        deadline: seconds the whole call may take; samples still running then are dropped.
        retry: the retry policy (a number means that many retries per request).
        budget: caps on selection calls and tokens (``Budget``).
        injection: what to do with candidates aimed at the judge: ``"penalise"``,
            ``"exclude"``, ``"ignore"`` or an ``InjectionPolicy``; ``None`` (default): penalise,
            screening only when a model reads the candidates (a judge).
        cache: a ``SampleCache`` or the path of its SQLite file.
        detect_language: language handling, see :data:`LanguageSpec` (default ``"auto"``).
        answer_language: the language answers must be in (a code such as ``"cs"``; a regional
            tag such as ``"pt-BR"`` counts as its language); ``None`` (default): named by an
            instruction in the prompt ("into Czech"), else inferred (see
            ``Selection.answer_language_source``).
        early_stop: adaptive stopping: ``None`` (default) draws all ``n``; a rule such as
            ``Agreement(threshold=0.95)``, or its name (``"agreement"``, ``"supermajority"``,
            ``"confidence"``), draws in waves and stops once the rule is met.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    n: int = 5
    sampling: Any = Field(default="hedged", validate_default=True)
    selector: Any = None
    selector_options: Mapping[str, Any] = Field(default_factory=dict)
    judge: Any = None
    min_candidates: int = 1
    deadline: float | None = None
    retry: RetryPolicy = RetryPolicy()
    budget: Budget | None = None
    injection: InjectionPolicy | None = None
    cache: Any = None
    detect_language: Any = "auto"
    answer_language: str | None = None
    early_stop: Any = None

    def __init__(self, **fields: Any) -> None:
        check_names(fields, type(self).model_fields, "setting")
        try:
            super().__init__(**fields)
        except pydantic.ValidationError as exc:
            raise ConfigurationError(_explain(exc)) from None

    @classmethod
    def of(cls, settings: Settings | None = None, /, **fields: Any) -> Settings:
        """``settings`` (or the defaults) with ``fields`` replaced; every error is a
        :class:`ConfigurationError` that says what to write instead."""
        base = {}
        if settings is not None:
            base = {k: getattr(settings, k) for k in settings.model_fields_set}
        return cls(**(base | fields))

    def replace(self, **fields: Any) -> Settings:
        """A copy with ``fields`` replaced (validated, like :meth:`of`)."""
        return Settings.of(self, **fields)

    @field_validator("n", "min_candidates", mode="before")
    @classmethod
    def _whole(cls, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"must be a whole number >= 1, got {value!r}")
        return value

    @field_validator("n")
    @classmethod
    def _bounded(cls, value: int) -> int:
        if value > MAX_N:
            raise ValueError(f"must be at most {MAX_N}, got {value}")
        return value

    @field_validator("sampling", mode="before")
    @classmethod
    def _sampling(cls, value: Any) -> SamplingPlan:
        return resolve_sampling(value)

    @field_validator("deadline", mode="before")
    @classmethod
    def _deadline(cls, value: Any) -> float | None:
        return check_deadline(value)

    @field_validator("retry", mode="before")
    @classmethod
    def _retry(cls, value: Any) -> Any:
        if isinstance(value, RetryPolicy):
            return value
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(
                f"must be a whole number of retries >= 0 or a RetryPolicy, got {value!r}"
            )
        return RetryPolicy(max_retries=value)

    @field_validator("injection", mode="before")
    @classmethod
    def _injection(cls, value: Any) -> Any:
        return None if value is None else resolve_injection(value)

    @field_validator("detect_language")
    @classmethod
    def _language(cls, value: Any) -> Any:
        if value == "auto" or isinstance(value, bool) or callable(value):
            return value
        raise ValueError(
            f"must be 'auto', True, False or a detector fn(text) -> code, got {value!r}"
        )

    @field_validator("answer_language", mode="before")
    @classmethod
    def _answer_language(cls, value: Any) -> Any:
        if value is None:
            return None
        code = re.split(r"[-_]", value.strip().lower())[0] if isinstance(value, str) else ""
        if not re.fullmatch(r"[a-z]{2,3}", code):
            raise ValueError(
                f"must be a language code such as 'cs', 'en' or 'pt-BR', or None, got {value!r}"
            )
        return code

    @field_validator("early_stop", mode="before")
    @classmethod
    def _stop(cls, value: Any) -> StopRule | None:
        return resolve_stop(value)

    @field_validator("selector_options")
    @classmethod
    def _options(cls, value: Mapping[str, Any]) -> Mapping[str, Any]:
        return dict(value)

    @model_validator(mode="after")
    def _consistent(self) -> Settings:
        if self.min_candidates > self.n:
            raise ValueError(f"min_candidates={self.min_candidates} is more than n={self.n}")
        if (
            self.selector_options
            and self.selector is not None
            and not isinstance(self.selector, str)
        ):
            raise ValueError(
                "selector_options apply to a selector given by name (or the default one), "
                "e.g. selector='mbr'; configure a selector object itself instead"
            )
        return self


SYNONYMS = {
    "num_samples": "n",
    "n_samples": "n",
    "samples": "n",
    "num_candidates": "n",
    "best_of": "n",
    "k": "n",
    "temperature": "sampling",
    "timeout": "deadline",
    "max_retries": "retry",
    "judge_model": "judge",
    "judge_llm": "judge",
    "strategy": "selector",
    "selection": "selector",
}
"""What other libraries call some settings: named in the error when one of them is given."""


def check_names(
    given: Mapping[str, Any],
    known: Mapping[str, Any] | list[str],
    kind: str,
    synonyms: Mapping[str, str] = SYNONYMS,
) -> None:
    """Refuse names that are not in ``known``, naming the valid one meant: another library's
    name for it (``synonyms``), else the closest spelling."""
    for name in given:
        if name in known:
            continue
        synonym = synonyms.get(name, "")
        close = [synonym] if synonym in known else []
        close = close or difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise ConfigurationError(
            f"unknown {kind} {name!r}{hint} (valid: {', '.join(sorted(known))})"
        )


def _explain(exc: pydantic.ValidationError) -> str:
    """One line per invalid field, in plain words."""
    lines = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"]) or "settings"
        message = str(error["msg"]).removeprefix("Value error, ")
        if message.startswith(f"{where} "):
            lines.append(message)
        elif message.startswith("must"):
            lines.append(f"{where} {message}")
        else:
            lines.append(f"{where}: {message}")
    return "; ".join(lines)
