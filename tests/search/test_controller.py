"""The compute-optimal controller: per difficulty bin it picks the strategy that did better than
best-of-N there, and best-of-N where nothing did; fitted on a dev set, cross-validated, and run
for real by ComputeOptimalSearch."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from search_fixtures import PROMPT, RIGHT, arithmetic_stepper

from polypick.errors import ConfigurationError
from polypick.search import (
    BEST_OF_N,
    ComputeOptimalSearch,
    ControllerPolicy,
    DevPrompt,
    ProcessVerifier,
    SearchSettings,
    StepSimulator,
    StrategyChoice,
    budget_to_reach,
    collect_dev_set,
    fit_controller,
)

BEAM = StrategyChoice(kind="beam", width=2)
SEQUENTIAL = StrategyChoice(kind="revision", ratio=16.0)
PARALLEL = StrategyChoice(kind="revision", ratio=1 / 16)
MENU = (BEST_OF_N, BEAM, SEQUENTIAL, PARALLEL)
QUIET = SearchSettings(detect_language=False, retry=0)


def prompt(verifier: float, **right: dict[int, bool]) -> DevPrompt:
    names = {"bon": BEST_OF_N.name, "beam": BEAM.name, "seq": SEQUENTIAL.name,
             "par": PARALLEL.name}  # fmt: skip
    outcomes = {names[k]: v for k, v in right.items()}
    return DevPrompt(prompt="p", verifier=verifier, agreement=0.5, outcomes=outcomes)


def constructed(copies: int = 10) -> list[DevPrompt]:
    """Hard prompts (low verifier score) that only beam search solves, medium ones that only
    parallel revisions solve, easy ones that best-of-N solves as well as anything."""
    both = {8: True, 16: True}
    none = {8: False, 16: False}
    hard = [prompt(0.1 + i / 1000, bon=none, beam=both, seq=none, par=none) for i in range(copies)]
    medium = [
        prompt(0.5 + i / 1000, bon=none, beam=none, seq=none, par=both) for i in range(copies)
    ]
    easy = [prompt(0.9 + i / 1000, bon=both, beam=both, seq=both, par=both) for i in range(copies)]
    return hard + medium + easy


def test_each_bin_gets_the_strategy_that_beats_best_of_n_there() -> None:
    policy = fit_controller(constructed(), menu=MENU, budgets=(8, 16), probe=2, bins=3)
    for budget in (8, 16):
        assert policy.choose(0.1, budget) == BEAM
        assert policy.choose(0.5, budget) == PARALLEL
        assert policy.choose(0.95, budget) == BEST_OF_N  # ties go to the baseline
    assert policy.choose(0.1, 100) == BEAM  # beyond the fitted budgets: the largest
    for point in policy.cross_validation:
        assert point.best_of_n == pytest.approx(1 / 3)
        assert point.controller == 1.0  # every held-out prompt is routed to what solves it


def test_best_of_n_everywhere_when_nothing_beats_it() -> None:
    dev = [
        prompt(i / 30, bon={8: i % 3 > 0}, beam={8: i % 3 == 1}, seq={8: i % 3 == 2},
               par={8: False})
        for i in range(30)
    ]  # fmt: skip
    policy = fit_controller(dev, menu=MENU, budgets=(8,), probe=2, bins=3)
    assert {e.choice for e in policy.table} == {BEST_OF_N.name}
    assert all(p.controller == p.best_of_n for p in policy.cross_validation)


def test_a_margin_keeps_best_of_n_against_a_small_lead() -> None:
    dev = [prompt(0.5, bon={8: i < 9}, beam={8: i < 10}) for i in range(20)]
    menu = (BEST_OF_N, BEAM)
    assert (
        fit_controller(dev, menu=menu, budgets=(8,), probe=2, bins=1).table[0].choice == BEAM.name
    )
    careful = fit_controller(dev, menu=menu, budgets=(8,), probe=2, bins=1, margin=0.1)
    assert careful.table[0].choice == BEST_OF_N.name


def test_a_strategy_without_an_outcome_in_a_cell_is_not_chosen_there() -> None:
    dev = [prompt(0.5, bon={8: False, 16: False}, beam={16: True}) for _ in range(10)]
    policy = fit_controller(dev, menu=(BEST_OF_N, BEAM), budgets=(8, 16), probe=2, bins=1)
    assert policy.choose(0.5, 8) == BEST_OF_N and policy.choose(0.5, 16) == BEAM


outcome = st.dictionaries(st.sampled_from([4, 8]), st.booleans(), min_size=2)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(0, 1), outcome, outcome, outcome),
        min_size=1, max_size=40,
    ),
    st.integers(1, 5),
)  # fmt: skip
def test_in_sample_the_controller_is_never_worse_than_best_of_n(
    rows: list[tuple[float, dict[int, bool], dict[int, bool], dict[int, bool]]], bins: int
) -> None:
    dev = [prompt(v, bon=b, beam=m, par=r) for v, b, m, r in rows]
    menu = (BEST_OF_N, BEAM, PARALLEL)
    policy = fit_controller(dev, menu=menu, budgets=(4, 8), probe=2, bins=bins, folds=1)
    for point in policy.cross_validation:  # one fold: fitted and scored on the same prompts
        assert point.controller >= point.best_of_n
        assert sum(point.chosen.values()) == len(dev)
    for entry in policy.table:
        assert entry.accuracy[entry.choice] >= entry.accuracy[BEST_OF_N.name]


@pytest.mark.parametrize(
    ("choice", "budget", "knobs"),
    [(BEST_OF_N, 8, {"n": 6}), (BEAM, 8, {"n": 6, "width": 2}), (BEAM, 3, None),
     (StrategyChoice(kind="lookahead", k=1, width=2), 16, {"n": 6, "width": 2}),
     (SEQUENTIAL, 18, {"chains": 1, "length": 16}), (PARALLEL, 18, {"chains": 16, "length": 1}),
     (BEST_OF_N, 1, None)],
)  # fmt: skip
def test_every_strategy_spends_what_the_probe_leaves(
    choice: StrategyChoice, budget: int, knobs: dict[str, int] | None
) -> None:
    assert choice.shape(budget, 2) == knobs
    if knobs is not None:
        per = (choice.k + 1) if choice.kind == "lookahead" else 1
        spent = knobs.get("n", 0) * per + knobs.get("chains", 0) * knobs.get("length", 0)
        assert spent <= budget - 2


def test_budget_to_reach_interpolates_in_log_budget() -> None:
    curve = [(4.0, 0.5), (8.0, 0.6), (16.0, 0.8)]
    assert budget_to_reach(curve, 0.4) == 4.0
    assert budget_to_reach(curve, 0.7) == pytest.approx(8 * 2**0.5)
    assert budget_to_reach(curve, 0.9) is None


def test_a_policy_is_saved_and_loaded(tmp_path: Path) -> None:
    policy = fit_controller(constructed(), menu=MENU, budgets=(8, 16), probe=2, bins=3)
    policy.save(tmp_path / "controller.json")
    assert ControllerPolicy.load(tmp_path / "controller.json") == policy
    (tmp_path / "bad.json").write_text("{}")
    with pytest.raises(ConfigurationError, match="refit"):
        ControllerPolicy.load(tmp_path / "bad.json")
    with pytest.raises(ConfigurationError, match="BEST_OF_N"):
        fit_controller(constructed(), menu=(BEAM,), budgets=(8,), probe=2)


def _policy(edge: float) -> ControllerPolicy:
    """Bin 0 (verifier mean below ``edge``) is sent to beam search, bin 1 to best-of-N."""
    policy = fit_controller(
        [prompt(0.1, bon={6: False}, beam={6: True}), prompt(0.9, bon={6: True}, beam={6: True})],
        menu=(BEST_OF_N, BEAM), budgets=(6,), probe=2, bins=2, folds=1,
    )  # fmt: skip
    return policy.model_copy(update={"edges": (edge,)})


async def test_the_controller_probes_then_runs_the_strategy_of_the_prompts_bin() -> None:
    def verifier(question: str, steps: list[str]) -> list[float]:
        """Scores on-track steps 0.1 higher; an easy prompt's steps all score high."""
        base = 0.85 if "easy" in question else 0.1
        return [base + 0.1 * (steps[: i + 1] == RIGHT[: i + 1]) for i in range(len(steps))]

    checker = ProcessVerifier(verifier)
    hard = ComputeOptimalSearch(arithmetic_stepper(), checker, _policy(0.5), 6, settings=QUIET)
    sel = await hard.arun(PROMPT)
    event = next(e for e in sel.trace if e.event == "search.controller")
    assert (event.data["choice"], event.data["bin"], event.data["budget"]) == (BEAM.name, 0, 6)
    assert event.data["value"] < 0.5
    assert sel.text.endswith("Answer: 42")  # beam search kept the on-track steps
    assert any(e.event == "search.round" for e in sel.trace)
    assert len(sel.candidates) > 2  # the probe's answers and the finished beams

    easy = ComputeOptimalSearch(arithmetic_stepper(), checker, _policy(0.5), 6, settings=QUIET)
    sel = await easy.arun(PROMPT + " (easy)")
    event = next(e for e in sel.trace if e.event == "search.controller")
    assert (event.data["choice"], event.data["bin"]) == (BEST_OF_N.name, 1)
    # best-of-N keeps the probe as its first answers: 6 whole answers in all, one request each
    assert len(sel.candidates) == 6 and sel.usage.generation.requests == 6
    assert not any(e.event == "search.round" for e in sel.trace)


def test_an_oracle_policy_cannot_be_used_on_prompts_without_answers() -> None:
    dev = constructed()
    dev = [p.model_copy(update={"oracle": p.verifier}) for p in dev]
    policy = fit_controller(dev, menu=MENU, budgets=(8,), probe=2, difficulty="oracle")
    with pytest.raises(ConfigurationError, match="oracle"):
        ComputeOptimalSearch(arithmetic_stepper(), lambda p, a: 1.0, policy, 8, settings=QUIET)


async def test_a_dev_set_from_real_runs_on_the_step_simulator() -> None:
    sim = StepSimulator.from_pass_rates([0.9, 0.5, 0.2] * 4, steps=3, seed=5)
    truths = [sim.correct(i) for i in range(len(sim.prompts))]
    menu = (BEST_OF_N, BEAM, PARALLEL)
    dev = await collect_dev_set(
        list(sim.prompts), truths, sim.stepper(), sim.verifier(), menu=menu, budgets=(4, 8),
        probe=2, settings=QUIET, best_of_n_budgets=(16,),
    )  # fmt: skip
    assert len(dev) == 12
    for item in dev:
        assert set(item.outcomes) == {c.name for c in menu}
        assert set(item.outcomes[BEST_OF_N.name]) == {4, 8, 16}
        assert set(item.outcomes[BEAM.name]) == {4, 8}
        assert 0.0 <= item.oracle <= 1.0 and item.verifier is not None  # type: ignore[operator]
    easy = [d.oracle for i, d in enumerate(dev) if i % 3 == 0]
    hard = [d.oracle for i, d in enumerate(dev) if i % 3 == 2]
    assert sum(easy) > sum(hard)  # the oracle statistic sees the pass rates
    policy = fit_controller(dev, menu=menu, budgets=(4, 8), probe=2, difficulty="oracle", bins=2)
    assert [p.budget for p in policy.cross_validation] == [4, 8]
