"""The BestOfN pool: one instance per configuration, least recently used dropped first."""

from __future__ import annotations

import pytest

from polypick import Hedged, RetryPolicy, Temperature, Temperatures
from polypick.errors import ConfigurationError
from polypick.serve.config import BonKey, Defaults, Options, SamplingFields, resolve_key
from polypick.serve.pool import BestOfNPool, plan_for
from polypick.testing import ScriptedChat

DEFAULTS = Defaults(n=3, selector="majority", detect_language=False)


def key(n: int = 3, **body: object) -> BonKey:
    return resolve_key(Options(n=n), Options.model_validate(body), SamplingFields(), DEFAULTS)


def pool(size: int = 2) -> BestOfNPool:
    return BestOfNPool(ScriptedChat(["x"]), None, RetryPolicy(max_retries=0), size)


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
    assert (bon.n, bon.selector.name, bon.min_candidates, bon.deadline) == (4, "mbr", 2, 9.0)
    assert bon.injection.action == "exclude" and bon.detector is None


def test_invalid_settings_are_refused_and_not_kept() -> None:
    bons = pool()
    with pytest.raises(ConfigurationError) as caught:
        bons.get(key(3, selector="mbr", selector_options={"utility": "vibes"}))
    assert getattr(caught.value, "param", None) == "polypick"
    with pytest.raises(ConfigurationError, match="need a selector"):
        bons.get(
            resolve_key(Options(), Options(selector_options={"k": 1}), SamplingFields(), Defaults())
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
    assert plan_for(plan_key) == expected


@pytest.mark.parametrize(
    ("sampling", "temperature"), [("greedy", 0.5), ("0.3,1", 0.5), ("0.7", 1.0)]
)
def test_a_temperature_contradicting_the_plan_is_refused(sampling: str, temperature: float) -> None:
    plan_key = key().model_copy(
        update={"sampling": sampling, "fields": SamplingFields(temperature=temperature)}
    )
    with pytest.raises(ConfigurationError, match="contradicts"):
        plan_for(plan_key)
