"""The LangChain ``BestOfN`` over a pool of chat models: ``ChatOpenAI`` on two fake OpenAI
servers, and on one of them beside the embedded model behind llama-cpp-python's server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from langchain_core.messages import AIMessage

from polypick.errors import ConfigurationError
from polypick.integrations.langchain import BestOfN
from polypick.testing.servers import FakeOpenAIServer

from .doubles import ScriptedChatModel, chat_openai, smollm2


@pytest.fixture
def servers() -> Iterator[tuple[FakeOpenAIServer, FakeOpenAIServer]]:
    with FakeOpenAIServer() as first, FakeOpenAIServer() as second:
        yield first, second


def test_a_pool_of_two_chat_models_samples_both_and_selects_once(
    servers: tuple[FakeOpenAIServer, FakeOpenAIServer],
) -> None:
    first, second = servers
    pool = [chat_openai(first, model="gpt-a"), chat_openai(second, model="gpt-b")]
    bon = BestOfN(pool, n=4, selector="majority")
    reply = bon.invoke("Name a fruit.")
    assert isinstance(reply, AIMessage)
    record = reply.response_metadata["polypick"]
    models = [c["model"] for c in record["candidates"]]
    assert models == ["langchain:openai:gpt-a"] * 2 + ["langchain:openai:gpt-b"] * 2
    assert first.request_count == second.request_count == 2
    usage = record["usage"]["by_model"]
    assert set(usage) == {"langchain:openai:gpt-a", "langchain:openai:gpt-b"}
    assert usage["langchain:openai:gpt-a"]["requests"] == 2
    assert reply.content == record["text"]  # the one selected answer
    # the reply is the winner's own message, whichever model drew it
    winner = record["candidates"][record["index"]]
    assert reply.response_metadata["model_name"] == winner["model"].rsplit(":", 1)[1]


@pytest.mark.parametrize("winner", ["gpt-a", "gpt-b"])
def test_equal_answers_from_two_models_keep_their_own_metadata(
    servers: tuple[FakeOpenAIServer, FakeOpenAIServer], winner: str
) -> None:
    # Both models give the same answer; the reward picks one model's sample, and the reply must
    # be that sample's own message (its model_name), not the other model's equal one.
    first, second = servers
    for server in servers:
        server.set_responder(lambda body, index: "An apple.")
    pool = [chat_openai(first, model="gpt-a"), chat_openai(second, model="gpt-b")]
    chosen = {"count": 0}

    def reward(prompt: str, candidate: str) -> float:
        chosen["count"] += 1  # candidates are scored in order: gpt-a's two, then gpt-b's
        return 1.0 if (chosen["count"] <= 2) == (winner == "gpt-a") else 0.0

    reply = BestOfN(pool, n=4, selector=reward).invoke("Name a fruit.")
    record = reply.response_metadata["polypick"]
    assert record["candidates"][record["index"]]["model"] == f"langchain:openai:{winner}"
    assert reply.response_metadata["model_name"] == winner


def test_tools_bind_to_a_pool_of_one_kind_of_model(
    servers: tuple[FakeOpenAIServer, FakeOpenAIServer],
) -> None:
    first, second = servers

    def add(a: int, b: int) -> int:
        """Add two numbers."""
        return a + b

    same_kind = BestOfN([chat_openai(first), chat_openai(second)], n=2)
    assert same_kind.bind_tools([add]) is not None
    scripted = ScriptedChatModel(policy=lambda messages, model: "4")
    mixed = BestOfN([chat_openai(first), scripted], n=2)
    with pytest.raises(ConfigurationError, match="one kind of chat model"):
        mixed.bind_tools([add])


def test_an_empty_pool_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="non-empty list"):
        BestOfN([], n=2)


def test_a_pool_of_a_fake_server_and_the_embedded_model(
    servers: tuple[FakeOpenAIServer, FakeOpenAIServer], llama_server: str
) -> None:
    first, _ = servers
    bon = BestOfN([chat_openai(first, model="gpt-a"), smollm2(llama_server)], n=4, selector="mbr")
    record = bon.invoke("Name a colour.").response_metadata["polypick"]
    models = {c["model"] for c in record["candidates"]}
    assert models == {"langchain:openai:gpt-a", "langchain:openai:smollm2"}
    assert set(record["usage"]["by_model"]) == models


def test_reasoning_tokens_cross_the_langchain_boundary_both_ways() -> None:
    # LangChain's UsageMetadata keeps reasoning tokens in output_token_details["reasoning"]
    # (langchain_core.messages.ai.OutputTokenDetails), part of output_tokens.
    from langchain_core.messages.ai import UsageMetadata

    from polypick.integrations.langchain._messages import to_completion, to_message

    usage = UsageMetadata(
        input_tokens=10,
        output_tokens=50,
        total_tokens=60,
        output_token_details={"reasoning": 35},
    )
    completion = to_completion(AIMessage(content="42", usage_metadata=usage))
    assert completion.usage.reasoning_tokens == 35
    assert completion.usage.completion_tokens == 50
    back = to_message(completion).usage_metadata
    assert back is not None and back["output_token_details"].get("reasoning") == 35
    plain = to_message(to_completion(AIMessage(content="x", usage_metadata={
        "input_tokens": 1, "output_tokens": 2, "total_tokens": 3,
    }))).usage_metadata  # fmt: skip
    assert plain is not None and "reasoning" not in plain["output_token_details"]
