"""Hostile clients: every request that could take the server down, or spend the upstream many
times over, gets a 4xx that says what limit it hit, through the official openai client and raw
HTTP; the upstream sees no more than the operator allows; health keeps answering; memory stays
bounded.

Statuses follow what OpenAI's clients expect (400 ``BadRequestError``, 401, 429
``RateLimitError`` with ``Retry-After``) and RFC 9110 for the others: 408 Request Timeout
(section 15.5.9), 413 Content Too Large (15.5.14).
"""

from __future__ import annotations

import asyncio
import json
import resource
import time
from collections.abc import Iterator
from typing import Any

import httpx
import openai
import pytest

from polypick.cli import main
from polypick.errors import ConfigurationError
from polypick.serve import ServeSettings
from polypick.serve.body import json_depth
from polypick.serve.settings import check_exposure
from polypick.testing.servers import FakeOpenAIServer, Fault

from .conftest import USER, Served, serve, settings_for

BODY_LIMIT = 64 * 1024
JUDGE_TOKENS = {"max_tokens": 10**6}
MESSAGE = b'{"model": "fake-gpt", "messages": [{"role": "user", "content": '


@pytest.fixture(scope="module")
def guarded() -> Iterator[tuple[Served, FakeOpenAIServer]]:
    """A server with small limits, for requests refused before anything is sent upstream."""
    with (
        FakeOpenAIServer() as upstream,
        serve(
            settings_for(upstream, max_body_bytes=BODY_LIMIT, max_tokens=1000, read_timeout=1.0)
        ) as served,
    ):
        yield served, upstream


def error_of(response: httpx.Response) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"}, body
    return dict(body["error"])


def post(served: Served, content: bytes | Any, **headers: str) -> httpx.Response:
    return httpx.post(
        served.url + "/chat/completions",
        content=content,
        headers={"content-type": "application/json", **headers},
        timeout=30,
    )


def healthy(served: Served) -> float:
    """Seconds /health takes to answer (it must answer 200)."""
    started = time.monotonic()
    assert httpx.get(served.runner.base_url + "/health", timeout=5).status_code == 200
    return time.monotonic() - started


def rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


# --- amplification: selector options, n, tokens ----------------------------------------------


@pytest.mark.parametrize(
    ("options", "calls"),
    [
        # one request samples all 3 candidates (the upstream honours n), then the selector's
        ({"selector": "judge", "selector_options": {"samples": 300}}, "901 upstream calls"),
        ({"selector": "chops", "selector_options": {"permutations": 300}}, "302 upstream calls"),
        ({"selector": "chops", "selector_options": {"permutations": 10**8}}, "100000002"),
        ({"selector": "tournament", "selector_options": {"format": "round_robin"}, "n": 16},
         "241 upstream calls"),
        ({"selector": "xmbr", "selector_options": {"evidence": 500, "utility": "judge"}},
         "upstream calls"),
    ],
)  # fmt: skip
def test_options_that_multiply_upstream_calls_are_refused_naming_the_limit(
    guarded: tuple[Served, FakeOpenAIServer], options: dict[str, Any], calls: str
) -> None:
    served, upstream = guarded
    before, memory = upstream.request_count, rss_mib()
    with served.client() as client, pytest.raises(openai.BadRequestError) as caught:
        client.chat.completions.create(
            model="fake-gpt",
            messages=USER,  # type: ignore[arg-type]
            extra_body={"polypick": options},
        )
    error = caught.value.body
    assert isinstance(error, dict)
    assert calls in error["message"] and "limit of 64 per request" in error["message"]
    assert "--max-upstream-calls" in error["message"] and error["param"] == "polypick"
    assert upstream.request_count == before  # nothing was sent
    assert healthy(served) < 1.0
    assert rss_mib() - memory < 50  # 10**8 permutations were never laid out


def test_n_above_the_ceiling_and_replies_above_max_tokens_are_refused(
    guarded: tuple[Served, FakeOpenAIServer],
) -> None:
    served, upstream = guarded
    before = upstream.request_count
    cases: list[tuple[dict[str, Any], str]] = [
        ({"extra_body": {"polypick": {"n": 17}}}, "polypick.n"),
        ({"max_tokens": 10**6}, "max_tokens"),
        ({"max_completion_tokens": 1001}, "max_tokens"),
        (
            {"extra_body": {"polypick": {"selector": "judge", "selector_options": JUDGE_TOKENS}}},
            "polypick.selector_options.max_tokens",
        ),
    ]  # fmt: skip
    with served.client() as client:
        for options, param in cases:
            with pytest.raises(openai.BadRequestError) as caught:
                client.chat.completions.create(model="fake-gpt", messages=USER, **options)  # type: ignore[arg-type]
            assert isinstance(caught.value.body, dict) and caught.value.body["param"] == param
    assert upstream.request_count == before


def test_a_request_without_max_tokens_is_sent_with_the_operators(
    guarded: tuple[Served, FakeOpenAIServer],
) -> None:
    served, upstream = guarded
    upstream.reset_log()
    with served.client() as client:
        client.chat.completions.create(model="fake-gpt", messages=USER)  # type: ignore[arg-type]
        client.chat.completions.create(model="fake-gpt", messages=USER, max_tokens=9)  # type: ignore[arg-type]
    assert [r.body["max_tokens"] for r in upstream.requests] == [1000, 9]


def test_a_token_budget_refuses_requests_that_could_exceed_it(upstream: FakeOpenAIServer) -> None:
    settings = settings_for(upstream, max_tokens=500, max_request_tokens=2000)
    with serve(settings) as served, served.client() as client:
        client.chat.completions.create(model="fake-gpt", messages=USER, max_tokens=100)  # type: ignore[arg-type]
        with pytest.raises(openai.BadRequestError) as caught:
            client.chat.completions.create(model="bon-8/fake-gpt", messages=USER)  # type: ignore[arg-type]
    error = caught.value.body
    assert isinstance(error, dict) and "--max-request-tokens" in error["message"]
    assert upstream.request_count == 1
    with pytest.raises(ConfigurationError, match="needs max_tokens"):
        settings_for(upstream, max_request_tokens=2000)


def test_retries_and_re_asks_never_take_a_request_past_its_budget(
    upstream: FakeOpenAIServer,
) -> None:
    # 3 samples, one request each, every one failing with 500 and retried up to 5 times: 18
    # requests without a ceiling; the meter stops them at the operator's 5.
    upstream.set_honour_n(False)
    settings = settings_for(upstream, retries=5, max_upstream_calls=5)
    with serve(settings) as served, served.client() as client:
        # a first request teaches serve that the upstream ignores n: one request per sample
        client.chat.completions.create(model="fake-gpt", messages=USER)  # type: ignore[arg-type]
        upstream.reset_log()
        upstream.script([Fault.status(500, retry_after=0)] * 30)
        with pytest.raises(openai.APIStatusError) as caught:
            client.chat.completions.create(model="fake-gpt", messages=USER)  # type: ignore[arg-type]
    assert upstream.request_count == 5
    assert caught.value.status_code == 502
    assert "its 5 upstream requests" in str(caught.value.body)


# --- malformed bodies ------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["temperature", "top_p", "min_p"])
def test_nan_is_400_not_500(guarded: tuple[Served, FakeOpenAIServer], field: str) -> None:
    # The openai SDK refuses to write NaN; other clients (and Python's json) write it.
    served, upstream = guarded
    before = upstream.request_count
    for value, words in (("NaN", "NaN"), ("-Infinity", "Infinity"), ("1e999", "finite")):
        response = post(served, MESSAGE + f'"hi"}}], "{field}": {value}}}'.encode())
        assert response.status_code == 400, value
        assert words in error_of(response)["message"]
        assert error_of(response)["code"] == "invalid_value"
    assert upstream.request_count == before


@pytest.mark.parametrize("depth", [60_000, 33])
def test_deep_nesting_is_400_not_500(guarded: tuple[Served, FakeOpenAIServer], depth: int) -> None:
    served, _ = guarded
    if depth > 1000:
        body = b"[" * depth
    else:  # valid JSON, nested just beyond the limit of 32
        nested: Any = "x"
        for _ in range(depth - 3):
            nested = [nested]
        body = json.dumps({"model": "fake-gpt", "messages": [{"role": "user", "content": nested}]})
        body = body.encode()
    response = post(served, body)
    assert response.status_code == 400
    assert "more than 32 levels deep" in error_of(response)["message"]
    assert healthy(served) < 1.0


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (MESSAGE + b'"caf\xe9"}]}', "not UTF-8"),  # Latin-1, not UTF-8
        (b"\xff\xfe{\x00}\x00", "not UTF-8"),  # UTF-16
        (MESSAGE + b'"\\ud800"}]}', "lone surrogate"),
        (MESSAGE + b'"hi"}], "user": "\\udfff"}', "lone surrogate"),
        (MESSAGE + b'"\\ud83d\\ude00"}], "x": 1', "not valid JSON"),
    ],
)  # fmt: skip
def test_bad_encodings_are_400(
    guarded: tuple[Served, FakeOpenAIServer], body: bytes, words: str
) -> None:
    served, upstream = guarded
    before = upstream.request_count
    response = post(served, body)
    assert response.status_code == 400 and words in error_of(response)["message"]
    assert upstream.request_count == before


def test_a_valid_surrogate_pair_is_an_ordinary_character(
    guarded: tuple[Served, FakeOpenAIServer],
) -> None:
    served, upstream = guarded
    body = MESSAGE + b'"\\ud83d\\ude00?"}]}'
    assert post(served, body).status_code == 200
    assert upstream.requests[-1].body["messages"][0]["content"] == "\U0001f600?"


def test_nesting_depth_is_measured_without_recursion() -> None:
    assert json_depth(b"1", 32) == 0 and json_depth(b"[]", 32) == 1
    assert json_depth(b'{"a": [[]], "b": {}}', 32) == 3
    assert json_depth(b'["[[[", {"k": "]]}"}]', 32) == 2  # brackets in strings do not count
    assert json_depth(b'["\\"[[["]', 32) == 1  # nor after an escaped quote
    assert json_depth(b"[" * 10**6 + b"]" * 10**6, 32) == 33  # stops counting past the limit


# --- size and time ---------------------------------------------------------------------------


def test_a_body_over_the_limit_is_413_whether_declared_or_streamed(
    guarded: tuple[Served, FakeOpenAIServer],
) -> None:
    served, upstream = guarded
    before = upstream.request_count
    declared = post(served, b" " * (BODY_LIMIT + 1))
    assert declared.status_code == 413
    assert f"limit of {BODY_LIMIT} bytes" in error_of(declared)["message"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the server counts as it reads
        for _ in range(64):
            yield b" " * 4096

    streamed = post(served, chunks())
    assert streamed.status_code == 413 and error_of(streamed)["code"] == "request_too_large"
    assert upstream.request_count == before


def test_large_bodies_do_not_grow_the_server(upstream: FakeOpenAIServer) -> None:
    # The attack with the default 4 MiB limit: three 50 MB bodies grew the server by
    # 334 MB. Each is now refused from its Content-Length, or after 4 MiB of a stream.
    with serve(settings_for(upstream)) as served:
        memory = rss_mib()
        piece = b" " * 2**20

        def fifty() -> Iterator[bytes]:
            for _ in range(50):
                yield piece

        for declared in (True, False, True):
            headers = {"content-length": str(50 * 2**20)} if declared else {}
            try:
                response = post(served, fifty(), **headers)
                assert response.status_code == 413
            except httpx.TransportError:  # refused before the upload ended: the socket closed
                pass
        assert rss_mib() - memory < 40
        assert healthy(served) < 1.0


async def test_a_body_that_dribbles_in_is_408(guarded: tuple[Served, FakeOpenAIServer]) -> None:
    served, _ = guarded
    host, port = served.runner.base_url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    started = time.monotonic()
    writer.write(
        b"POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n"
        b"content-length: 100\r\n\r\n" + b'{"model": '  # and then nothing more for a while
    )
    await writer.drain()
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
    elapsed = time.monotonic() - started
    writer.close()
    assert head.startswith(b"HTTP/1.1 408")
    assert 0.9 < elapsed < 5  # the read timeout is 1 s


# --- concurrency and authentication ----------------------------------------------------------


async def test_requests_beyond_the_concurrency_bound_get_429_and_health_answers() -> None:
    with (
        FakeOpenAIServer(latency_s=1.0) as upstream,
        serve(settings_for(upstream, max_concurrent_requests=2)) as served,
    ):
        async with served.async_client() as client:

            async def ask() -> Any:
                try:
                    return await client.chat.completions.create(model="fake-gpt", messages=USER)  # type: ignore[arg-type]
                except openai.RateLimitError as exc:
                    return exc

            tasks = [asyncio.ensure_future(ask()) for _ in range(6)]
            await asyncio.sleep(0.3)  # the first two are waiting on the upstream by now
            health = await asyncio.to_thread(healthy, served)
            results = await asyncio.gather(*tasks)
        refused = [r for r in results if isinstance(r, openai.RateLimitError)]
        assert len(refused) == 4 and upstream.request_count == 2
        assert refused[0].response.headers["retry-after"] == "1"
        assert "limit of 2 requests at once" in str(refused[0].body)
        assert health < 0.5
        assert served.state.active == 0


def test_an_unauthenticated_request_is_refused_when_a_key_is_set(
    upstream: FakeOpenAIServer,
) -> None:
    with serve(settings_for(upstream, api_key="the-servers-own-key")) as served:
        for headers in ({}, {"authorization": "Bearer wrong"}, {"authorization": "Basic x"}):
            response = post(served, json.dumps({"model": "fake-gpt", "messages": USER}).encode(),
                            **headers)  # fmt: skip
            assert response.status_code == 401
            assert error_of(response)["code"] == "invalid_api_key"
        with served.client(api_key="the-servers-own-key") as client:
            assert client.chat.completions.create(model="fake-gpt", messages=USER)  # type: ignore[arg-type]
    assert upstream.request_count == 1


@pytest.mark.parametrize(
    ("host", "key", "allow", "refused"),
    [
        ("0.0.0.0", None, False, True),
        ("::", None, False, True),
        ("192.168.1.5", None, False, True),
        ("my-host.example", None, False, True),
        ("0.0.0.0", "k" * 16, False, False),
        ("0.0.0.0", None, True, False),
        ("127.0.0.1", None, False, False),
        ("::1", None, False, False),
        ("[::1]", None, False, False),
        ("localhost", None, False, False),
    ],
)
def test_serving_beyond_loopback_needs_a_key_or_an_explicit_choice(
    host: str, key: str | None, allow: bool, refused: bool
) -> None:
    settings = ServeSettings(llm="local", api_key=key)
    if refused:
        with pytest.raises(ConfigurationError, match="--allow-unauthenticated"):
            check_exposure(host, settings, allow_unauthenticated=allow)
    else:
        check_exposure(host, settings, allow_unauthenticated=allow)


def test_the_command_refuses_to_listen_openly_without_a_key(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("POLYPICK_SERVE_API_KEY", raising=False)
    assert main(["serve", "--llm", "local", "--host", "0.0.0.0"]) == 2
    assert "refusing to serve on 0.0.0.0 without an API key" in capsys.readouterr().err


# --- learned upstream facts --------------------------------------------------------------------


def test_one_clients_rejected_request_does_not_change_n_for_everyone(
    served: Served, upstream: FakeOpenAIServer
) -> None:
    upstream.script([Fault.status(400, message="Invalid 'tools[0].function.name': bad name")])
    tool = {"type": "function", "function": {"name": "bad name!"}}
    with served.client() as client:
        with pytest.raises(openai.BadRequestError) as caught:
            client.chat.completions.create(model="fake-gpt", messages=USER, tools=[tool])  # type: ignore[arg-type, list-item]
        assert isinstance(caught.value.body, dict)
        assert caught.value.body["code"] == "upstream_rejected"
        assert upstream.request_count == 1  # not asked again without n
        upstream.reset_log()
        for _ in range(3):
            client.chat.completions.create(model="fake-gpt", messages=USER)  # type: ignore[arg-type]
    assert [r.body.get("n") for r in upstream.requests] == [3, 3, 3]  # one request each
