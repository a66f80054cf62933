"""The fitter: binning, cross-validated choice per (bin, budget), and the policy file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from polypick.adaptive import DevExample, Policy, Simulator, fit_policy, quantile_edges


def _easy(i: int) -> DevExample:
    # everyone agrees on the right answer; the verifier is noise
    return DevExample(answers=("7",) * 8, correct="7", scores=tuple((i % 3) / 3 for _ in range(8)))


def _trap(i: int) -> DevExample:
    # a popular wrong answer; the verifier knows better: only weighting finds the truth
    answers = ("x", "x", "7", "x", "y", "7", "x", "y")
    scores = tuple(0.95 if a == "7" else 0.1 for a in answers)
    return DevExample(answers=answers, correct="7", scores=scores)


def _dev() -> list[DevExample]:
    return [_easy(i) for i in range(20)] + [_trap(i) for i in range(20)]


def test_cross_validation_picks_the_known_best_strategy_per_bin() -> None:
    policy = fit_policy(_dev(), budgets=(4, 8), first_round=4, bins=2)
    hard, easy = policy.bin_of(0.75), policy.bin_of(1.0)  # trap agreement is 3/4 or less
    assert hard != easy
    for budget in (4, 8):
        assert policy.choice(easy, budget).strategy == "majority"  # cheapest among the tied
        assert policy.choice(hard, budget).strategy == "weighted"
        assert policy.choice(hard, budget).accuracy == 1.0
    scores = {s.budget: s for s in policy.cross_validation}
    assert scores[4].policy == 1.0 and scores[4].majority == 0.5


def test_without_scores_only_majority_is_fitted() -> None:
    dev = [e.model_copy(update={"scores": None}) for e in _dev()]
    policy = fit_policy(dev, budgets=(4,), first_round=4)
    assert {c.strategy for c in policy.choices} == {"majority"}


def test_the_fitter_refuses_short_or_empty_dev_sets() -> None:
    with pytest.raises(ValueError, match="empty"):
        fit_policy([])
    with pytest.raises(ValueError, match="at least 16"):
        fit_policy(_dev(), budgets=(16,))
    with pytest.raises(ValueError, match="one entry per answer"):
        DevExample(answers=("1",), correct="1", scores=(0.1, 0.2))


def test_a_policy_round_trips_through_its_json_file(tmp_path: Path) -> None:
    policy = fit_policy(Simulator([0.9, 0.5, 0.2] * 20, seed=3).dev_set(8), budgets=(2, 4, 8))
    path = tmp_path / "policy.json"
    policy.save(path)
    loaded = Policy.load(path)
    assert loaded == policy
    assert '"version": 1' in path.read_text()


def test_the_expected_accuracy_curve_and_gain() -> None:
    policy = fit_policy(Simulator([0.6] * 60, seed=5).dev_set(16), budgets=(4, 8, 16), bins=1)
    curve = [policy.expected_accuracy(0, k) for k in (2, 4, 6, 8, 12, 16, 32)]
    assert curve == sorted(curve)  # a running maximum: never decreasing
    assert curve[0] == curve[1] and curve[-1] == curve[-2]
    assert policy.gain(0, 16, 2) == 0.0
    assert policy.gain(0, 4, 2) >= 0.0


@given(st.lists(st.floats(0, 1, allow_nan=False), min_size=1, max_size=60), st.integers(1, 6))
def test_quantile_edges_split_values_into_ordered_bins(values: list[float], bins: int) -> None:
    edges = quantile_edges(values, bins)
    assert len(edges) == bins - 1
    assert list(edges) == sorted(edges)
    policy = Policy(statistic="agreement", first_round=4, edges=edges, budgets=(1,), choices=())
    assert all(0 <= policy.bin_of(v) < bins for v in values)
