"""Writing selections as chat completions and stream chunks; mapping errors to OpenAI's shape."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from polypick.core.types import (
    Candidate,
    ErrorInfo,
    SamplingParams,
    Selection,
    ToolCall,
    TraceEvent,
    Usage,
    UsageReport,
)
from polypick.errors import (
    ConfigurationError,
    DeadlineExceededError,
    ProviderConnectionError,
    ProviderStatusError,
    ProviderTimeoutError,
    RateLimitError,
    TooFewCandidatesError,
    UnknownNameError,
)
from polypick.serve.errors import failure_for, invalid
from polypick.serve.response import Envelope, chunks, completion, record, split_text

ENVELOPE = Envelope("chatcmpl-1", 100, "bon-2/m")


def selection(best: Candidate, **changes: object) -> Selection:
    other = Candidate(text="other", params=SamplingParams(temperature=0.0), greedy=True)
    failed = Candidate(
        text="", sample=2, attempts=3, error=ErrorInfo(type="X", message="boom", status_code=500)
    )
    fields: dict[str, object] = {
        "text": best.text,
        "index": 1,
        "candidates": (other, best),
        "scores": (0.2, 0.8),
        "selector": "judge",
        "llm": "openai:m",
        "failures": (failed,),
        "usage": UsageReport(
            generation=Usage(requests=2, prompt_tokens=10, completion_tokens=6),
            selection=Usage(requests=2, prompt_tokens=30, completion_tokens=4),
        ),
    }
    return Selection.model_validate({**fields, **changes})


def test_the_completion_answers_with_the_best_and_bills_every_call() -> None:
    best = Candidate(text="Paris.", finish_reason="length", sample=1)
    sel = selection(best)
    body = completion(ENVELOPE, sel, record(sel, n=3, sampling="hedged"))
    assert body["choices"] == [
        {
            "index": 0,
            "message": {"role": "assistant", "content": "Paris.", "refusal": None},
            "logprobs": None,
            "finish_reason": "length",
        }
    ]
    assert body["usage"] == {"prompt_tokens": 40, "completion_tokens": 10, "total_tokens": 50}
    best_of_n = body["polypick"]
    assert (best_of_n["n"], best_of_n["candidates"], best_of_n["chosen"]) == (3, 2, 1)
    assert best_of_n["scores"] == [0.2, 0.8]
    assert best_of_n["failures"] == [
        {"sample": 2, "type": "X", "message": "boom", "status_code": 500, "attempts": 3}
    ]
    assert best_of_n["usage"]["selection"] == {
        "requests": 2, "prompt_tokens": 30, "completion_tokens": 4, "total_tokens": 34
    }  # fmt: skip
    assert "candidate_details" not in best_of_n
    json.dumps(body)  # all plain JSON


def test_tool_calls_and_refusals_take_openai_s_shape() -> None:
    call = ToolCall(name="get", arguments={"city": "Zürich"}, id="call_7")
    sel = selection(Candidate(text="", tool_calls=(call,)))
    message = completion(ENVELOPE, sel, {})["choices"][0]
    assert message["finish_reason"] == "tool_calls"
    assert message["message"]["content"] is None
    assert message["message"]["tool_calls"] == [
        {
            "id": "call_7",
            "type": "function",
            "function": {"name": "get", "arguments": '{"city": "Zürich"}'},
        }
    ]
    refused = selection(Candidate(text="I can't.", finish_reason="refusal"))
    choice = completion(ENVELOPE, refused, {})["choices"][0]
    assert choice["message"]["refusal"] == "I can't." and choice["message"]["content"] is None
    assert choice["finish_reason"] == "stop"


def test_the_record_names_the_selector_that_really_chose() -> None:
    event = TraceEvent(
        t=0, event="selection.tool_calls", data={"replaced": "judge", "by": "tool_vote"}
    )
    sel = selection(Candidate(text="x"), trace=(event,))
    assert record(sel, n=2, sampling="s")["selector"] == "tool_vote"
    details = record(sel, n=2, sampling="s", return_candidates=True)["candidate_details"]
    assert [d["text"] for d in details] == ["other", "x"]


@pytest.mark.parametrize("include_usage", [True, False])
def test_chunks_rebuild_the_completion(include_usage: bool) -> None:
    call = ToolCall(name="get", arguments={}, id="c")
    sel = selection(Candidate(text="one two three four five six", tool_calls=(call,)))
    best_of_n = record(sel, n=2, sampling="s")
    out = chunks(ENVELOPE, sel, best_of_n, include_usage=include_usage)
    assert all(c["id"] == "chatcmpl-1" and c["object"] == "chat.completion.chunk" for c in out)
    deltas = [c["choices"][0]["delta"] for c in out if c["choices"]]
    assert deltas[0] == {"role": "assistant", "content": ""}
    assert "".join(d.get("content", "") for d in deltas) == "one two three four five six"
    assert [d["tool_calls"][0]["function"]["name"] for d in deltas if "tool_calls" in d] == ["get"]
    finals = [c for c in out if c["choices"] and c["choices"][0]["finish_reason"]]
    assert len(finals) == 1 and finals[0]["polypick"] == best_of_n
    if include_usage:
        assert out[-1]["choices"] == [] and out[-1]["usage"]["total_tokens"] == 50
        assert all(c["usage"] is None for c in out[:-1])
    else:
        assert all("usage" not in c for c in out)


@given(st.text(), st.integers(1, 6))
def test_split_text_pieces_join_back_and_are_never_empty(text: str, words: int) -> None:
    pieces = split_text(text, words)
    assert "".join(pieces) == text
    assert all(pieces)
    assert all(len(p.split()) <= words for p in pieces)


RATE = RateLimitError("slow down", status_code=429, retry_after=4)


def too_few(*causes: Exception) -> TooFewCandidatesError:
    return TooFewCandidatesError(f"0 of {len(causes)}", list(causes))


def status(code: int) -> ProviderStatusError:
    return ProviderStatusError("upstream says no", status_code=code)


@pytest.mark.parametrize(
    ("error", "status", "code"),
    [
        (invalid("bad", "polypick.n"), 400, "invalid_value"),
        (ConfigurationError("bad"), 400, "invalid_value"),
        (UnknownNameError("model", "x", ["m"]), 404, "model_not_found"),
        (UnknownNameError("selector", "x", ["m"]), 400, "invalid_value"),
        (too_few(RATE, RateLimitError("x", status_code=429)), 429, "rate_limit_exceeded"),
        (too_few(DeadlineExceededError("d"), ProviderTimeoutError("t")), 504, "deadline_exceeded"),
        (too_few(ProviderConnectionError("c"), status(503)), 503, "upstream_unavailable"),
        (too_few(status(400), status(422)), 400, "upstream_rejected"),
        (too_few(RATE, status(500)), 502, "upstream_error"),
        (too_few(status(401)), 502, "upstream_error"),
        (DeadlineExceededError("late"), 504, "deadline_exceeded"),
        (RuntimeError("bug"), 500, "internal_error"),
    ],
)  # fmt: skip
def test_failures_map_to_statuses_openai_clients_understand(
    error: Exception, status: int, code: str
) -> None:
    failure = failure_for(error)
    assert (failure.status, failure.code) == (status, code)
    body = failure.body()["error"]
    assert set(body) == {"message", "type", "param", "code"} and body["message"]
    assert failure.headers() == ({"retry-after": "4"} if status == 429 else {})


def test_too_few_candidates_lists_its_distinct_causes() -> None:
    causes = [ProviderStatusError("boom", status_code=500)] * 3 + [ProviderConnectionError("gone")]
    message = failure_for(TooFewCandidatesError("0 of 4 samples succeeded", causes)).message
    assert message.startswith("0 of 4 samples succeeded. Causes: HTTP 500: boom; gone")
