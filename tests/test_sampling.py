"""Sampling plans: which decoding parameters each of the N samples gets, and how specs resolve."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from polypick.core.profiles import DEFAULT_PROFILE
from polypick.core.sampling import Hedged, SamplingPlan, Temperature, Temperatures, resolve_sampling
from polypick.errors import ConfigurationError, UnknownNameError

sizes = st.integers(min_value=1, max_value=64)
seeds = st.integers(min_value=-(2**31), max_value=2**31)
temperatures = st.floats(min_value=0.01, max_value=2.0, allow_nan=False)


@given(n=sizes, temperature=temperatures)
def test_hedged_gives_one_greedy_sample_first_then_n_minus_1_stochastic(
    n: int, temperature: float
) -> None:
    plan = Hedged(temperature=temperature).plan(n)
    assert len(plan) == n
    assert plan[0].greedy
    assert plan[0].temperature == 0.0
    assert [p.greedy for p in plan[1:]] == [False] * (n - 1)
    assert all(p.temperature == temperature for p in plan[1:])


@pytest.mark.parametrize(
    "plan",
    [Hedged(), Temperature(), Temperatures(temperatures=(0.3, 0.7))],
    ids=["hedged", "temperature", "temperatures"],
)
@pytest.mark.parametrize("n", [0, 1, 2, 7], ids=lambda n: f"n={n}")
@pytest.mark.parametrize("language", [None, "en", "ja"], ids=str)
def test_every_plan_returns_exactly_n_samples(
    plan: SamplingPlan, n: int, language: str | None
) -> None:
    # The protocol: ``plan(n, language)`` returns N parameters, whatever the language.
    assert len(plan.plan(n, language)) == n


@pytest.mark.parametrize(
    "make",
    [
        lambda seed: Hedged(seed=seed),
        lambda seed: Temperature(seed=seed),
        lambda seed: Temperatures(temperatures=(0.2, 0.9, 1.3), seed=seed),
    ],
    ids=["hedged", "temperature", "temperatures"],
)
@given(n=sizes, seed=seeds)
def test_seeds_are_base_plus_position_and_never_shared(
    make: Callable[[int], SamplingPlan], n: int, seed: int
) -> None:
    plan = make(seed).plan(n)
    assert [p.seed for p in plan] == [seed + i for i in range(n)]
    assert len({p.seed for p in plan}) == n


@pytest.mark.parametrize(
    "plan", [Hedged(), Temperature(), Temperatures(temperatures=(0.5,))], ids=repr
)
def test_without_a_base_seed_no_sample_gets_one(plan: SamplingPlan) -> None:
    assert [p.seed for p in plan.plan(4)] == [None] * 4


@given(
    n=sizes,
    temps=st.lists(st.floats(min_value=0.0, max_value=2.0), min_size=1, max_size=5),
)
def test_temperatures_cycle_through_the_pool(n: int, temps: list[float]) -> None:
    plan = Temperatures(temperatures=tuple(temps)).plan(n)
    assert [p.temperature for p in plan] == [temps[i % len(temps)] for i in range(n)]
    assert [p.greedy for p in plan] == [temps[i % len(temps)] == 0.0 for i in range(n)]


def test_plan_options_pass_through_to_every_sample() -> None:
    plan = Hedged(temperature=0.9, top_p=0.95, min_p=0.05, max_tokens=64, stop=("\n\n",))
    for params in plan.plan(3):
        assert (params.top_p, params.min_p, params.max_tokens, params.stop) == (
            0.95,
            0.05,
            64,
            ("\n\n",),
        )


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("hedged", Hedged()),
        ("HEDGED ", Hedged()),
        (DEFAULT_PROFILE, Hedged()),
        ("greedy", Temperature(temperature=0.0)),
        ("temperature", Temperature(temperature=0.7)),
        ("0.7", Temperature(temperature=0.7)),
        (" 1.2 ", Temperature(temperature=1.2)),
        ("0", Temperature(temperature=0.0)),
        ("0.3,0.7,1.0", Temperatures(temperatures=(0.3, 0.7, 1.0))),
        ("0.3, 0.7", Temperatures(temperatures=(0.3, 0.7))),
        (0.7, Temperature(temperature=0.7)),
        (0, Temperature(temperature=0.0)),
        ([0.3, 0.7, 1.0], Temperatures(temperatures=(0.3, 0.7, 1.0))),
        ((0.0, 1.0), Temperatures(temperatures=(0.0, 1.0))),
    ],
    ids=[
        "hedged",
        "hedged-case-and-spaces",
        "profile",
        "greedy",
        "temperature-name",
        "temperature-string",
        "temperature-string-spaces",
        "zero-string",
        "list-string",
        "list-string-spaces",
        "float",
        "int",
        "list",
        "tuple",
    ],
)
def test_specs_resolve_to_plans(spec: object, expected: SamplingPlan) -> None:
    plan = resolve_sampling(spec)  # type: ignore[arg-type]
    assert plan == expected
    assert plan.plan(3) == expected.plan(3)


def test_greedy_plan_is_all_greedy_and_hedged_name_says_so() -> None:
    assert all(p.greedy for p in resolve_sampling("greedy").plan(4, "en"))
    assert resolve_sampling("hedged").name == "hedged(profile=default)"
    assert resolve_sampling("0.7").name == "temperature=0.7"
    assert resolve_sampling("0.3,0.7,1.0").name == "temperatures=0.3,0.7,1"


def test_default_hedged_keeps_temperature_0_7_when_the_language_is_unknown() -> None:
    # Before profiles, "hedged" meant 0.7 for every prompt; prompts of unknown language keep it.
    assert [p.temperature for p in resolve_sampling("hedged").plan(4)] == [0.0, 0.7, 0.7, 0.7]


@pytest.mark.parametrize("language", [None, "en", "es", "ja", "sw"], ids=str)
def test_a_number_gives_one_temperature_in_every_language(language: str | None) -> None:
    assert [p.temperature for p in Hedged(temperature=0.9).plan(3, language)] == [0.0, 0.9, 0.9]
    assert [p.temperature for p in Temperature(temperature=0.4).plan(2, language)] == [0.4, 0.4]
    plan = Temperatures(temperatures=(0.3, 0.9)).plan(3, language)
    assert [p.temperature for p in plan] == [0.3, 0.9, 0.3]


def test_plans_are_hashable_and_equal_by_value() -> None:
    assert len({Hedged(), Hedged(), Hedged(temperature=0.9), Temperature()}) == 3


def test_a_plan_object_is_returned_unchanged() -> None:
    plan = Hedged(temperature=0.9, seed=3)
    assert resolve_sampling(plan) is plan


@pytest.mark.parametrize(
    ("spec", "hint"),
    [
        ("warm", "hedged"),
        ("", "hedged"),
        ("0.3,abc", "0.3,0.7,1.0"),
        (-1, "greater than or equal to 0"),
        ("-1", "greater than or equal to 0"),
        (float("nan"), "greater than or equal to 0"),
        (True, "'hedged' or 0.7"),
        (False, "'hedged' or 0.7"),
        ([], "at least 1"),
        (object(), "a list of temperatures or a SamplingPlan"),
        (None, "a list of temperatures or a SamplingPlan"),
        ([0.5, "hot"], "temperature"),
        ([0.5, -1.0], "greater than or equal to 0"),
        ("0.3,-1", "greater than or equal to 0"),
    ],
    ids=[
        "unknown-name",
        "empty-string",
        "half-a-list",
        "negative",
        "negative-string",
        "nan",
        "true",
        "false",
        "empty-list",
        "object",
        "none",
        "list-with-word",
        "list-with-negative",
        "list-string-with-negative",
    ],
)
def test_bad_specs_raise_configuration_error_that_says_how_to_fix(spec: object, hint: str) -> None:
    with pytest.raises(ConfigurationError) as info:
        resolve_sampling(spec)  # type: ignore[arg-type]
    assert hint in str(info.value)


@pytest.mark.parametrize(
    ("make", "hint"),
    [
        (lambda: Hedged(temperature=0), "must be greater than 0"),
        (lambda: Hedged(temperature=-0.5), "sampling='greedy'"),
        (lambda: Temperature(temperature=-1), "0 for greedy decoding"),
        (lambda: Temperature(temperature=float("inf")), "finite"),
        (lambda: Hedged(temperature="hot"), "a number such as 0.7 or a TemperatureProfile"),
        (lambda: Temperature(temperature=None), "a number such as 0.7"),
        (lambda: Hedged(temperature=True), "a number such as 0.7"),
        (lambda: Hedged(top_p=0), "top_p"),
        (lambda: Temperatures(temperatures=(0.5, -0.1)), "temperatures.1"),
        (lambda: Hedged(temperature=0.7, nucleus=0.9), "nucleus"),
    ],
    ids=[
        "hedged-zero",
        "hedged-negative",
        "negative",
        "infinite",
        "word",
        "none",
        "bool",
        "top-p-zero",
        "list-negative",
        "unknown-option",
    ],
)
def test_building_a_bad_plan_raises_configuration_error_not_a_pydantic_one(
    make: Callable[[], SamplingPlan], hint: str
) -> None:
    with pytest.raises(ConfigurationError) as info:
        make()
    assert hint in str(info.value)
    assert str(info.value).startswith("invalid ")


def test_unknown_names_list_every_choice() -> None:
    with pytest.raises(UnknownNameError) as info:
        resolve_sampling("warm")
    message = str(info.value)
    assert "'warm'" in message
    for choice in ("hedged", "greedy", "temperature", "0.7", "0.3,0.7,1.0"):
        assert choice in message
