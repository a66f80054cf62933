"""Orchestration: sampling plans reach the model, partial failures, retries, deadlines, batches."""

from __future__ import annotations

import asyncio

import pytest

from polypick import BestOfN, RetryPolicy, Temperature
from polypick.core.protocol import ModelRequest
from polypick.core.types import Completion, Message, SamplingParams
from polypick.errors import (
    BatchError,
    ConfigurationError,
    DeadlineExceededError,
    ProviderConnectionError,
    ProviderStatusError,
    RateLimitError,
    TooFewCandidatesError,
)
from polypick.testing import ScriptedChat

NO_WAIT = RetryPolicy(max_retries=2, initial_wait=0, max_wait=0)


def numbered(messages: object, params: SamplingParams) -> str:
    return f"answer at t={params.temperature:g} seed={params.seed}"


async def test_hedged_plan_reaches_the_model_one_greedy_sample() -> None:
    model = ScriptedChat(numbered)
    async with BestOfN(model, n=4, sampling="hedged", selector="majority") as bon:
        sel = await bon.ainvoke("question?")
    assert [c.greedy for c in sel.candidates] == [True, False, False, False]
    assert sorted(call.params.temperature for call in model.calls) == [0.0, 0.7, 0.7, 0.7]
    assert sel.usage.generation.requests == 4
    assert sel.llm == "scripted:scripted"


async def test_samples_sharing_params_go_in_one_request_when_n_is_supported() -> None:
    model = ScriptedChat(numbered, max_n=16)
    sel = await BestOfN(
        model, n=6, sampling=Temperature(temperature=0.9), selector="majority"
    ).ainvoke("q")
    assert [call.n for call in model.calls] == [6]
    assert {c.request for c in sel.candidates} == {0}
    assert sel.usage.generation.requests == 1
    # the prompt is billed once for the one request; every candidate's share adds up to it
    assert sum(c.usage.prompt_tokens for c in sel.candidates) == 1


class IgnoresN(ScriptedChat):
    """Claims to support n but returns at most two choices, like a server that caps n."""

    @property
    def max_n(self) -> int:
        return 8


async def test_a_server_that_returns_fewer_choices_is_asked_again_for_the_rest() -> None:
    model = IgnoresN(numbered, max_n=2)
    sel = await BestOfN(model, n=5, sampling=0.8, selector="majority").ainvoke("q")
    assert len(sel.candidates) == 5
    assert [call.n for call in model.calls] == [5, 1, 1, 1]
    assert sel.usage.generation.requests == 4
    # the requests that followed used each sample's own seed-less params, one sample each
    assert [c.request for c in sel.candidates] == [0, 0, 1, 2, 3]


async def test_partial_failures_are_listed_and_selection_runs_over_survivors() -> None:
    fatal = ProviderStatusError("bad request", status_code=400)
    model = ScriptedChat(["a", fatal, "b", fatal, "c", fatal, "d", "e"])
    sel = await BestOfN(model, n=8, sampling=0.7, selector="majority", retry=NO_WAIT).ainvoke("q")
    assert len(sel.candidates) == 5
    assert len(sel.failures) == 3
    assert all(f.error is not None and f.error.status_code == 400 for f in sel.failures)
    assert all(f.attempts == 1 for f in sel.failures)  # 400 is never retried
    assert sel.text in {"a", "b", "c", "d", "e"}


async def test_retryable_errors_are_retried_up_to_the_limit_and_no_further() -> None:
    flaky = ProviderStatusError("overloaded", status_code=503)
    model = ScriptedChat([flaky, flaky, "third time lucky"])
    sel = await BestOfN(model, n=1, sampling=0.7, selector="majority", retry=NO_WAIT).ainvoke("q")
    assert sel.text == "third time lucky"
    assert len(model.calls) == 3
    assert sel.candidates[0].attempts == 3
    assert sel.usage.generation.requests == 3
    assert [e.event for e in sel.trace].count("sample.retry") == 2


async def test_when_every_sample_fails_the_error_carries_each_cause() -> None:
    causes = [ProviderConnectionError(f"reset {i}") for i in range(3 * 3)]
    model = ScriptedChat(causes)
    bon = BestOfN(model, n=3, sampling=0.7, selector="majority", retry=NO_WAIT)
    with pytest.raises(TooFewCandidatesError) as info:
        await bon.ainvoke("q")
    assert len(info.value.exceptions) == 3
    assert all(isinstance(e, ProviderConnectionError) for e in info.value.exceptions)
    assert len(model.calls) == 9  # 3 samples x (1 attempt + 2 retries), never more


async def test_min_candidates_raises_when_too_few_survive() -> None:
    fatal = ProviderStatusError("nope", status_code=401)
    model = ScriptedChat(["only one", fatal, fatal])
    bon = BestOfN(model, n=3, sampling=0.7, selector="majority", min_candidates=2)
    with pytest.raises(TooFewCandidatesError, match="1 of 3 samples"):
        await bon.ainvoke("q")


async def test_retry_after_is_honoured() -> None:
    limited = RateLimitError("slow down", status_code=429, retry_after=0.3)
    model = ScriptedChat([limited, "ok"])
    policy = RetryPolicy(max_retries=1, initial_wait=0, max_wait=0)
    sel = await BestOfN(model, n=1, sampling=0.7, selector="majority", retry=policy).ainvoke("q")
    retry = next(e for e in sel.trace if e.event == "sample.retry")
    assert retry.data["wait_s"] == pytest.approx(0.3)


async def test_a_retry_wait_past_the_deadline_fails_the_sample_at_once() -> None:
    limited = RateLimitError("slow down", status_code=429, retry_after=60)
    model = ScriptedChat([limited, "ok", "fine"])
    bon = BestOfN(model, n=2, sampling=0.7, selector="majority", deadline=5)
    sel = await bon.ainvoke("q")
    assert len(sel.candidates) == 1
    assert sel.failures[0].error is not None
    assert sel.failures[0].error.type == DeadlineExceededError.__name__
    assert sel.latency_s < 5  # it did not sleep the 60 s the server asked for


async def test_samples_still_running_at_the_deadline_become_failures() -> None:
    slow = ScriptedChat(numbered, latency_s=5)
    bon = BestOfN(slow, n=2, sampling=0.7, selector="majority", deadline=0.2)
    with pytest.raises(TooFewCandidatesError) as info:
        await bon.ainvoke("q")
    assert all(isinstance(e, DeadlineExceededError) for e in info.value.exceptions)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n": 0}, "n must be"),
        ({"n": 2.5}, "n must be"),
        ({"n": 10**30}, "n must be at most 1024"),
        ({"n": 3, "min_candidates": 4}, "min_candidates"),
        ({"deadline": 0}, "deadline"),
        ({"selector": "nonsense"}, "unknown selector 'nonsense'"),
        ({"llm": "nonsense:model"}, "unknown provider 'nonsense'"),
        ({"llm": "openai"}, "names no model"),
        ({"llm": 42}, "cannot use 42 as a model"),
        ({"sampling": "lukewarm"}, "unknown sampling"),
    ],
    ids=[
        "n0",
        "n-float",
        "n-huge",
        "min-candidates",
        "deadline",
        "selector",
        "provider",
        "no-model",
        "not-a-model",
        "sampling",
    ],
)
def test_bad_configuration_fails_before_any_request(
    kwargs: dict[str, object], message: str
) -> None:
    model = ScriptedChat(numbered)
    options: dict[str, object] = {"llm": model, **kwargs}
    with pytest.raises(ConfigurationError, match=message):
        BestOfN(**options)  # type: ignore[arg-type]
    assert model.calls == []


@pytest.mark.parametrize(
    "prompt",
    ["", "   ", [], [{"role": "system", "content": "hi"}]],
    ids=["empty", "blank", "no-messages", "no-user-message"],
)
async def test_empty_prompts_are_rejected_before_any_request(prompt: object) -> None:
    model = ScriptedChat(numbered)
    with pytest.raises(ConfigurationError):
        await BestOfN(model, n=2, selector="majority").ainvoke(prompt)  # type: ignore[arg-type]
    assert model.calls == []


async def test_chat_messages_are_passed_through_in_order() -> None:
    model = ScriptedChat(numbered)
    messages = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Hi"},
        {"role": "assistant", "content": "Hello!"},
        Message(role="user", content="2+2?"),
    ]
    await BestOfN(model, n=1, selector="majority").ainvoke(messages)
    assert [m.role for m in model.calls[0].messages] == ["system", "user", "assistant", "user"]
    assert model.calls[0].messages[-1].content == "2+2?"


async def test_abatch_limits_concurrency_and_keeps_order() -> None:
    in_flight = 0
    peak = 0

    async def tracked(prompt: str) -> str:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(0.01)
        in_flight -= 1
        return prompt

    class Echo(ScriptedChat):
        async def generate(self, request: ModelRequest) -> list[Completion]:
            await tracked(request.messages[-1].content)
            return await super().generate(request)

    model = Echo(lambda messages, params: messages[-1].content.upper())
    bon = BestOfN(model, n=1, selector="majority")
    sels = await bon.abatch([f"p{i}" for i in range(10)], max_concurrency=3)
    assert [s.text for s in sels] == [f"P{i}" for i in range(10)]
    assert peak <= 3


async def test_abatch_failure_keeps_every_finished_selection() -> None:
    def answer(messages: list[Message], params: SamplingParams) -> str:
        if "bad" in messages[-1].content:
            raise ProviderStatusError("rejected", status_code=400)
        return "fine"

    def raising(messages: list[Message], params: SamplingParams) -> str:
        return answer(messages, params)

    bon = BestOfN(ScriptedChat(raising), n=1, selector="majority")
    with pytest.raises(BatchError) as info:
        await bon.abatch(["good 1", "bad", "good 2"])
    assert [r is not None for r in info.value.results] == [True, False, True]
    assert len(info.value.exceptions) == 1
    assert isinstance(info.value.exceptions[0], TooFewCandidatesError)


def test_sync_and_async_paths_give_the_same_selection() -> None:
    bon = BestOfN(ScriptedChat(numbered), n=3, sampling="hedged", selector="majority")
    sync = bon.invoke("q")
    asynced = asyncio.run(bon.ainvoke("q"))
    assert sync.text == asynced.text
    assert [c.params for c in sync.candidates] == [c.params for c in asynced.candidates]
    assert [s.text for s in bon.batch(["a", "b"])] == [sync.text, sync.text]


async def test_on_event_sees_every_trace_event_as_it_happens() -> None:
    seen: list[str] = []
    bon = BestOfN(ScriptedChat(numbered), n=2, selector="majority")
    sel = await bon.ainvoke("q", on_event=lambda e: seen.append(e.event))
    assert seen == [e.event for e in sel.trace]
    assert seen[0] == "sampling.start" and "selection.done" in seen
