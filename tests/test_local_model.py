"""The embedded SmolLM2 model, run for real in-process (small N, few tokens)."""

from __future__ import annotations

from pathlib import Path

import pytest

from polypick import BestOfN, Hedged, Temperature
from polypick.errors import ConfigurationError
from polypick.providers import LocalChat, resolve_model
from polypick.providers import local as local_module

pytestmark = pytest.mark.local_model


def test_hedged_best_of_three_on_the_embedded_model() -> None:
    bon = BestOfN(llm="local", n=3, sampling=Hedged(max_tokens=32), selector="judge")
    sel = bon.invoke("¿Cuál es la capital de Francia?")
    assert len(sel.candidates) == 3
    assert sum(c.greedy for c in sel.candidates) == 1
    assert sel.candidates[0].greedy and sel.candidates[0].temperature == 0.0
    assert all(c.text.strip() for c in sel.candidates)
    gen = sel.usage.generation
    assert gen.requests == 3
    assert gen.prompt_tokens > 0 and gen.completion_tokens > 0
    assert gen.completion_tokens == sum(c.usage.completion_tokens for c in sel.candidates)
    # the judge is the same model; its replies are constrained to the rating schema
    assert sel.usage.selection.requests == 3
    assert all(score is not None for score in sel.scores)
    assert sel.selection_failures == ()
    assert sel.llm == "local:SmolLM2-135M-Instruct.Q4_1"


async def test_the_same_seed_gives_the_same_sample_and_different_seeds_differ() -> None:
    plan = Temperature(temperature=1.2, seed=123, max_tokens=24)
    bon = BestOfN(llm="local", n=2, sampling=plan, selector="majority")
    first = await bon.ainvoke("Invent a name for a cat.")
    again = await bon.ainvoke("Invent a name for a cat.")
    assert [c.params.seed for c in first.candidates] == [123, 124]
    assert [c.text for c in first.candidates] == [c.text for c in again.candidates]
    assert first.candidates[0].text != first.candidates[1].text


async def test_max_tokens_cuts_the_reply_and_says_so() -> None:
    bon = BestOfN(llm="local", n=1, sampling=Temperature(temperature=0.0, max_tokens=3))
    sel = await bon.ainvoke("Tell me a long story about dragons.")
    assert sel.candidates[0].finish_reason == "length"
    assert sel.candidates[0].usage.completion_tokens == 3


def test_the_model_is_loaded_once_per_process(model_path: Path) -> None:
    LocalChat().generate  # noqa: B018 - constructing must not load anything
    BestOfN(llm="local", n=1, selector="majority").invoke("Hi")
    BestOfN(llm=f"local:{model_path}", n=1, selector="majority").invoke("Hi")
    assert [key for key in local_module._loaded if not key[2]] == [(str(model_path), 2048, False)]


def test_a_missing_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="no model file"):
        resolve_model(f"local:{tmp_path / 'missing.gguf'}")
