"""Model names and the ``polypick`` body field: parsing, merging, defaults and limits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from polypick import Settings
from polypick.errors import ConfigurationError, UnknownNameError
from polypick.serve.config import (
    Options,
    SamplingFields,
    check_operator_settings,
    read_options,
    resolve_key,
    selector_names,
)
from polypick.serve.names import model_id, parse_model

SERVED = ("gpt-4o-mini",)

sampling_words = st.sampled_from(["hedged", "greedy", "0.7", "1.2", "0"])
served_names = st.sampled_from(["gpt-4o-mini", "local", "Qwen/Qwen2.5-7B-Instruct", "m"])


@given(
    served=served_names,
    n=st.integers(1, 1024),
    selector=st.none() | st.sampled_from(selector_names()),
    sampling=st.none() | sampling_words,
    selector_first=st.booleans(),
)
def test_every_model_name_reads_back_as_the_settings_it_was_written_from(
    served: str, n: int, selector: str | None, sampling: str | None, selector_first: bool
) -> None:
    parts = [p for p in (selector, sampling) if p is not None]
    name = model_id(served, n, *(parts if selector_first else parts[::-1]))
    base, options = parse_model(name, (served,))
    assert base == served
    assert (options.n, options.selector, options.sampling) == (n, selector, sampling)


@given(st.text(max_size=30))
def test_any_other_name_is_unknown_or_invalid_never_a_crash(name: str) -> None:
    try:
        base, _ = parse_model(name, SERVED)
    except UnknownNameError as exc:
        assert exc.kind == "model" and "bon-N[-SELECTOR][-SAMPLING]/gpt-4o-mini" in str(exc)
    except ConfigurationError as exc:
        assert getattr(exc, "param", None) == "model"
    else:
        assert base == "gpt-4o-mini"


def test_the_served_name_alone_gives_no_settings() -> None:
    assert parse_model("gpt-4o-mini", SERVED) == ("gpt-4o-mini", Options())


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("bon-0/gpt-4o-mini", "N must be a whole number >= 1"),
        ("bon-/gpt-4o-mini", "N must be"),
        ("bon-3-mbr-chops/gpt-4o-mini", "a second selector 'chops'"),
        ("bon-3-greedy-0.7/gpt-4o-mini", "a second sampling '0.7'"),
        ("bon-3-MBR/gpt-4o-mini", "unknown part 'MBR'"),
        ("bon-3--1/gpt-4o-mini", "unknown part ''"),
    ],
)
def test_malformed_prefixes_say_how_to_write_them(name: str, words: str) -> None:
    with pytest.raises(ConfigurationError, match="bon-N") as caught:
        parse_model(name, SERVED)
    assert words in str(caught.value)


@pytest.mark.parametrize("name", ["gpt-4o", "bon-3/gpt-4o", "bon-3", "best-3/gpt-4o-mini"])
def test_names_of_other_models_are_unknown(name: str) -> None:
    with pytest.raises(UnknownNameError):
        parse_model(name, SERVED)


def test_read_options_names_the_field_at_fault() -> None:
    assert read_options(None) == Options()
    assert read_options({"n": 4, "sampling": [0.3, 1]}).sampling == [0.3, 1.0]
    for body, param in [
        ({"n": "4"}, "polypick.n"),  # strict: a string is not a number
        ({"n": True}, "polypick.n"),
        ({"injection": "maybe"}, "polypick.injection"),
        ({"deadline": 0}, "polypick.deadline"),
        ({"extra": 1}, "polypick.extra"),
    ]:
        with pytest.raises(ConfigurationError) as caught:
            read_options(body)
        assert getattr(caught.value, "param", None) == param
    with pytest.raises(ConfigurationError, match="must be an object"):
        read_options([1])


DEFAULTS = Settings.of(n=5, selector="chops", sampling="hedged", deadline=30)
MAX_N = 8


def effective(named: Options, body: Options, fields: SamplingFields | None = None) -> Settings:
    """The settings a request runs with."""
    key = resolve_key(named, body, fields or SamplingFields(), DEFAULTS, MAX_N)
    return key.settings(DEFAULTS)


def test_defaults_fill_what_neither_the_name_nor_the_body_gives() -> None:
    settings = effective(Options(), Options())
    assert (settings.n, settings.selector, settings.sampling.name, settings.deadline) == (
        5,
        "chops",
        DEFAULTS.sampling.name,
        30,
    )
    assert (settings.min_candidates, settings.injection, settings.detect_language) == (
        1,
        None,
        "auto",
    )


def test_the_name_and_the_body_combine_and_must_agree() -> None:
    named = Options(n=4, sampling="0.7")
    settings = effective(named, Options(selector="mbr", sampling=0.7))
    assert (settings.n, settings.selector, settings.sampling.name) == (4, "mbr", "temperature=0.7")
    with pytest.raises(ConfigurationError, match="give it once") as caught:
        resolve_key(named, Options(n=3), SamplingFields(), DEFAULTS, MAX_N)
    assert getattr(caught.value, "param", None) == "polypick.n"


def test_limits_and_ceilings() -> None:
    with pytest.raises(ConfigurationError, match="limit of 8"):
        resolve_key(Options(n=9), Options(), SamplingFields(), DEFAULTS, MAX_N)
    with pytest.raises(ConfigurationError, match="above n=2"):
        resolve_key(Options(n=2), Options(min_candidates=3), SamplingFields(), DEFAULTS, MAX_N)
    assert effective(Options(), Options(deadline=99)).deadline == 30
    assert effective(Options(), Options(deadline=3)).deadline == 3
    with pytest.raises(ConfigurationError, match="above max_n"):
        check_operator_settings(Settings.of(n=20), MAX_N)


def test_temperature_zero_without_a_plan_means_greedy() -> None:
    zero = SamplingFields(temperature=0.0)
    assert effective(Options(), Options(), zero).sampling.name == "temperature=0"
    assert resolve_key(Options(), Options(sampling="0.5"), zero, DEFAULTS, MAX_N).sampling == "0.5"


def test_selectors_a_request_cannot_use() -> None:
    assert "reward" not in selector_names() and "chops" in selector_names()
    for name, words in [("reward", "needs a Python function"), ("vibes", "unknown selector")]:
        with pytest.raises(ConfigurationError, match=words):
            resolve_key(Options(), Options(selector=name), SamplingFields(), DEFAULTS, MAX_N)
