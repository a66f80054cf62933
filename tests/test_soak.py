"""A small soak: hundreds of concurrent best-of-N calls with 20% injected faults (seeded).

It runs benchmarks/soak.py's harness (the full run is ``python benchmarks/soak.py``) and asserts
invariants, never exact counts: no unhandled exception, every selection sound and right, no
request attempted more often than the retry policy allows, every call ended by its deadline, no
task or socket left behind.
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import openai
import pytest

from polypick import Candidate, SamplingParams, Selection
from polypick.core.types import ErrorInfo, SelectionFailure
from polypick.providers import OpenAIChat

ROOT = Path(__file__).resolve().parents[1]


def _load_soak() -> ModuleType:
    spec = importlib.util.spec_from_file_location("polypick_soak", ROOT / "benchmarks" / "soak.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


soak = _load_soak()

RUNS = {
    "openai-judge": soak.SoakConfig(
        calls=120, concurrency=32, n=4, selector="judge", deadline=3.0, seed=7
    ),
    "anthropic-chops-openai-judge": soak.SoakConfig(
        calls=80,
        concurrency=32,
        n=3,
        selector="chops",
        provider="anthropic",
        judge_provider="openai",
        deadline=3.0,
        seed=11,
    ),
    "openai-majority": soak.SoakConfig(
        calls=120, concurrency=32, n=5, selector="majority", deadline=3.0, seed=3
    ),
}


@pytest.mark.parametrize("config", RUNS.values(), ids=RUNS.keys())
async def test_soak_with_injected_faults(config: Any) -> None:
    report = await soak.run_soak(config)
    summary = report.format()
    records = report.records

    assert len(records) == config.calls
    assert not report.unhandled, summary
    assert {r.outcome for r in records} <= {"selected", "TooFewCandidatesError"}, summary
    assert not report.incorrect, summary  # sound, and the selector chose right
    assert report.selected, summary
    assert report.max_attempts <= config.max_attempts, summary
    assert report.max_generate_calls <= config.max_attempts, summary
    assert report.hidden_requests == 0, summary  # the servers saw no attempt polypick did not make
    assert not report.overruns, summary  # every call ended by its deadline (+ timer lateness)
    assert report.leaked_tasks == 0, summary
    assert report.sockets_after <= report.sockets_before, summary
    assert report.resource_warnings == 0, summary
    current = asyncio.current_task()
    assert not [t for t in asyncio.all_tasks() if t is not current and not t.done()]

    # the faults did happen, and were handled rather than avoided
    assert sum(r.retries for r in report.selected) > 0, summary
    assert any(r.failure_types for r in records), summary
    if config.selector != "majority":
        assert sum(r.selection_failures for r in records) > 0, summary


# --- the soak's checks find what they are meant to find ----------------------------------------


async def test_the_soak_sees_a_second_retry_layer(monkeypatch: pytest.MonkeyPatch) -> None:
    def retrying_client(self: OpenAIChat) -> openai.AsyncOpenAI:
        return openai.AsyncOpenAI(
            api_key="test", base_url=self.base_url, timeout=self.timeout, max_retries=2
        )

    monkeypatch.setattr(OpenAIChat, "_new_client", retrying_client)
    config = soak.SoakConfig(calls=40, concurrency=20, n=3, selector="majority", deadline=2.0)
    report = await soak.run_soak(config)
    assert report.hidden_requests > 0
    assert not report.ok


def candidate(text: str, sample: int, **fields: Any) -> Candidate:
    return Candidate(text=text, sample=sample, params=SamplingParams(temperature=0.7), **fields)


def selection(**fields: Any) -> Selection:
    good = (candidate("Draft 1 (q=3): the answer is 42.", 0),)
    good += (candidate("Draft 2 (q=9): the answer is 41.", 1),)
    failed = candidate("", 2, error=ErrorInfo(type="DeadlineExceededError", message="late"))
    base: dict[str, Any] = {
        "text": good[1].text,
        "index": 1,
        "candidates": good,
        "scores": (3.0, 9.0),
        "selector": "judge",
        "llm": "fake",
        "failures": (failed,),
    }
    return Selection(**{**base, **fields})


def problems(sel: Selection, selector: str = "judge") -> list[str]:
    return list(soak.selection_problems(sel, n=3, max_attempts=3, selector=selector))


def test_the_checker_accepts_a_right_selection() -> None:
    assert problems(selection()) == []


@pytest.mark.parametrize(
    ("fields", "found"),
    [
        ({"index": 0, "text": "Draft 1 (q=3): the answer is 42."}, "best was 9.0"),
        ({"text": "something else"}, "not the chosen candidate"),
        ({"index": 5}, "outside"),
        ({"failures": ()}, "!= n=3"),
        ({"scores": (3.0, 8.0)}, "do not match"),
        ({"scores": (None, None)}, "fallback chose 1"),
        (
            {
                "selection_failures": (
                    SelectionFailure(
                        stage="judge", error=ErrorInfo(type="APIStatusError", message="raw")
                    ),
                )
            },
            "non-polypick",
        ),
    ],
    ids=["worse", "text", "index", "lost-failure", "scores", "fallback", "raw-error"],
)
def test_the_checker_finds_wrong_selections(fields: dict[str, Any], found: str) -> None:
    assert any(found in p for p in problems(selection(**fields))), problems(selection(**fields))


def test_the_checker_finds_too_many_attempts() -> None:
    busy = candidate("Draft 2 (q=9): the answer is 41.", 1, attempts=4)
    sel = selection(candidates=(selection().candidates[0], busy))
    assert any("attempts" in p for p in problems(sel))


def test_the_checker_knows_the_majority_answer() -> None:
    texts = ["the answer is 42.", "the answer is 41.", "so the answer is 42."]
    sel = Selection(
        text=texts[1],
        index=1,
        candidates=tuple(candidate(t, i) for i, t in enumerate(texts)),
        scores=(2 / 3, 1 / 3, 2 / 3),
        selector="majority",
        llm="fake",
    )
    assert any("votes were" in p for p in problems(sel, "majority"))
