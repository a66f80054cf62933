"""BestOfN(cache=...) end to end: the fake OpenAI server's request log proves what was sent."""

from __future__ import annotations

import asyncio
import itertools
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from polypick import BestOfN, Hedged, RetryPolicy
from polypick.cache import CACHED, SampleCache
from polypick.core.types import Selection, Usage
from polypick.providers import OpenAIChat
from polypick.testing import ScriptedChat
from polypick.testing.servers import FakeOpenAIServer, Fault

WORKER = Path(__file__).with_name("bestofn_worker.py")


SAMPLES = itertools.count()


def replies(body: dict[str, Any], index: int) -> str:
    """Judge prompts get a score; every sample gets a new text."""
    if "score" in json.dumps(body["messages"]):
        return '{"reasoning": "fine", "score": 7}'
    return f"sample {next(SAMPLES)}"


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(responder=replies) as fake:
        yield fake


def chat(server: FakeOpenAIServer) -> OpenAIChat:
    return OpenAIChat(model="fake-gpt", base_url=server.base_url + "/v1", api_key="test")


def start(command: list[str], stdout: int) -> subprocess.Popen[str]:
    return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=stdout, text=True)


def go(worker: subprocess.Popen[str]) -> None:
    assert worker.stdin is not None
    worker.stdin.write("go\n")
    worker.stdin.flush()


def texts(selection: Selection) -> list[str]:
    return [c.text for c in selection.candidates]


async def test_a_rerun_sends_no_request_and_says_so(
    server: FakeOpenAIServer, tmp_path: Path
) -> None:
    plan = Hedged(temperature=0.8, max_tokens=16)
    async with BestOfN(
        chat(server), n=5, sampling=plan, selector="judge", cache=tmp_path / "c.db"
    ) as bon:
        first = await bon.ainvoke("Name a fruit.")
        sent = server.request_count
        again = await bon.ainvoke("Name a fruit.")
    assert sent == 2 + 5  # greedy + one n=4 request, then five judge calls
    assert server.request_count == sent
    assert texts(again) == texts(first) and again.index == first.index
    assert again.scores == first.scores == (7.0,) * 5
    assert all(CACHED not in c.flags for c in first.candidates)
    assert all(CACHED in c.flags for c in again.candidates)
    # each cached candidate keeps what it cost when drawn; this call was billed nothing
    assert [c.usage.total_tokens for c in again.candidates] == [
        c.usage.total_tokens for c in first.candidates
    ]
    assert again.usage.total == Usage()
    saved = next(e for e in again.trace if e.event == "cache.saved").data
    assert saved["generation"] == first.usage.generation.model_dump()
    assert saved["selection"] == first.usage.selection.model_dump()
    lookups = [e.data for e in again.trace if e.event == "cache.lookup"]
    assert sorted((x["role"], x["hits"], x["drawn"]) for x in lookups) == [
        *[("judge", 1, 0)] * 5,
        ("llm", 1, 0),
        ("llm", 4, 0),
    ]


async def test_raising_n_reuses_the_samples_held_and_draws_the_rest(
    server: FakeOpenAIServer, tmp_path: Path
) -> None:
    with SampleCache(tmp_path / "c.db") as cache:
        async with BestOfN(
            chat(server), n=5, sampling=0.8, selector="majority", cache=cache
        ) as bon:
            five = await bon.ainvoke("Name a fruit.")
        async with BestOfN(
            chat(server), n=8, sampling=0.8, selector="majority", cache=cache
        ) as bon:
            eight = await bon.ainvoke("Name a fruit.")
    assert [r.body["n"] for r in server.requests] == [5, 3]
    assert texts(eight)[:5] == texts(five) and len(set(texts(eight))) == 8
    assert [CACHED in c.flags for c in eight.candidates] == [True] * 5 + [False] * 3
    # one request was sent, carrying the three new samples' tokens only
    assert eight.usage.generation.requests == 1
    fresh = sum((c.usage for c in eight.candidates[5:]), Usage())
    assert eight.usage.generation.total_tokens == fresh.total_tokens


async def test_failed_samples_are_not_cached_and_are_drawn_on_the_rerun(
    server: FakeOpenAIServer, tmp_path: Path
) -> None:
    llm = OpenAIChat(model="fake-gpt", base_url=server.base_url + "/v1", n_support=False)
    server.script([Fault.status(400)])  # the first sample's request fails for good
    async with BestOfN(
        llm, n=3, sampling=0.8, selector="majority", retry=0, cache=tmp_path / "c.db"
    ) as bon:
        first = await bon.ainvoke("Name a fruit.")
        assert len(first.failures) == 1 and len(first.candidates) == 2
        server.reset_log()
        again = await bon.ainvoke("Name a fruit.")
    assert server.request_count == 1  # only the sample that failed
    assert len(again.candidates) == 3 and not again.failures
    assert set(texts(first)) < set(texts(again))
    assert sum(CACHED in c.flags for c in again.candidates) == 2


async def test_a_scripted_model_and_its_judge_are_cached_alike(tmp_path: Path) -> None:
    counter = itertools.count()
    llm = ScriptedChat(lambda m, p: f"draft {next(counter)}")
    judge = ScriptedChat(lambda m, p: "score: 6", name="judge")
    with SampleCache(tmp_path / "c.db") as cache:
        for _ in range(2):
            async with BestOfN(
                llm, n=3, selector="judge", judge=judge, cache=cache, detect_language=False
            ) as bon:
                await bon.ainvoke("Write a title.")
    assert (len(llm.calls), len(judge.calls)) == (3, 3)
    assert cache.stats.hits == 6


async def test_an_interrupted_batch_resumes_without_resending_finished_prompts(
    server: FakeOpenAIServer, tmp_path: Path
) -> None:
    path = tmp_path / "c.db"
    server.set_latency(0.15)
    url = server.base_url + "/v1"
    command = [sys.executable, str(WORKER), url, str(path), "12", "4"]
    worker = start(command, stdout=subprocess.DEVNULL)
    go(worker)
    try:
        deadline = time.monotonic() + 60
        while server.request_count < 5:  # a few prompts done, two more in flight
            assert time.monotonic() < deadline and worker.poll() is None
            await asyncio.sleep(0.02)
    finally:
        worker.kill()  # no clean shutdown: like a crashed or killed job
        worker.communicate()
    with SampleCache(path) as cache:
        finished = len(cache) // 4  # one transaction per prompt: all four samples or none
        assert 3 <= finished < 12 and len(cache) % 4 == 0
        server.reset_log()
        server.set_latency(0.0)
        async with BestOfN(
            chat(server), n=4, sampling=0.8, selector="majority", cache=cache
        ) as bon:
            resumed = await bon.abatch([f"Question {i}?" for i in range(12)])
    assert server.request_count == 12 - finished
    assert sum(all(CACHED in c.flags for c in s.candidates) for s in resumed) == finished
    assert all(len(set(texts(s))) == 4 for s in resumed)


def test_two_processes_share_one_file_and_agree(server: FakeOpenAIServer, tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    server.set_latency(0.05)
    command = [sys.executable, str(WORKER), server.base_url + "/v1", str(path), "6", "3"]
    workers = [start(command, stdout=subprocess.PIPE) for _ in range(2)]
    for worker in workers:  # both have imported everything: they now sample at the same time
        go(worker)
    try:
        outputs = [w.communicate(timeout=120)[0] for w in workers]
    finally:
        for worker in workers:
            worker.kill()
            worker.communicate()
    assert server.request_count >= 6
    assert [w.returncode for w in workers] == [0, 0]
    one, two = ([json.loads(line) for line in out.splitlines()] for out in outputs)
    assert one == two  # the first write won, and both processes returned it
    server.reset_log()
    with BestOfN(chat(server), n=3, sampling=0.8, selector="majority", cache=path) as bon:
        replay = bon.batch([f"Question {i}?" for i in range(6)])
    assert server.request_count == 0
    assert [texts(s) for s in replay] == one


def test_a_cache_that_is_neither_a_cache_nor_a_path_is_refused() -> None:
    with pytest.raises(ValueError, match="cache must be a SampleCache or the path"):
        BestOfN(ScriptedChat(["x"]), n=1, cache=42)  # type: ignore[arg-type]


def test_retries_of_a_cached_model_count_their_requests(
    server: FakeOpenAIServer, tmp_path: Path
) -> None:
    server.script([Fault.status(503)])
    policy = RetryPolicy(max_retries=1, initial_wait=0, max_wait=0)
    with BestOfN(
        chat(server), n=2, sampling=0.8, selector="majority", retry=policy, cache=tmp_path / "c.db"
    ) as bon:
        selection = bon.invoke("Name a fruit.")
    assert selection.usage.generation.requests == 2 == server.request_count
    assert len(selection.candidates) == 2
