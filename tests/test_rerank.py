"""select(): rerank candidates that already exist, with the same Selection record."""

from __future__ import annotations

import pytest

from polypick import BestOfN, aselect, select
from polypick.errors import ConfigurationError
from polypick.selectors import default_selector
from polypick.testing import ScriptedChat


def test_select_reranks_plain_strings_without_sampling() -> None:
    sel = select("What is 6 * 7?", ["It is 42.", "41", "Answer: 42"], selector="majority")
    assert sel.text in {"It is 42.", "Answer: 42"}
    assert len(sel.candidates) == 3
    assert sel.usage.generation.requests == 0
    assert all(c.params is None and c.temperature is None for c in sel.candidates)


async def test_aselect_uses_the_judge_and_counts_its_calls() -> None:
    judge = ScriptedChat(
        lambda messages, params: (
            '{"reasoning": "ok", "score": 9}'
            if "Paris" in messages[-1].content
            else '{"reasoning": "no", "score": 2}'
        )
    )
    sel = await aselect(
        "Capital of France?", ["Lyon", "Paris", "Nice"], selector="judge", judge=judge
    )
    assert sel.text == "Paris"
    assert sel.scores == (2.0, 9.0, 2.0)
    assert sel.usage.selection.requests == 3


async def test_candidates_from_an_earlier_run_keep_their_records() -> None:
    first = await BestOfN(ScriptedChat(["a 1", "b 2", "c 1"]), n=3, selector="majority").ainvoke(
        "q"
    )
    again = await aselect("q", first.candidates, selector="majority")
    assert again.text == first.text
    assert [c.params for c in again.candidates] == [c.params for c in first.candidates]


async def test_selector_options_configure_a_named_selector() -> None:
    seen: list[str] = []

    def reward(prompt: str, candidate: str) -> float:
        seen.append(candidate)
        return float(len(candidate))

    sel = await aselect("q", ["aa", "aaaa", "a"], selector="reward", fn=reward)
    assert sel.text == "aaaa"
    assert sorted(seen) == ["a", "aa", "aaaa"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"candidates": []}, "at least one candidate"),
        ({"candidates": ["a", 3]}, "candidate 1 is 3"),
        ({"selector": "judge"}, "needs a judge"),
        ({"selector": "majority", "utility": "chrf"}, "invalid options for selector 'majority'"),
    ],
    ids=["empty", "not-a-string", "judge-missing", "bad-option"],
)
def test_bad_input_is_a_clear_error(kwargs: dict[str, object], message: str) -> None:
    options: dict[str, object] = {"candidates": ["a", "b"], **kwargs}
    with pytest.raises(ConfigurationError, match=message):
        select("q", **options)  # type: ignore[arg-type]


def test_the_default_selector_follows_whether_a_judge_is_configured() -> None:
    assert default_selector(judge_configured=False).name == "mbr"
    assert default_selector(judge_configured=True).name == "chops"
