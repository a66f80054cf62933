"""A step the token limit cuts off is continued where it stopped, never closed as if the model
had ended it; every backend reports why a continuation stopped."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from polypick import SamplingParams
from polypick.core.protocol import ModelRequest
from polypick.core.types import Message
from polypick.search import (
    BeamSearch,
    FunctionStepper,
    ProcessVerifier,
    SearchSettings,
    VerifiedBestOfN,
    continue_answer,
)
from polypick.search.stepper import cut_words
from polypick.search.steps import PAPER_DELIMITER

PROMPT = "Add 17 and 25, one step per line."
# Each step is 9 words, longer than the 4-word token limit the tests set.
STEPS = [
    "First write 25 as 20 plus 5 to add it",
    "Then 17 plus 20 makes 37 which is easy now",
    "Finally 37 plus 5 makes 42 so we are done",
]


def writer(prompt: str, steps: list[str], params: SamplingParams) -> str | None:
    return STEPS[len(steps)] if len(steps) < len(STEPS) else None


def tight(**changes: object) -> SearchSettings:
    values: dict[str, object] = {
        "max_step_tokens": 4, "detect_language": False, "retry": 0, "delimiter": PAPER_DELIMITER,
    }  # fmt: skip
    return SearchSettings(**(values | changes))  # type: ignore[arg-type]


@given(st.text(alphabet="ab \n", max_size=30), st.one_of(st.none(), st.integers(0, 8)))
def test_cut_words_splits_without_losing_text(text: str, limit: int | None) -> None:
    head, rest = cut_words(text, limit)
    assert head + rest == text
    if limit is not None:
        assert len(head.split()) == min(limit, len(text.split()))


async def test_the_scripted_stepper_cuts_a_long_step_and_writes_the_rest_when_continued() -> None:
    llm = FunctionStepper(writer, delimiter="\n")
    params = SamplingParams(temperature=0.5, max_tokens=4, stop=("\n",))
    messages = [Message(role="user", content=PROMPT)]
    first = await continue_answer(llm, messages, "", params)
    assert (first.text, first.ended, first.finish_reason) == ("First write 25 as", False, "length")
    second = await continue_answer(llm, messages, first.text, params)
    assert second.text == " 20 plus 5 to" and second.finish_reason == "length"
    third = await continue_answer(llm, messages, first.text + second.text, params)
    assert (third.text, third.finish_reason) == (" add it", "stop")
    assert first.text + second.text + third.text == STEPS[0]
    assert len(llm.calls) == 1  # the rest came from the step already written, not a new draw


async def test_beam_search_continues_cut_steps_and_scores_whole_steps() -> None:
    scored: list[list[str]] = []

    def verifier(prompt: str, steps: list[str]) -> list[float]:
        scored.append(list(steps))
        return [1.0] * len(steps)

    llm = FunctionStepper(writer, delimiter="\n")
    search = BeamSearch(llm, ProcessVerifier(verifier), n=1, width=1, settings=tight())
    sel = await search.arun(PROMPT)
    # A cut step closed with a delimiter would reach the verifier as pieces such as
    # "First write 25 as"; continued, every step it sees is a whole step.
    assert scored == [STEPS[:1], STEPS[:2], STEPS[:3]]
    assert sel.text == "\n".join(STEPS)
    assert sel.candidates[0].finish_reason == "stop"
    continued = [e for e in sel.trace if e.event == "search.step.continued"]
    assert len(continued) == 2 * len(STEPS)  # 9 words at 4 per call: 3 calls, 2 of them again
    # every continuation call is a billed generation request
    assert sel.usage.generation.requests == 3 * len(STEPS) + 1  # + the final, empty one
    assert sel.usage.generation.completion_tokens == sum(len(s.split()) for s in STEPS)


async def test_a_step_still_cut_after_the_allowed_continuations_ends_its_beam_as_cut_off() -> None:
    llm = FunctionStepper(writer, delimiter="\n")
    search = BeamSearch(
        llm, ProcessVerifier(lambda p, s: [0.5] * len(s)), n=1, width=1,
        settings=tight(max_continuations=1),
    )  # fmt: skip
    sel = await search.arun(PROMPT)
    assert sel.text == "First write 25 as 20 plus 5 to"  # 8 of 9 words: two calls, still cut
    assert sel.candidates[0].finish_reason == "length"
    assert any(e.event == "search.step.cut" for e in sel.trace)


async def test_whole_answers_cut_by_the_token_limit_are_reported_as_cut() -> None:
    llm = FunctionStepper(writer, delimiter="\n")
    settings = SearchSettings(max_step_tokens=12, detect_language=False, retry=0)
    sel = await VerifiedBestOfN(llm, lambda p, a: 1.0, n=2, settings=settings).arun(PROMPT)
    assert [c.finish_reason for c in sel.candidates] == ["length", "length"]
    assert all(len(c.text.split()) == 12 for c in sel.candidates)


def test_the_delimiter_is_a_setting_with_the_papers_convention_available() -> None:
    assert SearchSettings().delimiter == "\n\n" and PAPER_DELIMITER == "\n"
    llm = FunctionStepper(writer, delimiter="\n")
    search = BeamSearch(llm, lambda p, a: 1.0, n=1, width=1, settings=tight())
    assert search.params.stop == ("\n",)
    with pytest.raises(Exception, match="delimiter"):
        SearchSettings(delimiter="")


@pytest.mark.local_model
async def test_the_embedded_model_reports_a_cut_step_and_continues_it() -> None:
    from polypick.providers import LocalChat

    llm = LocalChat()
    messages = [Message(role="user", content="Write the numbers from 1 to 10 on one line.")]
    params = SamplingParams(temperature=0.0, max_tokens=3, stop=("\n",))
    cut = await continue_answer(llm, messages, "", params)
    assert (cut.ended, cut.finish_reason) == (False, "length")
    assert cut.usage.completion_tokens == 3
    more = params.model_copy(update={"max_tokens": 200})
    rest = await continue_answer(llm, messages, cut.text, more)
    assert rest.finish_reason == "stop" and "\n" not in rest.text
    # the continuation carries on from inside the line: the numbers run on, not start over
    assert (cut.text + rest.text).replace(" ", "").startswith("1,2,3,4,5,6,7,8,9,10")


@pytest.mark.local_model
async def test_beam_search_on_the_embedded_model_continues_cut_steps() -> None:
    pieces: list[list[str]] = []

    def lines(prompt: str, steps: list[str]) -> list[float]:
        pieces.append(list(steps))
        return [1.0] * len(steps)

    settings = tight(max_step_tokens=3, max_continuations=8, temperature=0.0)
    search = BeamSearch(
        "local", ProcessVerifier(lines), n=1, width=1, max_rounds=1, settings=settings
    )
    sel = await search.arun("Write the numbers from 1 to 10 on one line.")
    continued = [e for e in sel.trace if e.event == "search.step.continued"]
    assert continued, "a 3-token limit cuts the first line, which must be continued"
    assert sel.usage.generation.completion_tokens > 3
    assert len(pieces) == 1 and len(pieces[0]) == 1  # one step, scored whole
    assert "\n" not in pieces[0][0]


async def test_a_backend_that_cannot_tell_why_it_stopped_still_works() -> None:
    class Plain:
        name = "plain"

        async def generate(self, request: ModelRequest) -> list[object]:
            raise AssertionError("not used")

        async def aclose(self) -> None:
            pass

        async def continue_answer(self, request: ModelRequest, partial: str) -> object:
            from polypick.core.types import Step

            return Step("" if partial else "Answer: 42", None)

    sel = await BeamSearch(Plain(), lambda p, a: 1.0, n=1, width=1, settings=tight()).arun(PROMPT)
    assert sel.text == "Answer: 42" and sel.candidates[0].finish_reason == "stop"
