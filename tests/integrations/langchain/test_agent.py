"""Tool calls: bind_tools, an agent loop, structured output — candidates that are actions.

The wrapped model is scripted: which tool call a sample makes depends on the seed it was given,
so one sample of three calls the tool wrongly and the vote on canonical calls must outvote it.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, ToolMessage
from langchain_core.tools import tool
from pydantic import BaseModel

from polypick import Hedged
from polypick.integrations.langchain import BestOfN

from .doubles import ScriptedChatModel


@tool
def multiply(a: int, b: int) -> int:
    """Multiply two integers."""
    return a * b


def agent_policy(messages: Sequence[BaseMessage], model: ScriptedChatModel) -> AIMessage:
    """Call multiply(6, 7) — except the sample with seed 3, which calls multiply(6, 6) — then,
    given the tool's result, answer with it."""
    last = messages[-1]
    if isinstance(last, ToolMessage):
        return AIMessage(content=f"6 times 7 is {last.content}.")
    b = 6 if model.seed == 3 else 7
    call = {"name": "multiply", "args": {"a": 6, "b": b}, "id": f"call_{model.seed}"}
    return AIMessage(content="", tool_calls=[call])


def run_agent(model: object, question: str) -> list[BaseMessage]:
    """The classic loop: call the model, run the tools it asks for, until it answers."""
    tools = {"multiply": multiply}
    messages: list[BaseMessage] = [HumanMessage(question)]
    for _ in range(4):
        reply = model.invoke(messages)  # type: ignore[attr-defined]
        messages.append(reply)
        if not reply.tool_calls:
            return messages
        for call in reply.tool_calls:
            messages.append(tools[call["name"]].invoke(call))  # a ToolMessage with the call's id
    raise AssertionError("the agent did not finish")


def test_agent_loop_runs_the_voted_tool_call_and_answers() -> None:
    inner = ScriptedChatModel(policy=agent_policy)
    agent = BestOfN(inner, n=3, sampling=Hedged(temperature=0.7, seed=1)).bind_tools([multiply])

    messages = run_agent(agent, "What is 6 times 7?")

    step, result, answer = messages[1], messages[2], messages[3]
    assert isinstance(step, AIMessage) and isinstance(result, ToolMessage)
    assert [c["args"] for c in step.tool_calls] == [{"a": 6, "b": 7}]  # two of three agreed
    assert step.tool_calls[0]["id"] in {"call_1", "call_2"}  # a real sample's call, id and all
    assert result.tool_call_id == step.tool_calls[0]["id"] and result.content == "42"
    assert answer.content == "6 times 7 is 42."
    record = step.response_metadata["polypick"]
    assert [c["tool_calls"][0]["arguments"]["b"] for c in record["candidates"]] == [7, 7, 6]
    switched = [e["data"] for e in record["trace"] if e["event"] == "selection.tool_calls"]
    assert switched == [{"replaced": "mbr", "by": "tool_vote"}]  # the documented policy


def test_every_sample_gets_the_tools_and_the_conversation_intact() -> None:
    inner = ScriptedChatModel(policy=agent_policy)
    agent = BestOfN(inner, n=3, sampling=Hedged(temperature=0.7, seed=1)).bind_tools([multiply])

    run_agent(agent, "What is 6 times 7?")

    first, second = inner.calls[:3], inner.calls[3:]
    assert len(second) == 3
    for call in inner.calls:
        assert [t["function"]["name"] for t in call.kwargs["tools"]] == ["multiply"]
    assert sorted(c.seed for c in first) == [1, 2, 3]
    for call in second:  # the AIMessage with its tool call and the ToolMessage, as sent
        ai, tool_message = call.messages[1], call.messages[2]
        assert isinstance(ai, AIMessage) and ai.tool_calls[0]["args"] == {"a": 6, "b": 7}
        assert isinstance(tool_message, ToolMessage)
        assert tool_message.tool_call_id == ai.tool_calls[0]["id"]


class Answer(BaseModel):
    """The final answer."""

    value: int


def structured_policy(messages: Sequence[BaseMessage], model: ScriptedChatModel) -> AIMessage:
    value = 41 if model.seed == 2 else 42
    call = {"name": "Answer", "args": {"value": value}, "id": f"call_{model.seed}"}
    return AIMessage(content="", tool_calls=[call])


def test_structured_output_is_the_most_common_structured_answer() -> None:
    inner = ScriptedChatModel(policy=structured_policy)
    structured = BestOfN(inner, n=3, sampling=Hedged(seed=1)).with_structured_output(Answer)

    assert structured.invoke("What is 6 times 7?") == Answer(value=42)
    assert {c.kwargs["tool_choice"] for c in inner.calls} == {"any"}


async def test_structured_output_with_raw_keeps_the_selection_record() -> None:
    inner = ScriptedChatModel(policy=structured_policy)
    structured = BestOfN(inner, n=3, sampling=Hedged(seed=1)).with_structured_output(
        Answer, include_raw=True
    )

    out = await structured.ainvoke("What is 6 times 7?")

    assert out["parsed"] == Answer(value=42) and out["parsing_error"] is None
    scores = out["raw"].response_metadata["polypick"]["scores"]
    assert scores[1] < scores[0] == scores[2]  # the outvoted sample scores lowest


def test_a_model_without_tool_support_says_so() -> None:
    from langchain_core.language_models.fake_chat_models import GenericFakeChatModel

    bon = BestOfN(GenericFakeChatModel(messages=iter([])), n=2)
    with pytest.raises(NotImplementedError):
        bon.bind_tools([multiply])
