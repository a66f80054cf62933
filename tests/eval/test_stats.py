"""Bootstrap intervals and the win-rate scoring rule."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polypick.errors import ConfigurationError
from polypick.eval.stats import bootstrap, bootstrap_mean, combine_orders, order_outcome

scores = st.lists(st.sampled_from([0.0, 0.5, 1.0]), min_size=1, max_size=40)
shares = st.lists(st.floats(min_value=0, max_value=1), min_size=1, max_size=40)
outcomes = st.sampled_from(["win", "tie", "loss", None])


@settings(max_examples=60, deadline=None)
@given(values=shares, seed=st.integers(0, 2**32), confidence=st.floats(0.5, 0.99))
def test_the_interval_holds_the_point_estimate_and_stays_in_0_1(
    values: list[float], seed: int, confidence: float
) -> None:
    interval = bootstrap_mean(values, confidence=confidence, resamples=200, seed=seed)
    assert math.isclose(interval.point, math.fsum(values) / len(values), abs_tol=1e-12)
    assert 0.0 <= interval.low <= interval.point <= interval.high <= 1.0
    assert interval.count == len(values)


@settings(max_examples=40, deadline=None)
@given(values=scores, seed=st.integers(0, 1000))
def test_the_same_seed_gives_the_same_interval(values: list[float], seed: int) -> None:
    first = bootstrap_mean(values, resamples=100, seed=seed)
    assert bootstrap_mean(values, resamples=100, seed=seed) == first


@given(value=st.sampled_from([0.0, 0.5, 1.0]), count=st.integers(1, 30))
def test_identical_scores_give_a_zero_width_interval(value: float, count: int) -> None:
    interval = bootstrap_mean([value] * count, resamples=50)
    assert interval.low == interval.point == interval.high == value


def test_a_wider_confidence_gives_a_wider_interval() -> None:
    values = [1.0, 0.0, 1.0, 0.5, 0.0, 1.0, 1.0, 0.0, 0.5, 1.0] * 3
    narrow = bootstrap_mean(values, confidence=0.5, seed=3)
    wide = bootstrap_mean(values, confidence=0.99, seed=3)
    assert wide.low < narrow.low and narrow.high < wide.high


def test_more_prompts_give_a_narrower_interval() -> None:
    few = bootstrap_mean([1.0, 0.0] * 5, seed=1)
    many = bootstrap_mean([1.0, 0.0] * 200, seed=1)
    assert many.high - many.low < (few.high - few.low) / 3


def test_a_statistic_other_than_the_mean_is_resampled_over_prompts() -> None:
    data = [3.0, 1.0, 2.0, 5.0]
    interval = bootstrap(len(data), lambda idx: max(data[i] for i in idx), resamples=300)
    assert interval.point == 5.0
    assert 1.0 <= interval.low <= 5.0 and interval.high == 5.0


@pytest.mark.parametrize(
    ("count", "options", "message"),
    [
        (0, {}, "at least one prompt"),
        (3, {"confidence": 1.0}, "confidence"),
        (3, {"resamples": 0}, "resamples"),
    ],
)
def test_degenerate_settings_are_refused(
    count: int, options: dict[str, float], message: str
) -> None:
    with pytest.raises(ConfigurationError, match=message):
        bootstrap(count, lambda idx: 0.0, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("winner", "system_first", "expected"),
    [("A", True, "win"), ("A", False, "loss"), ("B", True, "loss"), ("B", False, "win"),
     ("tie", True, "tie"), (None, True, None)],
)  # fmt: skip
def test_a_verdict_is_read_from_the_systems_side(
    winner: str | None, system_first: bool, expected: str | None
) -> None:
    assert order_outcome(winner, system_first) == expected


def test_a_judge_that_always_picks_the_first_position_scores_a_tie() -> None:
    assert combine_orders(order_outcome("A", True), order_outcome("A", False)) == 0.5


@given(first=outcomes, second=outcomes)
def test_combining_orders_is_symmetric_and_follows_the_rule(
    first: str | None, second: str | None
) -> None:
    score = combine_orders(first, second)  # type: ignore[arg-type]
    assert score == combine_orders(second, first)  # type: ignore[arg-type]
    points = {"win": 1.0, "tie": 0.5, "loss": 0.0}
    if first is None and second is None:
        assert score is None
    elif first is None or second is None:
        assert score == points[first or second]  # type: ignore[index]
    elif first == second:
        assert score == points[first]
    else:
        assert score == 0.5
