"""BestOfNBatch on its own (no Ray cluster): the columns it adds, row errors, the in-flight
bound, and the settings it refuses."""

from __future__ import annotations

import asyncio
import functools
import importlib
import json
import pickle
import sys
from pathlib import Path

import numpy as np
import pytest

from polypick.cache import CachedChat, SampleCache
from polypick.core.protocol import ModelRequest
from polypick.core.types import Completion
from polypick.errors import ConfigurationError, MissingDependencyError
from polypick.integrations.ray import OUTPUT_COLUMNS, BestOfNBatch
from polypick.integrations.ray.batch import build
from polypick.testing import ScriptedChat


class Gauge(ScriptedChat):
    """A scripted model that records the most requests it had in flight at once."""

    def __init__(self, latency_s: float = 0.02) -> None:
        super().__init__(lambda m, p: f"echo: {m[-1].content}", latency_s=latency_s)
        self.in_flight = 0
        self.peak = 0

    async def generate(self, request: ModelRequest) -> list[Completion]:
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        try:
            return await super().generate(request)
        finally:
            self.in_flight -= 1


def batch_of(prompts: list[object], **extra: list[object]) -> dict[str, np.ndarray]:
    column = np.empty(len(prompts), dtype=object)
    column[:] = prompts
    return {"prompt": column, **{k: np.array(v) for k, v in extra.items()}}


def mapper(llm: ScriptedChat, **options: object) -> BestOfNBatch:
    return BestOfNBatch(
        llm=llm,
        n=2,
        sampling=0.7,
        selector="majority",
        detect_language=False,
        **options,
    )


async def test_each_row_gets_its_answer_and_the_input_columns_stay() -> None:
    model = ScriptedChat(lambda m, p: f"echo: {m[-1].content}")
    messages = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "chat"}]
    out = await mapper(model)(batch_of(["one", "two", np.array(messages)], id=[7, 8, 9]))
    assert list(out["id"]) == [7, 8, 9]
    assert list(out["answer"]) == ["echo: one", "echo: two", "echo: chat"]
    first = json.loads(out["selection"][0])
    assert first["text"] == "echo: one" and len(first["candidates"]) == 2
    assert out["usage"][0] == {"requests": 2, "prompt_tokens": 2, "completion_tokens": 4}
    assert list(out["failures"]) == [0, 0, 0] and list(out["error"]) == [None] * 3
    assert set(OUTPUT_COLUMNS) <= set(out)


async def test_a_failing_row_keeps_its_error_and_spares_the_others() -> None:
    model = ScriptedChat(lambda m, p: RuntimeError("boom") if "bad" in m[-1].content else "fine")
    out = await mapper(model)(batch_of(["good", "bad", "   "]))
    assert list(out["answer"]) == ["fine", None, None]
    assert out["error"][0] is None
    assert out["error"][1].startswith("TooFewCandidatesError: 0 of 2 samples")
    assert out["failures"][1] == 2  # both samples failed
    assert out["error"][2].startswith("ConfigurationError: the prompt is empty")
    assert out["usage"][1] is None and out["selection"][1] is None


async def test_rows_of_concurrent_batches_share_one_bound() -> None:
    model = Gauge()
    batcher = BestOfNBatch(llm=model, n=1, sampling=0.7, max_in_flight=3, detect_language=False)
    batches = [batch_of([f"q{b}-{i}" for i in range(5)]) for b in range(4)]
    outs = await asyncio.gather(*(batcher(b) for b in batches))  # as Ray runs an async UDF
    assert [a for out in outs for a in out["answer"]] == [
        f"echo: q{b}-{i}" for b in range(4) for i in range(5)
    ]
    assert model.peak == 3


async def test_output_prefix_and_a_cache_in_the_options(tmp_path: Path) -> None:
    model = ScriptedChat(lambda m, p: "same")
    batcher = BestOfNBatch(
        llm=model,
        n=2,
        sampling=0.7,
        output_prefix="bon_",
        detect_language=False,
        cache=tmp_path / "c.db",
    )
    assert isinstance(batcher.bon.llm, CachedChat)
    batch = batch_of(["q"], answer=["gold"])
    for _ in range(2):
        out = await batcher(batch)
    assert list(out["answer"]) == ["gold"] and list(out["bon_answer"]) == ["same"]
    assert len(model.calls) == 2  # the second batch came from the cache
    await batcher.bon.aclose()


async def test_clashing_columns_and_a_missing_prompt_column_are_refused() -> None:
    batcher = mapper(ScriptedChat(["x"]))
    with pytest.raises(
        ConfigurationError, match=r"already has the output column\(s\) \['answer'\]"
    ):
        await batcher(batch_of(["q"], answer=["gold"]))
    with pytest.raises(ConfigurationError, match="no 'prompt' column.*prompt_column="):
        await batcher({"question": np.array(["q"])})


def test_bad_settings_fail_at_construction() -> None:
    with pytest.raises(ConfigurationError, match="max_in_flight must be >= 1"):
        BestOfNBatch(llm=ScriptedChat(["x"]), max_in_flight=0)
    with pytest.raises(ConfigurationError, match="n must be"):
        BestOfNBatch(llm=ScriptedChat(["x"]), n=0)


def test_factories_are_called_and_models_are_not() -> None:
    model = ScriptedChat(["x"])
    assert build(model) is model
    assert build("local") == "local"
    assert build(lambda: model) is model
    assert isinstance(build(functools.partial(ScriptedChat, ["y"], name="p")), ScriptedChat)


def test_a_sample_cache_travels_as_its_path(tmp_path: Path) -> None:
    with SampleCache(tmp_path / "c.db", timeout=5) as cache:
        copy = pickle.loads(pickle.dumps(cache))
        assert (copy.path, copy.timeout) == (cache.path, 5)
        copy.close()


def test_without_ray_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray.data", None)  # as if ray[data] were not installed
    monkeypatch.delitem(sys.modules, "polypick.integrations.ray")
    with pytest.raises(MissingDependencyError, match=r'pip install "polypick\[ray\]"'):
        importlib.import_module("polypick.integrations.ray")
