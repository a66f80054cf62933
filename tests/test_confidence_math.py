"""The confidence measures and stopping rules, against their definitions (pure, no model)."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from polypick.engine.stop_rules import (
    Agreement,
    Confidence,
    Supermajority,
    beta_agreement,
    calibrate_threshold,
    resolve_stop,
)
from polypick.errors import ConfigurationError
from polypick.selectors.confidence import (
    FLOOR,
    Measure,
    answer_confidence,
    bottom_share,
    group_confidences,
    keep_most_confident,
    self_certainty,
    token_confidences,
    weighted_vote_share,
)

logprob = st.floats(min_value=-40.0, max_value=0.0, allow_nan=False)
rows = st.lists(st.lists(logprob, min_size=1, max_size=6), min_size=1, max_size=40)


def _distribution(k: int, sharpness: float) -> list[float]:
    """Log-probabilities of ``k`` tokens, more peaked as ``sharpness`` grows (sum < 1)."""
    weights = [math.exp(-sharpness * i) for i in range(k)]
    total = sum(weights) * 1.25  # the rest of the vocabulary holds a fifth
    return [math.log(w / total) for w in weights]


@given(rows)
def test_token_confidence_is_minus_the_mean_top_logprob(top: list[list[float]]) -> None:
    confidences = token_confidences(top)
    assert len(confidences) == len(top)
    for row, c in zip(top, confidences, strict=True):
        assert c >= 0.0
        assert c == pytest.approx(-sum(max(v, FLOOR) for v in row) / len(row))


def test_a_peaked_position_is_more_confident_than_a_flat_one() -> None:
    flat, peaked = _distribution(5, 0.1), _distribution(5, 3.0)
    assert token_confidences([peaked])[0] > token_confidences([flat])[0]
    assert self_certainty([peaked]) > self_certainty([flat])  # type: ignore[operator]


def test_openai_s_unreportable_probability_is_floored() -> None:
    assert token_confidences([[-0.01, -9999.0]]) == [pytest.approx((0.01 - FLOOR) / 2)]


@given(st.lists(st.floats(0.0, 50.0), min_size=1, max_size=60), st.integers(1, 20))
def test_groups_are_window_means_bounded_by_the_tokens(values: list[float], window: int) -> None:
    groups = group_confidences(values, window)
    assert len(groups) == max(1, len(values) - window + 1)
    assert min(values) - 1e-9 <= min(groups) and max(groups) <= max(values) + 1e-9
    if len(values) >= window:
        for start, g in enumerate(groups):
            assert g == pytest.approx(sum(values[start : start + window]) / window)


@given(st.lists(st.floats(0.0, 50.0), min_size=1, max_size=60), st.floats(0.01, 1.0))
def test_bottom_share_lies_between_the_lowest_and_the_mean(
    groups: list[float], share: float
) -> None:
    value = bottom_share(groups, share)
    assert min(groups) - 1e-9 <= value <= sum(groups) / len(groups) + 1e-9


@given(rows)
def test_lowest_group_never_exceeds_bottom_or_tail(top: list[list[float]]) -> None:
    # (not the mean: overlapping windows weigh middle tokens more than the ends)
    lowest = answer_confidence(top, "lowest", 4)
    assert lowest is not None
    others: tuple[Measure, ...] = ("bottom", "tail")
    for other in others:
        value = answer_confidence(top, other, 4)
        assert value is not None and lowest <= value + 1e-9


def test_one_unsure_stretch_pulls_the_lowest_group_down_not_the_mean() -> None:
    sure, unsure = _distribution(5, 4.0), _distribution(5, 0.05)
    steady = [sure] * 40
    wobbly = [sure] * 18 + [unsure] * 4 + [sure] * 18
    gap_mean = answer_confidence(steady, "mean", 4) - answer_confidence(wobbly, "mean", 4)  # type: ignore[operator]
    gap_low = answer_confidence(steady, "lowest", 4) - answer_confidence(wobbly, "lowest", 4)  # type: ignore[operator]
    assert gap_low > 3 * gap_mean > 0


@given(rows)
def test_self_certainty_is_non_negative_and_zero_for_a_flat_top(top: list[list[float]]) -> None:
    value = self_certainty(top)
    if all(len(row) < 2 for row in top):
        assert value is None
    else:
        assert value is not None and value >= 0.0
    assert self_certainty([[-1.5] * 4] * 3) == pytest.approx(0.0, abs=1e-12)


@given(st.integers(2, 8), st.floats(0.0, 5.0), st.floats(0.0, 5.0))
def test_self_certainty_grows_with_sharpness(k: int, a: float, b: float) -> None:
    low, high = sorted((a, b))
    flatter, sharper = (
        self_certainty([_distribution(k, low)]),
        self_certainty([_distribution(k, high)]),
    )
    assert flatter is not None and sharper is not None
    assert flatter <= sharper + 1e-12


@given(
    st.lists(st.one_of(st.none(), st.floats(0.0, 10.0)), min_size=1, max_size=30),
    st.floats(0.01, 1.0),
)
def test_keeping_the_confident_share(confidences: list[float | None], share: float) -> None:
    kept = keep_most_confident(confidences, share)
    known = [c for c in confidences if c is not None]
    assert kept == sorted(kept) and kept
    if not known:
        assert kept == list(range(len(confidences)))
        return
    assert len(kept) >= max(1, math.ceil(len(known) * share))
    dropped = [c for i, c in enumerate(confidences) if c is not None and i not in kept]
    floor = min(c for i, c in enumerate(confidences) if i in kept and c is not None)
    assert all(d < floor for d in dropped)  # nothing dropped beats anything kept


@given(
    st.lists(
        st.tuples(st.sampled_from(["a", "b", "c", None]), st.floats(-1.0, 10.0)),
        min_size=1,
        max_size=20,
    )
)
def test_weighted_shares_sum_to_one_and_follow_the_weights(
    pairs: list[tuple[str | None, float]],
) -> None:
    answers = [a for a, _ in pairs]
    weights: list[float | None] = [w for _, w in pairs]
    shares = weighted_vote_share(answers, weights)
    if shares:
        assert sum(shares.values()) == pytest.approx(1.0)
        totals = {a: sum(max(0.0, w) for b, w in pairs if b == a) for a in shares}
        leader = max(shares, key=lambda a: shares[a])
        assert totals[leader] == pytest.approx(max(totals.values()))
    else:
        assert all(a is None or w <= 0.0 for a, w in pairs)


def _beta_tail_by_integration(a: int, b: int) -> float:
    """P(X > 1/2) for X ~ Beta(a + 1, b + 1), by the midpoint rule (independent of the code)."""
    steps = 20_000
    norm = math.exp(math.lgamma(a + b + 2) - math.lgamma(a + 1) - math.lgamma(b + 1))
    h = 0.5 / steps
    return sum(
        norm * (x**a) * ((1 - x) ** b) * h for x in (0.5 + (i + 0.5) * h for i in range(steps))
    )


@pytest.mark.parametrize(("a", "b"), [(0, 0), (1, 0), (3, 0), (4, 0), (5, 2), (7, 6), (12, 3)])
def test_beta_agreement_matches_the_integral(a: int, b: int) -> None:
    assert beta_agreement([a, b]) == pytest.approx(_beta_tail_by_integration(a, b), abs=1e-6)


@given(st.lists(st.integers(0, 60), min_size=1, max_size=6))
def test_beta_agreement_is_a_probability_that_grows_with_the_lead(votes: list[int]) -> None:
    p = beta_agreement(votes)
    assert 0.0 <= p <= 1.0
    ranked = sorted(votes, reverse=True)
    if ranked[0] > 0:
        more = [ranked[0] + 1, *ranked[1:]]
        assert beta_agreement(more) >= p - 1e-12
    assert beta_agreement([5, 5]) == pytest.approx(0.5)


def test_agreement_needs_four_unanimous_votes_at_095() -> None:
    rule = Agreement(threshold=0.95)
    assert rule.decide(["7", "7", "7"], [None] * 3) is None  # 15/16 < 0.95
    assert rule.decide(["7", "7", "7", "7"], [None] * 4) is not None  # 31/32
    assert rule.decide(["7", "8", "7", "8", "7", "8"], [None] * 6) is None


@given(st.lists(st.sampled_from(["x", "y", None]), min_size=1, max_size=20), st.floats(0.51, 1.0))
def test_supermajority_stops_exactly_at_its_share(answers: list[str | None], share: float) -> None:
    rule = Supermajority(share=share)
    counts = [answers.count(a) for a in ("x", "y")]
    expected = max(counts) > 0 and max(counts) / len(answers) >= share
    assert (rule.decide(answers, [None] * len(answers)) is not None) == expected


@given(st.lists(st.floats(0.0, 20.0), min_size=1, max_size=30), st.floats(0.05, 1.0))
def test_calibrated_threshold_lets_about_keep_of_the_warmup_through(
    values: list[float], keep: float
) -> None:
    threshold = calibrate_threshold(values, keep)
    assert min(values) <= threshold <= max(values)
    above = sum(v >= threshold for v in values)
    assert above >= math.floor(keep * (len(values) - 1))  # the percentile's own rounding
    assert calibrate_threshold(values, 1.0) == min(values)


def test_confidence_rule_stops_on_the_weighted_leader() -> None:
    rule = Confidence(threshold=0.8)
    assert rule.decide(["1", "1", "2"], [5.0, 5.0, 0.5]) is not None  # 10 / 10.5
    assert rule.decide(["1", "2"], [5.0, 5.0]) is None


def test_stop_specs() -> None:
    assert isinstance(resolve_stop("agreement"), Agreement)
    assert resolve_stop(None) is None
    rule = Supermajority(share=0.9)
    assert resolve_stop(rule) is rule
    with pytest.raises(ConfigurationError, match="agreement"):
        resolve_stop("agree")
    with pytest.raises(ConfigurationError, match="threshold"):
        Agreement(threshold=0.3)


def test_random_pools_agree_sooner_when_the_answer_is_clear() -> None:
    # A sanity check of the rule's economics, not of its code: a pool where 90 % of samples
    # agree stops on average far earlier than one split 50/50.
    rng = random.Random(3)

    def draws_until_stop(p: float) -> int:
        answers: list[str | None] = []
        while len(answers) < 64:
            answers.append("a" if rng.random() < p else rng.choice(["b", "c"]))
            if len(answers) >= 3 and Agreement().decide(answers, [None] * len(answers)):
                break
        return len(answers)

    clear = sorted(draws_until_stop(0.9) for _ in range(51))[25]
    split = sorted(draws_until_stop(0.5) for _ in range(51))[25]
    assert clear < split
