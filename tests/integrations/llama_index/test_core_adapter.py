"""LlamaIndex LLMs as ``llm=`` and ``judge=`` of the core's ``BestOfN``, and the optional import."""

from __future__ import annotations

import importlib
import subprocess
import sys
from typing import Any

import pytest
from llama_index.core.base.llms.types import ChatMessage, ToolCallBlock
from llama_index.core.llms import MockFunctionCallingLLM

import polypick
from polypick import ConfigurationError
from polypick.errors import MissingDependencyError
from polypick.integrations.llama_index import LlamaIndexChat
from polypick.providers import resolve_model

from .conftest import ScriptedLLM, cycling


async def test_the_core_samples_a_llamaindex_llm_through_its_async_endpoint() -> None:
    inner = ScriptedLLM(reply=cycling("42", "41", "42"))
    async with polypick.BestOfN(llm=inner, n=3, selector="majority") as bon:
        selection = await bon.ainvoke("What is 6 x 7?")
    assert (selection.text, selection.llm) == ("42", "llama_index:scripted")
    assert [c[0] for c in inner.calls] == ["achat"] * 3
    assert [m.content for m in inner.calls[0][1]] == ["What is 6 x 7?"]
    assert selection.usage.generation.prompt_tokens == 30


def test_a_llamaindex_judge_works_with_any_llm() -> None:
    def rate(messages: list[ChatMessage], **kwargs: Any) -> str:
        return '{"score": 9}' if "Paris" in (messages[-1].content or "") else '{"score": 1}'

    llm = ScriptedLLM(reply=cycling("Lyon", "Paris"))
    bon = polypick.BestOfN(
        llm=llm, n=2, sampling=0.7, selector="judge", judge=ScriptedLLM(reply=rate)
    )
    selection = bon.invoke("What is the capital of France?")
    assert selection.text == "Paris" and selection.scores == (1.0, 9.0)
    bon.close()


async def test_tool_calls_of_a_llamaindex_llm_become_candidate_tool_calls() -> None:
    def call(messages: Any, **kwargs: Any) -> ChatMessage:
        block = ToolCallBlock(tool_call_id="c1", tool_name="weather", tool_kwargs={"city": "Paris"})
        return ChatMessage(role="assistant", blocks=[block])

    llm = MockFunctionCallingLLM(response_generator=call)
    selection = await polypick.BestOfN(llm=llm, n=2).ainvoke("Weather in Paris?")
    (tool_call,) = selection.best.tool_calls
    assert (tool_call.name, tool_call.arguments, tool_call.id) == (
        "weather",
        {"city": "Paris"},
        "c1",
    )


def test_resolve_model_adapts_llamaindex_llms_only() -> None:
    assert isinstance(resolve_model(ScriptedLLM(reply=cycling("x"))), LlamaIndexChat)
    with pytest.raises(ConfigurationError):
        resolve_model(object())


def test_importing_polypick_does_not_import_llamaindex() -> None:
    code = "import polypick, sys; print(any(m.startswith('llama_index') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_without_llamaindex_the_integration_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "llama_index.core", None)  # makes the import fail
    monkeypatch.delitem(sys.modules, "polypick.integrations.llama_index")
    with pytest.raises(MissingDependencyError, match=r'pip install "polypick\[llama-index\]"'):
        importlib.import_module("polypick.integrations.llama_index")
