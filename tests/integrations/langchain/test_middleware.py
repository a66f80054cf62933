"""``BestOfNMiddleware`` in ``create_agent``: each model call is sampled N times through the
agent's own handler, one candidate is chosen, and the agent goes on with it."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from langchain.agents import create_agent
from langchain.agents.structured_output import ProviderStrategy, ToolStrategy
from langchain_core.callbacks import get_usage_metadata_callback
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage, ToolMessage
from langchain_core.tools import tool
from pydantic import BaseModel

from polypick import Hedged
from polypick.errors import ConfigurationError
from polypick.integrations.langchain import BestOfNMiddleware
from polypick.selectors.prompting import unmark
from polypick.testing.servers import FakeOpenAIServer

from .doubles import ModelRuns, RunRecorder, ScriptedChatModel, chat_openai


@tool
def multiply(a: int, b: int) -> int:
    """Multiply two integers."""
    return a * b


def agent_policy(messages: Sequence[BaseMessage], model: ScriptedChatModel) -> AIMessage:
    """multiply(6, 7) — but the sample with seed 3 calls multiply(6, 6) — then an answer."""
    if isinstance(messages[-1], ToolMessage):
        return AIMessage(content=f"6 times 7 is {messages[-1].content}.")
    b = 6 if model.seed == 3 else 7
    call = {"name": "multiply", "args": {"a": 6, "b": b}, "id": f"call_{model.seed}"}
    return AIMessage(content="", tool_calls=[call])


def best_of_3(**options: Any) -> BestOfNMiddleware:
    return BestOfNMiddleware(n=3, sampling=Hedged(temperature=0.7, seed=1), **options)


QUESTION = {"messages": [{"role": "user", "content": "What is 6 times 7?"}]}


def check_run(messages: list[BaseMessage], inner: ScriptedChatModel) -> None:
    step, result, answer = messages[1:]
    assert isinstance(step, AIMessage) and [c["args"] for c in step.tool_calls] == [
        {"a": 6, "b": 7}
    ]
    assert isinstance(result, ToolMessage) and result.content == "42"
    assert answer.text == "6 times 7 is 42."
    record = step.response_metadata["polypick"]  # in the agent's state
    assert record["selector"] == "tool_vote"
    assert [c["tool_calls"][0]["arguments"]["b"] for c in record["candidates"]] == [7, 7, 6]
    assert record["scores"][2] < record["scores"][0]
    assert step.usage_metadata is not None and step.usage_metadata["input_tokens"] == 30
    assert sorted(c.seed for c in inner.calls[:3]) == [1, 2, 3]  # each sample its own seed
    assert {c.temperature for c in inner.calls} == {0.0, 0.7}  # Hedged: one greedy sample
    assert len(inner.calls) == 6  # two agent steps, three samples each


def test_an_agent_step_is_the_voted_tool_call() -> None:
    inner = ScriptedChatModel(policy=agent_policy)
    agent = create_agent(inner, tools=[multiply], middleware=[best_of_3()])

    state = agent.invoke(QUESTION)

    check_run(state["messages"], inner)


async def test_the_async_agent_samples_concurrently_too() -> None:
    inner = ScriptedChatModel(policy=agent_policy)
    agent = create_agent(inner, tools=[multiply], middleware=[best_of_3()])

    state = await agent.ainvoke(QUESTION)

    check_run(state["messages"], inner)


def test_the_messages_stream_and_handlers_see_only_the_chosen_steps() -> None:
    inner = ScriptedChatModel(policy=agent_policy)
    agent = create_agent(inner, tools=[multiply], middleware=[best_of_3()])
    handler, tracer = ModelRuns(), RunRecorder()

    streamed = list(
        agent.stream(QUESTION, {"callbacks": [handler, tracer]}, stream_mode="messages")
    )

    ai = [m for m, _ in streamed if isinstance(m, AIMessage | AIMessageChunk)]
    step, answer = merged_by_id(ai)
    assert [c["args"] for c in step.tool_calls] == [{"a": 6, "b": 7}]  # the voted call only
    assert answer.text == "6 times 7 is 42."
    assert len([m for m in ai if m.id == answer.id and m.text]) > 1  # streamed in chunks
    # plain handlers see one run per agent step, the chosen message with every sample's usage
    runs = list(handler.runs.values())
    assert [r.name for r in runs] == ["ScriptedChatModel"] * 2
    results = [r.result.generations[0][0].message for r in runs if r.result is not None]
    assert [m.id for m in results] == [step.id, answer.id]
    assert all(m.usage_metadata and m.usage_metadata["input_tokens"] == 30 for m in results[:1])
    assert all(meta.get("ls_model_type") == "chat" for meta in handler.metadata)
    # tracers see the candidates' runs, tagged so that no stream shows them
    samples = [r for r in tracer.runs.values() if "polypick:sample" in r.tags]
    assert len(samples) == 6 and all("nostream" in r.tags for r in samples)


@pytest.mark.skipif(
    sys.version_info < (3, 11),
    reason="LangChain passes callbacks to runs inside async code by itself only on Python 3.11+ "
    "(asyncio.create_task takes a context from 3.11; see langchain_core.runnables.config and "
    "langchain-ai/langchain#22478): on 3.10 a middleware's model run inside LangGraph's task "
    "gets no astream_events handler unless the config is passed by hand",
)
async def test_astream_events_and_usage_callbacks_see_the_chosen_steps() -> None:
    inner = ScriptedChatModel(policy=agent_policy)
    agent = create_agent(inner, tools=[multiply], middleware=[best_of_3()])

    with get_usage_metadata_callback() as usage:
        events = [e async for e in agent.astream_events(QUESTION, version="v2")]

    streamed = [e["data"]["chunk"] for e in events if e["event"] == "on_chat_model_stream"]
    step, answer = merged_by_id(streamed)
    assert [c["args"] for c in step.tool_calls] == [{"a": 6, "b": 7}]
    assert answer.text == "6 times 7 is 42."
    ends = [e for e in events if e["event"] == "on_chat_model_end"]
    assert len(ends) == 2  # one per agent step, not one per sample
    # every sample's tokens are counted once: ten prompt tokens a sample, six samples
    [counted] = usage.usage_metadata.values()
    assert len(inner.calls) == 6 and counted["input_tokens"] == 6 * inner.usage[0]


def merged_by_id(messages: list[AIMessage | AIMessageChunk]) -> list[AIMessage]:
    """The streamed messages, the chunks of each added up, in order of appearance."""
    merged: dict[str | None, Any] = {}
    for m in messages:
        merged[m.id] = merged[m.id] + m if m.id in merged else m
    return list(merged.values())


class Capital(BaseModel):
    """A country and its capital."""

    country: str
    capital: str


def capital_policy(messages: Sequence[BaseMessage], model: ScriptedChatModel) -> AIMessage:
    """Calls the structured output tool: Lyon for the sample with seed 2, Paris otherwise."""
    city = "Lyon" if model.seed == 2 else "Paris"
    args = {"country": "France", "capital": city}
    return AIMessage(content="", tool_calls=[{"name": "Capital", "args": args, "id": "c1"}])


def test_a_structured_response_is_the_most_common_one() -> None:
    inner = ScriptedChatModel(policy=capital_policy)
    agent = create_agent(
        inner, tools=[], response_format=ToolStrategy(Capital), middleware=[best_of_3()]
    )

    state = agent.invoke({"messages": [{"role": "user", "content": "Capital of France?"}]})

    assert state["structured_response"] == Capital(country="France", capital="Paris")
    ai = next(m for m in state["messages"] if isinstance(m, AIMessage))
    record = ai.response_metadata["polypick"]
    assert record["selector"] == "json_vote"
    assert sorted(json.loads(c["text"])["capital"] for c in record["candidates"]) == [
        "Lyon",
        "Paris",
        "Paris",
    ]


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as fake:
        yield fake


def test_provider_structured_output_through_the_middleware(server: FakeOpenAIServer) -> None:
    # ChatOpenAI with ProviderStrategy sends response_format json_schema (checked by the fake
    # server against https://platform.openai.com/docs/api-reference/chat/create).
    answers = {1: "Paris", 2: "Lyon", 3: "Paris"}
    server.set_responder(
        lambda body, i: json.dumps({"country": "France", "capital": answers[body["seed"]]})
    )
    agent = create_agent(
        chat_openai(server),
        tools=[],
        response_format=ProviderStrategy(Capital),
        middleware=[best_of_3()],
    )

    state = agent.invoke({"messages": [{"role": "user", "content": "Capital of France?"}]})

    assert state["structured_response"] == Capital(country="France", capital="Paris")
    bodies = [r.body for r in server.requests]
    assert len(bodies) == 3 and sorted(b["seed"] for b in bodies) == [1, 2, 3]
    assert all(b["response_format"]["type"] == "json_schema" for b in bodies)


def test_a_judge_picks_among_text_answers() -> None:
    def by_seed(messages: Sequence[BaseMessage], model: ScriptedChatModel) -> str:
        return f"Answer {model.seed}."

    def judge(messages: Sequence[BaseMessage], model: ScriptedChatModel) -> str:
        return json.dumps({"score": 9 if "Answer 3." in unmark(messages[-1].text) else 1})

    judge_model = ScriptedChatModel(policy=judge)
    agent = create_agent(
        ScriptedChatModel(policy=by_seed),
        tools=[],
        middleware=[best_of_3(selector="judge", judge=judge_model)],
    )

    state = agent.invoke({"messages": [{"role": "user", "content": "Say something."}]})

    assert state["messages"][-1].text == "Answer 3."
    assert len(judge_model.calls) == 3


def test_a_misspelled_argument_names_the_right_one() -> None:
    with pytest.raises(ConfigurationError, match="did you mean 'selector'"):
        BestOfNMiddleware(n=3, selecter="judge")
    with pytest.raises(ConfigurationError, match="did you mean 'n'"):
        BestOfNMiddleware(num_samples=3)
