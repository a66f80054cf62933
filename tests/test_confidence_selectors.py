"""The confidence selectors end to end (issue 20, Done-when 1): ``selector="deepconf"`` and
``selector="self_certainty"`` with the embedded model and with the fake OpenAI server.

The fake server follows the Chat Completions API reference
(https://platform.openai.com/docs/api-reference/chat/create): ``logprobs: true`` with
``top_logprobs`` (0 to 20) in the request; ``choices[].logprobs.content``, one ``{token,
logprob, bytes, top_logprobs}`` per token, in the response. Its documented distribution gives
probabilities 1/2, 1/4, 1/8 ... to the top alternatives at every position.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import pytest

from polypick import BestOfN, Candidate, Hedged, WeightedMajoritySelector
from polypick.core.types import Logprobs
from polypick.providers import OpenAIChat
from polypick.selectors.base import SelectionContext
from polypick.selectors.deepconf import DeepConfSelector
from polypick.selectors.self_certainty import SelfCertaintySelector
from polypick.testing import ScriptedChat
from polypick.testing.servers import FakeOpenAIServer


def _kl_from_uniform(row: tuple[float, ...]) -> float:
    """KL(uniform || p renormalised over the row), written out from its definition."""
    probabilities = [math.exp(v) for v in row]
    total = sum(probabilities)
    k = len(row)
    return sum((1 / k) * math.log((1 / k) / (p / total)) for p in probabilities)


def _self_certainty(candidate: Candidate) -> float:
    assert candidate.logprobs is not None
    rows = [r for r in candidate.logprobs.top_logprobs if len(r) >= 2]
    return sum(_kl_from_uniform(r) for r in rows) / len(rows)


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    answers = ["The answer is 12", "The answer is 12", "The answer is 15", "The answer is 12"]

    def respond(body: dict[str, Any], index: int) -> str:
        return answers[index % len(answers)]

    with FakeOpenAIServer(responder=respond) as fake:
        yield fake


def _chat(server: FakeOpenAIServer) -> OpenAIChat:
    return OpenAIChat("gpt-4.1", base_url=server.base_url + "/v1")


async def test_deepconf_on_a_compatible_server_asks_for_top_logprobs_and_votes(
    server: FakeOpenAIServer,
) -> None:
    async with BestOfN(_chat(server), n=4, sampling=0.7, selector="deepconf") as bon:
        sel = await bon.ainvoke("What is 3 * 4?")
    bodies = [r.body for r in server.requests if r.path.endswith("/chat/completions")]
    assert sum(b.get("n", 1) for b in bodies) == 4
    assert all(b["logprobs"] is True and b["top_logprobs"] == 5 for b in bodies)
    assert sel.selector == "deepconf"
    assert sel.usage.selection.requests == 0  # the cost table's "0 calls"
    assert "12" in sel.text
    # every position holds 1/2 ... 1/32: token confidence = ln 2 * (1 + ... + 5) / 5 = 3 ln 2
    kept = [s for s in sel.scores if s is not None]
    assert kept and all(s == pytest.approx(3 * math.log(2)) for s in kept)


async def test_self_certainty_on_a_compatible_server(server: FakeOpenAIServer) -> None:
    async with BestOfN(_chat(server), n=3, sampling=0.7, selector="self_certainty") as bon:
        sel = await bon.ainvoke("What is 3 * 4?")
    bodies = [r.body for r in server.requests if r.path.endswith("/chat/completions")]
    assert all(b["top_logprobs"] == 5 for b in bodies)
    expected = [_self_certainty(c) for c in sel.candidates]
    assert list(sel.scores) == pytest.approx(expected)
    assert expected[0] > 0  # the documented distribution is far from flat


async def test_selectors_that_read_text_ask_for_no_logprobs(server: FakeOpenAIServer) -> None:
    async with BestOfN(_chat(server), n=2, sampling=0.7, selector="majority") as bon:
        await bon.ainvoke("q")
    assert all("logprobs" not in r.body for r in server.requests if r.body)


@pytest.mark.local_model
async def test_deepconf_with_the_embedded_model_drops_the_least_confident() -> None:
    plan = Hedged(temperature=1.0, max_tokens=32, seed=11)
    selector = DeepConfSelector(keep=0.5, measure="mean")
    async with BestOfN("local", n=6, sampling=plan, selector=selector) as bon:
        sel = await bon.ainvoke("What is 6 + 7? End with 'The answer is N'.")
    assert all(c.logprobs is not None and len(c.logprobs) > 0 for c in sel.candidates)
    means = []
    for c in sel.candidates:  # DeepConf's token confidence, written out
        assert c.logprobs is not None
        rows = [r for r in c.logprobs.top_logprobs if r]
        means.append(sum(-sum(max(v, -30.0) for v in r) / len(r) for r in rows) / len(rows))
    kept = [i for i, s in enumerate(sel.scores) if s is not None]
    assert len(kept) == 3
    assert min(means[i] for i in kept) >= max(m for i, m in enumerate(means) if i not in kept)
    assert [sel.scores[i] for i in kept] == pytest.approx([means[i] for i in kept])
    assert sel.index in kept
    assert any(e.event == "deepconf.vote" for e in sel.trace)


@pytest.mark.local_model
async def test_self_certainty_with_the_embedded_model_picks_the_most_certain() -> None:
    plan = Hedged(temperature=1.0, max_tokens=24, seed=3)
    async with BestOfN("local", n=4, sampling=plan, selector="self_certainty") as bon:
        sel = await bon.ainvoke("Name a colour of the sky.")
    expected = [_self_certainty(c) for c in sel.candidates]
    assert list(sel.scores) == pytest.approx(expected)
    assert sel.index == max(range(len(expected)), key=expected.__getitem__)


async def test_self_certainty_weights_a_weighted_majority() -> None:
    def cand(text: str, sharp: float) -> Candidate:
        row = tuple(math.log(w) for w in _normalised([math.exp(-sharp * j) for j in range(4)]))
        return Candidate(
            text=text,
            logprobs=Logprobs(
                tokens=("x",),
                logprobs=(row[0],),
                top_tokens=(("a", "b", "c", "d"),),
                top_logprobs=(row,),
            ),
        )

    # two unsure votes for 1, one very sure vote for 2: the weights decide for 2
    candidates = [cand("Answer: 1", 0.05), cand("Answer: 1", 0.05), cand("Answer: 2", 5.0)]
    selector = WeightedMajoritySelector(scorer=SelfCertaintySelector())
    assert selector.needs_logprobs == 5
    context = SelectionContext((), candidates, llm=ScriptedChat([]), judge=None)
    verdict = await selector.select(context)
    assert verdict.index == 2


def _normalised(weights: list[float]) -> list[float]:
    return [w / sum(weights) * 0.9 for w in weights]


async def test_candidates_without_logprobs_get_a_clear_error_and_lose_nothing() -> None:
    from polypick import aselect

    sel = await aselect("q", ["Answer: 1", "Answer: 2"], selector="deepconf")
    assert sel.text in ("Answer: 1", "Answer: 2")  # the fallback, nothing thrown away
    [failure] = sel.selection_failures
    assert "log-probabilities" in failure.error.message and "llm='local'" in failure.error.message
    with pytest.raises(Exception, match="log-probabilities"):
        BestOfN(ScriptedChat(["x"]), n=2, selector="self_certainty")
