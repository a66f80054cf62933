"""The OpenAI provider against a real server that ignores ``n``: llama-cpp-python's own."""

from __future__ import annotations

from polypick import BestOfN, Hedged, Temperature
from polypick.providers import OpenAIChat


async def test_a_server_that_ignores_n_gets_one_request_per_sample(llama_server: str) -> None:
    model = OpenAIChat(model="smollm2", base_url=llama_server)
    plan = Temperature(temperature=1.0, seed=11, max_tokens=24)
    async with BestOfN(model, n=3, sampling=plan, selector="majority") as bon:
        sel = await bon.ainvoke("Write one short sentence about the sea.")
    assert len(sel.candidates) == 3
    assert len({c.text for c in sel.candidates}) == 3, [c.text for c in sel.candidates]
    assert len({c.request for c in sel.candidates}) == 3  # the n request returned one choice
    assert model.n_support is False  # learnt: later calls fan out from the start
    assert sel.usage.generation.requests == 3
    assert all(c.usage.prompt_tokens > 0 and c.usage.completion_tokens > 0 for c in sel.candidates)


async def test_once_learnt_later_calls_fan_out_from_the_start(llama_server: str) -> None:
    model = OpenAIChat(model="smollm2", base_url=llama_server, n_support=False)
    plan = Hedged(temperature=0.9, seed=5, max_tokens=16)
    async with BestOfN(model, n=3, sampling=plan, selector="majority") as bon:
        sel = await bon.ainvoke("Name a colour.")
    assert [c.greedy for c in sel.candidates] == [True, False, False]
    assert [c.request for c in sel.candidates] == sorted({c.request for c in sel.candidates})
    assert sel.usage.generation.requests == 3
