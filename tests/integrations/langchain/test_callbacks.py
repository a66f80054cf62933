"""Every sample and every judge call is a child run of the BestOfN run, on every entry point,
for tracers; a plain callback handler sees BestOfN's run alone, as it would any chat model's; the
usage on the returned message adds up to the samples' own."""

from __future__ import annotations

import functools
import json
import operator
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import pytest
from langchain_core.callbacks import get_usage_metadata_callback
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.messages.ai import add_usage
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate

from polypick import Hedged
from polypick.integrations.langchain import BestOfN
from polypick.selectors.prompting import unmark
from polypick.testing import ScriptedChat

from .doubles import ModelRuns, RunRecorder, ScriptedChatModel

SAMPLE, SELECTION, NOSTREAM = "polypick:sample", "polypick:selection", "nostream"


def by_seed(messages: Sequence[BaseMessage], model: ScriptedChatModel) -> str:
    return f"Answer from the sample with seed {model.seed}."


def judge_policy(messages: Sequence[BaseMessage], model: ScriptedChatModel) -> str:
    """Rates the sample with seed 2 highest (the judge sees the answer in its prompt)."""
    return json.dumps(
        {"reasoning": "ok", "score": 9 if "seed 2." in unmark(messages[-1].text) else 3}
    )


def make(n: int = 3, **kwargs: Any) -> tuple[BestOfN, ScriptedChatModel]:
    inner = ScriptedChatModel(policy=by_seed, usage=(11, 4))
    return BestOfN(inner, n=n, sampling=Hedged(temperature=0.7, seed=1), **kwargs), inner


def invoke(bon: BestOfN, cb: RunRecorder) -> Any:
    return bon.invoke("Hi", config={"callbacks": [cb]})


async def ainvoke(bon: BestOfN, cb: RunRecorder) -> Any:
    return await bon.ainvoke("Hi", config={"callbacks": [cb]})


def stream(bon: BestOfN, cb: RunRecorder) -> Any:
    return list(bon.stream("Hi", config={"callbacks": [cb]}))


async def astream(bon: BestOfN, cb: RunRecorder) -> Any:
    return [chunk async for chunk in bon.astream("Hi", config={"callbacks": [cb]})]


def stream_events_v3(bon: BestOfN, cb: RunRecorder) -> Any:
    return list(bon.stream_events("Hi", {"callbacks": [cb]}, version="v3"))


async def astream_events_v2(bon: BestOfN, cb: RunRecorder) -> Any:
    return [e async for e in bon.astream_events("Hi", {"callbacks": [cb]}, version="v2")]


ENTRY_POINTS: list[Callable[[BestOfN, RunRecorder], Any]] = [
    invoke,
    ainvoke,
    stream,
    astream,
    stream_events_v3,
    astream_events_v2,
]


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=lambda f: f.__name__)
async def test_samples_are_child_runs_of_the_best_of_n_run(
    entry: Callable[[BestOfN, RunRecorder], Any],
) -> None:
    bon, _ = make()
    cb = RunRecorder()

    out = entry(bon, cb)
    if isinstance(out, Awaitable):
        await out

    [root] = cb.roots()
    assert root.name == "BestOfN" and root.result is not None
    samples = cb.children(root.run_id)
    assert len(samples) == 3 and all(sorted(s.tags) == [NOSTREAM, SAMPLE] for s in samples)
    assert all(s.result is not None for s in samples)


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=lambda f: f.__name__)
async def test_a_plain_handler_sees_one_chat_model_run_per_call(
    entry: Callable[[BestOfN, Any], Any],
) -> None:
    judge = ScriptedChatModel(policy=judge_policy)
    bon, _ = make(selector="judge", judge=judge)
    handler = ModelRuns()

    out = entry(bon, handler)
    if isinstance(out, Awaitable):
        await out

    [run] = handler.runs.values()  # not the 3 samples, nor the 3 judge calls
    assert run.name == "BestOfN" and run.result is not None
    message = run.result.generations[0][0].message
    assert message.text == "Answer from the sample with seed 2."


def test_batch_gives_each_prompt_its_own_run_and_samples() -> None:
    bon, _ = make(n=2)
    cb = RunRecorder()

    bon.batch(["Hi", "Bye"], config={"callbacks": [cb]})

    roots = cb.roots()
    assert len(roots) == 2
    assert all(len(cb.children(r.run_id, SAMPLE)) == 2 for r in roots)


def test_in_a_chain_the_samples_nest_under_best_of_n_under_the_chain() -> None:
    bon, _ = make()
    chain = ChatPromptTemplate.from_messages([("human", "{q}")]) | bon | StrOutputParser()
    cb = RunRecorder()

    chain.invoke({"q": "Hi"}, config={"callbacks": [cb]})

    [bon_run] = [r for r in cb.runs.values() if r.name == "BestOfN"]
    assert bon_run.parent_run_id is not None  # the chain's run
    assert len(cb.children(bon_run.run_id, SAMPLE)) == 3


def test_a_langchain_judge_calls_are_children_too() -> None:
    judge = ScriptedChatModel(policy=judge_policy)
    bon, _ = make(selector="judge", judge=judge)
    cb = RunRecorder()

    message = bon.invoke("Hi", config={"callbacks": [cb]})

    [root] = cb.roots()
    assert len(cb.children(root.run_id, SAMPLE)) == 3
    judged = cb.children(root.run_id, SELECTION)
    assert len(judged) == 3 and all(r.name == "ScriptedChatModel" for r in judged)
    assert message.text == "Answer from the sample with seed 2."


async def test_a_polypick_backend_judge_is_traced_as_child_runs() -> None:
    def rate(messages: Sequence[Any], params: Any) -> str:
        return '{"score": 9}' if "seed 3." in unmark(str(messages[-1].content)) else '{"score": 2}'

    judge = ScriptedChat(rate, name="judge")
    bon, _ = make(selector="judge", judge=judge)
    cb = RunRecorder()

    message = await bon.ainvoke("Hi", config={"callbacks": [cb]})

    [root] = cb.roots()
    judged = cb.children(root.run_id, SELECTION)
    assert [r.name for r in judged] == ["scripted:judge"] * 3
    assert all(r.result is not None for r in judged)
    assert message.content == "Answer from the sample with seed 3."


def test_the_sampled_model_judging_itself_is_traced_as_selection_runs() -> None:
    def policy(messages: Sequence[BaseMessage], model: ScriptedChatModel) -> str:
        if "score" in messages[-1].text:  # asked to judge
            return judge_policy(messages, model)
        return by_seed(messages, model)

    inner = ScriptedChatModel(policy=policy)
    bon = BestOfN(inner, n=3, sampling=Hedged(seed=1), selector="judge")
    cb = RunRecorder()

    assert bon.invoke("Hi", config={"callbacks": [cb]}).content.endswith("seed 2.")
    [root] = cb.roots()
    assert len(cb.children(root.run_id, SAMPLE)) == 3
    assert len(cb.children(root.run_id, SELECTION)) == 3


def test_a_failing_sample_is_a_child_run_with_its_error() -> None:
    def flaky(messages: Sequence[BaseMessage], model: ScriptedChatModel) -> str:
        if model.seed == 2:
            raise RuntimeError("boom")
        return by_seed(messages, model)

    bon = BestOfN(ScriptedChatModel(policy=flaky), n=3, sampling=Hedged(seed=1))
    cb = RunRecorder()

    message = bon.invoke("Hi", config={"callbacks": [cb]})

    [root] = cb.roots()
    errors = [r.error for r in cb.children(root.run_id, SAMPLE) if r.error is not None]
    assert [str(e) for e in errors] == ["boom"]
    [failure] = message.response_metadata["polypick"]["failures"]
    assert failure["sample"] == 1 and "RuntimeError: boom" in failure["error"]["message"]


@pytest.mark.parametrize("entry", [invoke, ainvoke, stream], ids=lambda f: f.__name__)
async def test_usage_adds_up_over_the_samples(
    entry: Callable[[BestOfN, RunRecorder], Any],
) -> None:
    bon, _ = make(selector="judge", judge=ScriptedChatModel(policy=judge_policy, usage=(7, 2)))
    cb = RunRecorder()

    out = entry(bon, cb)
    if isinstance(out, Awaitable):
        out = await out
    message = functools.reduce(operator.add, out) if isinstance(out, list) else out

    [root] = cb.roots()
    sample_usage = [_usage(r.result) for r in cb.children(root.run_id, SAMPLE)]
    total = sample_usage[0]
    for usage in sample_usage[1:]:
        total = add_usage(total, usage)
    expected = {"input_tokens": 33, "output_tokens": 12, "total_tokens": 45}  # 3 x (11 + 4)
    assert message.usage_metadata == total == expected
    record = message.response_metadata["polypick"]["usage"]
    assert record["generation"]["prompt_tokens"] == 33
    assert record["selection"] == {  # the judge's calls, reported apart from the samples'
        "requests": 3,
        "prompt_tokens": 21,
        "completion_tokens": 6,
        "reasoning_tokens": 0,  # the judge does not reason
        "total_tokens": 27,
    }


def _usage(result: Any) -> Any:
    message = result.generations[0][0].message
    assert isinstance(message, AIMessage)
    return message.usage_metadata


@pytest.mark.parametrize("entry", [invoke, ainvoke, stream, astream], ids=lambda f: f.__name__)
async def test_a_usage_callback_counts_each_sample_once(
    entry: Callable[[BestOfN, RunRecorder], Any],
) -> None:
    # get_usage_metadata_callback's handler is attached to every run started in its block; it
    # sees the BestOfN run, whose usage is the samples' sum, and not the samples again. The
    # judge's calls are its own model's runs and count too (both models are named "scripted").
    bon, inner = make(selector="judge", judge=ScriptedChatModel(policy=judge_policy, usage=(7, 2)))

    with get_usage_metadata_callback() as usage:
        out = entry(bon, RunRecorder())
        if isinstance(out, Awaitable):
            await out

    assert len(inner.calls) == 3  # three samples of 11 + 4 tokens, three judge calls of 7 + 2
    assert usage.usage_metadata == {
        "scripted": {"input_tokens": 54, "output_tokens": 18, "total_tokens": 72}
    }
