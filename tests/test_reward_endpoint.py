"""Reward models over HTTP: polypick's /score shape and vLLM's /pooling shape."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from polypick import BestOfN, RetryPolicy
from polypick.errors import ConfigurationError
from polypick.providers import RewardEndpoint
from polypick.selectors import RewardSelector
from polypick.testing import ScriptedChat
from polypick.testing.servers import FakeRewardServer, Fault

POLICY = RetryPolicy(max_retries=2, initial_wait=0, max_wait=0)


def prefers_paris(prompt: str, response: str) -> float:
    return 10.0 if "Paris" in response else 1.0


@pytest.fixture
def server() -> Iterator[FakeRewardServer]:
    with FakeRewardServer(reward=prefers_paris) as fake:
        yield fake


@pytest.mark.parametrize("fmt", ["polypick", "vllm"])
async def test_the_endpoint_scores_every_candidate(server: FakeRewardServer, fmt: str) -> None:
    url = server.base_url + ("/score" if fmt == "polypick" else "")
    endpoint = RewardEndpoint(url, format=fmt, model="rm")  # type: ignore[arg-type]
    model = ScriptedChat(["Lyon", "It is Paris.", "Marseille"])
    bon = BestOfN(model, n=3, sampling=0.7, selector=RewardSelector(endpoint), retry=POLICY)
    sel = await bon.ainvoke("What is the capital of France?")
    await endpoint.aclose()
    assert sel.text == "It is Paris."
    assert sel.scores == (1.0, 10.0, 1.0)
    assert server.request_count == 3
    assert sel.usage.selection.requests == 3
    body = server.requests[0].body
    if fmt == "vllm":
        assert body["model"] == "rm" and body["messages"][0]["role"] == "user"
    else:
        assert body["prompt"] == "What is the capital of France?"


async def test_endpoint_faults_are_retried_and_counted(server: FakeRewardServer) -> None:
    server.script([Fault.status(503, retry_after=0)])
    endpoint = RewardEndpoint(server.base_url + "/score")
    model = ScriptedChat(["Paris"] * 2)
    bon = BestOfN(model, n=2, sampling=0.7, selector=RewardSelector(endpoint), retry=POLICY)
    sel = await bon.ainvoke("q")
    await endpoint.aclose()
    assert sel.scores == (10.0, 10.0)
    assert server.request_count == 3
    assert sel.usage.selection.requests == 3


async def test_a_bad_reply_leaves_the_candidate_unscored_and_listed(
    server: FakeRewardServer,
) -> None:
    endpoint = RewardEndpoint(server.base_url + "/pooling")  # wrong path for the format
    model = ScriptedChat(["a", "b"])
    bon = BestOfN(model, n=2, sampling="hedged", selector=RewardSelector(endpoint), retry=POLICY)
    sel = await bon.ainvoke("q")
    await endpoint.aclose()
    assert sel.scores == (None, None)
    assert sel.index == 0  # the greedy fallback
    assert len(sel.selection_failures) == 2
    assert all(f.stage == "reward" for f in sel.selection_failures)


def test_vllm_format_needs_a_model_name() -> None:
    with pytest.raises(ConfigurationError, match="model="):
        RewardEndpoint("http://127.0.0.1:1", format="vllm")
