"""Every failure reaches the openai client as the exception class and error body it expects."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import openai
import pytest

from polypick.testing import ScriptedChat
from polypick.testing.servers import FakeOpenAIServer, Fault

from .conftest import USER, Served, serve, settings_for


def _error(exc: openai.APIStatusError) -> dict[str, Any]:
    body = exc.body
    assert isinstance(body, dict) and set(body) == {"message", "type", "param", "code"}
    return body


def ask(served: Served, model: str = "fake-gpt", **options: Any) -> Any:
    with served.client() as client:
        return client.chat.completions.create(model=model, messages=USER, **options)


GREEDY = {"polypick": {"sampling": "greedy"}}


@pytest.fixture(scope="module")
def shared() -> Iterator[tuple[Served, FakeOpenAIServer]]:
    """One server for the requests refused before anything is sent (it keeps no state)."""
    with FakeOpenAIServer() as upstream, serve(settings_for(upstream)) as served:
        yield served, upstream


@pytest.mark.parametrize(
    ("options", "param", "words"),
    [
        ({"extra_body": {"polypick": {"n": 0}}}, "polypick.n", "greater than or equal to 1"),
        ({"extra_body": {"polypick": {"n": 99}}}, "polypick.n", "--max-n"),
        ({"extra_body": {"polypick": {"best": 3}}}, "polypick.best", "polypick settings: n,"),
        ({"extra_body": {"polypick": {"selector": "vibes"}}}, "polypick.selector", "chops"),
        ({"extra_body": {"polypick": {"selector": "reward"}}}, "polypick.selector", "function"),
        ({"extra_body": {"polypick": {"sampling": "warm"}}}, "polypick.sampling", "hedged"),
        ({"extra_body": {"polypick": {"min_candidates": 9}}}, "polypick.min_candidates", "n=3"),
        ({"extra_body": {"polypick": {"n": 4}}, "model": "bon-5/fake-gpt"}, "polypick.n", "once"),
        ({"n": 2}, "n", "polypick.n"),
        ({"temperature": 3}, "temperature", "at most 2"),
        ({"temperature": 0.5, "extra_body": GREEDY}, "temperature", "contradicts"),
        ({"logprobs": True}, "logprobs", "leave logprobs unset"),
        ({"model": "bon-x/fake-gpt"}, "model", "bon-N"),
        ({"model": "bon-3-warm/fake-gpt"}, "model", "unknown part 'warm'"),
    ],
)  # fmt: skip
def test_invalid_settings_are_400_saying_what_to_fix(
    shared: tuple[Served, FakeOpenAIServer], options: dict[str, Any], param: str, words: str
) -> None:
    served, upstream = shared
    with pytest.raises(openai.BadRequestError) as caught:
        ask(served, **options)
    error = _error(caught.value)
    assert (error["type"], error["param"], error["code"]) == (
        "invalid_request_error",
        param,
        "invalid_value",
    )
    assert words in error["message"]
    assert upstream.request_count == 0  # refused before anything was sent


def test_tools_need_an_openai_compatible_upstream() -> None:
    local_like = ScriptedChat(["unused"], name="local-ish")
    tool = {"type": "function", "function": {"name": "f"}}
    with (
        serve(settings_for_scripted(), llm=local_like) as served,
        served.client() as client,
        pytest.raises(openai.BadRequestError) as caught,
    ):
        client.chat.completions.create(model="scripted", messages=USER, tools=[tool])  # type: ignore[arg-type, list-item]
    error = _error(caught.value)
    assert error["param"] == "tools" and "openai:MODEL" in error["message"]
    assert local_like.calls == []


def settings_for_scripted() -> Any:
    from polypick import Settings
    from polypick.serve import ServeSettings

    return ServeSettings(llm="scripted", model_name="scripted", bon=Settings.of(n=2))


def test_unknown_model_is_404(served: Served) -> None:
    with pytest.raises(openai.NotFoundError) as caught:
        ask(served, model="gpt-5")
    error = _error(caught.value)
    assert (error["code"], error["param"]) == ("model_not_found", "model")
    assert "fake-gpt" in error["message"] and "bon-N" in error["message"]
    with served.client() as client, pytest.raises(openai.NotFoundError):
        client.models.retrieve("bon-3/gpt-5")


def test_unknown_route_is_404_in_openai_shape(served: Served) -> None:
    with served.client() as client, pytest.raises(openai.NotFoundError) as caught:
        client.completions.create(model="fake-gpt", prompt="hi")
    assert "POST /v1/chat/completions" in _error(caught.value)["message"]


def test_a_body_that_is_not_json_is_400(served: Served) -> None:
    response = httpx.post(served.url + "/chat/completions", content=b"{nope", timeout=10)
    assert response.status_code == 400
    assert "not valid JSON" in response.json()["error"]["message"]


def test_the_server_key_is_required_when_set(upstream: FakeOpenAIServer) -> None:
    with serve(settings_for(upstream, api_key="s3cret")) as served:
        with pytest.raises(openai.AuthenticationError) as caught:
            ask(served)
        assert _error(caught.value)["code"] == "invalid_api_key"
        assert upstream.request_count == 0
        with served.client(api_key="s3cret") as client:
            assert client.chat.completions.create(model="fake-gpt", messages=USER)  # type: ignore[arg-type]
            assert [m.id for m in client.models.list()][0] == "fake-gpt"
        assert httpx.get(served.runner.base_url + "/health").status_code == 200  # no key needed
        unkeyed = httpx.get(served.url + "/models")
        assert unkeyed.status_code == 401


def test_upstream_rate_limits_are_429_with_retry_after(
    served: Served, upstream: FakeOpenAIServer
) -> None:
    upstream.script([Fault.status(429, retry_after=7)])
    with pytest.raises(openai.RateLimitError) as caught:
        ask(served)
    assert _error(caught.value)["code"] == "rate_limit_exceeded"
    assert caught.value.response.headers["retry-after"] == "7"
    assert "0 of 3 samples" in _error(caught.value)["message"]


def test_upstream_server_errors_are_502(served: Served, upstream: FakeOpenAIServer) -> None:
    upstream.script([Fault.status(500)])
    with pytest.raises(openai.InternalServerError) as caught:
        ask(served)
    assert caught.value.status_code == 502
    error = _error(caught.value)
    assert (error["type"], error["code"]) == ("server_error", "upstream_error")
    assert "HTTP 500" in error["message"]


def test_an_unreachable_upstream_is_503(served: Served, upstream: FakeOpenAIServer) -> None:
    upstream.script([Fault.reset()])
    with pytest.raises(openai.InternalServerError) as caught:
        ask(served)
    assert caught.value.status_code == 503
    assert _error(caught.value)["code"] == "upstream_unavailable"


def test_a_request_the_upstream_rejects_is_400(served: Served, upstream: FakeOpenAIServer) -> None:
    upstream.script([Fault.status(400)])  # not about n: refused once, not asked again without it
    with pytest.raises(openai.BadRequestError) as caught:
        ask(served)
    assert _error(caught.value)["code"] == "upstream_rejected"
    assert upstream.request_count == 1


def test_the_deadline_is_504(served: Served, upstream: FakeOpenAIServer) -> None:
    upstream.script([Fault.delay(10)])
    with pytest.raises(openai.InternalServerError) as caught:
        ask(served, extra_body={"polypick": {"deadline": 0.3}})
    assert caught.value.status_code == 504
    assert _error(caught.value)["code"] == "deadline_exceeded"


def test_too_few_candidates_is_502_and_enough_is_an_answer_listing_the_failures(
    upstream: FakeOpenAIServer,
) -> None:
    upstream.set_honour_n(False)  # one request per sample, so each meets its own fault
    with serve(settings_for(upstream)) as served:
        # The first request (n=3) gets one choice, then one request per missing sample.
        upstream.script([Fault.ok(), Fault.status(500), Fault.ok()])
        reply = ask(served)
        record = reply.model_extra["polypick"]
        assert record["candidates"] == 2 and len(record["failures"]) == 1
        assert record["failures"][0]["status_code"] == 500
        assert upstream.request_count == 3
        upstream.script([Fault.ok(), Fault.status(500), Fault.status(500)])
        with pytest.raises(openai.InternalServerError) as caught:
            ask(served, extra_body={"polypick": {"min_candidates": 2}})
        assert caught.value.status_code == 502
        assert "1 of 3 samples" in _error(caught.value)["message"]
        assert "at least 2 needed" in _error(caught.value)["message"]


def test_a_failing_streamed_request_fails_with_its_status_before_any_chunk(
    served: Served, upstream: FakeOpenAIServer
) -> None:
    upstream.script([Fault.status(429)])
    with served.client() as client, pytest.raises(openai.RateLimitError):
        client.chat.completions.create(model="fake-gpt", messages=USER, stream=True)  # type: ignore[arg-type]
