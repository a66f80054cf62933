"""What stream consumers see: the selected answer only, in chunks, once it is chosen.

LangGraph's ``stream_mode="messages"`` (a chat UI over ``create_agent``) and ``astream_events``
(the usual token-rendering loop) must show what a plain chat model would show — the answer — and
never the losing samples or the judge's replies.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from langchain.agents import create_agent
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage, ToolMessage
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.tools import tool

from polypick import Hedged
from polypick.integrations.langchain import BestOfN
from polypick.selectors.prompting import unmark

from .doubles import ScriptedChatModel


@tool
def multiply(a: int, b: int) -> int:
    """Multiply two integers."""
    return a * b


def agent_policy(messages: Sequence[BaseMessage], model: ScriptedChatModel) -> AIMessage:
    """Call multiply(6, 7) — the sample with seed 3 calls multiply(6, 6) — then answer, each
    sample in its own words."""
    if isinstance(messages[-1], ToolMessage):
        return AIMessage(content=f"6 times 7 is {messages[-1].content} (sample {model.seed}).")
    b = 6 if model.seed == 3 else 7
    call = {"name": "multiply", "args": {"a": 6, "b": b}, "id": f"call_{model.seed}"}
    return AIMessage(content="", tool_calls=[call])


def judge_policy(messages: Sequence[BaseMessage], model: ScriptedChatModel) -> str:
    """Rates sample 2's answer highest."""
    score = 9 if "(sample 2)" in unmark(messages[-1].text) else 3
    return json.dumps({"reasoning": "judged", "score": score})


def agent() -> Any:
    bon = BestOfN(
        ScriptedChatModel(policy=agent_policy),
        n=3,
        sampling=Hedged(temperature=0.7, seed=1),
        selector="judge",
        judge=ScriptedChatModel(policy=judge_policy),
    )
    return create_agent(bon, tools=[multiply])


def merged_by_id(chunks: list[AIMessageChunk]) -> dict[str | None, AIMessageChunk]:
    messages: dict[str | None, AIMessageChunk] = {}
    for chunk in chunks:
        messages[chunk.id] = messages[chunk.id] + chunk if chunk.id in messages else chunk
    return messages


def test_langgraph_messages_stream_shows_only_the_selected_calls_and_answer() -> None:
    question = {"messages": [{"role": "user", "content": "What is 6 times 7?"}]}

    streamed = list(agent().stream(question, stream_mode="messages"))

    chunks = [m for m, _ in streamed if isinstance(m, AIMessageChunk)]
    step, answer = merged_by_id(chunks).values()  # two model calls, one message each
    assert [c["args"] for c in step.tool_calls] == [{"a": 6, "b": 7}]  # the voted call only
    assert answer.text == "6 times 7 is 42 (sample 2)."  # the judge's pick, no other sample
    assert len([c for c in chunks if c.id == answer.id and c.text]) > 1  # in pieces
    everything = " ".join(str(m.content) for m, _ in streamed)
    assert "judged" not in everything and "(sample 1)" not in everything
    assert all(meta["langgraph_node"] in ("model", "tools") for _, meta in streamed)


async def test_astream_events_carry_the_selected_answer_in_chunks() -> None:
    def by_seed(messages: Sequence[BaseMessage], model: ScriptedChatModel) -> str:
        return f"The answer of the sample with seed {model.seed}."

    bon = BestOfN(
        ScriptedChatModel(policy=by_seed),
        n=3,
        sampling=Hedged(temperature=0.7, seed=1),
        selector="judge",
        judge=ScriptedChatModel(
            policy=lambda m, _: json.dumps({"score": 9 if "seed 3." in unmark(m[-1].text) else 2})
        ),
    )
    chain = ChatPromptTemplate.from_messages([("human", "{q}")]) | bon | StrOutputParser()

    events = [e async for e in chain.astream_events({"q": "Hi"}, version="v2")]

    starts = [e for e in events if e["event"] == "on_chat_model_start"]
    tokens = [e for e in events if e["event"] == "on_chat_model_stream"]
    assert [e["name"] for e in starts] == ["BestOfN"]  # no sample, no judge call
    assert len(tokens) > 1 and {e["name"] for e in tokens} == {"BestOfN"}
    text = "".join(e["data"]["chunk"].text for e in tokens)
    assert text == "The answer of the sample with seed 3."
    [end] = [e for e in events if e["event"] == "on_chain_end" and e["name"] == "RunnableSequence"]
    assert end["data"]["output"] == text


def test_stream_chunks_add_up_to_the_invoked_message() -> None:
    def tools_and_text(messages: Sequence[BaseMessage], model: ScriptedChatModel) -> AIMessage:
        call = {"name": "multiply", "args": {"a": 2, "b": 3}, "id": "call_1"}
        return AIMessage(
            content=[
                {"type": "reasoning", "reasoning": "Two threes."},
                {"type": "text", "text": "Let me multiply."},
            ],
            tool_calls=[call],
        )

    bon = BestOfN(ScriptedChatModel(policy=tools_and_text), n=2, sampling=Hedged(seed=1))

    chunks = list(bon.stream("2 times 3?"))
    full = chunks[0]
    for chunk in chunks[1:]:
        full += chunk

    assert len(chunks) > 2 and chunks[-1].chunk_position == "last"
    assert [b["type"] for b in full.content_blocks] == ["reasoning", "text", "tool_call"]
    assert full.tool_calls[0]["args"] == {"a": 2, "b": 3}
    assert full.usage_metadata is not None and full.usage_metadata["input_tokens"] == 20
    assert full.response_metadata["polypick"]["index"] in (0, 1)
