"""Temperature profiles: the sampling temperature (and min-p) by prompt language and task.

Khairi et al. (2025, "When Life Gives You Samples", arXiv 2506.20544) found that the best sampling
temperature depends on language and task: non-English prompts are more temperature-sensitive
(quality degrades earlier, and with more variance, as the temperature rises) and min-p truncation
helps most for translation. A :class:`TemperatureProfile` writes such a policy down; plans such as
``Hedged(temperature=profile, task="translation")`` resolve it for each prompt's detected language.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NoReturn

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_serializer,
    field_validator,
)

from polypick.errors import ConfigurationError

__all__ = ["DEFAULT_PROFILE", "EntryLike", "ProfileEntry", "TemperatureProfile"]

_LANGUAGE = re.compile(r"[a-z]{2,3}")


class CheckedModel(BaseModel):
    """A frozen model whose invalid construction raises :class:`ConfigurationError`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise ConfigurationError(f"invalid {type(self).__name__}: {describe(exc)}") from None


def describe(exc: ValidationError) -> str:
    """The first problem of a validation error, as ``where: what``."""
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    what = str(error["msg"]).removeprefix("Value error, ")
    return f"{where}: {what}" if where else what


def check_temperature(value: float, *, positive: bool = False) -> float:
    """``value`` if it is a usable temperature, else a :class:`ValueError` that says how to fix."""
    if positive and not value > 0.0:
        raise ValueError(
            f"must be greater than 0, got {value!r}: it is the temperature of the stochastic "
            "samples (the greedy one is added for you); use e.g. 0.7, or sampling='greedy'"
        )
    if not value >= 0.0 or math.isinf(value):
        raise ValueError(
            f"must be greater than or equal to 0 and finite, got {value!r}; "
            "use e.g. 0.7, or 0 for greedy decoding"
        )
    return value


class ProfileEntry(CheckedModel):
    """The decoding settings a profile gives one situation (a language, a task or both)."""

    temperature: float
    min_p: float | None = Field(
        default=None, ge=0.0, le=1.0, description="used when the plan sets no min_p itself"
    )

    @field_validator("temperature")
    @classmethod
    def _temperature(cls, value: float) -> float:
        return check_temperature(value)


EntryLike = float | ProfileEntry
"""A profile value: a temperature, or a :class:`ProfileEntry` that adds a min-p."""


class _ReadOnlyDict(dict[Any, Any]):
    """A dict that refuses changes, so that the shared default profile cannot drift."""

    def _refuse(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError(
            "a TemperatureProfile is read-only; derive a changed copy with "
            "with_language(), with_task(), with_pair() or with_default()"
        )

    __setitem__ = __delitem__ = __ior__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse

    def __reduce__(self) -> tuple[Any, ...]:  # copy and pickle without calling __setitem__
        return (type(self), (dict(self),))


def _entry(value: EntryLike) -> ProfileEntry:
    if isinstance(value, ProfileEntry):
        return value
    return ProfileEntry.model_construct(temperature=check_temperature(float(value)))


def _language(code: str) -> str:
    key = code.strip().lower()
    if not _LANGUAGE.fullmatch(key):
        raise ValueError(f"{code!r} is not a language code; use ISO 639-1 codes such as 'en', 'ja'")
    return key


def _task(label: str) -> str:
    key = label.strip().lower()
    if not key or "/" in key:
        raise ValueError(f"{label!r} is not a task label; use a word such as 'math' or 'chat'")
    return key


def _pair(key: str | tuple[str, str]) -> tuple[str, str]:
    if isinstance(key, str):  # "ja/translation": the form a profile's JSON uses
        language, sep, task = key.partition("/")
        if not sep:
            raise ValueError(f"{key!r} is not a (language, task) pair; use ('ja', 'translation')")
        return _language(language), _task(task)
    language, task = key
    return _language(language), _task(task)


def _entries(value: Mapping[Any, EntryLike], normalise: Callable[[Any], Any]) -> _ReadOnlyDict:
    entries = {}
    for key, entry in value.items():
        normalised = normalise(key)
        try:
            entries[normalised] = _entry(entry)
        except ValueError as exc:
            raise ValueError(f"{key!r}: {exc}") from None
    return _ReadOnlyDict(entries)


class TemperatureProfile(CheckedModel):
    """Temperatures (and optional min-p) by prompt language and task.

    :meth:`resolve` picks the most specific entry, in this order of precedence:

    1. ``pairs[(language, task)]``: one language on one task;
    2. ``tasks[task]``: the task is the caller's explicit statement of what the output must be
       (a translation must stay faithful in every language), so it outranks the detected language;
    3. ``languages[language]``: the prompt's detected ISO 639-1 code;
    4. ``default``: everything else, including prompts whose language is unknown.

    A value is a temperature (``0.7``) or a :class:`ProfileEntry` (``ProfileEntry(temperature=0.5,
    min_p=0.1)``). Codes and labels are case-insensitive. A task the profile does not list falls
    through to the language and default entries. Profiles are immutable: ``with_language()``,
    ``with_task()``, ``with_pair()`` and ``with_default()`` return changed copies.
    """

    name: str = Field(default="custom", min_length=1, description="shown in plan names")
    default: EntryLike = 0.7
    languages: Mapping[str, EntryLike] = Field(default_factory=dict)
    tasks: Mapping[str, EntryLike] = Field(default_factory=dict)
    pairs: Mapping[str | tuple[str, str], EntryLike] = Field(
        default_factory=dict, description="keys: ('ja', 'translation') or 'ja/translation'"
    )

    @field_validator("default")
    @classmethod
    def _default(cls, value: EntryLike) -> ProfileEntry:
        return _entry(value)

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: Mapping[str, EntryLike]) -> Mapping[str, EntryLike]:
        return _entries(value, _language)

    @field_validator("tasks")
    @classmethod
    def _tasks(cls, value: Mapping[str, EntryLike]) -> Mapping[str, EntryLike]:
        return _entries(value, _task)

    @field_validator("pairs")
    @classmethod
    def _pairs(cls, value: Mapping[Any, EntryLike]) -> Mapping[Any, EntryLike]:
        return _entries(value, _pair)

    @field_serializer("languages", "tasks", "pairs")
    def _plain(self, value: Mapping[Any, EntryLike]) -> dict[str, Any]:
        return {
            "/".join(key) if isinstance(key, tuple) else key: _entry(entry).model_dump()
            for key, entry in value.items()
        }

    def __hash__(self) -> int:
        mappings = (self.languages, self.tasks, self.pairs)
        return hash((self.name, self.default, *(frozenset(m.items()) for m in mappings)))

    def resolve(self, language: str | None = None, task: str | None = None) -> ProfileEntry:
        """The entry for a prompt in ``language`` (ISO 639-1, if known) on ``task`` (if any).

        A regional tag falls back to its language: ``"pt-BR"`` resolves like ``"pt"``.
        """
        lang = re.split(r"[-_]", language.strip().lower())[0] if language else None
        label = task.strip().lower() if task else None
        if lang and label and (lang, label) in self.pairs:
            return _entry(self.pairs[lang, label])
        if label and label in self.tasks:
            return _entry(self.tasks[label])
        if lang and lang in self.languages:
            return _entry(self.languages[lang])
        return _entry(self.default)

    def save(self, path: str | Path, **provenance: Any) -> None:
        """Write the profile as JSON to ``path``, with any ``provenance`` (the data, the
        command and the measurements that produced it) beside it."""
        document = {"profile": self.model_dump(mode="json"), **provenance}
        Path(path).write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")

    @classmethod
    def load(cls, path: str | Path) -> TemperatureProfile:
        """A profile from a JSON file written by :meth:`save` or ``polypick calibrate`` (or a
        bare profile object)."""
        try:
            document = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ConfigurationError(
                f"cannot read a temperature profile from {path}: {exc}; write one with "
                "polypick calibrate or TemperatureProfile.save()"
            ) from None
        if not isinstance(document, dict):
            raise ConfigurationError(f"{path} holds no temperature profile (a JSON object)")
        return cls(**document.get("profile", document))

    def _changed(self, field: str, key: str, entry: ProfileEntry) -> TemperatureProfile:
        data = self.model_dump()
        data[field] = {**data[field], key: entry}
        data["name"] = f"{self.name}+{key}"
        return TemperatureProfile(**data)

    def with_default(self, temperature: float, *, min_p: float | None = None) -> TemperatureProfile:
        """A copy whose default is ``temperature`` (and ``min_p``)."""
        data = {**self.model_dump(), "name": f"{self.name}+default"}
        data["default"] = ProfileEntry(temperature=temperature, min_p=min_p)
        return TemperatureProfile(**data)

    def with_language(
        self, language: str, temperature: float, *, min_p: float | None = None
    ) -> TemperatureProfile:
        """A copy with ``language`` (ISO 639-1) at ``temperature``: ``with_language("ja", 0.5)``."""
        entry = ProfileEntry(temperature=temperature, min_p=min_p)
        return self._changed("languages", language.strip().lower(), entry)

    def with_task(
        self, task: str, temperature: float, *, min_p: float | None = None
    ) -> TemperatureProfile:
        """A copy with ``task`` at ``temperature``: ``with_task("code", 0.4)``."""
        entry = ProfileEntry(temperature=temperature, min_p=min_p)
        return self._changed("tasks", task.strip().lower(), entry)

    def with_pair(
        self, language: str, task: str, temperature: float, *, min_p: float | None = None
    ) -> TemperatureProfile:
        """A copy with ``language`` on ``task`` at ``temperature`` (the most specific entry)."""
        entry = ProfileEntry(temperature=temperature, min_p=min_p)
        key = f"{language.strip().lower()}/{task.strip().lower()}"
        return self._changed("pairs", key, entry)


DEFAULT_PROFILE = TemperatureProfile(
    name="default", default=0.7, languages={"en": 0.8}, tasks={"translation": 0.5}
)
"""The profile ``Hedged()`` uses. The paper published no per-language or per-task values, so these
are our choice: 0.8 for English, which tolerates heat best; 0.7 for every other language and for
prompts of unknown language, the low end of the reported 0.7-0.9 sweet spot, because their quality
degrades earlier as the temperature rises; 0.5 for translation in any language, whose output must
stay faithful to the source. Hedged sampling's greedy sample is the safety net beside them. No
min-p by default because hosted APIs (OpenAI, Anthropic) reject it; add it where the server supports
it, e.g. ``DEFAULT_PROFILE.with_task("translation", 0.5, min_p=0.1)``."""
