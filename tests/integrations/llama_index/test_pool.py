"""The LlamaIndex ``BestOfN`` over a pool of LLMs."""

from __future__ import annotations

from llama_index.core.base.llms.types import ChatMessage

from polypick.integrations.llama_index import BestOfN

from .conftest import ScriptedLLM, cycling


async def test_a_pool_of_two_llms_samples_both_and_selects_once() -> None:
    first = ScriptedLLM(reply=cycling("Paris", "Lyon"), model="first")
    second = ScriptedLLM(reply=cycling("Paris"), model="second")
    bon = BestOfN([first, second], n=4, sampling=0.7, selector="majority")
    response = await bon.achat([ChatMessage(role="user", content="Capital of France?")])
    record = response.additional_kwargs["polypick"]
    models = [c["model"] for c in record["candidates"]]
    assert len(first.calls) == len(second.calls) == 2
    assert models[:2] == [models[0]] * 2 and models[2:] == [models[2]] * 2
    assert models[0] != models[2]
    assert set(record["usage"]["by_model"]) == set(models)
    assert response.message.content == "Paris"  # three of four agree
    assert bon.metadata.model_name == "best-of-4[first]"
