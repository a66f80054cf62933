"""A canary API key never shows up in reprs, logs, traces, exceptions, Selection JSON or CLI
output — on success and on failure."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from polypick import BestOfN, RetryPolicy
from polypick.cli import main
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
