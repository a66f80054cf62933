"""Every search strategy detects languages like BestOfN and stops at its deadline."""

from __future__ import annotations

import asyncio
import time

import pytest
from search_fixtures import PROMPT, RIGHT, arithmetic_stepper, step_truth

from polypick import SamplingParams
from polypick.errors import ConfigurationError, DeadlineExceededError, TooFewCandidatesError
from polypick.search import (
    DVTS,
    BeamSearch,
    FunctionStepper,
    ProcessVerifier,
    SearchSettings,
    SequentialRevision,
    VerifiedBestOfN,
)
from polypick.testing import ScriptedChat

FRENCH_PROMPT = (
    "Quelle est la capitale de la France ? Réponds en une phrase complète, s'il te plaît."
)
FRENCH = "La capitale de la France est Paris, une très grande ville au bord de la Seine."
ENGLISH = "The capital of France is Paris, a very large city on the banks of the river Seine."


def _likes_french(prompt: str, answer: str) -> float:
    return 0.9 if answer.startswith("La") else 0.4


async def test_whole_answer_search_records_the_prompt_and_candidate_languages() -> None:
    llm = ScriptedChat(lambda messages, params: FRENCH if len(llm.calls) % 2 else ENGLISH)
    sel = await VerifiedBestOfN(llm, _likes_french, n=4).arun(FRENCH_PROMPT)
    assert sel.language == "fr"
    assert sorted(c.language or "" for c in sel.candidates) == ["en", "en", "fr", "fr"]
    assert sel.off_language == tuple(i for i, c in enumerate(sel.candidates) if c.language == "en")
    assert sel.text == FRENCH
    assert any(e.event == "search.start" and e.data["language"] == "fr" for e in sel.trace)


async def test_step_search_records_languages_of_each_solution() -> None:
    def step(prompt: str, steps: list[str], params: SamplingParams) -> str | None:
        if steps:
            return None
        return FRENCH if len(llm.calls) <= 2 else ENGLISH  # subtree 0 French, subtree 1 English

    llm = FunctionStepper(step)
    verifier = ProcessVerifier(lambda p, steps: [0.5] * len(steps))
    sel = await DVTS(llm, verifier, n=4, width=2).arun(FRENCH_PROMPT)
    assert sel.language == "fr"
    assert {c.text: c.language for c in sel.candidates} == {FRENCH: "fr", ENGLISH: "en"}
    assert len(sel.off_language) == 1


async def test_language_detection_can_be_switched_off() -> None:
    settings = SearchSettings(detect_language=False)
    llm = ScriptedChat(lambda messages, params: ENGLISH)
    sel = await VerifiedBestOfN(llm, _likes_french, n=2, settings=settings).arun(FRENCH_PROMPT)
    assert sel.language is None
    assert all(c.language is None for c in sel.candidates)


def _slow_after(depth: int, seconds: float) -> ProcessVerifier:
    """The truth, but slow for partial answers of at least ``depth`` steps."""

    async def verify(prompt: str, steps: list[str]) -> list[float]:
        if len(steps) >= depth:
            await asyncio.sleep(seconds)
        return step_truth(prompt, steps)

    return ProcessVerifier(verify)


async def test_beam_search_returns_the_best_so_far_when_the_deadline_passes() -> None:
    settings = SearchSettings(deadline=0.4, detect_language=False)
    search = BeamSearch(arithmetic_stepper(), _slow_after(3, 5.0), n=4, width=2, settings=settings)
    started = time.monotonic()
    sel = await search.arun(PROMPT)
    assert time.monotonic() - started < 2.0  # the slow third round was cut, not awaited
    assert sel.text == "\n\n".join(RIGHT[:2])  # the best beam of the last whole round
    assert sel.candidates[sel.index].finish_reason == "length"
    assert sel.scores[sel.index] == 1.0
    deadline = [e for e in sel.trace if e.event == "search.deadline"]
    assert len(deadline) == 1 and deadline[0].data["stage"] == "verifier"
    assert [e.data["deadline"] for e in sel.trace if e.event == "search.start"] == [0.4]


async def test_a_search_that_finished_nothing_before_its_deadline_says_so() -> None:
    settings = SearchSettings(deadline=0.2, detect_language=False)
    search = BeamSearch(arithmetic_stepper(), _slow_after(1, 5.0), n=4, width=2, settings=settings)
    with pytest.raises(TooFewCandidatesError, match="deadline of 0.2 s") as caught:
        await search.arun(PROMPT)
    assert any(isinstance(e, DeadlineExceededError) for e in caught.value.exceptions)


async def test_verified_best_of_n_keeps_the_samples_that_beat_the_deadline() -> None:
    async def verify(prompt: str, answer: str) -> float:
        await asyncio.sleep(0 if answer == "fast" else 5.0)
        return 1.0

    llm = ScriptedChat(["fast", "slow", "fast"])
    settings = SearchSettings(deadline=0.3, detect_language=False)
    sel = await VerifiedBestOfN(llm, verify, n=3, settings=settings).arun("Say something.")
    assert sorted(sel.scores, key=lambda s: s is None) == [1.0, 1.0, None]  # one left unscored
    assert sel.text == "fast"
    assert any(e.event == "search.deadline" for e in sel.trace)


async def test_revision_chains_stop_starting_attempts_after_the_deadline() -> None:
    llm = ScriptedChat(lambda messages, params: "Answer: 42", latency_s=0.15)
    settings = SearchSettings(deadline=0.4, detect_language=False)
    search = SequentialRevision(llm, lambda p, a: 1.0, chains=1, length=10, settings=settings)
    sel = await search.arun(PROMPT)
    assert 1 <= len(sel.candidates) <= 3  # attempts that finished before the deadline
    assert len(llm.calls) <= 3
    assert sel.text == "Answer: 42"


@pytest.mark.parametrize("deadline", [0, -1.0, float("inf"), True, "10"])
def test_invalid_deadlines_are_refused(deadline: object) -> None:
    with pytest.raises(ConfigurationError, match="deadline"):
        SearchSettings(deadline=deadline)  # type: ignore[arg-type]
