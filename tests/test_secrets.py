"""A canary API key never shows up in reprs, logs, traces, exceptions, Selection JSON or CLI
output — on success and on failure."""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Iterator

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from polypick import BestOfN, RetryPolicy
from polypick.cli import main
from polypick.core.redact import redact, remember_secret
from polypick.errors import PolypickError
from polypick.providers import AnthropicChat, OpenAIChat, RewardEndpoint
from polypick.testing.servers import FakeAnthropicServer, FakeOpenAIServer, Fault

CANARY = "sk-canary-7f3a9c1e5b2d4f6a8c0e"
NO_RETRY = RetryPolicy(max_retries=0)


@pytest.fixture
def openai_server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server


@pytest.fixture(autouse=True)
def verbose_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, SDKs and HTTP clients included


def assert_clean(*texts: str) -> None:
    for text in texts:
        assert CANARY not in text
        assert CANARY[-12:] not in text  # no partially masked copy either


async def test_success_and_failure_paths_never_show_the_key(
    openai_server: FakeOpenAIServer, caplog: pytest.LogCaptureFixture
) -> None:
    model = OpenAIChat("fake-gpt", base_url=openai_server.base_url + "/v1", api_key=CANARY)
    async with BestOfN(model, n=2, sampling=0.7, selector="majority", retry=NO_RETRY) as bon:
        sel = await bon.ainvoke("q")
        openai_server.script([Fault.status(401), Fault.status(500)])
        with pytest.raises(PolypickError) as info:
            await bon.ainvoke("q")
    assert openai_server.requests[0].headers["authorization"] == f"Bearer {CANARY}"
    causes = "\n".join(f"{e!r} {e}" for e in getattr(info.value, "exceptions", ()))
    assert_clean(
        repr(model), repr(bon), sel.model_dump_json(), str(sel.trace), str(info.value),
        repr(info.value), causes, caplog.text,
    )  # fmt: skip


async def test_anthropic_and_reward_endpoints_never_show_the_key(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with FakeAnthropicServer() as server:
        model = AnthropicChat("claude-test", base_url=server.base_url, api_key=CANARY)
        server.script([Fault.status(403)])
        async with BestOfN(model, n=2, sampling=0.5, selector="majority", retry=NO_RETRY) as bon:
            sel = await bon.ainvoke("q")
        assert CANARY in str(server.requests[0].headers)  # the key was really sent
    endpoint = RewardEndpoint("http://127.0.0.1:9/score", api_key=CANARY)
    assert_clean(repr(model), repr(endpoint), sel.model_dump_json(), caplog.text)


def test_cli_output_never_shows_the_key(
    openai_server: FakeOpenAIServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", CANARY)
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.base_url + "/v1")
    argv = ["run", "q", "--llm", "openai:fake-gpt", "-n", "2", "--selector", "majority"]
    assert main([*argv, "--json"]) == 0
    openai_server.script([Fault.status(401)] * 6)
    assert main(argv) == 1
    out = capsys.readouterr()
    assert "HTTP 401" in out.err
    assert_clean(out.out, out.err, caplog.text)


# --- an upstream that echoes the key back --------------------------------------------------------
# OpenAI answers a wrong key with 401 "Incorrect API key provided: sk-...", masking all but the
# last four characters; a proxy or a self-hosted server may echo it whole, which these do.

ECHO = "Incorrect API key provided: {api_key}. You can find your API key at the dashboard."
OTHER = "sk-proj-unregistered0key0of0another0user"


def full_text(error: BaseException) -> str:
    """The exception as a traceback prints it: message, repr, causes and sub-exceptions."""
    return "".join(traceback.format_exception(type(error), error, error.__traceback__)) + repr(
        error
    )


@pytest.mark.parametrize("fault", ["status", "error_body"])
async def test_a_key_echoed_by_the_upstream_never_leaves_polypick(
    openai_server: FakeOpenAIServer, caplog: pytest.LogCaptureFixture, fault: str
) -> None:
    echo = (
        Fault.status(401, message=ECHO + " Also: " + OTHER)
        if fault == "status"
        else Fault.error_body(401, message=ECHO + " Also: " + OTHER)
    )
    # n_support=False: one request per sample, so one fails and one answers
    model = OpenAIChat(
        "fake-gpt", base_url=openai_server.base_url + "/v1", api_key=CANARY, n_support=False
    )
    async with BestOfN(model, n=2, sampling=0.7, selector="majority", retry=NO_RETRY) as bon:
        openai_server.script([echo])
        sel = await bon.ainvoke("q")
        openai_server.script([echo, echo])
        with pytest.raises(PolypickError) as info:
            await bon.ainvoke("q")
    [failed] = sel.failures
    assert (
        failed.error is not None
        and "Incorrect API key provided: [redacted]" in failed.error.message
    )
    assert "[redacted]" in str(info.value.exceptions[0])  # type: ignore[attr-defined]
    texts = [sel.model_dump_json(), str(sel.trace), full_text(info.value), caplog.text]
    assert_clean(*texts)
    assert all(OTHER not in text and OTHER[-12:] not in text for text in texts)


def test_cli_output_never_shows_an_echoed_key(
    openai_server: FakeOpenAIServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", CANARY)
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.base_url + "/v1")
    argv = ["run", "q", "--llm", "openai:fake-gpt", "-n", "2", "--selector", "majority"]
    openai_server.script([Fault.status(401, message=ECHO)] * 6)
    assert main(argv) == 1
    out = capsys.readouterr()
    assert "Incorrect API key provided: [redacted]" in out.err
    assert_clean(out.out, out.err)


def test_serve_never_shows_an_echoed_key_to_its_clients_or_in_its_log(
    openai_server: FakeOpenAIServer,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from polypick import Settings
    from polypick.serve import ServeSettings, create_app
    from polypick.testing.servers._runner import ServerRunner

    monkeypatch.setenv("OPENAI_API_KEY", CANARY)
    settings = ServeSettings(
        llm="openai:fake-gpt",
        base_url=openai_server.base_url + "/v1",
        retries=0,
        api_key="serve-own-key-0123456789",
        bon=Settings.of(n=2, sampling=0.7, selector="majority", detect_language=False),
    )
    openai_server.script([Fault.status(401, message=ECHO)] * 2)
    with ServerRunner(create_app(settings), lifespan=True) as runner:
        runner.start()
        response = httpx.post(
            runner.base_url + "/v1/chat/completions",
            json={"model": "fake-gpt", "messages": [{"role": "user", "content": "q"}]},
            headers={"authorization": "Bearer serve-own-key-0123456789"},
            timeout=30,
        )
    assert response.status_code in (401, 502)
    assert "Incorrect API key provided: [redacted]" in response.json()["error"]["message"]
    assert_clean(response.text, str(response.headers), caplog.text)
    assert "serve-own-key-0123456789" not in caplog.text


def test_redaction_of_configured_keys_and_key_shapes() -> None:
    remember_secret("a-configured-key-of-any-shape")
    assert redact("got a-configured-key-of-any-shape back") == "got [redacted] back"
    assert redact("short") == "short"  # too short to be a secret: never redacted
    remember_secret("short")
    assert redact("a short answer") == "a short answer"
    for secret in [
        "sk-abcdefghijklmnop0123",
        "sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv",
        "sk-proj-AbCdEfGhIjKlMnOpQrStUv",
        "AIzaSyA1234567890abcdefghijklmnopqrstuv",
        "hf_abcdefghijklmnopqrstuvwxyz0123456789",
        "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
        "AKIAIOSFODNN7EXAMPLE",
    ]:
        assert redact(f"key {secret}.") == "key [redacted].", secret
    assert redact("Authorization: Bearer abc.def-ghi_jkl012") == "Authorization: Bearer [redacted]"
    assert redact('{"api_key": "abcd1234efgh5678"}') == '{"api_key": "[redacted]"}'
    assert redact("http://user:pa55word@host:8000/v1") == "http://user:[redacted]@host:8000/v1"
    for ordinary in [
        "HTTP 400: max_tokens=4096 is above the limit",
        "temperature 2.5 is above 2",
        "the task-specific settings were ignored",
        "see https://platform.openai.com/docs",
    ]:
        assert redact(ordinary) == ordinary


@given(st.text(alphabet=st.sampled_from(list(":/@=_-skABKIAbearer x1")), max_size=6))
def test_no_key_shape_fits_in_a_text_the_fast_path_skips(text: str) -> None:
    # redact() returns texts under _SHORTEST characters untouched; that is only right if no
    # key shape can match so few characters (remembered secrets have at least 8)
    from polypick.core import redact as module

    assert len(text) >= module._SHORTEST or module._SHAPE.search(text) is None
    assert module.MIN_SECRET_CHARS > module._SHORTEST
    assert redact("://u:p@") == "://u:[redacted]@"  # the shortest shape, at the bound


@given(st.data())
def test_every_key_shape_holds_a_marker_the_quick_check_looks_for(data: st.DataObject) -> None:
    # redact() skips the shape pattern for a text holding none of _MARKERS (case-folded): that
    # is only right if every text a shape matches holds one
    from polypick.core import redact as module

    shape = data.draw(st.sampled_from(module._SHAPES))
    text = data.draw(st.from_regex(re.compile(shape, re.IGNORECASE), fullmatch=True))
    folded = text.casefold()
    assert any(marker in folded for marker in module._MARKERS), text
    assert module.REDACTED in redact(text)
