"""The BestOfN pool: one instance per configuration, least recently used dropped first."""

from __future__ import annotations

import pytest

from polypick import Hedged, Settings, Temperature, Temperatures
from polypick.errors import ConfigurationError
from polypick.serve.config import BonKey, Options, SamplingFields, plan_for, resolve_key
from polypick.serve.pool import BestOfNPool
from polypick.testing import ScriptedChat

DEFAULTS = Settings.of(n=3, selector="majority", detect_language=False, retry=0)


def key(n: int = 3, **body: object) -> BonKey:
    return resolve_key(Options(n=n), Options.model_validate(body), SamplingFields(), DEFAULTS, 16)


def pool(size: int = 2) -> BestOfNPool:
    return BestOfNPool(ScriptedChat(["x"]), DEFAULTS, size)


def test_equal_settings_share_one_instance_and_the_least_recent_is_dropped() -> None:
    bons = pool(size=2)
    two, three = bons.get(key(2)), bons.get(key(3))
    assert bons.get(key(2)) is two  # reused, and now the most recent
    assert bons.get(key(4)).n == 4  # over the size: n=3 goes, being the least recent
    assert len(bons) == 2
    assert bons.get(key(2)) is two
    assert bons.get(key(3)) is not three


def test_every_setting_reaches_the_instance() -> None:
    bon = pool().get(key(4, selector="mbr", min_candidates=2, deadline=9.0, injection="exclude"))
    settings = bon.settings
    assert (bon.n, bon.selector.name, settings.min_candidates, settings.deadline) == (
        4,
        "mbr",
        2,
        9.0,
    )
    assert bon.parts.injection.action == "exclude" and bon.parts.detector is None


def test_invalid_settings_are_refused_and_not_kept() -> None:
    bons = pool()
    with pytest.raises(ConfigurationError) as caught:
        bons.get(key(3, selector="mbr", selector_options={"utility": "vibes"}))
    assert getattr(caught.value, "param", None) == "polypick"
    with pytest.raises(ConfigurationError, match="need a selector"):
        bons.get(
            resolve_key(
                Options(), Options(selector_options={"k": 1}), SamplingFields(), Settings(), 16
            )
        )
    assert len(bons) == 0


@pytest.mark.parametrize(
    ("sampling", "fields", "expected"),
    [
        ("hedged", {"temperature": 0.9, "max_tokens": 5}, Hedged(temperature=0.9, max_tokens=5)),
        ("0.7", {"temperature": 0.7, "seed": 3}, Temperature(temperature=0.7, seed=3)),
        ("greedy", {"top_p": 0.5}, Temperature(temperature=0.0, top_p=0.5)),
        ("0.3,1", {"stop": ("END",)}, Temperatures(temperatures=(0.3, 1.0), stop=("END",))),
    ],
)
def test_the_plan_takes_the_request_fields(
    sampling: str, fields: dict[str, object], expected: object
) -> None:
    plan_key = key().model_copy(update={"sampling": sampling, "fields": SamplingFields(**fields)})
    assert plan_for(plan_key, DEFAULTS.sampling) == expected


@pytest.mark.parametrize(
    ("sampling", "temperature"), [("greedy", 0.5), ("0.3,1", 0.5), ("0.7", 1.0)]
)
def test_a_temperature_contradicting_the_plan_is_refused(sampling: str, temperature: float) -> None:
    plan_key = key().model_copy(
        update={"sampling": sampling, "fields": SamplingFields(temperature=temperature)}
    )
    with pytest.raises(ConfigurationError, match="contradicts"):
        plan_for(plan_key, DEFAULTS.sampling)
