"""LlamaIndex instrumentation sees the best-of-N call and, nested inside it, every sample."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from llama_index.core.base.llms.types import ChatMessage
from llama_index.core.instrumentation.events.llm import (
    LLMChatEndEvent,
    LLMChatStartEvent,
    LLMCompletionEndEvent,
    LLMCompletionStartEvent,
)
from llama_index.core.instrumentation.span_handlers import SimpleSpanHandler

from polypick.integrations.llama_index import BestOfN

from .conftest import Recorder, ScriptedLLM, cycling

QUESTION = [ChatMessage(role="user", content="What is 6 x 7?")]


async def _call(bon: BestOfN, endpoint: str) -> Any:
    """Call one endpoint and return its final response (streams are drained)."""
    method: Callable[..., Any] = getattr(bon, endpoint)
    request: Any = QUESTION if "chat" in endpoint else "6 x 7 ="
    result = method(request)
    if endpoint.startswith("a"):
        result = await result
    if "stream" not in endpoint:
        return result
    if endpoint.startswith("a"):
        return [chunk async for chunk in result][-1]
    return list(result)[-1]


def _ancestors(spans: SimpleSpanHandler, span_id: str | None) -> list[str]:
    parents = {s.id_: s.parent_id for s in spans.completed_spans}
    chain = []
    while span_id is not None:
        chain.append(span_id)
        span_id = parents.get(span_id)
    return chain


@pytest.mark.parametrize(
    "endpoint",
    [
        "chat",
        "achat",
        "stream_chat",
        "astream_chat",
        "complete",
        "acomplete",
        "stream_complete",
        "astream_complete",
    ],
)
async def test_the_call_and_its_samples_are_instrumented_and_nested(
    endpoint: str, instrumented: tuple[Recorder, SimpleSpanHandler]
) -> None:
    events, spans = instrumented
    inner = ScriptedLLM(reply=cycling("42", "41", "42"))
    final = await _call(BestOfN(inner, n=3, selector="majority"), endpoint)

    chat = "chat" in endpoint
    start_kind = LLMChatStartEvent if chat else LLMCompletionStartEvent
    end_kind = LLMChatEndEvent if chat else LLMCompletionEndEvent
    starts = {e.model_dict["model_name"]: [] for e in events.of(start_kind)}
    for e in events.of(start_kind):
        starts[e.model_dict["model_name"]].append(e)
    assert {name: len(found) for name, found in starts.items()} == {
        "best-of-3[scripted]": 1,
        "scripted": 3,
    }
    (outer,) = starts["best-of-3[scripted]"]
    for sample in starts["scripted"]:  # each sample's span sits inside the BestOfN call's
        assert outer.span_id in _ancestors(spans, sample.span_id)

    ends = events.of(end_kind)
    assert len(ends) == 4
    outer_end = next(e for e in ends if e.span_id == outer.span_id)
    assert "polypick" in outer_end.response.additional_kwargs
    assert outer_end.response.additional_kwargs == final.additional_kwargs
