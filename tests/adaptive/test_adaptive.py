"""AdaptiveBestOfN end to end over scripted models whose right answers are known."""

from __future__ import annotations

from pathlib import Path

import pytest

from polypick import Hedged, Message, SamplingParams, Temperature, TemperatureProfile
from polypick.adaptive import (
    AdaptiveBestOfN,
    AdaptiveSettings,
    ComputeBudget,
    Simulator,
    fit_policy,
)
from polypick.errors import BatchError, ConfigurationError, ProviderError, TooFewCandidatesError
from polypick.testing import ScriptedChat

PLAN = Temperature(temperature=0.7, seed=0)
EASY, CLOSE, TRAP = "What is 6 x 7?", "What is 17 + 25?", "What is 13 x 3?"


def _model(messages: list[Message], params: SamplingParams) -> str:
    """EASY: always 42. CLOSE: 42 and 41 alternate, 42 first. TRAP: mostly 38, truly 39."""
    k, prompt = params.seed or 0, messages[-1].content
    if prompt == EASY:
        return "The answer is 42."
    if prompt == CLOSE:
        return f"Answer: {42 if k % 2 == 0 else 41}"
    return f"(sample {k}) Answer: {39 if k % 4 == 2 else 38}"


def _verifier(prompt: str, answer: str) -> float:
    return 0.95 if answer.endswith("39") else 0.1


def test_an_easy_prompt_stops_after_the_first_round_and_the_rest_goes_to_the_close_one() -> None:
    chat = ScriptedChat(_model)
    adaptive = AdaptiveBestOfN(chat, ComputeBudget(generations=8), sampling=PLAN)
    run = adaptive.run_batch([EASY, CLOSE])
    easy, close = run.report.prompts
    assert easy.samples == 4 and easy.stopped_early and easy.first_agreement == 1.0
    assert close.samples == 12 and not close.stopped_early  # all of the remaining budget
    assert run.report.generations == 16 == len(chat.calls)
    assert [s.text for s in run.selections] == ["The answer is 42.", "Answer: 42"]
    sel = run.selections[1]
    assert [c.sample for c in sel.candidates] == list(range(12))
    assert [c.params.seed for c in sel.candidates if c.params] == list(range(12))
    assert sel.usage.generation.requests == 12
    assert sel.selector == "adaptive:majority"
    assert any(e.event == "adaptive.difficulty" for e in sel.trace)
    assert any(e.event == "adaptive.stop" for e in run.selections[0].trace)


async def test_a_verifier_turns_the_vote_into_a_weighted_one() -> None:
    adaptive = AdaptiveBestOfN(
        ScriptedChat(_model), ComputeBudget(generations=8), verifier=_verifier, sampling=PLAN
    )
    run = await adaptive.arun(TRAP)
    assert run.selection.text.endswith("39")
    assert run.selection.selector == "adaptive:weighted"
    allocation = run.report.prompts[0]
    assert allocation.answer == "39" and allocation.mean_score is not None
    assert all(score is not None for score in run.selection.scores)


def test_a_policy_file_is_loaded_and_chooses_the_strategy(tmp_path: Path) -> None:
    sim = Simulator([0.9, 0.6, 0.3] * 30, seed=11)
    path = tmp_path / "policy.json"
    fit_policy(sim.dev_set(8), budgets=(4, 8)).save(path)
    adaptive = AdaptiveBestOfN(
        ScriptedChat(sim.responder),
        ComputeBudget(generations=6),
        verifier=sim.verifier,
        policy=path,
        sampling=PLAN,
    )
    run = adaptive.run_batch(list(sim.prompts[:9]))
    policy = adaptive.policy
    assert policy is not None and policy.first_round == 4
    for line in run.report.prompts:  # each prompt's bin is the one its final state falls in
        assert line.bin == policy.bin_of(line.samples, line.agreement)
        assert line.strategy == policy.choice(line.samples, line.agreement).strategy
    assert any(line.bin is not None for line in run.report.prompts)
    assert run.report.generations <= 6 * 9
    assert {s.selector for s in run.selections} <= {
        "adaptive:majority",
        "adaptive:weighted",
        "adaptive:best_of_n",
    }


def test_on_the_simulator_adaptive_beats_uniform_majority_at_the_same_budget() -> None:
    sim = Simulator([0.95] * 40 + [0.55] * 40 + [0.15] * 20, wrong_answers=6, seed=2)
    truth = [sim.correct(i) for i in range(len(sim.p))]
    uniform = sum(e.solved("majority", 6) for e in sim.dev_set(6))
    run = AdaptiveBestOfN(
        ScriptedChat(sim.responder), ComputeBudget(generations=6), sampling=PLAN
    ).run_batch(list(sim.prompts))
    adaptive = sum(p.answer == t for p, t in zip(run.report.prompts, truth, strict=True))
    assert run.report.generations <= 600
    assert adaptive > uniform
    easy = [p.samples for p in run.report.prompts[:40]]
    medium = [p.samples for p in run.report.prompts[40:80]]
    assert sum(medium) > sum(easy)  # settled easy prompts stop early


def test_failed_samples_count_against_the_budget_and_all_failing_raises() -> None:
    def flaky(messages: list[Message], params: SamplingParams) -> str | Exception:
        if messages[-1].content == "broken":
            return ProviderError("down")
        return "Answer: 1"

    adaptive = AdaptiveBestOfN(
        ScriptedChat(flaky), ComputeBudget(generations=4), sampling=PLAN, settings=None
    )
    with pytest.raises(BatchError) as caught:
        adaptive.run_batch(["fine", "broken"])
    assert caught.value.results[0] is not None and caught.value.results[1] is None
    with pytest.raises(TooFewCandidatesError):
        adaptive.run("broken")


def test_a_policy_must_match_the_first_round_and_have_its_verifier() -> None:
    sim = Simulator([0.9, 0.5] * 20, seed=4)
    scored = fit_policy(sim.dev_set(8), budgets=(4, 8))
    chat, budget = ScriptedChat(sim.responder), ComputeBudget(generations=6)
    with pytest.raises(ConfigurationError, match="first-round"):
        AdaptiveBestOfN(chat, budget, first_round=2, verifier=sim.verifier, policy=scored)
    assert scored.strategies == ("majority", "weighted", "best_of_n")
    with pytest.raises(ConfigurationError, match="verifier"):
        AdaptiveBestOfN(chat, budget, policy=scored)
    verifier_binned = fit_policy(sim.dev_set(8), budgets=(4, 8), statistic="verifier")
    with pytest.raises(ConfigurationError, match="verifier"):
        AdaptiveBestOfN(chat, budget, policy=verifier_binned)
    blind = fit_policy(
        [e.model_copy(update={"scores": None}) for e in sim.dev_set(8)], budgets=(4, 8)
    )
    assert AdaptiveBestOfN(chat, budget, policy=blind).first_round == 4


async def test_the_sync_twin_gives_what_the_async_method_gives() -> None:
    def make() -> AdaptiveBestOfN:
        return AdaptiveBestOfN(ScriptedChat(_model), ComputeBudget(generations=6), sampling=PLAN)

    asynchronous = await make().arun_batch([EASY, CLOSE, TRAP])
    synchronous = make().run_batch([EASY, CLOSE, TRAP])
    assert [s.text for s in synchronous.selections] == [s.text for s in asynchronous.selections]
    assert synchronous.report.prompts == asynchronous.report.prompts


SPANISH = "¿Cuánto es seis por siete? Responde con una frase completa, por favor."


def _answers_in_spanish(messages: list[Message], params: SamplingParams) -> str:
    return "La respuesta correcta es 42, porque seis por siete son cuarenta y dos."


def test_languages_are_detected_and_pick_the_prompts_sampling_profile() -> None:
    chat = ScriptedChat(_answers_in_spanish)
    profile = TemperatureProfile(default=0.9, languages={"es": 0.4})
    adaptive = AdaptiveBestOfN(
        chat, ComputeBudget(generations=4), first_round=4, sampling=Hedged(temperature=profile)
    )
    sel = adaptive.run(SPANISH).selection
    assert sel.language == "es"
    assert {c.language for c in sel.candidates} == {"es"} and not sel.off_language
    temperatures = sorted(c.params.temperature for c in sel.candidates if c.params)
    assert temperatures == [0.0, 0.4, 0.4, 0.4]  # greedy + the profile's Spanish temperature


def test_language_detection_can_be_switched_off() -> None:
    profile = TemperatureProfile(default=0.9, languages={"es": 0.4})
    adaptive = AdaptiveBestOfN(
        ScriptedChat(_answers_in_spanish),
        ComputeBudget(generations=4),
        first_round=4,
        sampling=Hedged(temperature=profile),
        settings=AdaptiveSettings(detect_language=False),
    )
    sel = adaptive.run(SPANISH).selection
    assert sel.language is None and {c.language for c in sel.candidates} == {None}
    temperatures = sorted(c.params.temperature for c in sel.candidates if c.params)
    assert temperatures == [0.0, 0.9, 0.9, 0.9]  # the profile's default, no language known
