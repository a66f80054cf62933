"""Temperature profiles: precedence, default values, custom profiles and language-aware plans."""

from __future__ import annotations

import copy
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from polypick import BestOfN, Hedged, Temperature
from polypick.core.language import DEFAULT_LANGUAGES
from polypick.core.profiles import DEFAULT_PROFILE, ProfileEntry, TemperatureProfile
from polypick.core.sampling import resolve_sampling
from polypick.core.types import SamplingParams
from polypick.errors import ConfigurationError
from polypick.testing import ScriptedChat

# Every level has its own value, so the resolved value says which level won.
LAYERED = TemperatureProfile(
    name="layered",
    default=0.1,
    languages={"ja": 0.2, "es": 0.25},
    tasks={"translation": 0.3},
    pairs={("ja", "translation"): ProfileEntry(temperature=0.4, min_p=0.2)},
)

SPANISH = "¿Cuántas manzanas me quedan si tengo cinco y me como dos?"
ENGLISH = "How many apples are left if I have five and eat two of them?"


@pytest.mark.parametrize(
    ("language", "task", "expected"),
    [
        ("ja", "translation", 0.4),
        ("es", "translation", 0.3),
        (None, "translation", 0.3),
        ("ja", "math", 0.2),
        ("ja", None, 0.2),
        ("fr", None, 0.1),
        (None, None, 0.1),
        (None, "math", 0.1),
        ("JA", " Translation ", 0.4),
        ("ja-JP", None, 0.2),
        ("es_MX", "translation", 0.3),
    ],
    ids=[
        "pair-beats-all",
        "task-beats-language",
        "task-without-language",
        "unlisted-task-falls-to-language",
        "language",
        "unlisted-language-falls-to-default",
        "nothing-known",
        "unlisted-task-and-no-language",
        "case-and-space-insensitive",
        "region-falls-back-to-language",
        "region-underscore",
    ],
)
def test_precedence_is_pair_then_task_then_language_then_default(
    language: str | None, task: str | None, expected: float
) -> None:
    assert LAYERED.resolve(language, task).temperature == expected


def test_an_entry_carries_its_min_p_and_plain_numbers_have_none() -> None:
    assert LAYERED.resolve("ja", "translation") == ProfileEntry(temperature=0.4, min_p=0.2)
    assert LAYERED.resolve("ja").min_p is None


@pytest.mark.parametrize("language", [c for c in DEFAULT_LANGUAGES if c != "en"])
def test_default_profile_never_runs_another_language_hotter_than_english(language: str) -> None:
    english = DEFAULT_PROFILE.resolve("en").temperature
    assert DEFAULT_PROFILE.resolve(language).temperature <= english


def test_default_profile_values() -> None:
    # The documented defaults (docs/sampling.md): English above the rest, translation lower.
    assert DEFAULT_PROFILE.resolve("en").temperature == 0.8
    assert DEFAULT_PROFILE.resolve("ja").temperature == 0.7
    assert DEFAULT_PROFILE.resolve(None).temperature == 0.7
    for language in ("en", "ja", None):
        assert DEFAULT_PROFILE.resolve(language, "translation").temperature == 0.5
    # no min-p by default: hosted APIs (OpenAI, Anthropic) reject the parameter
    assert all(DEFAULT_PROFILE.resolve(c, "translation").min_p is None for c in DEFAULT_LANGUAGES)


def test_extending_the_default_profile_returns_a_new_profile_and_keeps_the_old() -> None:
    mine = (
        DEFAULT_PROFILE.with_language("ja", 0.5)
        .with_task("Code", 0.3)
        .with_pair("ja", "translation", 0.2, min_p=0.1)
        .with_default(0.6)
    )
    assert mine.resolve("ja").temperature == 0.5
    assert mine.resolve("en").temperature == 0.8  # kept from the default profile
    assert mine.resolve("en", "code").temperature == 0.3
    assert mine.resolve("ja", "translation") == ProfileEntry(temperature=0.2, min_p=0.1)
    assert mine.resolve("fr").temperature == 0.6
    assert mine.name == "default+ja+code+ja/translation+default"
    assert DEFAULT_PROFILE.resolve("ja").temperature == 0.7
    assert "ja" not in DEFAULT_PROFILE.languages


def test_profiles_are_immutable_so_the_shared_default_cannot_drift() -> None:
    with pytest.raises(TypeError, match="with_language"):
        DEFAULT_PROFILE.languages["ja"] = 0.1  # type: ignore[index]
    with pytest.raises(TypeError):
        DEFAULT_PROFILE.tasks.update({"math": 0.1})  # type: ignore[attr-defined]
    with pytest.raises(ValidationError, match="frozen"):
        DEFAULT_PROFILE.default = 0.1  # type: ignore[misc]
    assert DEFAULT_PROFILE.resolve("ja").temperature == 0.7


def test_profiles_round_trip_through_json_pickle_and_copy() -> None:
    restored = TemperatureProfile.model_validate_json(LAYERED.model_dump_json())
    assert restored == LAYERED
    assert restored.resolve("ja", "translation") == LAYERED.resolve("ja", "translation")
    assert pickle.loads(pickle.dumps(LAYERED)) == LAYERED
    assert copy.deepcopy(Hedged(temperature=LAYERED)) == Hedged(temperature=LAYERED)
    assert hash(Hedged(temperature=LAYERED)) == hash(Hedged(temperature=restored))
    assert '"ja/translation"' in LAYERED.model_dump_json()


@pytest.mark.parametrize(
    ("make", "hint"),
    [
        (lambda: TemperatureProfile(default=-0.1), "greater than or equal to 0"),
        (lambda: TemperatureProfile(languages={"ja": -1}), "'ja': must be greater than or equal"),
        (lambda: TemperatureProfile(tasks={"math": float("nan")}), "'math': must be"),
        (lambda: TemperatureProfile(default=float("inf")), "finite"),
        (lambda: TemperatureProfile(languages={"japanese": 0.5}), "ISO 639-1 codes such as"),
        (lambda: TemperatureProfile(tasks={" ": 0.5}), "a word such as 'math'"),
        (lambda: TemperatureProfile(pairs={"ja": 0.5}), "use ('ja', 'translation')"),
        (lambda: ProfileEntry(temperature=0.5, min_p=1.5), "less than or equal to 1"),
        (lambda: DEFAULT_PROFILE.with_language("ja", -0.5), "greater than or equal to 0"),
        (lambda: DEFAULT_PROFILE.with_language("Japanese", 0.5), "ISO 639-1"),
        (lambda: DEFAULT_PROFILE.with_task("", 0.5), "a word such as"),
        (lambda: Hedged(temperature=LAYERED, task=" "), "a label such as"),
        (lambda: Hedged(temperature=0.7, task="math"), "only has an effect with a Temperature"),
        (lambda: Temperature(task="math"), "temperature=DEFAULT_PROFILE"),
        (lambda: TemperatureProfile(name=""), "at least 1 character"),
    ],
    ids=[
        "negative-default",
        "negative-language",
        "nan-task",
        "infinite",
        "language-name-not-code",
        "blank-task",
        "pair-without-task",
        "min-p-above-one",
        "with-language-negative",
        "with-language-name",
        "with-task-empty",
        "plan-blank-task",
        "task-with-a-number",
        "task-with-default-float",
        "empty-name",
    ],
)
def test_invalid_profiles_raise_configuration_errors_that_say_how_to_fix(
    make: object, hint: str
) -> None:
    with pytest.raises(ConfigurationError) as info:
        make()  # type: ignore[operator]
    assert hint in str(info.value)


@given(
    n=st.integers(min_value=1, max_value=12),
    language=st.sampled_from([*DEFAULT_LANGUAGES, None]),
)
def test_hedged_with_a_profile_is_greedy_first_then_the_profile_temperature(
    n: int, language: str | None
) -> None:
    plan = Hedged(temperature=LAYERED).plan(n, language)
    expected = LAYERED.resolve(language).temperature
    assert plan[0].greedy
    assert [p.temperature for p in plan[1:]] == [expected] * (n - 1)
    assert not any(p.greedy for p in plan[1:])


@pytest.mark.parametrize(
    ("plan", "language", "temperatures"),
    [
        (Hedged(), "en", [0.0, 0.8, 0.8]),
        (Hedged(), "es", [0.0, 0.7, 0.7]),
        (Hedged(), None, [0.0, 0.7, 0.7]),
        (Hedged(task="translation"), "en", [0.0, 0.5, 0.5]),
        (Hedged(temperature=0.9), "en", [0.0, 0.9, 0.9]),
        (Temperature(temperature=DEFAULT_PROFILE), "en", [0.8, 0.8, 0.8]),
        (Temperature(temperature=LAYERED, task="translation"), "ja", [0.4, 0.4, 0.4]),
        (Temperature(), "en", [0.7, 0.7, 0.7]),
    ],
    ids=[
        "hedged-default-english",
        "hedged-default-spanish",
        "hedged-default-unknown",
        "hedged-translation",
        "hedged-flat-number-ignores-language",
        "temperature-profile",
        "temperature-profile-pair",
        "temperature-number",
    ],
)
def test_plans_resolve_their_temperature_for_the_language(
    plan: Hedged | Temperature, language: str | None, temperatures: list[float]
) -> None:
    assert [p.temperature for p in plan.plan(3, language)] == temperatures


def test_profile_min_p_applies_unless_the_plan_sets_its_own() -> None:
    from_profile = Hedged(temperature=LAYERED, task="translation").plan(2, "ja")
    assert [p.min_p for p in from_profile] == [0.2, 0.2]
    from_plan = Hedged(temperature=LAYERED, task="translation", min_p=0.05).plan(2, "ja")
    assert [p.min_p for p in from_plan] == [0.05, 0.05]
    assert [p.min_p for p in Hedged(temperature=LAYERED).plan(2, "ja")] == [None, None]


def test_plan_names_say_which_profile_and_task() -> None:
    assert Hedged().name == "hedged(profile=default)"
    assert Hedged(task="translation").name == "hedged(profile=default, task=translation)"
    assert Hedged(temperature=0.9).name == "hedged(temperature=0.9)"
    mine = DEFAULT_PROFILE.with_language("ja", 0.5)
    assert Temperature(temperature=mine).name == "temperature(profile=default+ja)"


def test_a_profile_given_as_sampling_means_hedged_sampling_with_it() -> None:
    assert resolve_sampling(LAYERED) == Hedged(temperature=LAYERED)
    assert resolve_sampling("hedged") == Hedged(temperature=DEFAULT_PROFILE)


def _stochastic_temperatures(model: ScriptedChat) -> set[float]:
    return {call.params.temperature for call in model.calls if call.params.temperature > 0}


def _echo(messages: object, params: SamplingParams) -> str:
    return "cinco menos dos son tres" if params.temperature else "quedan tres manzanas"


@pytest.mark.parametrize(
    ("sampling", "prompt", "language", "expected"),
    [
        ("hedged", SPANISH, "es", 0.7),
        ("hedged", ENGLISH, "en", 0.8),
        (Hedged(task="translation"), ENGLISH, "en", 0.5),
        (DEFAULT_PROFILE.with_language("es", 0.4), SPANISH, "es", 0.4),
        (Hedged(temperature=0.9), SPANISH, "es", 0.9),
    ],
    ids=["spanish", "english", "translation-task", "custom-profile", "flat-number"],
)
def test_best_of_n_samples_each_prompt_at_its_language_temperature(
    sampling: object, prompt: str, language: str, expected: float
) -> None:
    model = ScriptedChat(_echo)
    sel = BestOfN(model, n=4, sampling=sampling, selector="majority").invoke(prompt)  # type: ignore[arg-type]
    assert sel.language == language
    assert sorted(call.params.temperature for call in model.calls) == [0.0] + [expected] * 3
    assert [c.temperature for c in sel.candidates] == [0.0] + [expected] * 3


def test_spanish_and_english_prompts_get_different_temperatures_from_one_best_of_n() -> None:
    model = ScriptedChat(_echo)
    bon = BestOfN(model, n=3, selector="majority")  # the default sampling: hedged + profile
    bon.invoke(SPANISH)
    spanish = _stochastic_temperatures(model)
    model.calls.clear()
    bon.invoke(ENGLISH)
    english = _stochastic_temperatures(model)
    assert spanish == {0.7}
    assert english == {0.8}


def test_without_language_detection_the_profile_default_applies() -> None:
    model = ScriptedChat(_echo)
    BestOfN(model, n=3, selector="majority", detect_language=False).invoke(ENGLISH)
    assert _stochastic_temperatures(model) == {0.7}
