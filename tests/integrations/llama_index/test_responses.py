"""A query engine's ``Response`` carries the selection behind its answer in its ``metadata``;
constructor mistakes name the right argument."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from llama_index.core import Document, VectorStoreIndex
from llama_index.core.embeddings import MockEmbedding
from llama_index.core.llms import MockLLM

from polypick.errors import ConfigurationError
from polypick.integrations.llama_index import BestOfN

DOCUMENTS = [Document(text="polypick samples several answers and selects one.")]


@pytest.fixture
def index() -> VectorStoreIndex:
    return VectorStoreIndex.from_documents(DOCUMENTS, embed_model=MockEmbedding(embed_dim=8))


@pytest.fixture
def no_loop_left() -> Iterator[None]:
    yield
    import asyncio
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            loop = asyncio.get_event_loop_policy().get_event_loop()
        except RuntimeError:
            return
    loop.close()
    asyncio.get_event_loop_policy().set_event_loop(None)


def test_a_query_response_carries_the_selection(
    index: VectorStoreIndex, no_loop_left: None
) -> None:
    engine = index.as_query_engine(llm=BestOfN(MockLLM(max_tokens=5), n=3), similarity_top_k=1)

    response = engine.query("What does polypick do?")

    record = response.metadata["polypick"]
    assert len(record["candidates"]) == 3 and record["text"] == str(response)
    assert response.metadata["polypick_calls"] == [record]
    assert any(k != "polypick" and k != "polypick_calls" for k in response.metadata)  # nodes'


async def test_an_async_query_response_carries_it_too(index: VectorStoreIndex) -> None:
    engine = index.as_query_engine(llm=BestOfN(MockLLM(max_tokens=5), n=2), similarity_top_k=1)

    response = await engine.aquery("What does polypick do?")

    assert len(response.metadata["polypick"]["candidates"]) == 2


def test_a_streaming_query_response_carries_it(index: VectorStoreIndex, no_loop_left: None) -> None:
    llm = BestOfN(MockLLM(max_tokens=5), n=2)
    engine = index.as_query_engine(llm=llm, similarity_top_k=1, streaming=True)

    response = engine.query("What does polypick do?")
    text = "".join(response.response_gen)

    assert response.metadata["polypick"]["text"] == text


def test_a_query_without_best_of_n_gets_no_record(
    index: VectorStoreIndex, no_loop_left: None
) -> None:
    response = index.as_query_engine(llm=MockLLM(max_tokens=5)).query("What?")
    assert "polypick" not in (response.metadata or {})


def test_typos_and_other_libraries_names_say_what_to_write() -> None:
    with pytest.raises(ConfigurationError, match="did you mean 'selector'"):
        BestOfN(MockLLM(), n=2, selecter="majority")
    with pytest.raises(ConfigurationError, match="did you mean 'n'"):
        BestOfN(MockLLM(), num_samples=2)
    with pytest.raises(ConfigurationError, match="did you mean 'judge'"):
        BestOfN(MockLLM(), n=2, judge_model="openai:gpt-4o")
