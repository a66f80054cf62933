"""Pools: one call drawing its candidates from several models, through the real SDKs against
fake servers (and the embedded model)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from polypick import BestOfN, ConfigurationError, Pool, PoolMember, Reasoning, Temperature
from polypick.providers import OpenAIChat
from polypick.testing.servers import FakeAnthropicServer, FakeOpenAIServer, reasoning_model


@pytest.fixture
def servers() -> Iterator[tuple[FakeOpenAIServer, FakeOpenAIServer]]:
    with (
        FakeOpenAIServer(models={"gpt-5-mini": reasoning_model(reasoning_tokens=20)}) as first,
        FakeOpenAIServer(model="qwen") as second,
    ):
        yield first, second


def chat(server: FakeOpenAIServer, model: str) -> OpenAIChat:
    return OpenAIChat(model, base_url=server.base_url + "/v1")


def billed(server: FakeOpenAIServer) -> int:
    return server.request_count


async def test_a_pool_of_two_servers_yields_candidates_from_both(
    servers: tuple[FakeOpenAIServer, FakeOpenAIServer],
) -> None:
    first, second = servers
    pool = [chat(first, "gpt-4.1"), chat(second, "qwen")]
    async with BestOfN(pool, n=4, selector="majority") as bon:
        sel = await bon.ainvoke("Name a fruit.")
    assert [c.model for c in sel.candidates] == ["openai:gpt-4.1"] * 2 + ["openai:qwen"] * 2
    assert [c.sample for c in sel.candidates] == [0, 1, 2, 3]
    assert len({c.request for c in sel.candidates}) == first.request_count + second.request_count
    assert 0 <= sel.index < 4 and sel.selector == "majority"  # one selection over the pool
    assert sel.llm == "pool(openai:gpt-4.1, openai:qwen)"
    by_model = sel.usage.by_model
    assert set(by_model) == {"openai:gpt-4.1", "openai:qwen"}
    assert by_model["openai:gpt-4.1"].requests == first.request_count
    assert by_model["openai:qwen"].requests == second.request_count
    for name, usage in by_model.items():  # each model's share is its candidates' usage
        own = [c.usage for c in sel.candidates if c.model == name]
        assert usage.total_tokens == sum(u.total_tokens for u in own)
    assert sum(u.total_tokens for u in by_model.values()) == sel.usage.total.total_tokens


async def test_members_have_their_own_share_and_plan(
    servers: tuple[FakeOpenAIServer, FakeOpenAIServer],
) -> None:
    first, second = servers
    pool = Pool(
        [
            PoolMember(chat(first, "gpt-5-mini"), share=1),  # its own plan: reasoning efforts
            PoolMember(chat(second, "qwen"), share=2, sampling=Temperature(temperature=0.9)),
        ]
    )
    async with BestOfN(pool, n=6, selector="majority") as bon:
        assert bon.cost().generation_requests == 2 + 1  # two efforts; one n=4 request
        sel = await bon.ainvoke("q")
    reasoner = [c for c in sel.candidates if c.model == "openai:gpt-5-mini"]
    other = [c for c in sel.candidates if c.model == "openai:qwen"]
    assert len(reasoner) == 2 and len(other) == 4
    assert [c.params.reasoning_effort for c in reasoner if c.params] == ["low", "medium"]
    assert all(c.temperature == 0.9 for c in other)
    assert [r.body.get("n") for r in second.requests] == [4]
    assert sel.usage.by_model["openai:gpt-5-mini"].reasoning_tokens == 2 * 20
    assert sel.usage.by_model["openai:qwen"].reasoning_tokens == 0


async def test_members_are_sampled_concurrently(
    servers: tuple[FakeOpenAIServer, FakeOpenAIServer],
) -> None:
    first, second = servers
    second_asked = threading.Event()

    def first_waits(body: dict[str, Any], index: int) -> str:
        # answers only once the other server has been asked: sequential sampling would wait
        return "on time" if second_asked.wait(timeout=10) else "waited in vain"

    def second_answers(body: dict[str, Any], index: int) -> str:
        second_asked.set()
        return "second"

    first.set_responder(first_waits)
    second.set_responder(second_answers)
    async with BestOfN([chat(first, "a"), chat(second, "b")], n=2, sampling=0.5) as bon:
        sel = await bon.ainvoke("q")
    assert sorted(c.text for c in sel.candidates) == ["on time", "second"]


async def test_a_hosted_and_an_anthropic_model_with_a_judge() -> None:
    with FakeOpenAIServer() as openai_server, FakeAnthropicServer() as anthropic_server:
        from polypick.providers import AnthropicChat

        claude = AnthropicChat(
            "claude-sonnet-4-6", base_url=anthropic_server.base_url, api_key="test"
        )
        pool = [chat(openai_server, "gpt-4.1"), claude]
        async with BestOfN(pool, n=2, selector="mbr") as bon:
            sel = await bon.ainvoke("q")
    assert [c.model for c in sel.candidates] == ["openai:gpt-4.1", "anthropic:claude-sonnet-4-6"]
    assert set(sel.usage.by_model) == {"openai:gpt-4.1", "anthropic:claude-sonnet-4-6"}


@pytest.mark.local_model
async def test_a_pool_of_a_server_and_the_embedded_model(
    servers: tuple[FakeOpenAIServer, FakeOpenAIServer],
) -> None:
    first, _ = servers
    plan = Temperature(temperature=0.7, max_tokens=16, seed=1)
    pool = Pool([PoolMember(chat(first, "gpt-4.1"), sampling=plan), PoolMember("local")])
    async with BestOfN(pool, n=4, sampling=Temperature(max_tokens=16)) as bon:
        sel = await bon.ainvoke("Name a colour.")
    models = [c.model for c in sel.candidates]
    assert models[:2] == ["openai:gpt-4.1"] * 2
    assert all(m is not None and m.startswith("local:") for m in models[2:])
    assert sel.usage.by_model[models[-1] or ""].completion_tokens > 0
    assert len(sel.scores) == 4


def test_a_pool_refuses_what_cannot_work(
    servers: tuple[FakeOpenAIServer, FakeOpenAIServer],
) -> None:
    first, second = servers
    with pytest.raises(ConfigurationError, match="fewer than the pool's 2 models"):
        BestOfN([chat(first, "a"), chat(second, "b")], n=1)
    with pytest.raises(ConfigurationError, match="list of models"):
        Pool("openai:gpt-4.1")  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match="share"):
        PoolMember(chat(first, "a"), share=0)
    # a member's plan is checked against that member before anything is sent
    with pytest.raises(ConfigurationError, match="sampling='reasoning'"):
        BestOfN([chat(first, "gpt-5-mini"), chat(second, "b")], n=2, sampling=0.7)
    with pytest.raises(ConfigurationError, match="no reasoning effort"):
        BestOfN([chat(first, "gpt-5-mini"), chat(second, "b")], n=2, sampling=Reasoning())
    # left at its default, the plan is each model's own: efforts for one, hedged for the other
    both = BestOfN([chat(first, "gpt-5-mini"), chat(second, "b")], n=4)
    assert [p.reasoning_effort for p in both.plan] == ["low", "medium", None, None]
    assert [p.temperature for p in both.plan][2:] == [0.0, 0.7]
    assert first.request_count == second.request_count == 0


@given(
    shares=st.lists(st.floats(min_value=0.01, max_value=100), min_size=1, max_size=6),
    extra=st.integers(min_value=0, max_value=60),
)
def test_allocation_follows_the_shares(shares: list[float], extra: int) -> None:
    pool = Pool([PoolMember(f"local:{i}.gguf", share=s) for i, s in enumerate(shares)])
    n = len(shares) + extra
    counts = pool.allocate(n)
    assert sum(counts) == n and all(c >= 1 for c in counts)
    total = sum(shares)
    for count, share in zip(counts, shares, strict=True):  # within one of the exact share
        assert abs(count - (1 + extra * share / total)) < 1
