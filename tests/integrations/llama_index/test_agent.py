"""A LlamaIndex agent calls tools through ``BestOfN``: candidates that are tool calls are chosen
by a vote on the calls, and the winner's own call (with its id) reaches the agent."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from llama_index.core.agent.workflow import FunctionAgent, ToolCallResult
from llama_index.core.base.llms.types import ChatMessage, MessageRole, ToolCallBlock
from llama_index.core.instrumentation.events.llm import LLMChatEndEvent
from llama_index.core.llms import MockFunctionCallingLLM
from llama_index.core.tools import FunctionTool

from polypick.integrations.llama_index import BestOfN, FunctionCallingBestOfN

from .conftest import Recorder

# LlamaIndex's workflows inspect every agent with inspect.getmembers, which touches pydantic's
# deprecated attributes (``__fields__``, ``__fields_set__`` ...); those warnings are theirs.
pytestmark = pytest.mark.filterwarnings("ignore::pydantic.warnings.PydanticDeprecationWarning")


class Calculator:
    """An ``add`` tool, and a tool-calling LLM whose samples disagree on its arguments."""

    def __init__(self, proposals: list[tuple[int, int]]) -> None:
        self.added: list[tuple[int, int]] = []
        self.requests: list[dict[str, Any]] = []
        self._proposals = itertools.cycle(proposals)
        self._lock = threading.Lock()
        self.tool = FunctionTool.from_defaults(self.add)
        self.llm = MockFunctionCallingLLM(response_generator=self.respond)

    def add(self, a: int, b: int) -> int:
        """Add two integers."""
        self.added.append((a, b))
        return a + b

    def respond(self, messages: list[ChatMessage], **kwargs: Any) -> ChatMessage:
        with self._lock:
            self.requests.append(kwargs)
            a, b = next(self._proposals)
        if messages[-1].role == MessageRole.TOOL:
            return ChatMessage(role="assistant", content=f"The sum is {messages[-1].content}.")
        call = ToolCallBlock(
            tool_call_id=f"call-{a}-{b}", tool_name="add", tool_kwargs={"a": a, "b": b}
        )
        return ChatMessage(role="assistant", blocks=[call])


@pytest.fixture
def calculator() -> Iterator[Calculator]:
    yield Calculator([(2, 3), (3, 2), (2, 3)])


@pytest.mark.parametrize("streaming", [True, False], ids=["streaming", "not-streaming"])
async def test_an_agent_calls_the_tool_the_samples_agree_on(
    calculator: Calculator, streaming: bool, instrumented: tuple[Recorder, Any]
) -> None:
    events, _ = instrumented
    llm = BestOfN(calculator.llm, n=3, selector="majority")
    agent = FunctionAgent(tools=[calculator.tool], llm=llm, streaming=streaming)

    handler = agent.run("What is 2 + 3?")
    results = [ev async for ev in handler.stream_events() if isinstance(ev, ToolCallResult)]
    answer = await handler

    assert isinstance(llm, FunctionCallingBestOfN)
    assert calculator.added == [(2, 3)]  # two samples of three proposed it
    assert [(r.tool_id, r.tool_output.content) for r in results] == [("call-2-3", "5")]
    assert str(answer) == "The sum is 5."
    assert len(calculator.requests) == 6  # three samples for each of the two steps
    assert all("tools" in kw and "temperature" in kw for kw in calculator.requests)

    outer = [
        e.response.additional_kwargs["polypick"]
        for e in events.of(LLMChatEndEvent)
        if "polypick" in e.response.additional_kwargs
    ]
    assert len(outer) == 2
    first_step = outer[0]
    replaced = [e["data"] for e in first_step["trace"] if e["event"] == "selection.tool_calls"]
    assert replaced == [{"replaced": "majority", "by": "tool_vote"}]
    assert first_step["selector"] == "tool_vote"  # the record names the selector that chose
    keys = [
        [(c["name"], c["arguments"]) for c in cand["tool_calls"]]
        for cand in first_step["candidates"]
    ]
    assert sorted(keys, key=str) == sorted(
        [[("add", {"a": 2, "b": 3})], [("add", {"a": 3, "b": 2})], [("add", {"a": 2, "b": 3})]],
        key=str,
    )


def test_predict_and_call_runs_the_winning_call_from_sync_code(calculator: Calculator) -> None:
    llm = BestOfN(calculator.llm, n=3)
    response = llm.predict_and_call([calculator.tool], "What is 2 + 3?")
    assert calculator.added == [(2, 3)]
    assert str(response) == "5"


async def test_tool_calls_are_read_by_the_wrapped_llm(calculator: Calculator) -> None:
    llm = BestOfN(calculator.llm, n=3)
    response = await llm.achat_with_tools([calculator.tool], "What is 2 + 3?")
    (selection,) = llm.get_tool_calls_from_response(response)
    assert (selection.tool_id, selection.tool_name, selection.tool_kwargs) == (
        "call-2-3",
        "add",
        {"a": 2, "b": 3},
    )
