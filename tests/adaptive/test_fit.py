"""The fitter: per-checkpoint binning, cross-validated choices, gains, and the policy file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from polypick.adaptive import (
    DevExample,
    Policy,
    Simulator,
    Stage,
    StageBin,
    fit_policy,
    quantile_edges,
)
from polypick.errors import ConfigurationError


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
    assert policy.budgets == (4, 8) and [s.samples for s in policy.stages] == [4, 8]
    for samples, trap_agreement in ((4, 0.75), (8, 0.5)):
        hard, easy = policy.choice(samples, trap_agreement), policy.choice(samples, 1.0)
        assert hard.bin != easy.bin
        assert easy.strategy == "majority"  # the cheapest among the tied
        assert hard.strategy == "weighted" and hard.accuracy == 1.0
    scores = {s.budget: s for s in policy.cross_validation}
    assert scores[4].policy == 1.0 and scores[4].majority == 0.5


def test_a_hopeless_looking_prompt_gets_no_gain_and_an_open_one_does() -> None:
    # after 4 samples: "a a a a" is settled; "b r b r" is a close vote the right answer wins
    # with more samples; "d e f g" is scattered, and more samples never find the truth
    settled = DevExample(answers=("a",) * 8, correct="a")
    close = DevExample(answers=("b", "r", "b", "r", "r", "r", "r", "r"), correct="r")
    scattered = DevExample(answers=("d", "e", "f", "g", "h", "i", "j", "k"), correct="z")
    dev = [settled] * 10 + [close] * 10 + [scattered] * 10
    policy = fit_policy(dev, budgets=(2, 4, 8), first_round=2, bins=3)
    assert policy.gain(4, 1.0) == 0.0  # unanimous: nothing to gain
    assert policy.gain(4, 0.5) == pytest.approx(1 / 4)  # wrong at 4, right at 8
    assert policy.gain(4, 0.25) == 0.0  # scattered: more samples never help
    assert policy.expected_accuracy(4, 0.5, 8) == 1.0


def test_without_scores_only_majority_is_fitted() -> None:
    dev = [e.model_copy(update={"scores": None}) for e in _dev()]
    policy = fit_policy(dev, budgets=(4,), first_round=4)
    assert policy.strategies == ("majority",)


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
    assert '"version": 2' in path.read_text()
    path.write_text('{"version": 1, "statistic": "agreement"}')
    with pytest.raises(ConfigurationError, match="refit"):
        Policy.load(path)


def test_the_expected_accuracy_curve_and_gain() -> None:
    policy = fit_policy(Simulator([0.6] * 60, seed=5).dev_set(16), budgets=(4, 8, 16), bins=1)
    curve = [policy.expected_accuracy(4, 0.5, k) for k in (2, 4, 6, 8, 12, 16, 32)]
    assert curve[0] == curve[1] and curve[-1] == curve[-2]  # flat outside the checkpoints
    assert curve[2] == pytest.approx((curve[1] + curve[3]) / 2)  # linear in between
    assert policy.gain(16, 0.5) == 0.0  # the last checkpoint: nothing later to gain
    slopes = [(policy.expected_accuracy(4, 0.5, h) - curve[1]) / (h - 4) for h in (8, 16)]
    assert policy.gain(4, 0.5) == pytest.approx(max(slopes))


@given(st.lists(st.floats(0, 1, allow_nan=False), min_size=1, max_size=60), st.integers(1, 6))
def test_quantile_edges_split_values_into_ordered_bins(values: list[float], bins: int) -> None:
    edges = quantile_edges(values, bins)
    assert len(edges) == bins - 1
    assert list(edges) == sorted(edges)
    every = [StageBin(bin=b, prompts=1, accuracy=((0.0,),)) for b in range(bins)]
    stage = Stage(
        samples=1, edges=edges, bins=(*every, StageBin(bin=None, prompts=1, accuracy=((0.0,),)))
    )
    assert all(stage.find(v).bin in range(bins) for v in values)
    assert [stage.find(v).bin for v in sorted(values)] == sorted(stage.find(v).bin for v in values)
