"""The search strategies on scripted models, with verifier functions that know the truth."""

from __future__ import annotations

import asyncio

import pytest
from search_fixtures import PROMPT, RIGHT, arithmetic_stepper, outcome_truth, step_truth

from polypick import RetryPolicy, SamplingParams, Selection
from polypick.errors import ConfigurationError, ProviderStatusError, TooFewCandidatesError
from polypick.search import (
    DVTS,
    BeamSearch,
    FunctionStepper,
    Lookahead,
    ProcessVerifier,
    SearchSettings,
    SequentialRevision,
    VerifiedBestOfN,
)
from polypick.testing import ScriptedChat


def _finished_answers(sel: Selection) -> list[str]:
    return [c.text.rsplit("Answer: ", 1)[-1] for c in sel.candidates]


async def test_beam_search_finds_the_verified_answer_where_sampling_mostly_fails() -> None:
    llm = arithmetic_stepper()
    search = BeamSearch(llm, ProcessVerifier(step_truth), n=4, width=2, max_rounds=10)
    sel = await search.arun(PROMPT)
    assert sel.text == "\n\n".join(RIGHT)
    assert sel.scores[sel.index] == 1.0
    assert sel.selector == "beam_search"
    first_round = [c for c in llm.calls if not c.steps]
    assert len(first_round) == 4
    assert sel.usage.generation.requests == len(llm.calls)
    assert any(e.event == "search.round" for e in sel.trace)


async def test_beam_search_keeps_n_over_width_and_expands_each_width_times() -> None:
    llm = arithmetic_stepper(bad_every=1)  # every step is right: nothing to prune by score
    await BeamSearch(llm, ProcessVerifier(step_truth), n=6, width=3, max_rounds=2).arun(PROMPT)
    second = [c.steps for c in llm.calls if len(c.steps) == 1]
    assert len(second) == 6  # two kept beams, three expansions each


async def test_outcome_verifiers_guide_beam_search_too() -> None:
    def partial_truth(prompt: str, answer: str) -> float:
        return 1.0 if "\n\n".join(RIGHT).startswith(answer) else 0.0

    sel = await BeamSearch(arithmetic_stepper(), partial_truth, n=4, width=2).arun(PROMPT)
    assert sel.text.endswith("Answer: 42")


async def test_async_process_verifiers_work() -> None:
    async def verify(prompt: str, steps: list[str]) -> list[float]:
        await asyncio.sleep(0)
        return step_truth(prompt, steps)

    sel = await BeamSearch(arithmetic_stepper(), ProcessVerifier(verify), n=4, width=2).arun(PROMPT)
    assert sel.text.endswith("Answer: 42")


async def test_dvts_subtrees_are_independent() -> None:
    def step(prompt: str, steps: list[str], params: SamplingParams) -> str | None:
        if len(steps) == 2:
            return None
        return f"{'good' if len(llm.calls) <= 2 or steps[:1] == ['good'] else 'weak'}"

    def prefers_good(prompt: str, steps: list[str]) -> list[float]:
        return [0.9 if s == "good" else 0.1 for s in steps]

    llm = FunctionStepper(step)  # the first two first steps are "good", the other two "weak"
    dvts = await DVTS(llm, ProcessVerifier(prefers_good), n=4, width=2).arun(PROMPT)
    continued = {c.steps[0] for c in llm.calls if c.steps}
    assert continued == {"good", "weak"}  # the weak subtree still grows its own best beam
    assert [c.text for c in dvts.candidates] == ["good\n\ngood", "weak\n\nweak"]  # one each
    assert dvts.text == "good\n\ngood"

    llm = FunctionStepper(step)
    await BeamSearch(llm, ProcessVerifier(prefers_good), n=4, width=2).arun(PROMPT)
    assert {c.steps[0] for c in llm.calls if c.steps} == {"good"}  # one tree: weak is pruned


async def test_lookahead_scores_after_k_greedy_rollout_steps() -> None:
    seen: list[int] = []

    def verify(prompt: str, steps: list[str]) -> list[float]:
        seen.append(len(steps))
        return step_truth(prompt, steps)

    llm = arithmetic_stepper()
    sel = await Lookahead(llm, ProcessVerifier(verify), n=4, width=2, k=2).arun(PROMPT)
    assert sel.text.endswith("Answer: 42")
    greedy = [c for c in llm.calls if c.params.temperature == 0.0]
    assert greedy and all(c.params.stop == ("\n\n",) for c in greedy)
    # the first round scores 1 sampled step + 2 greedy ones
    assert seen[:4] == [3, 3, 3, 3]
    rollouts_after_first = [c for c in greedy if len(c.steps) in (1, 2)]
    assert len(rollouts_after_first) >= 8  # four beams, two greedy steps each, in round one


async def test_verified_best_of_n_weighted_beats_the_majority() -> None:
    wrong, right = "So the answer is 41.", "So the answer is 42."
    llm = ScriptedChat([wrong, wrong, wrong, right, right])

    def rm(prompt: str, answer: str) -> float:
        return 0.9 if "42" in answer else 0.2

    sel = await VerifiedBestOfN(llm, rm, n=5).arun(PROMPT)
    assert sel.text == right and sel.scores == (0.2, 0.2, 0.2, 0.9, 0.9)
    assert sel.usage.generation.requests == 5

    llm = ScriptedChat([wrong, wrong, wrong, right, right])
    flat = await VerifiedBestOfN(llm, lambda p, a: 1.0, n=5).arun(PROMPT)
    assert flat.text == wrong  # equal weights: plain majority


async def test_verified_best_of_n_by_best_score_and_with_a_process_verifier() -> None:
    texts = ["\n\n".join(RIGHT), "\n\n".join(RIGHT[:2] + ["37 + 5 = 41", "Answer: 41"])]
    sel = await VerifiedBestOfN(
        ScriptedChat(texts), ProcessVerifier(step_truth, aggregate="min"), n=2,
        settings=SearchSettings(vote="best"),
    ).arun(PROMPT)  # fmt: skip
    assert sel.index == 0 and sel.scores == (1.0, 0.0)


async def test_revision_never_just_takes_the_last_attempt() -> None:
    llm = ScriptedChat(["Answer: 42", "Answer: 41", "Answer: 40"])
    sel = await SequentialRevision(llm, outcome_truth, chains=1, length=3).arun(PROMPT)
    assert [c.text for c in sel.candidates] == ["Answer: 42", "Answer: 41", "Answer: 40"]
    assert sel.index == 0
    # each attempt sees the earlier ones of its chain
    assert "Answer: 42" in llm.calls[1].messages[-1].content
    assert "Answer: 41" in llm.calls[2].messages[-1].content


async def test_revision_window_and_chains() -> None:
    def reply(messages: object, params: SamplingParams) -> str:
        return "Answer: 42"

    llm = ScriptedChat(reply)
    sel = await SequentialRevision(llm, outcome_truth, budget=12, ratio=3.0, window=2).arun(PROMPT)
    assert len(sel.candidates) == 12  # 2 chains of 6
    shown = [c.messages[-1].content.count("--- attempt ") for c in llm.calls if len(c.messages) > 1]
    assert max(shown) == 2
    assert sel.selector == "sequential_revision"


async def test_backends_that_cannot_continue_fail_before_any_request() -> None:
    with pytest.raises(ConfigurationError, match="cannot continue a partial answer"):
        BeamSearch(ScriptedChat(["x"]), outcome_truth)
    VerifiedBestOfN(ScriptedChat(["x"]), outcome_truth)  # no continuation needed


def test_bad_settings_are_refused() -> None:
    llm = arithmetic_stepper()
    with pytest.raises(ConfigurationError, match="multiple of width"):
        BeamSearch(llm, outcome_truth, n=5, width=2)
    with pytest.raises(ConfigurationError, match="verifier"):
        BeamSearch(llm, "truth", n=4)  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match="vote"):
        DVTS(llm, outcome_truth, settings=SearchSettings(vote="max"))  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match="both chains and length"):
        SequentialRevision(llm, outcome_truth, chains=2)


async def test_failing_verifier_calls_are_recorded_and_the_search_goes_on() -> None:
    def flaky(prompt: str, answer: str) -> float:
        if "41" in answer:
            raise RuntimeError("the test harness crashed")
        return outcome_truth(prompt, answer)

    sel = await VerifiedBestOfN(ScriptedChat(["Answer: 41", "Answer: 42"]), flaky, n=2).arun(PROMPT)
    assert sel.text == "Answer: 42" and sel.scores == (None, 1.0)
    assert [f.stage for f in sel.selection_failures] == ["verifier"]


async def test_when_every_generation_fails_the_error_carries_the_causes() -> None:
    llm = ScriptedChat([ValueError("boom")] * 3)
    with pytest.raises(TooFewCandidatesError) as info:
        await VerifiedBestOfN(llm, outcome_truth, n=3, settings=SearchSettings(retry=0)).arun("Q")
    assert len(info.value.exceptions) == 3


def test_sync_run_matches_async() -> None:
    search = BeamSearch(arithmetic_stepper(), ProcessVerifier(step_truth), n=4, width=2)
    assert search.run(PROMPT).text.endswith("Answer: 42")
    search.close()


def test_cost_bounds_follow_the_paper() -> None:
    llm = arithmetic_stepper()
    assert BeamSearch(llm, outcome_truth, n=8, width=2, max_rounds=40).cost().generations == 320
    look = Lookahead(llm, outcome_truth, n=8, width=2, k=3, max_rounds=10).cost()
    assert (look.generations, look.verifier_calls) == (8 * 10 * 4, 80)  # N(k+1) per round
    assert VerifiedBestOfN(llm, outcome_truth, n=5).cost().verifier_calls == 5
    assert SequentialRevision(llm, outcome_truth, budget=16).cost().generations == 16


async def test_when_every_step_fails_beam_search_raises_with_the_causes() -> None:
    def broken(prompt: str, steps: list[str], params: SamplingParams) -> str | None:
        raise RuntimeError("the model crashed")

    with pytest.raises(TooFewCandidatesError) as info:
        await BeamSearch(FunctionStepper(broken), outcome_truth, n=2, width=1).arun(PROMPT)
    assert len(info.value.exceptions) == 2
    assert all("crashed" in str(e) for e in info.value.exceptions)


async def test_answers_cut_off_by_max_rounds_are_returned_as_partial() -> None:
    events: list[str] = []
    search = BeamSearch(arithmetic_stepper(bad_every=1), outcome_truth, n=2, width=1, max_rounds=2)
    sel = await search.arun(PROMPT, on_event=lambda e: events.append(e.event))
    assert sel.text == "\n\n".join(RIGHT[:2])
    assert sel.best.finish_reason == "length"
    assert events.count("search.round") == 2 and events[-1] == "search.vote"


def passes_unit_tests(prompt: str, answer: str) -> float:
    """A user verifier for code: the share of unit tests the answer's ``add`` passes."""
    namespace: dict[str, object] = {}
    try:
        exec(answer, namespace)
        add = namespace["add"]
        cases = [((1, 2), 3), ((-1, 1), 0), ((10, 5), 15)]
        return sum(add(*args) == want for args, want in cases) / len(cases)  # type: ignore[operator]
    except Exception:
        return 0.0


async def test_unit_tests_as_the_verifier_pick_the_correct_program() -> None:
    programs = [
        "def add(a, b):\n    return a - b",
        "def add(a, b):\n    return a + b",
        "def add(a, b):\n    return abs(a) + b",
        "this is not python",
    ]
    settings = SearchSettings(vote="best")
    sel = await VerifiedBestOfN(ScriptedChat(programs), passes_unit_tests, n=4,
                                settings=settings).arun("Write add(a, b).")  # fmt: skip
    assert sel.text == programs[1] and sel.scores[1] == 1.0
    assert sel.scores[3] == 0.0


async def test_a_revision_aware_verifier_sees_the_attempts_each_attempt_revised() -> None:
    asked: list[tuple[str, str]] = []

    def verifier(prompt: str, answer: str) -> float:
        asked.append((prompt, answer))
        return outcome_truth(prompt, answer)

    replies = ["Answer: 41", "Answer: 42", "Answer: 40"]
    for sees in ("history", "attempt"):
        asked.clear()
        llm = ScriptedChat(list(replies))
        search = SequentialRevision(llm, verifier, chains=1, length=3, verifier_sees=sees)
        sel = await search.arun(PROMPT)
        assert sel.text == "Answer: 42"
        seen = dict((answer, prompt) for prompt, answer in asked)
        assert seen["Answer: 41"] == PROMPT  # the first attempt revised nothing
        if sees == "history":  # the third attempt is judged with the two it revised
            assert seen["Answer: 40"].startswith(PROMPT)
            assert "Answer: 41" in seen["Answer: 40"] and "Answer: 42" in seen["Answer: 40"]
            assert seen["Answer: 40"].endswith(
                llm.calls[2].messages[-1].content.split("\n\n", 1)[1]
            )
        else:
            assert set(seen.values()) == {PROMPT}
    with pytest.raises(ConfigurationError, match="verifier_sees"):
        SequentialRevision(ScriptedChat(["x"]), verifier, verifier_sees="all")  # type: ignore[arg-type]


async def test_verifier_calls_are_retried_through_the_call_gateway() -> None:
    failures = iter([ProviderStatusError("busy", status_code=503, provider="checker"), None])

    def verifier(prompt: str, answer: str) -> float:
        error = next(failures, None)
        if error is not None:
            raise error
        return outcome_truth(prompt, answer)

    policy = RetryPolicy(max_retries=2, initial_wait=0, max_wait=0)
    settings = SearchSettings(retry=policy, detect_language=False)
    search = VerifiedBestOfN(ScriptedChat(["Answer: 42"]), verifier, n=1, settings=settings)
    sel = await search.arun(PROMPT)
    assert sel.scores == (1.0,) and not sel.selection_failures
    assert [e.event for e in sel.trace if e.event.endswith(".retry")] == ["search.verifier.retry"]
