"""Request keys and the batch line formats: pure functions, checked with generated input."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polypick.batch import RequestKey, request_digest
from polypick.errors import ConfigurationError, InvalidResponseError
from polypick.providers.batch_formats import (
    CHAT_ENDPOINT,
    anthropic_outcome,
    anthropic_requests,
    decode_jsonl,
    encode_jsonl,
    openai_input,
    openai_outcome,
)

DIGESTS = st.text(alphabet="0123456789abcdef", min_size=24, max_size=24)
KEYS = st.builds(
    RequestKey,
    prompt=st.integers(0, 10**9),
    role=st.sampled_from(["sample", "judge"]),
    ordinal=st.integers(0, 10**6),
    digest=DIGESTS,
)
TEXT = st.text(max_size=12)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)
BODIES = st.dictionaries(st.text(min_size=1, max_size=12), JSON, min_size=1, max_size=4)
CUSTOM_IDS = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-",
    min_size=1,
    max_size=64,
)


@given(KEYS)
def test_a_key_survives_its_custom_id(key: RequestKey) -> None:
    custom_id = key.custom_id
    assert RequestKey.parse(custom_id) == key
    # both providers accept it: Anthropic allows [a-zA-Z0-9_-]{1,64}
    assert len(custom_id) <= 64 and all(c.isalnum() or c in "-_" for c in custom_id)


@given(KEYS, KEYS)
def test_distinct_keys_have_distinct_custom_ids(a: RequestKey, b: RequestKey) -> None:
    assert (a == b) == (a.custom_id == b.custom_id)


@pytest.mark.parametrize(
    "custom_id",
    ["", "p1-sample-0", "p-1-sample-0-" + "a" * 24, "p1-other-0-" + "a" * 24,
     "p1-judge-0-" + "A" * 24, "p1-judge-0-" + "a" * 23, "x1-judge-0-" + "a" * 24],
)  # fmt: skip
def test_foreign_custom_ids_are_refused(custom_id: str) -> None:
    with pytest.raises(ConfigurationError, match="not a polypick batch custom_id"):
        RequestKey.parse(custom_id)


@given(BODIES)
def test_the_digest_ignores_key_order_but_not_content(body: dict[str, Any]) -> None:
    reordered = dict(reversed(list(body.items())))
    assert request_digest(reordered) == request_digest(body)
    changed = {**body, "extra-field": "x"} if "extra-field" not in body else {}
    assert request_digest(changed) != request_digest(body)


@settings(max_examples=50)
@given(st.lists(BODIES, max_size=4))
def test_jsonl_round_trips(records: list[dict[str, Any]]) -> None:
    data = encode_jsonl(records)
    assert data.count(b"\n") == len(records)
    assert decode_jsonl(data) == records
    assert decode_jsonl(data.replace(b"\n", b"\n\n")) == records  # blank lines are skipped


def test_malformed_jsonl_names_the_line() -> None:
    with pytest.raises(InvalidResponseError, match="line 2"):
        decode_jsonl('{"a": 1}\n{"b": \n')
    with pytest.raises(InvalidResponseError, match="line 1 .* not a JSON object"):
        decode_jsonl("[1, 2]\n")


@settings(max_examples=50)
@given(st.lists(st.tuples(CUSTOM_IDS, BODIES), max_size=4))
def test_openai_input_lines(items: list[tuple[str, dict[str, Any]]]) -> None:
    lines = decode_jsonl(openai_input(items))
    assert [(line["custom_id"], line["body"]) for line in lines] == items
    assert all(line["method"] == "POST" and line["url"] == CHAT_ENDPOINT for line in lines)


@settings(max_examples=50)
@given(st.lists(st.tuples(CUSTOM_IDS, BODIES), max_size=4))
def test_anthropic_requests(items: list[tuple[str, dict[str, Any]]]) -> None:
    assert [(r["custom_id"], r["params"]) for r in anthropic_requests(items)] == items


@given(CUSTOM_IDS, BODIES)
def test_an_openai_success_line(custom_id: str, body: dict[str, Any]) -> None:
    line = {"id": "batch_req_1", "custom_id": custom_id, "error": None,
            "response": {"status_code": 200, "request_id": "r", "body": body}}  # fmt: skip
    outcome = openai_outcome(json.loads(json.dumps(line)))
    assert outcome.ok and outcome.custom_id == custom_id and outcome.body == body


@given(CUSTOM_IDS, st.integers(400, 599), st.text())
def test_an_openai_http_error_line(custom_id: str, status: int, message: str) -> None:
    error = {"message": message, "type": "invalid_request_error", "param": None, "code": None}
    response = {"status_code": status, "request_id": "r", "body": {"error": error}}
    line = {"id": "batch_req_1", "custom_id": custom_id, "error": None, "response": response}
    outcome = openai_outcome(line)
    assert not outcome.ok and outcome.error is not None
    assert outcome.error.status_code == status
    assert outcome.error.message == (message or f"HTTP {status}")
    assert outcome.error.retryable == (status in (408, 409, 429) or status >= 500)


@pytest.mark.parametrize("code", ["batch_expired", "batch_cancelled"])
def test_openai_requests_the_batch_never_ran_are_retryable(code: str) -> None:
    line = {"id": "x", "custom_id": "c", "response": None,
            "error": {"code": code, "message": "not run"}}  # fmt: skip
    outcome = openai_outcome(line)
    assert outcome.error is not None and outcome.error.retryable
    assert (outcome.error.code, outcome.error.message) == (code, "not run")


@given(CUSTOM_IDS, BODIES)
def test_an_anthropic_success(custom_id: str, message: dict[str, Any]) -> None:
    outcome = anthropic_outcome({"custom_id": custom_id,
                                 "result": {"type": "succeeded", "message": message}})  # fmt: skip
    assert outcome.ok and outcome.body == message and outcome.custom_id == custom_id


@pytest.mark.parametrize(
    ("kind", "error_type", "retryable", "status"),
    [
        ("errored", "invalid_request_error", False, 400),
        ("errored", "rate_limit_error", True, 429),
        ("errored", "api_error", True, 500),
        ("errored", "overloaded_error", True, 529),
        ("errored", "some_new_error", True, 500),
        ("canceled", None, True, None),
        ("expired", None, True, None),
    ],
)
def test_anthropic_failures(
    kind: str, error_type: str | None, retryable: bool, status: int | None
) -> None:
    result: dict[str, Any] = {"type": kind}
    if error_type:
        result["error"] = {"type": "error", "error": {"type": error_type, "message": "why"}}
    outcome = anthropic_outcome({"custom_id": "c", "result": result})
    assert outcome.error is not None and not outcome.ok
    assert outcome.error.retryable is retryable
    assert outcome.error.code == (error_type or kind)
    assert outcome.error.status_code == status
