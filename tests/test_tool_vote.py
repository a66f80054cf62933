"""Candidates that call tools are chosen by a vote on their canonical calls."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from polypick import BestOfN
from polypick.core.protocol import ModelRequest
from polypick.core.types import Candidate, Completion, ToolCall
from polypick.selectors.tool_vote import action_key
from polypick.testing import ScriptedChat


class ToolCaller(ScriptedChat):
    """Answers with the scripted tool calls (a list per request), or text for a string."""

    def __init__(self, script: list[list[ToolCall] | str]) -> None:
        super().__init__(["unused"] * len(script))
        self._actions = list(script)

    async def generate(self, request: ModelRequest) -> list[Completion]:
        action = self._actions.pop(0)
        if isinstance(action, str):
            return [Completion(text=action)]
        return [Completion(text="", tool_calls=tuple(action))]


def call(name: str, **arguments: Any) -> ToolCall:
    return ToolCall(name=name, arguments=arguments)


async def test_the_most_common_call_wins_whatever_the_selector() -> None:
    weather = call("weather", city="Paris", unit="C")
    model = ToolCaller(
        [
            [call("weather", unit="C", city="Paris")],  # same call, keys in another order
            [call("weather", city="Lyon", unit="C")],
            [weather],
            "I don't know",
        ]
    )
    sel = await BestOfN(model, n=4, sampling=0.7, selector="judge").ainvoke("Weather in Paris?")
    assert sel.best.tool_calls[0].key() == weather.key()
    assert sel.scores[0] == sel.scores[2] == 0.5
    assert any(e.event == "selection.tool_calls" for e in sel.trace)
    assert sel.selector == "tool_vote"  # the record names the selector that chose
    assert sel.usage.selection.requests == 0  # no judge call spent on actions


def test_argument_order_does_not_change_the_key() -> None:
    a = Candidate(text="", tool_calls=(call("f", x=1, y=[1, 2]),))
    b = Candidate(text="", tool_calls=(call("f", y=[1, 2], x=1),))
    assert action_key(a) == action_key(b)


@given(st.dictionaries(st.text(max_size=5), st.integers(), max_size=4), st.text(max_size=10))
def test_text_and_calls_never_share_a_key(arguments: dict[str, int], text: str) -> None:
    as_call = Candidate(text=text, tool_calls=(ToolCall(name="f", arguments=arguments),))
    as_text = Candidate(text=text)
    assert action_key(as_call) != action_key(as_text)
