"""The step-level simulator: known pass rates, a process verifier with known noise, replays."""

from __future__ import annotations

import statistics

import pytest

from polypick import SamplingParams
from polypick.search import BeamSearch, SearchSettings, StepSimulator, VerifiedBestOfN
from polypick.selectors.answers import extract_answer

SAMPLE = SamplingParams(temperature=0.8)
QUIET = SearchSettings(detect_language=False, retry=0)


def _answer(sim: StepSimulator, prompt: int) -> list[str]:
    steps: list[str] = []
    while (step := sim.next_step(sim.prompts[prompt], steps, SAMPLE)) is not None:
        steps.append(step)
    return steps


def test_whole_answers_are_right_at_the_given_pass_rate() -> None:
    sim = StepSimulator.from_pass_rates([0.3] * 50 + [0.9] * 50, steps=4, seed=1)
    right = [sim.is_right(_answer(sim, i)) for i in range(100) for _ in range(6)]
    hard, easy = statistics.mean(right[:300]), statistics.mean(right[300:])
    assert hard == pytest.approx(0.3, abs=0.07)
    assert easy == pytest.approx(0.9, abs=0.05)
    assert sum(sim.generated.values()) == 600 * 4  # every answer has exactly 4 steps


def test_a_wrong_step_stays_wrong_and_ends_in_a_wrong_answer() -> None:
    sim = StepSimulator([0.5] * 20, steps=3, seed=2)
    for i in range(20):
        for _ in range(5):
            steps = _answer(sim, i)
            flags = [" ok #" in s for s in steps]
            assert flags == sorted(flags, reverse=True)  # no right step after a wrong one
            assert (extract_answer(steps[-1]) == sim.correct(i)) == all(flags)


async def test_the_verifier_separates_right_from_wrong_prefixes_unless_deceived() -> None:
    honest, fooled = (StepSimulator([0.5] * 40, deceptive=d, seed=3) for d in (0.0, 1.0))
    for sim, separated in ((honest, True), (fooled, False)):
        right, wrong = [], []
        for i in range(40):
            for _ in range(4):
                steps = _answer(sim, i)
                score = (await sim.score_steps(sim.prompts[i], steps))[-1]
                (right if sim.is_right(steps) else wrong).append(score)
        gap = statistics.mean(right) - statistics.mean(wrong)
        assert (gap > 0.15) is separated  # the mean gap is 0.25, noise 0.2
        assert (await sim.score_steps(sim.prompts[0], ["x"])) == (
            await sim.score_steps(sim.prompts[0], ["x"])
        )  # a prefix always gets the same score


async def test_reset_replays_and_every_strategy_starts_from_the_same_first_steps() -> None:
    sim = StepSimulator([0.6] * 3, seed=4)
    whole = await VerifiedBestOfN(sim.stepper(), sim.verifier(), n=4, settings=QUIET).arun(
        sim.prompts[1]
    )
    sim.reset()
    again = await VerifiedBestOfN(sim.stepper(), sim.verifier(), n=4, settings=QUIET).arun(
        sim.prompts[1]
    )
    assert [c.text for c in again.candidates] == [c.text for c in whole.candidates]
    sim.reset()
    beam = await BeamSearch(sim.stepper(), sim.verifier(), n=4, width=2, settings=QUIET).arun(
        sim.prompts[1]
    )
    first_steps = {c.text.split("\n\n")[0] for c in whole.candidates}
    assert {c.text.split("\n\n")[0] for c in beam.candidates} <= first_steps


async def test_beam_search_beats_weighted_best_of_n_at_the_same_step_count() -> None:
    sim = StepSimulator.from_pass_rates([0.3] * 60, seed=5)
    sim.reset()
    weighted = 0
    for i, prompt in enumerate(sim.prompts):
        sel = await VerifiedBestOfN(sim.stepper(), sim.verifier(), n=8, settings=QUIET).arun(prompt)
        weighted += extract_answer(sel.text) == sim.correct(i)
    best_of_n_steps = sum(sim.generated.values())
    sim.reset()
    beam = 0
    for i, prompt in enumerate(sim.prompts):
        sel = await BeamSearch(sim.stepper(), sim.verifier(), 8, 4, settings=QUIET).arun(prompt)
        beam += extract_answer(sel.text) == sim.correct(i)
    assert sum(sim.generated.values()) <= best_of_n_steps  # n beams write <= n answers' steps
    assert beam > weighted
