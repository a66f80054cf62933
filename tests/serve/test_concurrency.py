"""Many clients at once, clients that leave, and a clean shutdown."""

from __future__ import annotations

import asyncio
import re
import time
from typing import Any

import openai
import pytest

from polypick.serve.upstream import PassThroughOpenAIChat
from polypick.testing.servers import FakeOpenAIServer
from polypick.testing.servers._runner import text_of

from .conftest import USER, serve, settings_for

CLIENTS = 24
LATENCY_S = 2.0


def echo_code(body: dict[str, Any], index: int) -> str:
    """Repeat the code word of the request's last message, so every answer names its asker."""
    found = re.search(r"code (\w+)", text_of(body["messages"][-1]["content"]))
    return f"The code is {found.group(1) if found else 'missing'}."


async def test_concurrent_async_clients_each_get_their_own_answer() -> None:
    with FakeOpenAIServer(responder=echo_code, latency_s=LATENCY_S) as upstream:
        with serve(settings_for(upstream, concurrency=CLIENTS)) as served:
            clients = [served.async_client() for _ in range(CLIENTS)]
            started = time.monotonic()
            replies = await asyncio.gather(*(_ask(c, i) for i, c in enumerate(clients)))
            elapsed = time.monotonic() - started
            await asyncio.gather(*(c.close() for c in clients))
            kept = len(served.state.pool)
        arrivals = [r.timestamp for r in upstream.requests]
    for i, reply in enumerate(replies):
        assert reply.choices[0].message.content == f"The code is w{i}."
        assert reply.model_extra["polypick"]["n"] == 2 + i % 3
    assert kept == 3  # one BestOfN per distinct configuration, shared by the others
    # Every upstream request arrived before the first one was answered: all were in flight at
    # once, so the whole run takes about one upstream latency, not twenty-four.
    assert len(arrivals) == CLIENTS
    assert max(arrivals) - min(arrivals) < LATENCY_S
    assert elapsed < LATENCY_S * 4


async def _ask(client: openai.AsyncOpenAI, i: int) -> Any:
    # Three configurations between the clients: by model name and by extra body.
    model = "fake-gpt" if i % 3 else "bon-2/fake-gpt"
    extra = {"polypick": {"n": 2 + i % 3}} if i % 3 else None
    messages = [{"role": "user", "content": f"Repeat the code w{i}."}]
    return await client.chat.completions.create(model=model, messages=messages, extra_body=extra)  # type: ignore[arg-type]


async def test_upstream_requests_in_flight_are_bounded_by_the_concurrency_setting() -> None:
    with FakeOpenAIServer(responder=echo_code, latency_s=0.5) as upstream:
        with serve(settings_for(upstream, concurrency=4)) as served:
            async with served.async_client() as client:
                await asyncio.gather(*(_ask(client, i) for i in range(6)))
        arrivals = sorted(r.timestamp for r in upstream.requests)
    waves = [t - arrivals[0] < 0.5 for t in arrivals]
    assert waves == [True] * 4 + [False] * 2


async def test_a_client_that_leaves_cancels_its_upstream_calls() -> None:
    with FakeOpenAIServer(latency_s=30) as upstream, serve(settings_for(upstream)) as served:
        async with served.async_client(timeout=0.5) as client:
            with pytest.raises(openai.APITimeoutError):
                await client.chat.completions.create(model="fake-gpt", messages=USER)  # type: ignore[arg-type]
        assert upstream.request_count == 1
        # The upstream would answer after 30 s; the request stops as soon as the client left.
        assert await _settles(lambda: served.state.active == 0, within=5.0)


async def _settles(condition: Any, within: float) -> bool:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.02)
    return True


class CountingChat(PassThroughOpenAIChat):
    closed = 0

    async def aclose(self) -> None:
        type(self).closed += 1
        await super().aclose()


def test_shutdown_closes_the_models(upstream: FakeOpenAIServer) -> None:
    llm = CountingChat("fake-gpt", base_url=upstream.base_url + "/v1")
    CountingChat.closed = 0
    with serve(settings_for(upstream), llm=llm) as served, served.client() as client:
        assert client.chat.completions.create(model="fake-gpt", messages=USER)  # type: ignore[arg-type]
        assert CountingChat.closed == 0
    assert CountingChat.closed == 1
