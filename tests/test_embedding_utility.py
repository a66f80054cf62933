"""The embedding utility: each text embedded once, cached across calls, truncated."""

from __future__ import annotations

import asyncio

import numpy as np

from polypick.core.types import Candidate
from polypick.selectors.base import SelectionContext
from polypick.selectors.utilities.embedding import Embedding
from polypick.testing import ScriptedChat


class CountingEncoder:
    """A stand-in embedder: a unit vector per distinct text, and a record of every batch."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.batches.append(list(texts))
        rows = np.array([[len(t), sum(map(ord, t)) % 97, 1.0] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def matrix(utility: Embedding, hypotheses: list[str], references: list[str]) -> list[list[float]]:
    context = SelectionContext(
        ["q"], [Candidate(text=h) for h in hypotheses], llm=ScriptedChat(["x"]), judge=None
    )
    rows = asyncio.run(utility.matrix(context, hypotheses, references))
    return [[float(v or 0.0) for v in row] for row in rows]


def test_each_distinct_text_is_embedded_once_in_one_batch() -> None:
    encoder = CountingEncoder()
    rows = matrix(Embedding(encoder), ["a b", "c d", "a b"], ["a b", "c d", "a b", "e f"])
    assert encoder.batches == [["a b", "c d", "e f"]]
    assert abs(rows[0][0] - 1.0) < 1e-6 and rows[2][2] == rows[0][0]  # same text, same row


def test_embeddings_are_cached_across_calls_and_bounded() -> None:
    encoder = CountingEncoder()
    utility = Embedding(encoder, cache_size=3)
    first = matrix(utility, ["one", "two"], ["one", "two", "three"])
    again = matrix(utility, ["two", "one"], ["one", "two", "three"])
    assert encoder.batches == [["one", "two", "three"]]  # nothing embedded the second time
    assert again[0][1] == first[1][1] and again[1][0] == first[0][0]
    matrix(utility, ["four"], ["four"])  # a fourth text evicts the oldest
    matrix(utility, ["one"], ["one"])
    assert encoder.batches[-2:] == [["four"], ["one"]]


def test_only_the_first_max_chars_are_embedded() -> None:
    encoder = CountingEncoder()
    rows = matrix(Embedding(encoder, max_chars=5), ["hello world", "hello there"], ["hello world"])
    assert encoder.batches == [["hello"]]  # both are "hello" to the encoder: one embedding
    assert abs(rows[1][0] - 1.0) < 1e-6
    whole = CountingEncoder()
    matrix(Embedding(whole, max_chars=None), ["hello world", "hello there"], ["hello world"])
    assert whole.batches == [["hello world", "hello there"]]
