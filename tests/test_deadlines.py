"""Deadlines, cancellation and the one retry layer, through the real SDKs against slow or faulty
fake servers (OpenAI and Anthropic), for sampling and judge calls alike.

The only wall-clock assertions are generous upper bounds proving that a wait did *not* happen
(a Retry-After not slept, a slow server not waited for), and lower bounds on gaps the server saw.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import os
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest

from polypick import BestOfN, RetryPolicy, Temperature
from polypick.core.protocol import ModelRequest
from polypick.core.sync import run_sync
from polypick.core.types import Completion
from polypick.errors import (
    DeadlineExceededError,
    PolypickError,
    ProviderStatusError,
    RateLimitError,
    TooFewCandidatesError,
)
from polypick.providers import AnthropicChat, OpenAIChat
from polypick.selectors.base import fallback_index
from polypick.selectors.judge import SYSTEM as JUDGE_SYSTEM
from polypick.testing import ScriptedChat
from polypick.testing.servers import FakeAnthropicServer, FakeOpenAIServer, Fault

SLOW = 5.0  # seconds a slow request would take; every test here ends long before
NO_BACKOFF = RetryPolicy(max_retries=2, initial_wait=0, max_wait=0)
SPACED = 0.2  # a Retry-After that keeps concurrent requests' scripted faults in a known order

Server = FakeOpenAIServer | FakeAnthropicServer


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as fake:
        yield fake


@pytest.fixture
def anthropic_server() -> Iterator[FakeAnthropicServer]:
    with FakeAnthropicServer() as fake:
        yield fake


@pytest.fixture(params=["openai", "anthropic"])
def any_server(request: pytest.FixtureRequest) -> Iterator[Server]:
    fake: Server = FakeOpenAIServer() if request.param == "openai" else FakeAnthropicServer()
    with fake:
        yield fake


def chat(server: Server, **options: Any) -> OpenAIChat | AnthropicChat:
    """The provider for ``server``; OpenAI without ``n`` unless asked, one request per sample."""
    if isinstance(server, FakeAnthropicServer):
        options.pop("n_support", None)  # Anthropic has no n: one request per sample anyway
        return AnthropicChat("claude-test", base_url=server.base_url, api_key="test", **options)
    options.setdefault("n_support", False)
    return OpenAIChat("fake-gpt", base_url=server.base_url + "/v1", **options)


def best_of(server: Server, n: int, *, n_support: bool = False, **options: Any) -> BestOfN:
    options.setdefault("sampling", 0.7)
    options.setdefault("selector", "majority")
    options.setdefault("detect_language", False)
    return BestOfN(chat(server, n_support=n_support), n=n, **options)


async def warm(best: BestOfN, server: Server) -> None:
    """One call first, so that the client exists (and holds a connection) before timing starts."""
    with contextlib.suppress(PolypickError):
        await best.ainvoke("warm up")
    server.reset_log()


def user_text(body: Mapping[str, Any]) -> str:
    """The first user message of an OpenAI or Anthropic request body."""
    for message in body.get("messages") or []:
        if message.get("role") == "user":
            content = message.get("content")
            return content if isinstance(content, str) else json.dumps(content)
    return ""


def is_judge_call(body: Mapping[str, Any]) -> bool:
    messages = body.get("messages") or []
    system = body.get("system") or (messages[0].get("content") if messages else "")
    return system == JUDGE_SYSTEM


def open_sockets() -> int:
    """Sockets this process holds open (0 where ``/proc`` is missing: the checks then pass)."""
    if not os.path.isdir("/proc/self/fd"):
        return 0
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            count += os.readlink(f"/proc/self/fd/{fd}").startswith("socket:")
    return count


async def sockets_settle(limit: int, timeout: float) -> int:
    """Open sockets (client and server ends: the server runs in this process) once at most
    ``limit``, or at ``timeout``."""
    give_up = time.monotonic() + timeout
    count = open_sockets()
    while count > limit and time.monotonic() < give_up:
        await asyncio.sleep(0.02)
        count = open_sockets()
    return count


async def until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    give_up = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < give_up, "timed out waiting for the server"
        await asyncio.sleep(0.01)


def other_tasks() -> set[asyncio.Task[Any]]:
    current = asyncio.current_task()
    return {t for t in asyncio.all_tasks() if t is not current and not t.done()}


# --- deadlines -----------------------------------------------------------------------------------


async def test_a_deadline_returns_the_selection_over_the_finished_candidates(
    any_server: Server,
) -> None:
    best = best_of(any_server, n=4, deadline=1.0, min_candidates=2)
    async with best:
        await warm(best, any_server)
        any_server.script([Fault.ok(), Fault.delay(SLOW), Fault.ok(), Fault.delay(SLOW)])
        started = time.monotonic()
        sel = await best.ainvoke("q")
        elapsed = time.monotonic() - started
    assert elapsed < SLOW / 2  # it did not wait for the slow samples
    assert len(sel.candidates) == 2 and len(sel.failures) == 2
    assert sel.text == sel.candidates[sel.index].text
    assert sorted(c.sample for c in (*sel.candidates, *sel.failures)) == [0, 1, 2, 3]
    for failed in sel.failures:
        assert failed.error is not None and failed.error.type == "DeadlineExceededError"
        # the slow request was sent, so its attempt, its request and its time are recorded
        assert failed.attempts == 1 and failed.usage.requests == 1
        assert failed.latency_s >= 0.5
    assert sel.usage.generation.requests == any_server.request_count == 4
    assert any(e.event == "deadline" for e in sel.trace)


class SlowWhenBatched(ScriptedChat):
    """Answers requests for one sample at once and requests for several after ``SLOW`` s."""

    sent: tuple[int, ...] = ()
    """``n`` of every request received."""

    async def generate(self, request: ModelRequest) -> list[Completion]:
        self.sent += (request.n,)
        if request.n > 1:
            await asyncio.sleep(SLOW)
        return await super().generate(request)


async def test_an_n_request_cut_by_the_deadline_counts_once_for_all_its_samples() -> None:
    model = SlowWhenBatched(lambda messages, params: f"t={params.temperature}", max_n=8)
    best = BestOfN(
        model, n=3, sampling="hedged", selector="majority", deadline=0.5, detect_language=False
    )
    sel = await best.ainvoke("q")  # the greedy sample alone, then n=2 for the other two
    assert [c.greedy for c in sel.candidates] == [True]
    assert [f.error.type for f in sel.failures if f.error] == ["DeadlineExceededError"] * 2
    assert [f.attempts for f in sel.failures] == [1, 1]
    assert sorted(model.sent) == [1, 2]
    assert sel.usage.generation.requests == 2  # the cut n=2 request once, not once per sample


async def test_too_few_finished_by_the_deadline_raises_with_deadline_causes(
    any_server: Server,
) -> None:
    best = best_of(any_server, n=4, deadline=0.8, min_candidates=2)
    async with best:
        await warm(best, any_server)
        any_server.script([Fault.ok(), *[Fault.delay(SLOW)] * 3])
        started = time.monotonic()
        with pytest.raises(TooFewCandidatesError, match="1 of 4 samples") as info:
            await best.ainvoke("q")
        elapsed = time.monotonic() - started
    assert elapsed < SLOW / 2
    # The deadline error is TooFewCandidatesError (an ExceptionGroup) whose causes are
    # DeadlineExceededError (also a TimeoutError), one per sample the deadline cut short.
    causes = info.value.exceptions
    assert len(causes) == 3
    assert all(isinstance(e, DeadlineExceededError | TimeoutError) for e in causes)
    assert info.value.subgroup(DeadlineExceededError) is not None


@pytest.mark.parametrize(
    ("selector", "stages", "fallback_event"),
    [
        ("judge", {"judge"}, "judge.fallback"),
        ("chops", {"chops.checklist", "chops.select"}, "chops.fallback"),
    ],
)
async def test_judge_calls_past_the_deadline_fall_back_and_are_listed(
    server: FakeOpenAIServer, selector: str, stages: set[str], fallback_event: str
) -> None:
    best = best_of(server, n=3, n_support=True, selector=selector, deadline=1.0)
    async with best:
        await warm(best, server)
        server.script([Fault.ok(), *[Fault.delay(SLOW)] * 4])  # sampling answers, judges hang
        started = time.monotonic()
        sel = await best.ainvoke("q")
        elapsed = time.monotonic() - started
    assert elapsed < SLOW / 2
    assert len(sel.candidates) == 3 and not sel.failures
    assert sel.selection_failures
    assert {f.stage for f in sel.selection_failures} == stages
    assert all(f.error.type == "DeadlineExceededError" for f in sel.selection_failures)
    assert sel.scores == (None, None, None)
    assert sel.index == fallback_index(sel.candidates)
    assert fallback_event in [e.event for e in sel.trace]


def test_the_sync_path_honours_the_deadline(server: FakeOpenAIServer) -> None:
    best = best_of(server, n=4, deadline=1.0, min_candidates=2)
    with best:
        best.invoke("warm up")
        server.script([Fault.ok(), Fault.delay(SLOW), Fault.ok(), Fault.delay(SLOW)])
        started = time.monotonic()
        sel = best.invoke("q")
        assert time.monotonic() - started < SLOW / 2
        assert len(sel.candidates) == 2
        assert [f.error.type for f in sel.failures if f.error] == ["DeadlineExceededError"] * 2

        server.script([*[Fault.delay(SLOW)] * 4])
        with pytest.raises(TooFewCandidatesError) as info:
            best.invoke("q")
        assert all(isinstance(e, DeadlineExceededError) for e in info.value.exceptions)

        async def pending() -> int:
            return len(other_tasks())

        assert run_sync(pending()) == 0  # nothing left running on the sync layer's loop


# --- cancellation --------------------------------------------------------------------------------


async def test_cancelling_the_caller_cancels_every_request(any_server: Server) -> None:
    before_client = open_sockets()
    seen: list[str] = []
    any_server.set_responder(lambda body, i: seen.append(user_text(body)) or f"answer {i}")
    best = best_of(any_server, n=4)
    await warm(best, any_server)
    baseline = open_sockets()  # the server's, plus the pooled connection of the warm-up call

    latency = 2.0
    any_server.set_latency(latency)
    task = asyncio.create_task(best.ainvoke("cancel me"))
    await until(lambda: any_server.request_count == 4)
    cancelled_at = time.monotonic()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await asyncio.sleep(0)
    assert other_tasks() == set()
    # Both ends of every connection closed well before the server would have answered: the
    # server saw the client leave (its handler stops sleeping when the client disconnects).
    assert await sockets_settle(baseline, timeout=latency / 2) <= baseline
    await asyncio.sleep(max(0.0, cancelled_at + latency + 0.3 - time.monotonic()))
    assert not any("cancel me" in text for text in seen)  # no request ran to its answer

    any_server.set_latency(0)
    sel = await best.ainvoke("again")  # the provider and its client are still usable
    assert len(sel.candidates) == 4
    await best.aclose()
    assert await sockets_settle(before_client, timeout=2.0) <= before_client


async def test_cancelling_during_a_retry_wait_sends_nothing_more(server: FakeOpenAIServer) -> None:
    best = best_of(server, n=1)
    async with best:
        await warm(best, server)
        server.script([Fault.status(429, retry_after=SLOW)])
        task = asyncio.create_task(best.ainvoke("q"))
        await until(lambda: server.request_count == 1)
        await asyncio.sleep(0.1)  # now sleeping the Retry-After
        started = time.monotonic()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert time.monotonic() - started < 1.0
        await asyncio.sleep(0)
        assert other_tasks() == set()
        await asyncio.sleep(0.2)
        assert server.request_count == 1


async def test_cancelling_during_the_judge_stage(server: FakeOpenAIServer) -> None:
    best = best_of(server, n=2, n_support=True, selector="judge")
    async with best:
        await warm(best, server)
        baseline = open_sockets()
        server.script([Fault.ok(), Fault.delay(SLOW), Fault.delay(SLOW)])
        task = asyncio.create_task(best.ainvoke("q"))
        await until(lambda: server.request_count == 3)  # one sampling request, two judge calls
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await asyncio.sleep(0)
        assert other_tasks() == set()
        assert await sockets_settle(baseline, timeout=SLOW / 4) <= baseline
        assert len((await best.ainvoke("again")).candidates) == 2


def test_clients_of_event_loops_closed_without_aclose_are_let_go(
    server: FakeOpenAIServer,
) -> None:
    best = best_of(server, n=2)
    baseline = open_sockets()

    async def call_and_close() -> None:
        await best.ainvoke("q")
        await best.aclose()

    gc.disable()  # collect only below, where the warnings are caught
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ResourceWarning)
            for _ in range(3):
                asyncio.run(best.ainvoke("q"))  # each loop ends holding a pooled connection
            asyncio.run(call_and_close())  # the next loop's first request lets them go
            gc.collect()
    finally:
        gc.enable()
    give_up = time.monotonic() + 2.0
    while open_sockets() > baseline and time.monotonic() < give_up:
        time.sleep(0.02)
    assert open_sockets() <= baseline
    assert any("unclosed transport" in str(w.message) for w in caught)  # closed when collected


# --- one retry layer -----------------------------------------------------------------------------


async def test_500_500_200_is_three_attempts_per_sample_never_nine(any_server: Server) -> None:
    plan = Temperature(temperature=0.7, seed=10)
    best = best_of(any_server, n=3, sampling=plan, retry=NO_BACKOFF)
    async with best:
        await warm(best, any_server)
        any_server.script([Fault.status(500, retry_after=SPACED)] * 6)
        sel = await best.ainvoke("q")
    assert [c.attempts for c in sel.candidates] == [3, 3, 3]
    # SDK retries stacked on ours would have sent 3 requests per attempt: 27, not 9
    assert any_server.request_count == 9
    assert sel.usage.generation.requests == 9
    if isinstance(any_server, FakeOpenAIServer):  # each sample has its own seed: count per sample
        per_sample = Counter(r.body["seed"] for r in any_server.requests)
        assert per_sample == {10: 3, 11: 3, 12: 3}


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
async def test_anthropic_client_errors_are_never_retried(
    anthropic_server: FakeAnthropicServer, status: int
) -> None:
    anthropic_server.script([Fault.status(status)])
    async with best_of(anthropic_server, n=1, retry=NO_BACKOFF) as best:
        with pytest.raises(TooFewCandidatesError) as info:
            await best.ainvoke("q")
    assert anthropic_server.request_count == 1
    error = info.value.exceptions[0]
    assert isinstance(error, ProviderStatusError) and error.status_code == status


@pytest.mark.parametrize("status", [529, 500, 502, 503, 504, 408, 409, 429])
async def test_anthropic_overloaded_and_server_errors_are_retried(
    anthropic_server: FakeAnthropicServer, status: int
) -> None:
    anthropic_server.script([Fault.status(status)])
    async with best_of(anthropic_server, n=1, retry=NO_BACKOFF) as best:
        sel = await best.ainvoke("q")
    assert anthropic_server.request_count == 2
    assert sel.candidates[0].attempts == 2


@pytest.mark.parametrize(
    "fault",
    [Fault.status(429, retry_after=0.3), Fault.status(429, retry_after_ms=300)],
    ids=["retry-after", "retry-after-ms"],
)
async def test_the_servers_wait_is_honoured(any_server: Server, fault: Fault) -> None:
    any_server.script([fault])
    # no backoff of our own: any wait comes from the server's header
    async with best_of(any_server, n=1, retry=NO_BACKOFF) as best:
        sel = await best.ainvoke("q")
    retry = next(e for e in sel.trace if e.event == "sample.retry")
    assert retry.data["wait_s"] == pytest.approx(0.3)
    first, second = (r.timestamp for r in any_server.requests)
    assert second - first >= 0.25  # the server saw the client wait


async def test_retry_after_ms_is_preferred_to_retry_after(server: FakeOpenAIServer) -> None:
    server.script([Fault.status(503, retry_after=SLOW, retry_after_ms=100)])
    async with best_of(server, n=1, retry=NO_BACKOFF) as best:
        sel = await best.ainvoke("q")
    retry = next(e for e in sel.trace if e.event == "sample.retry")
    assert retry.data["wait_s"] == pytest.approx(0.1)


@pytest.mark.parametrize(
    "fault",
    [Fault.status(429, retry_after=30), Fault.status(429, retry_after_ms=30_000)],
    ids=["retry-after", "retry-after-ms"],
)
async def test_a_retry_after_beyond_the_deadline_ends_that_sample_at_once(
    any_server: Server, fault: Fault
) -> None:
    best = best_of(any_server, n=2, deadline=10)
    async with best:
        await warm(best, any_server)
        any_server.script([fault, Fault.ok()])
        started = time.monotonic()
        sel = await best.ainvoke("q")
        elapsed = time.monotonic() - started
        assert elapsed < 3  # neither the 30 s asked for nor the 10 s deadline were waited
        assert len(sel.candidates) == 1 and len(sel.failures) == 1
        error = sel.failures[0].error
        assert error is not None and error.type == "DeadlineExceededError"
        assert "would pass the deadline" in error.message and "429" in error.message
        assert sel.failures[0].attempts == 1
        assert any_server.request_count == 2  # the limited sample was not retried

    any_server.script([fault])  # alone, the sample fails the call; the cause names the 429
    async with best_of(any_server, n=1, deadline=10) as alone:
        with pytest.raises(TooFewCandidatesError) as info:
            await alone.ainvoke("q")
    cause = info.value.exceptions[0]
    assert isinstance(cause, DeadlineExceededError)
    assert isinstance(cause.__cause__, RateLimitError) and cause.__cause__.retry_after == 30


async def test_answers_without_text_are_listed_and_not_retried(any_server: Server) -> None:
    any_server.script([Fault.empty_content(), Fault.refusal()])
    async with best_of(any_server, n=3, retry=NO_BACKOFF) as best:
        sel = await best.ainvoke("q")
    assert any_server.request_count == 3  # neither was asked again
    messages = sorted(f.error.message for f in sel.failures if f.error)
    if isinstance(any_server, FakeOpenAIServer):  # OpenAI's refusal has text: a candidate
        assert [c.finish_reason for c in sel.candidates].count("refusal") == 1
        assert len(messages) == 1 and "empty content" in messages[0]
    else:  # Anthropic's has none: a failure that says so
        assert len(messages) == 2
        assert "refused" in messages[0] and "no text" in messages[1]
    assert all(f.attempts == 1 for f in sel.failures)
    assert all(f.error and f.error.type == "InvalidResponseError" for f in sel.failures)


# --- judge calls get the same retry layer --------------------------------------------------------


def judging(score: int = 7) -> Any:
    def responder(body: dict[str, Any], index: int) -> str:
        if is_judge_call(body):
            return json.dumps({"reasoning": "fine", "score": score})
        return f"candidate {index}"

    return responder


async def test_a_judge_call_is_retried_like_a_sample(server: FakeOpenAIServer) -> None:
    server.set_responder(judging(7))
    best = best_of(server, n=2, n_support=True, selector="judge", retry=NO_BACKOFF)
    async with best:
        server.script([Fault.ok(), *[Fault.status(500, retry_after=SPACED)] * 4])
        sel = await best.ainvoke("q")
    assert not sel.selection_failures
    assert sel.scores == (7.0, 7.0)
    assert server.request_count == 1 + 2 * 3  # each judge call: 500, 500, 200
    assert sel.usage.selection.requests == 6
    assert [e.event for e in sel.trace].count("judge.retry") == 4


async def test_a_judge_call_that_keeps_failing_is_listed_and_falls_back(
    server: FakeOpenAIServer,
) -> None:
    server.set_responder(judging(7))
    best = best_of(server, n=2, n_support=True, selector="judge", retry=NO_BACKOFF)
    async with best:
        server.script([Fault.ok(), *[Fault.status(503, retry_after=SPACED)] * 6])
        sel = await best.ainvoke("q")
    assert server.request_count == 1 + 2 * 3  # never more than the configured attempts
    assert len(sel.selection_failures) == 2
    for failure in sel.selection_failures:
        assert failure.stage == "judge"
        assert failure.error.type == "ProviderStatusError"  # a polypick error, not the SDK's
        assert failure.error.status_code == 503 and failure.error.attempts == 3
    assert sel.scores == (None, None)
    assert sel.index == fallback_index(sel.candidates)
    assert "judge.fallback" in [e.event for e in sel.trace]


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
async def test_judge_client_errors_are_never_retried(server: FakeOpenAIServer, status: int) -> None:
    server.set_responder(judging(7))
    best = best_of(server, n=2, n_support=True, selector="judge", retry=NO_BACKOFF)
    async with best:
        server.script([Fault.ok(), Fault.status(status), Fault.status(status)])
        sel = await best.ainvoke("q")
    assert server.request_count == 3
    assert [f.error.status_code for f in sel.selection_failures] == [status, status]
    assert all(f.error.attempts == 1 for f in sel.selection_failures)


async def test_a_judge_retry_after_beyond_the_deadline_fails_that_call_at_once(
    server: FakeOpenAIServer,
) -> None:
    server.set_responder(judging(6))
    best = best_of(server, n=2, n_support=True, selector="judge", deadline=10)
    async with best:
        await warm(best, server)
        server.script([Fault.ok(), Fault.status(429, retry_after=30)])
        started = time.monotonic()
        sel = await best.ainvoke("q")
        assert time.monotonic() - started < 3
    assert server.request_count == 3  # one sampling request, two judge calls, no retry
    [failure] = sel.selection_failures
    assert failure.error.type == "DeadlineExceededError"
    assert sorted(sel.scores, key=lambda s: s is None) == [6.0, None]
    assert sel.scores[sel.index] == 6.0  # the candidate that was rated wins
