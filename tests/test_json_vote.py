"""Structured answers are chosen by a vote on their canonical JSON."""

from __future__ import annotations

import json
import random
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from polypick import BestOfN
from polypick.core.types import Candidate, ToolCall
from polypick.selectors.json_vote import canonical_json, structured_key
from polypick.testing import ScriptedChat

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=8,
)


def _shuffled(value: Any, rng: random.Random) -> Any:
    """The same value with every object's keys in another order."""
    if isinstance(value, dict):
        items = list(value.items())
        rng.shuffle(items)
        return {k: _shuffled(v, rng) for k, v in items}
    if isinstance(value, list):
        return [_shuffled(v, rng) for v in value]
    return value


@given(JSON_VALUES, st.integers(0, 2**32 - 1), st.sampled_from([None, 2]))
def test_key_order_and_spacing_do_not_change_the_key(value: Any, seed: int, indent: Any) -> None:
    other = json.dumps(_shuffled(value, random.Random(seed)), indent=indent)
    assert structured_key(Candidate(text=json.dumps(value))) == structured_key(
        Candidate(text=other)
    )


def _typed(value: Any) -> Any:
    """``value`` with its booleans told apart from numbers: JSON's ``false`` is not ``0``,
    although Python's ``False == 0``."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, list):
        return [_typed(v) for v in value]
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    return value


@given(JSON_VALUES, JSON_VALUES)
def test_different_values_have_different_keys(a: Any, b: Any) -> None:
    same = _typed(json.loads(json.dumps(a))) == _typed(json.loads(json.dumps(b)))
    assert (canonical_json(a) == canonical_json(b)) == same


def test_text_that_is_not_json_has_no_key_and_calls_have_theirs() -> None:
    assert structured_key(Candidate(text="Paris")) is None
    called = Candidate(text="", tool_calls=(ToolCall(name="f", arguments={"x": 1}),))
    assert structured_key(called) == "tools:" + called.tool_calls[0].key()


async def test_the_most_common_structured_answer_wins() -> None:
    answers = [
        '{"city": "Paris", "country": "France"}',
        '{"city": "Lyon", "country": "France"}',
        '{\n  "country": "France",\n  "city": "Paris"\n}',  # the first, written differently
        "Paris, France",  # not JSON: no vote
    ]
    model = ScriptedChat(answers)
    bon = BestOfN(model, n=4, sampling=0.7, selector="json_vote")

    sel = await bon.ainvoke("Where is the Eiffel Tower? Answer in JSON.")

    assert json.loads(sel.text) == {"city": "Paris", "country": "France"}
    assert sel.index in (0, 2) and sel.selector == "json_vote"
    assert sel.scores[0] == sel.scores[2] == 2 / 3 and sel.scores[3] is None
    assert sel.usage.selection.requests == 0


async def test_with_no_json_at_all_the_fallback_is_taken() -> None:
    model = ScriptedChat(["one", "two"])
    sel = await BestOfN(model, n=2, sampling=0.7, selector="json_vote").ainvoke("Hi")
    assert sel.text in ("one", "two") and all(s is None for s in sel.scores)
