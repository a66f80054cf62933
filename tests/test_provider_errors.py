"""Upstreams that misbehave, each against a fake server that really does it, through the real
``openai`` and ``anthropic`` SDKs: every failure is a ``PolypickError`` with the status and the
retry behaviour it calls for, and bad input fails before anything is sent.

Contracts followed:

- an error in the body of an HTTP 200 answer: OpenRouter's ``{"error": {"code", "message"}}``
  (https://openrouter.ai/docs/api/reference/errors-and-debugging: "the returned HTTP response
  status will be 200 and any error occurred while the LLM is producing the output will be
  emitted in the response body"), Anthropic's ``{"type": "error", "error": {"type", "message"}}``
  with its documented error types (https://docs.claude.com/en/api/errors), Ollama's
  ``{"error": "<message>"}`` (https://docs.ollama.com/api/errors);
- ``Retry-After``: delay-seconds or an HTTP date (RFC 9110, section 10.2.3); anything else is
  unreadable and the client backs off on its own;
- llama.cpp's server refuses ``n > 1`` with 400 "Only one completion choice is allowed".
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from polypick import BestOfN, RetryPolicy
from polypick.core.protocol import ModelRequest
from polypick.core.types import Completion, Message, SamplingParams
from polypick.errors import (
    ConfigurationError,
    InvalidResponseError,
    PolypickError,
    ProviderStatusError,
    ProviderTimeoutError,
    RateLimitError,
    TooFewCandidatesError,
)
from polypick.providers import AnthropicChat, OpenAIChat, RewardEndpoint
from polypick.providers.n_support import refuses_n
from polypick.providers.sdk_errors import error_in_body, parse_retry_after
from polypick.testing.servers import FakeAnthropicServer, FakeOpenAIServer, Fault

NO_WAIT = RetryPolicy(max_retries=2, initial_wait=0.0, max_wait=0.0)


@pytest.fixture
def oai() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as fake:
        yield fake


@pytest.fixture
def ant() -> Iterator[FakeAnthropicServer]:
    with FakeAnthropicServer() as fake:
        yield fake


def gpt(server: FakeOpenAIServer, **options: Any) -> OpenAIChat:
    return OpenAIChat("fake-gpt", base_url=server.base_url + "/v1", **options)


def claude(server: FakeAnthropicServer, **options: Any) -> AnthropicChat:
    return AnthropicChat("claude-test", base_url=server.base_url, api_key="test", **options)


def one(policy: RetryPolicy = NO_WAIT, **settings: Any) -> dict[str, Any]:
    return {"n": 1, "sampling": 0.7, "selector": "majority", "retry": policy, **settings}


def request(text: str = "q", n: int = 1) -> ModelRequest:
    return ModelRequest((Message(role="user", content=text),), SamplingParams(temperature=0.7), n)


async def cause_of(bon: BestOfN, prompt: str = "q") -> BaseException:
    with pytest.raises(TooFewCandidatesError) as info:
        await bon.ainvoke(prompt)
    [error] = info.value.exceptions
    return error


# --- an error in the body of an HTTP 200 answer -----------------------------------------------


async def test_openai_error_body_under_200_is_retried_by_its_code(oai: FakeOpenAIServer) -> None:
    oai.script([Fault.error_body(502, message="the model crashed")])
    async with BestOfN(gpt(oai), **one()) as bon:
        sel = await bon.ainvoke("q")
    assert oai.request_count == 2 and sel.candidates[0].attempts == 2
    [retry] = [e for e in sel.trace if e.event == "sample.retry"]
    assert (
        "HTTP 502: the model crashed (sent in the body of an HTTP 200 answer)"
        in retry.data["error"]
    )


async def test_openai_error_body_under_200_that_blames_the_request_is_not_retried(
    oai: FakeOpenAIServer,
) -> None:
    oai.script([Fault.error_body(400, message="context too long")])
    async with BestOfN(gpt(oai), **one()) as bon:
        error = await cause_of(bon)
    assert isinstance(error, ProviderStatusError) and error.status_code == 400
    assert "context too long" in str(error) and oai.request_count == 1


async def test_anthropic_error_body_under_200_is_retried_by_its_type(
    ant: FakeAnthropicServer,
) -> None:
    ant.script([Fault.error_body(529, message="Overloaded"), Fault.error_body(429)])
    async with BestOfN(claude(ant), **one()) as bon:
        sel = await bon.ainvoke("q")
    assert ant.request_count == 3
    errors = [e.data["error"] for e in sel.trace if e.event == "sample.retry"]
    assert "HTTP 529: Overloaded" in errors[0] and "HTTP 429" in errors[1]


async def test_anthropic_error_body_under_200_that_blames_the_request_is_not_retried(
    ant: FakeAnthropicServer,
) -> None:
    ant.script([Fault.error_body(400, message="prompt is too long")])
    async with BestOfN(claude(ant), **one()) as bon:
        error = await cause_of(bon)
    assert isinstance(error, ProviderStatusError) and error.status_code == 400
    assert ant.request_count == 1


@pytest.mark.parametrize(
    ("extra", "kind", "status"),
    [
        ({"error": {"code": 429, "message": "slow down"}}, RateLimitError, 429),  # OpenRouter
        ({"error": {"code": "503", "message": "busy"}}, ProviderStatusError, 503),
        ({"type": "error", "error": {"type": "api_error"}}, ProviderStatusError, 500),
        ({"error": {"type": "authentication_error", "message": "x"}}, ProviderStatusError, 401),
        ({"error": "the model failed to generate"}, InvalidResponseError, None),  # Ollama
        ({"error": {"detail": "?"}}, InvalidResponseError, None),
    ],
)  # fmt: skip
def test_error_bodies_map_to_their_status(
    extra: dict[str, Any], kind: type[PolypickError], status: int | None
) -> None:
    error = error_in_body(SimpleNamespace(model_extra=extra), "openai:m")
    assert type(error) is kind
    assert getattr(error, "status_code", None) == status
    assert error is not None and error.retryable == (status is None or status >= 429)


def test_a_normal_answer_carries_no_error() -> None:
    assert error_in_body(SimpleNamespace(model_extra={"error": None}), "m") is None
    assert error_in_body(SimpleNamespace(model_extra={}), "m") is None
    assert error_in_body(SimpleNamespace(), "m") is None


@pytest.mark.parametrize(
    "body", ["{}", '{"choices": null}', '{"id": "x", "object": "chat.completion"}']
)
async def test_an_answer_without_choices_is_unreadable_and_retried(
    oai: FakeOpenAIServer, body: str
) -> None:
    oai.script([Fault.raw_body(body)])
    async with BestOfN(gpt(oai), **one()) as bon:
        sel = await bon.ainvoke("q")
    assert oai.request_count == 2
    [retry] = [e for e in sel.trace if e.event == "sample.retry"]
    assert "the response has no choices" in retry.data["error"]


async def test_an_answer_without_content_is_unreadable_and_retried(
    ant: FakeAnthropicServer,
) -> None:
    ant.script([Fault.raw_body('{"type": "message", "content": null}')])
    async with BestOfN(claude(ant), **one()) as bon:
        await bon.ainvoke("q")
    assert ant.request_count == 2


# --- Retry-After ---------------------------------------------------------------------------


@pytest.mark.parametrize("header", ["soon", "Wed, 99 Foo 2026 25:61:00", "", "1e999", "nan"])
async def test_an_unreadable_retry_after_falls_back_to_backoff(
    oai: FakeOpenAIServer, header: str
) -> None:
    oai.script([Fault.status(503, retry_after=header)])
    policy = RetryPolicy(max_retries=2, initial_wait=0.01, max_wait=0.02)
    async with BestOfN(gpt(oai), **one(policy)) as bon:
        sel = await bon.ainvoke("q")
    assert oai.request_count == 2
    [retry] = [e for e in sel.trace if e.event == "sample.retry"]
    assert 0 <= retry.data["wait_s"] <= 0.01  # the first backoff, not a parse error


@pytest.mark.parametrize("header", ["86400", "Fri, 31 Dec 9999 23:59:59 GMT", "inf"])
async def test_a_huge_retry_after_is_capped(oai: FakeOpenAIServer, header: str) -> None:
    oai.script([Fault.status(429, retry_after=header)])
    policy = RetryPolicy(max_retries=1, initial_wait=0.01, max_wait=0.01, max_retry_after=0.2)
    started = time.monotonic()
    async with BestOfN(gpt(oai), **one(policy)) as bon:
        sel = await bon.ainvoke("q")
    assert time.monotonic() - started < 30  # not a day, and not for ever
    [retry] = [e for e in sel.trace if e.event == "sample.retry"]
    assert retry.data["wait_s"] <= 0.2
    assert oai.request_count == 2


async def test_a_capped_retry_after_still_never_passes_the_deadline(oai: FakeOpenAIServer) -> None:
    oai.script([Fault.status(503, retry_after=86400)])
    async with BestOfN(gpt(oai), **one(RetryPolicy(max_retries=2), deadline=1.0)) as bon:
        started = time.monotonic()
        error = await cause_of(bon)
    assert time.monotonic() - started < 1.0  # ended at once: 60 s would pass the deadline
    assert "would pass the deadline" in str(error) and oai.request_count == 1


def test_the_default_cap_is_a_minute_at_most() -> None:
    assert 0 < RetryPolicy().max_retry_after <= 60


def test_retry_after_readings() -> None:
    assert parse_retry_after({"retry-after": "7"}) == 7.0
    assert parse_retry_after({"retry-after-ms": "250", "retry-after": "9"}) == 0.25
    assert parse_retry_after({"retry-after-ms": "inf", "retry-after": "9"}) == 9.0
    assert parse_retry_after({"retry-after": "-3"}) == 0.0
    assert parse_retry_after({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}) == 0.0  # past
    later = parse_retry_after({"retry-after": "Fri, 31 Dec 9999 23:59:59 GMT"})
    assert later is not None and math.isfinite(later) and later > 1e9
    for unreadable in ("soon", "", "nan", "inf", "Wed, 99 Foo"):
        assert parse_retry_after({"retry-after": unreadable}) is None


# --- a whole-request timeout -------------------------------------------------------------------


@pytest.mark.parametrize("provider", ["openai", "anthropic"])
async def test_an_answer_that_trickles_in_is_cut_at_the_timeout(
    oai: FakeOpenAIServer, ant: FakeAnthropicServer, provider: str
) -> None:
    # One byte every 0.2 s: each read is well within the 1 s timeout, the answer takes a minute.
    server = oai if provider == "openai" else ant
    model = gpt(oai, timeout=1.0) if provider == "openai" else claude(ant, timeout=1.0)
    server.script([Fault.trickle(0.2)])
    started = time.monotonic()
    async with BestOfN(model, **one(RetryPolicy(max_retries=0))) as bon:
        error = await cause_of(bon)
    elapsed = time.monotonic() - started
    assert isinstance(error, ProviderTimeoutError) and error.retryable
    assert "within the request timeout of 1 s" in str(error)
    assert elapsed < 10, elapsed  # about 1 s; the whole answer would take over a minute


async def test_a_trickled_answer_is_retried_like_any_timeout(oai: FakeOpenAIServer) -> None:
    oai.script([Fault.trickle(0.2)])
    async with BestOfN(gpt(oai, timeout=0.5), **one()) as bon:
        sel = await bon.ainvoke("q")
    assert sel.candidates[0].attempts == 2


# --- bad input, refused before anything is sent ----------------------------------------------


@pytest.mark.parametrize("text", ["caf\udce9", "\ud800 alone", "ok\udfff"])
async def test_a_prompt_that_is_not_valid_unicode_is_refused_before_sending(
    oai: FakeOpenAIServer, ant: FakeAnthropicServer, text: str
) -> None:
    for model in (gpt(oai), claude(ant)):
        async with BestOfN(model, **one()) as bon:
            with pytest.raises(ConfigurationError, match="lone surrogate"):
                await bon.ainvoke(text)
        with pytest.raises(ConfigurationError, match="errors='replace'"):
            await model.generate(request(text))  # a backend used on its own checks too
        await model.aclose()
    assert oai.request_count == 0 and ant.request_count == 0


async def test_valid_unicode_of_every_plane_is_sent(oai: FakeOpenAIServer) -> None:
    text = "naïve 東京 😀 \U00010348"
    async with BestOfN(gpt(oai), **one()) as bon:
        await bon.ainvoke(text)
    assert oai.requests[0].body["messages"][0]["content"] == text


@pytest.mark.parametrize("timeout", [-1, 0, math.nan, math.inf, "2", True])
def test_an_unusable_timeout_is_refused(timeout: Any) -> None:
    for make in (
        lambda: OpenAIChat("m", base_url="http://127.0.0.1:9/v1", timeout=timeout),
        lambda: AnthropicChat("m", api_key="k", timeout=timeout),
        lambda: RewardEndpoint("http://127.0.0.1:9", timeout=timeout),
    ):
        with pytest.raises(ConfigurationError, match="timeout"):
            make()


@pytest.mark.parametrize(
    "fields",
    [{"max_retries": -1}, {"max_retries": 1.5}, {"initial_wait": math.nan}, {"max_wait": -1},
     {"max_retry_after": math.inf}, {"retries": 2}],
)  # fmt: skip
def test_an_invalid_retry_policy_is_a_configuration_error(fields: dict[str, Any]) -> None:
    with pytest.raises(ConfigurationError, match="RetryPolicy"):
        RetryPolicy(**fields)


# --- n support is learnt only from an error about n --------------------------------------------


async def test_a_400_about_something_else_teaches_nothing_about_n(oai: FakeOpenAIServer) -> None:
    model = gpt(oai)
    oai.script([Fault.status(400, message="Invalid value for 'temperature'")])
    async with BestOfN(model, n=3, sampling=0.7, selector="majority", retry=NO_WAIT) as bon:
        with pytest.raises(TooFewCandidatesError):
            await bon.ainvoke("q")
        assert oai.request_count == 1  # refused as it was, not asked again without n
        assert model.n_support is None
        oai.reset_log()
        await bon.ainvoke("q")
    assert [r.body.get("n") for r in oai.requests] == [3]  # still one request for all three


async def test_a_refusal_of_n_is_learnt_once_one_choice_is_answered(oai: FakeOpenAIServer) -> None:
    oai.set_reject_n(True)
    model = gpt(oai)
    async with BestOfN(model, n=3, sampling=0.7, selector="majority", retry=NO_WAIT) as bon:
        await bon.ainvoke("q")
        assert model.n_support is False
        oai.reset_log()
        await bon.ainvoke("q")
    assert [r.body.get("n") for r in oai.requests] == [None, None, None]


async def test_a_refusal_of_n_is_kept_when_the_retry_fails_for_another_reason(
    oai: FakeOpenAIServer,
) -> None:
    # The first error is about n itself (llama.cpp's wording), so the lesson holds whatever
    # happens to the request asked again without n; the second error teaches nothing.
    model = gpt(oai)
    oai.script(
        [Fault.status(400, message="Only one completion choice is allowed"), Fault.status(400)]
    )
    with pytest.raises(ProviderStatusError):
        await model.generate(request(n=3))
    assert [r.body.get("n") for r in oai.requests] == [3, None]
    assert model.n_support is False
    await model.aclose()


@pytest.mark.parametrize(
    ("message", "param", "about_n"),
    [
        ("Only one completion choice is allowed", None, True),  # llama.cpp's server
        ("'n' must be 1", None, True),
        ("n: Input should be less than or equal to 1", None, True),
        ("Invalid value", "n", True),  # about n, though not about its support (see below)
        ("Invalid value", "temperature", False),
        ("This model's maximum context length is 8192 tokens", None, False),
        ("Unknown tool 'search_n'", None, False),
        ("Unsupported value: 'temperature' does not support 0.2", None, False),
    ],
)
def test_which_errors_are_about_n(message: str, param: str | None, about_n: bool) -> None:
    error = ProviderStatusError(message, status_code=400, provider="openai:m", param=param)
    assert refuses_n(error) is about_n
    assert not refuses_n(ProviderStatusError(message, status_code=500, param=param))


# --- the answer read from its raw JSON --------------------------------------------------------
# Providers send with the SDKs' ``with_raw_response`` and validate the JSON into the SDK's own
# class (pydantic, fast); an answer that strays from the schema is built the SDK's lenient way.


@pytest.mark.parametrize("body", ["[1, 2]", '"an answer"', "42", "null"])
async def test_an_answer_that_is_not_a_json_object_is_unreadable_and_retried(
    oai: FakeOpenAIServer, ant: FakeAnthropicServer, body: str
) -> None:
    oai.script([Fault.raw_body(body)])
    ant.script([Fault.raw_body(body)])
    for server, model in ((oai, gpt(oai)), (ant, claude(ant))):
        async with BestOfN(model, **one()) as bon:
            sel = await bon.ainvoke("q")
        assert server.request_count == 2 and sel.candidates[0].text
        [retry] = [e for e in sel.trace if e.event == "sample.retry"]
        assert "the response is not a JSON object" in retry.data["error"]


async def test_an_answer_off_the_schema_is_still_read(
    oai: FakeOpenAIServer, ant: FakeAnthropicServer
) -> None:
    # no id, created or object; a finish reason and a role the SDK's types do not list; an
    # extra field: OpenAI-compatible servers send such answers, and the SDK reads them
    choice = {
        "index": 0,
        "message": {"role": "model", "content": "Paris.", "reasoning_content": "France..."},
        "finish_reason": "abort",
    }
    oai.script([Fault.raw_body(json.dumps({"model": "m", "choices": [choice]}))])
    [completion] = await generate(gpt(oai))
    assert completion.text == "Paris." and completion.finish_reason == "abort"
    assert completion.reasoning == "France..."
    message = {
        "type": "message",
        "content": [{"type": "text", "text": "Rome."}],
        "stop_reason": "a_new_reason",
        "usage": {"input_tokens": 3, "output_tokens": 2},
    }
    ant.script([Fault.raw_body(json.dumps(message))])
    [completion] = await generate(claude(ant))
    assert completion.text == "Rome." and completion.usage.completion_tokens == 2


async def generate(model: OpenAIChat | AnthropicChat) -> list[Completion]:
    try:
        return await model.generate(request())
    finally:
        await model.aclose()


@pytest.mark.parametrize("tools", [False, True])
async def test_a_validated_answer_is_the_object_the_sdk_would_build(
    oai: FakeOpenAIServer, tools: bool
) -> None:
    # the fast path must hand the rest of polypick exactly what the SDK's own parsing did
    import httpx
    from openai.types.chat import ChatCompletion

    from polypick.providers._sdk_models import read_model

    if tools:
        calls = [{"name": "get_weather", "arguments": {"city": "Rome"}}]
        oai.set_tool_caller(lambda body, i: calls if i else None)
    model = gpt(oai)
    body = model.request_body(request(n=3).replace(logprobs=2))
    headers = {"authorization": "Bearer test"}
    async with httpx.AsyncClient() as client:
        url = f"{oai.base_url}/v1/chat/completions"
        answer = await client.post(url, json=body, headers=headers)

    async def raw() -> httpx.Response:
        return answer

    fast = await read_model(raw(), ChatCompletion)
    slow = ChatCompletion.construct(**answer.json())
    assert fast.model_dump() == slow.model_dump()
    assert model.parse_response(fast) == model.parse_response(slow)
    await model.aclose()
