"""Token log-probabilities: requested only when a selector reads them, and carried on candidates
from the embedded model, from llama-cpp-python's OpenAI-compatible server and from the fake
OpenAI server.

The shape followed is the Chat Completions API reference's: ``logprobs: true`` (and
``top_logprobs``, 0 to 20) in the request; ``choices[].logprobs.content``, one ``{token,
logprob, bytes, top_logprobs}`` entry per token, in the response.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from polypick import BestOfN, ConfigurationError, Hedged, Logprobs, Selection, Selector
from polypick.cache import SampleCache
from polypick.core.protocol import ModelRequest
from polypick.core.types import Completion, Message, SamplingParams
from polypick.core.wrapper import ChatModelWrapper
from polypick.providers import LocalChat, OpenAIChat
from polypick.providers._openai_parse import read_logprobs
from polypick.selectors.base import SelectionContext, Verdict
from polypick.testing.servers import FakeOpenAIServer, reasoning_model


class MostConfident(Selector):
    """Picks the candidate whose tokens are, on average, the most likely."""

    name = "most_confident"

    def __init__(self, k: int = 3) -> None:
        self.needs_logprobs = k

    async def select(self, context: SelectionContext) -> Verdict:
        scores = []
        for candidate in context.candidates:
            assert candidate.logprobs is not None, "a candidate came without log-probabilities"
            values = candidate.logprobs.logprobs
            scores.append(sum(values) / len(values))
        best = max(range(len(scores)), key=scores.__getitem__)
        return Verdict(index=best, scores=tuple(scores))


class Requests(ChatModelWrapper):
    """Records the ``logprobs`` every request asked for."""

    def __init__(self, model: Any) -> None:
        super().__init__(model)
        self.asked: list[int | None] = []

    async def generate(self, request: ModelRequest) -> list[Completion]:
        self.asked.append(request.logprobs)
        return await self.model.generate(request)


def check_shape(logprobs: Logprobs, text: str, k: int) -> None:
    assert logprobs.text == text  # the tokens cover the answer, nothing more
    assert len(logprobs.logprobs) == len(logprobs.tokens) == len(logprobs.top_logprobs) > 0
    assert all(value <= 0 for value in logprobs.logprobs)
    for tokens, values in zip(logprobs.top_tokens, logprobs.top_logprobs, strict=True):
        assert len(tokens) == len(values) <= k
        assert list(values) == sorted(values, reverse=True)  # most likely first
        assert sum(math.exp(v) for v in values) <= 1 + 1e-4  # a distribution's top k


@pytest.mark.local_model
async def test_the_embedded_model_gives_logprobs_only_when_a_selector_reads_them() -> None:
    plan = Hedged(temperature=0.9, max_tokens=24, seed=5)
    local = Requests(LocalChat())
    async with BestOfN(local, n=3, sampling=plan, selector=MostConfident(k=3)) as bon:
        sel = await bon.ainvoke("What is 2 + 3? Answer with a number.")
    assert local.asked == [3, 3, 3]
    for candidate in sel.candidates:
        assert candidate.logprobs is not None
        check_shape(candidate.logprobs, candidate.text, 3)
    greedy = sel.candidates[0].logprobs
    assert greedy is not None  # at temperature 0 the chosen token is the most likely one
    assert list(greedy.tokens) == [row[0] for row in greedy.top_tokens]
    assert list(greedy.logprobs) == pytest.approx([row[0] for row in greedy.top_logprobs])
    assert sel.scores[sel.index] == max(s for s in sel.scores if s is not None)

    plain = Requests(LocalChat())
    async with BestOfN(plain, n=3, sampling=plan, selector="mbr") as bon:
        sel = await bon.ainvoke("What is 2 + 3? Answer with a number.")
    assert plain.asked == [None, None, None]
    assert all(c.logprobs is None for c in sel.candidates)


@pytest.mark.local_model
async def test_the_embedded_models_logprobs_match_llama_cpp_pythons_own(llama_server: str) -> None:
    """The in-process hooks and llama-cpp-python's server (its ``logits_all`` implementation)
    give the same greedy tokens and log-probabilities for the same model and prompt."""
    request = ModelRequest(
        (Message(role="user", content="Name three colours."),),
        SamplingParams(temperature=0.0, max_tokens=24),
        logprobs=2,
    )
    [local] = await LocalChat().generate(request)
    # the server's sampling defaults differ from create_chat_completion's: align them
    server = OpenAIChat("smollm2", base_url=llama_server, extra_body={"repeat_penalty": 1.0})
    try:
        [served] = await server.generate(request)
    finally:
        await server.aclose()
    mine, theirs = local.logprobs, served.logprobs
    assert mine is not None and theirs is not None
    assert local.text == served.text and mine.tokens == theirs.tokens
    assert mine.logprobs == pytest.approx(theirs.logprobs, abs=1e-4)
    assert mine.top_tokens == theirs.top_tokens
    assert [row for row in mine.top_logprobs] == [
        pytest.approx(row, abs=1e-4) for row in theirs.top_logprobs
    ]


async def test_a_compatible_server_is_asked_for_logprobs_only_when_read(llama_server: str) -> None:
    model = OpenAIChat("smollm2", base_url=llama_server)
    plan = Hedged(temperature=0.8, max_tokens=16, seed=2)
    async with BestOfN(model, n=2, sampling=plan, selector=MostConfident(k=2)) as bon:
        sel = await bon.ainvoke("Say hello.")
    for candidate in sel.candidates:
        assert candidate.logprobs is not None
        check_shape(candidate.logprobs, candidate.text, 2)


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(models={"gpt-5-mini": reasoning_model()}) as fake:
        yield fake


def chat(server: FakeOpenAIServer, model: str = "gpt-4.1") -> OpenAIChat:
    return OpenAIChat(model, base_url=server.base_url + "/v1")


async def test_the_fake_server_returns_the_documented_shape(server: FakeOpenAIServer) -> None:
    async with BestOfN(chat(server), n=4, sampling=0.7, selector=MostConfident(k=4)) as bon:
        sel = await bon.ainvoke("q")
    [body] = [r.body for r in server.requests]
    assert body["logprobs"] is True and body["top_logprobs"] == 4
    for candidate in sel.candidates:
        assert candidate.logprobs is not None
        check_shape(candidate.logprobs, candidate.text, 4)
    server.reset_log()
    async with BestOfN(chat(server), n=2, sampling=0.7, selector="mbr") as bon:
        sel = await bon.ainvoke("q")
    assert all("logprobs" not in r.body and "top_logprobs" not in r.body for r in server.requests)
    assert all(c.logprobs is None for c in sel.candidates)


async def test_the_chosen_tokens_only_are_asked_as_logprobs_without_top(
    server: FakeOpenAIServer,
) -> None:
    async with BestOfN(chat(server), n=2, sampling=0.7, selector=MostConfident(k=0)) as bon:
        sel = await bon.ainvoke("q")
    [body] = [r.body for r in server.requests]
    assert body["logprobs"] is True and "top_logprobs" not in body
    assert all(c.logprobs and c.logprobs.k == 0 for c in sel.candidates)


def test_a_backend_without_logprobs_is_refused_before_any_request(
    server: FakeOpenAIServer,
) -> None:
    with pytest.raises(ConfigurationError, match="gives none"):
        BestOfN(chat(server, "gpt-5-mini"), n=2, selector=MostConfident())
    assert server.request_count == 0


async def test_a_cached_sample_without_logprobs_never_answers_a_request_for_them(
    server: FakeOpenAIServer, tmp_path: Any
) -> None:
    with SampleCache(tmp_path / "cache.sqlite") as cache:
        async with BestOfN(chat(server), n=2, sampling=0.7, selector="mbr", cache=cache) as bon:
            await bon.ainvoke("q")
        async with BestOfN(
            chat(server), n=2, sampling=0.7, selector=MostConfident(), cache=cache
        ) as bon:
            sel = await bon.ainvoke("q")
        assert server.request_count == 2  # drawn again, with log-probabilities
        assert all(c.logprobs is not None for c in sel.candidates)
        async with BestOfN(
            chat(server), n=2, sampling=0.7, selector=MostConfident(), cache=cache
        ) as bon:
            again = await bon.ainvoke("q")
        assert server.request_count == 2  # and now served from the cache, with them
    assert [c.logprobs for c in again.candidates] == [c.logprobs for c in sel.candidates]


async def test_a_selection_with_logprobs_round_trips_through_json(server: FakeOpenAIServer) -> None:
    async with BestOfN(chat(server), n=2, sampling=0.7, selector=MostConfident()) as bon:
        sel = await bon.ainvoke("q")
    restored = Selection.model_validate(json.loads(sel.model_dump_json()))
    assert [c.logprobs for c in restored.candidates] == [c.logprobs for c in sel.candidates]


entry = st.fixed_dictionaries(
    {
        "token": st.text(max_size=4),
        "logprob": st.one_of(st.floats(max_value=0), st.just(float("-inf")), st.none()),
        "top_logprobs": st.lists(
            st.fixed_dictionaries(
                {"token": st.text(max_size=4), "logprob": st.floats(max_value=0)}
            ),
            max_size=5,
        ),
    }
)


@given(st.lists(entry, max_size=8))
def test_reading_any_logprobs_gives_finite_values_most_likely_first(
    entries: list[dict[str, Any]],
) -> None:
    read = read_logprobs(entries)
    assert read.tokens == tuple(e["token"] for e in entries)
    assert all(math.isfinite(v) for v in read.logprobs)
    for row, raw in zip(read.top_logprobs, entries, strict=True):
        assert len(row) == len(raw["top_logprobs"])
        assert list(row) == sorted(row, reverse=True)
        assert all(math.isfinite(v) for v in row)
    halves = read_logprobs(entries[: len(entries) // 2]) + read_logprobs(
        entries[len(entries) // 2 :]
    )
    assert halves == read  # streamed chunks join into the whole
