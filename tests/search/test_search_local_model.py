"""Every search method with the embedded SmolLM2 model, for real (tiny budgets)."""

from __future__ import annotations

from typing import Any

import pytest

from polypick import SamplingParams
from polypick.core.types import Message
from polypick.providers import LocalChat
from polypick.search import (
    DVTS,
    BeamSearch,
    Lookahead,
    ProcessVerifier,
    SearchSettings,
    SequentialRevision,
    VerifiedBestOfN,
    continue_answer,
)
from polypick.search.steps import PAPER_DELIMITER

pytestmark = pytest.mark.local_model

PROMPT = "What is 12 + 30? Answer in two short steps."
SETTINGS = SearchSettings(temperature=0.7, max_step_tokens=12)
LINES = SearchSettings(temperature=0.7, max_step_tokens=12, delimiter=PAPER_DELIMITER)


def has_digits(prompt: str, answer: str) -> float:
    """A user verifier: prefers answers that contain the right number, then any number."""
    return 1.0 if "42" in answer else 0.5 if any(ch.isdigit() for ch in answer) else 0.1


def per_step(prompt: str, steps: list[str]) -> list[float]:
    return [has_digits(prompt, step) for step in steps]


async def test_the_embedded_model_continues_a_partial_answer() -> None:
    llm = LocalChat()
    params = SamplingParams(temperature=0.0, max_tokens=12, stop=("\n",))
    messages = [Message(role="user", content="Count from 1 to 9, one number per line.")]
    step = await continue_answer(llm, messages, "1\n2\n3\n", params)
    assert step.text.strip() and "\n" not in step.text
    assert step.usage.prompt_tokens > 0 and step.usage.completion_tokens > 0


SEARCHES: list[Any] = [
    lambda: BeamSearch("local", ProcessVerifier(per_step), n=2, width=1, max_rounds=2,
                       settings=LINES),
    lambda: DVTS("local", ProcessVerifier(per_step), n=2, width=1, max_rounds=2, settings=LINES),
    lambda: Lookahead("local", has_digits, n=2, width=1, k=1, max_rounds=2, settings=LINES),
    lambda: VerifiedBestOfN("local", has_digits, n=2, settings=SETTINGS),
    lambda: SequentialRevision("local", has_digits, chains=1, length=2, settings=SETTINGS),
]  # fmt: skip


@pytest.mark.parametrize("make", SEARCHES, ids=["beam", "dvts", "lookahead", "bon", "revision"])
async def test_each_search_runs_on_the_embedded_model(make: Any) -> None:
    sel = await make().arun(PROMPT)
    assert sel.candidates and sel.text.strip()
    assert sel.text == sel.candidates[sel.index].text
    assert all(s is not None for s in sel.scores)
    assert sel.usage.generation.requests > 0 and sel.usage.generation.completion_tokens > 0
    assert sel.llm == "local:SmolLM2-135M-Instruct.Q4_1"


async def test_the_embedded_model_as_a_step_judge_in_beam_search() -> None:
    from polypick.search import LLMStepJudge

    judge = LLMStepJudge("local", rate="last", max_tokens=24)
    search = BeamSearch("local", judge, n=1, width=1, max_rounds=1, settings=LINES)  # fmt: skip
    sel = await search.arun(PROMPT)
    assert sel.text.strip()
    # one judge call, constrained by the reply schema; a reply out of range is a recorded failure
    assert sel.usage.selection.requests == 1 and sel.usage.selection.prompt_tokens > 0
    assert (sel.scores[0] is None) == bool(sel.selection_failures)
