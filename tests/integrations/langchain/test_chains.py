"""BestOfN swapped into LCEL chains over the embedded model: a prompt and an output parser, a RAG
pipeline over an in-memory vector store with a real embedding model, async and batch paths.

The 135M model's answers are not checked for being right; what is checked is that best-of-N
ran inside the chain: three samples per call, each sent the chain's real prompt, and the chain's
output is the selected candidate.
"""

from __future__ import annotations

from typing import Any

import pytest
from langchain_core.documents import Document
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import Runnable, RunnablePassthrough
from langchain_core.vectorstores import InMemoryVectorStore

from polypick.integrations.langchain import BestOfN

from .doubles import E5Embeddings, RunRecorder, smollm2

PROMPT = ChatPromptTemplate.from_messages(
    [("system", "You answer in one short sentence."), ("human", "Tell me about {topic}.")]
)


@pytest.fixture
def bon(llama_server: str) -> BestOfN:
    return BestOfN(smollm2(llama_server, max_tokens=24), n=3, selector="mbr")


def best_of_n_runs(cb: RunRecorder) -> list[Any]:
    return [r for r in cb.runs.values() if r.name == "BestOfN"]


def check_best_of_n(cb: RunRecorder, output: str, expected_in_prompt: str) -> None:
    """One BestOfN run with three samples that saw the prompt; ``output`` is the winner."""
    [run] = best_of_n_runs(cb)
    samples = cb.children(run.run_id, "polypick:sample")
    assert len(samples) == 3
    for sample in samples:
        assert [m.type for m in sample.messages] == ["system", "human"]
        assert expected_in_prompt in sample.messages[-1].text
    assert run.result is not None
    record = run.result.generations[0][0].message.response_metadata["polypick"]
    assert len(record["candidates"]) == 3 and record["selector"] == "mbr"
    assert output == record["text"] and output


def test_lcel_chain_with_a_prompt_and_an_output_parser(bon: BestOfN) -> None:
    chain = PROMPT | bon | StrOutputParser()
    cb = RunRecorder()

    output = chain.invoke({"topic": "the moon"}, config={"callbacks": [cb]})

    assert isinstance(output, str)
    check_best_of_n(cb, output, "Tell me about the moon.")


async def test_lcel_chain_async(bon: BestOfN) -> None:
    chain = PROMPT | bon | StrOutputParser()
    cb = RunRecorder()

    output = await chain.ainvoke({"topic": "rain"}, config={"callbacks": [cb]})

    check_best_of_n(cb, output, "Tell me about rain.")


def test_lcel_chain_batch(bon: BestOfN) -> None:
    chain = PROMPT | bon | StrOutputParser()
    cb = RunRecorder()

    outputs = chain.batch([{"topic": "cats"}, {"topic": "dogs"}], config={"callbacks": [cb]})

    assert len(outputs) == 2 and all(isinstance(o, str) and o for o in outputs)
    runs = best_of_n_runs(cb)
    assert len(runs) == 2 and all(len(cb.children(r.run_id, "polypick:sample")) == 3 for r in runs)


async def test_lcel_chain_abatch(bon: BestOfN) -> None:
    chain = PROMPT | bon | StrOutputParser()

    outputs = await chain.abatch([{"topic": "snow"}, {"topic": "sand"}])

    assert len(outputs) == 2 and all(isinstance(o, str) and o for o in outputs)


def test_streaming_a_chain_yields_the_selected_answer_once_selection_is_done(
    bon: BestOfN,
) -> None:
    chain = PROMPT | bon | StrOutputParser()
    cb = RunRecorder()

    chunks, samples_done = [], []
    for chunk in chain.stream({"topic": "the sea"}, config={"callbacks": [cb]}):
        samples = [r for r in cb.runs.values() if "polypick:sample" in r.tags]
        samples_done.append(sum(r.result is not None for r in samples))
        chunks.append(chunk)

    check_best_of_n(cb, "".join(chunks), "Tell me about the sea.")
    assert len([c for c in chunks if c]) > 1  # the selected answer, in pieces
    assert samples_done[0] == 3  # the first piece came once every sample had answered


DOCUMENTS = [
    "The Eiffel Tower is in Paris and was completed in 1889.",
    "Mount Fuji is the highest mountain in Japan, at 3,776 metres.",
    "The Amazon river flows through Brazil, Peru and Colombia.",
]


def rag_chain(llm: BestOfN) -> Runnable[str, str]:
    store = InMemoryVectorStore(embedding=E5Embeddings())
    store.add_documents([Document(page_content=text) for text in DOCUMENTS])
    retriever = store.as_retriever(search_kwargs={"k": 1})

    def context(docs: list[Document]) -> str:
        return "\n".join(d.page_content for d in docs)

    prompt = ChatPromptTemplate.from_messages(
        [
            ("system", "Answer from the context in one sentence.\nContext:\n{context}"),
            ("human", "{question}"),
        ]
    )
    return (
        {"context": retriever | context, "question": RunnablePassthrough()}
        | prompt
        | llm
        | StrOutputParser()
    )


def test_rag_chain_over_an_in_memory_vector_store(bon: BestOfN) -> None:
    cb = RunRecorder()

    output = rag_chain(bon).invoke("How high is Mount Fuji?", config={"callbacks": [cb]})

    [run] = best_of_n_runs(cb)
    samples = cb.children(run.run_id, "polypick:sample")
    assert len(samples) == 3
    for sample in samples:  # the retrieved passage, and only it, is in every sample's prompt
        system = sample.messages[0].text
        assert DOCUMENTS[1] in system
        assert DOCUMENTS[0] not in system and DOCUMENTS[2] not in system
        assert sample.messages[-1].text == "How high is Mount Fuji?"
    assert isinstance(output, str) and output


async def test_rag_chain_async(bon: BestOfN) -> None:
    output = await rag_chain(bon).ainvoke("Where is the Eiffel Tower?")

    assert isinstance(output, str) and output
