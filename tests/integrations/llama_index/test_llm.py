"""``BestOfN`` as a LlamaIndex LLM: its class, metadata, the eight endpoints, what they return."""

from __future__ import annotations

import copy
import threading
from typing import Any

import pytest
from llama_index.core.base.llms.types import (
    ChatMessage,
    ImageBlock,
    MessageRole,
    TextBlock,
    ToolCallBlock,
)
from llama_index.core.llms import MockFunctionCallingLLM, MockLLM
from llama_index.core.llms.function_calling import FunctionCallingLLM
from llama_index.core.llms.llm import LLM
from llama_index.llms.openai import OpenAI

from polypick import ConfigurationError, Hedged, TooFewCandidatesError
from polypick.integrations.llama_index import BestOfN, FunctionCallingBestOfN
from polypick.integrations.llama_index._convert import core_messages

from .conftest import ScriptedLLM, cycling

QUESTION = [ChatMessage(role="user", content="What is 6 x 7?")]


def test_the_class_follows_the_wrapped_llm() -> None:
    plain = BestOfN(MockLLM(), n=2)
    tools = BestOfN(llm=MockFunctionCallingLLM(), n=2)
    assert type(plain) is BestOfN and isinstance(plain, LLM)
    assert not isinstance(plain, FunctionCallingLLM)
    assert type(tools) is FunctionCallingBestOfN
    assert isinstance(tools, FunctionCallingLLM) and isinstance(tools, BestOfN)
    # an OpenAI LLM class, but a model that cannot call tools
    assert type(BestOfN(OpenAI(model="gpt-3.5-turbo-instruct"), n=2)) is BestOfN


def test_metadata_is_the_wrapped_llms_with_a_best_of_n_name() -> None:
    inner = OpenAI(model="gpt-4o-mini", max_tokens=64)
    outer = BestOfN(inner, n=3).metadata
    assert outer.model_name == "best-of-3[gpt-4o-mini]"
    expected = inner.metadata.model_dump(exclude={"model_name"})
    assert outer.model_dump(exclude={"model_name"}) == expected
    assert (outer.context_window, outer.num_output, outer.is_function_calling_model) == (
        128000,
        64,
        True,
    )


def test_llm_settings_come_from_the_wrapped_llm_unless_given() -> None:
    inner = MockLLM(system_prompt="Be brief.")
    assert BestOfN(inner).system_prompt == "Be brief."
    assert BestOfN(inner).callback_manager is inner.callback_manager
    assert BestOfN(inner, system_prompt="Be kind.").system_prompt == "Be kind."


@pytest.mark.parametrize(
    "options",
    [{"n": 0}, {"sampling": Hedged(min_p=0.1)}, {"min_candidates": 4, "n": 3}],
    ids=["n=0", "min_p", "min_candidates>n"],
)
def test_bad_settings_fail_before_any_request(options: dict[str, Any]) -> None:
    inner = ScriptedLLM(reply=cycling("42"))
    with pytest.raises(ConfigurationError):
        BestOfN(inner, **options)
    assert inner.calls == []


def test_only_llamaindex_llms_are_wrapped() -> None:
    with pytest.raises(ConfigurationError, match="LlamaIndex LLM"):
        BestOfN("openai:gpt-4o-mini")


def test_sync_chat_samples_the_sync_endpoint_in_worker_threads() -> None:
    inner = ScriptedLLM(reply=cycling("42", "41", "42"))
    response = BestOfN(inner, n=3, selector="majority").chat(QUESTION)
    assert response.message.content == "42"
    assert [c[0] for c in inner.calls] == ["chat"] * 3
    assert all(c[3] != threading.current_thread().name for c in inner.calls)


async def test_async_chat_samples_the_async_endpoint_on_the_callers_loop() -> None:
    inner = ScriptedLLM(reply=cycling("42", "41", "42"))
    response = await BestOfN(inner, n=3, selector="majority").achat(QUESTION)
    assert response.message.content == "42"
    assert [c[0] for c in inner.calls] == ["achat"] * 3
    assert {c[3] for c in inner.calls} == {threading.current_thread().name}


def test_the_winners_own_response_is_returned_with_the_selection() -> None:
    inner = ScriptedLLM(reply=cycling("41", "42", "42"))
    response = BestOfN(inner, n=3, sampling=0.7, selector="majority").chat(QUESTION)
    selection = response.additional_kwargs["polypick"]
    winner = selection["candidates"][selection["index"]]
    assert winner["text"] == response.message.content == "42"
    assert inner.calls[response.raw["id"]][0] == "chat"  # the raw response of a real sample
    assert response.message.additional_kwargs["call"] == response.raw["id"]
    # the sync endpoint samples in threads, so the order of the answers varies
    texts = [c["text"] for c in selection["candidates"]]
    assert sorted(texts) == ["41", "42", "42"]
    agreed = {s for t, s in zip(texts, selection["scores"], strict=True) if t == "42"}
    (alone,) = (s for t, s in zip(texts, selection["scores"], strict=True) if t == "41")
    assert len(agreed) == 1 and agreed.pop() > alone
    assert selection["usage"]["generation"]["prompt_tokens"] == 30  # 10 per sample, summed
    assert any(e["event"] == "selection.done" for e in selection["trace"])


def test_each_sample_gets_its_own_parameters_and_the_callers_arguments() -> None:
    inner = ScriptedLLM(reply=cycling("a", "b", "c"))
    plan = Hedged(temperature=0.9, seed=7, max_tokens=20, top_p=0.95)
    BestOfN(inner, n=3, sampling=plan, detect_language=False).chat(
        QUESTION, user="u-1", temperature=1.5
    )
    sent = sorted((c[2] for c in inner.calls), key=lambda kw: kw["seed"])
    assert [kw["temperature"] for kw in sent] == [0.0, 0.9, 0.9]  # the plan wins
    assert [kw["seed"] for kw in sent] == [7, 8, 9]
    assert all(kw["max_tokens"] == 20 and kw["top_p"] == 0.95 for kw in sent)
    assert all(kw["user"] == "u-1" for kw in sent)


def test_the_callers_messages_reach_the_wrapped_llm_intact() -> None:
    image = ImageBlock(url="https://example.com/cat.png")
    messages = [
        ChatMessage(role="system", content="You answer with tools."),
        ChatMessage(role="user", blocks=[TextBlock(text="What is in this image?"), image]),
        ChatMessage(
            role="assistant",
            blocks=[ToolCallBlock(tool_call_id="t1", tool_name="look", tool_kwargs={"x": 1})],
        ),
        ChatMessage(
            role=MessageRole.TOOL, content="a cat", additional_kwargs={"tool_call_id": "t1"}
        ),
    ]
    inner = ScriptedLLM(reply=cycling("A cat."))
    BestOfN(inner, n=2).chat(messages)
    assert all(c[1] is messages for c in inner.calls)


def test_complete_samples_the_completion_endpoint_with_formatted_passed_on() -> None:
    inner = ScriptedLLM(reply=cycling("42"))
    response = BestOfN(inner, n=2).complete("6 x 7 =", formatted=True)
    assert response.text == "42"
    assert [(c[0], c[1], c[2]["formatted"]) for c in inner.calls] == [
        ("complete", "6 x 7 =", True)
    ] * 2
    assert response.additional_kwargs["prompt_tokens"] == 4  # the winner's own fields are kept
    assert len(response.additional_kwargs["polypick"]["candidates"]) == 2


async def test_async_complete_uses_the_async_completion_endpoint() -> None:
    inner = ScriptedLLM(reply=cycling("42"))
    response = await BestOfN(inner, n=2).acomplete("6 x 7 =")
    assert response.text == "42"
    assert [c[0] for c in inner.calls] == ["acomplete"] * 2


def test_sync_streams_select_first_then_yield_the_winner_once() -> None:
    inner = ScriptedLLM(reply=cycling("42", "41", "42"))
    bon = BestOfN(inner, n=3, selector="majority")
    chunks = list(bon.stream_chat(QUESTION))
    assert [(c.delta, c.message.content) for c in chunks] == [("42", "42")]
    assert "polypick" in chunks[0].additional_kwargs
    completions = list(bon.stream_complete("6 x 7 ="))
    assert [(c.delta, c.text) for c in completions] == [("42", "42")]
    assert [c[0] for c in inner.calls] == ["chat"] * 3 + ["complete"] * 3


async def test_async_streams_select_first_then_yield_the_winner_once() -> None:
    inner = ScriptedLLM(reply=cycling("42", "41", "42"))
    bon = BestOfN(inner, n=3, selector="majority")
    chunks = [c async for c in await bon.astream_chat(QUESTION)]
    assert [(c.delta, c.message.content) for c in chunks] == [("42", "42")]
    completions = [c async for c in await bon.astream_complete("6 x 7 =")]
    assert [(c.delta, c.text) for c in completions] == [("42", "42")]
    assert [c[0] for c in inner.calls] == ["achat"] * 3 + ["acomplete"] * 3


def test_a_failing_sample_is_recorded_and_the_others_still_answer() -> None:
    flaky = ScriptedLLM(
        reply=lambda request, **kw: RuntimeError("boom") if kw["temperature"] == 0 else "42"
    )
    response = BestOfN(flaky, n=3).chat(QUESTION)
    selection = response.additional_kwargs["polypick"]
    assert response.message.content == "42"
    assert [f["error"]["type"] for f in selection["failures"]] == ["ProviderError"]
    assert "boom" in selection["failures"][0]["error"]["message"]


def test_when_every_sample_fails_the_call_raises_with_every_cause() -> None:
    inner = ScriptedLLM(reply=lambda request, **kw: RuntimeError("down"))
    with pytest.raises(TooFewCandidatesError) as caught:
        BestOfN(inner, n=2).chat(QUESTION)
    assert len(caught.value.exceptions) == 2
    assert all(isinstance(e.__cause__, RuntimeError) for e in caught.value.exceptions)
    assert len(inner.calls) == 2  # polypick does not retry a LlamaIndex LLM


def test_a_reply_with_neither_text_nor_tool_call_is_a_failed_sample() -> None:
    inner = ScriptedLLM(reply=cycling("", "42"))
    response = BestOfN(inner, n=2, sampling=0.5).chat(QUESTION)
    selection = response.additional_kwargs["polypick"]
    assert response.message.content == "42"
    assert selection["failures"][0]["error"]["type"] == "InvalidResponseError"


def test_a_llamaindex_judge_rates_the_candidates_through_the_sync_endpoint() -> None:
    def rate(messages: list[ChatMessage], **kwargs: Any) -> str:
        return '{"score": 9}' if "42" in (messages[-1].content or "") else '{"score": 2}'

    inner = ScriptedLLM(reply=cycling("41", "42", "40"))
    judge = ScriptedLLM(reply=rate, model="judge")
    response = BestOfN(inner, n=3, sampling=0.7, selector="judge", judge=judge).chat(QUESTION)
    assert response.message.content == "42"
    record = response.additional_kwargs["polypick"]
    # the samples run in threads, so which one drew "42" varies; each must have its own score
    texts = [c["text"] for c in record["candidates"]]
    assert sorted(texts) == ["40", "41", "42"]
    assert record["scores"] == [9.0 if t == "42" else 2.0 for t in texts]
    assert [c[0] for c in judge.calls] == ["chat"] * 3
    assert all(c[3] != threading.current_thread().name for c in judge.calls)


async def test_without_a_judge_the_llm_judges_itself_on_translated_messages() -> None:
    def answer(messages: list[ChatMessage], **kwargs: Any) -> str:
        if messages is QUESTION:
            return "42" if kwargs["temperature"] == 0 else "41"
        return '{"score": 8}' if "42" in (messages[-1].content or "") else '{"score": 3}'

    inner = ScriptedLLM(reply=answer)
    response = await BestOfN(inner, n=2, selector="judge").achat(QUESTION)
    assert response.message.content == "42"
    judged = [c for c in inner.calls if c[1] is not QUESTION]
    assert len(judged) == 2 and all(isinstance(c[1][0], ChatMessage) for c in judged)


def test_a_prompt_without_a_user_message_is_refused() -> None:
    inner = ScriptedLLM(reply=cycling("42"))
    with pytest.raises(ConfigurationError, match="prompt"):
        BestOfN(inner, n=2).chat([ChatMessage(role="system", content="Be brief.")])
    assert inner.calls == []


def test_copies_share_the_configuration() -> None:
    bon = BestOfN(MockFunctionCallingLLM(), n=2)
    clone = copy.deepcopy(bon)
    assert type(clone) is FunctionCallingBestOfN and clone.n == 2
    assert clone._core is bon._core and clone.llm is not bon.llm
    assert clone.chat(QUESTION).message.content == "What is 6 x 7?"


async def test_sync_endpoints_work_inside_a_running_event_loop() -> None:
    inner = ScriptedLLM(reply=cycling("42"))
    assert BestOfN(inner, n=2).chat(QUESTION).message.content == "42"  # as in a notebook


def test_the_core_sees_tool_traffic_as_annotated_assistant_text() -> None:
    call = ToolCallBlock(tool_call_id="t1", tool_name="look", tool_kwargs={"x": 1})
    messages = core_messages(
        [
            ChatMessage(role="developer", content="Use tools."),
            ChatMessage(role="user", content="Look."),
            ChatMessage(role="assistant", blocks=[TextBlock(text="Looking."), call]),
            ChatMessage(role=MessageRole.TOOL, content="a cat"),
        ]
    )
    assert [(m.role, m.content) for m in messages] == [
        ("system", "Use tools."),
        ("user", "Look."),
        ("assistant", 'Looking.\n[tool call] look({"x": 1})'),
        ("assistant", "[tool result] a cat"),
    ]
