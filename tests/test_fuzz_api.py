"""Fuzzing the public API and the judges' replies: only documented errors, with useful messages."""

from __future__ import annotations

import asyncio
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polypick import BestOfN, select
from polypick.errors import ConfigurationError
from polypick.testing import ScriptedChat

ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.lists(st.floats(allow_nan=True), max_size=4),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _model() -> ScriptedChat:
    return ScriptedChat(lambda messages, params: "an answer")


@SETTINGS
@given(
    n=ANYTHING,
    sampling=ANYTHING,
    selector=st.one_of(ANYTHING, st.sampled_from(["chops", "mbr", "majority", "nonsense"])),
    min_candidates=ANYTHING,
    deadline=ANYTHING,
    retry=ANYTHING,
)
def test_constructor_arguments_raise_only_configuration_errors(**kwargs: Any) -> None:
    try:
        BestOfN(_model(), **kwargs)
    except ConfigurationError as exc:
        assert str(exc), "an error must say what was wrong"
        assert len(str(exc)) < 1_000


@SETTINGS
@given(prompt=st.one_of(ANYTHING, st.lists(ANYTHING, max_size=3)))
def test_prompts_raise_only_configuration_errors(prompt: Any) -> None:
    model = _model()
    try:
        sel = asyncio.run(BestOfN(model, n=2, selector="majority").ainvoke(prompt))
    except ConfigurationError as exc:
        assert str(exc)
        assert model.calls == []  # rejected before any request
    else:
        assert sel.text == "an answer"


@SETTINGS
@given(candidates=st.lists(ANYTHING, max_size=4), selector=st.sampled_from(["majority", "mbr"]))
def test_select_inputs_raise_only_configuration_errors(candidates: Any, selector: str) -> None:
    try:
        sel = select("q", candidates, selector=selector)
    except ConfigurationError as exc:
        assert str(exc)
    else:
        assert 0 <= sel.index < len(candidates)


@settings(max_examples=60, deadline=None)
@given(
    replies=st.lists(
        st.one_of(
            st.text(max_size=200),
            st.integers().map(lambda i: f'{{"score": {i}, "best": "{i}", "winner": "{i}"}}'),
            st.just('{"score": 1' + "0" * 5000 + "}"),
            st.just(""),
        ),
        min_size=1,
        max_size=8,
    ),
    selector=st.sampled_from(["judge", "chops", "tournament", "weighted_majority"]),
)
def test_arbitrary_judge_replies_never_crash_a_call(replies: list[str], selector: str) -> None:
    cycle = iter(replies * 100)
    judge = ScriptedChat(lambda messages, params: next(cycle))
    model = ScriptedChat(lambda messages, params: f"answer {params.seed}")
    bon = BestOfN(model, n=3, sampling=0.7, selector=selector, judge=judge)
    sel = asyncio.run(bon.ainvoke("q"))
    assert 0 <= sel.index < 3
    assert len(sel.scores) == 3
