"""``polypick run --base-url``: an OpenAI-compatible local server, reached without environment
variables, for the model and (same provider) for its judge."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from polypick.cli import main
from polypick.testing.servers import FakeOpenAIServer


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOpenAIServer]:
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with FakeOpenAIServer(responder=lambda body, i: '{"score": 7}') as fake:
        yield fake


def test_the_model_is_sampled_on_the_given_server(
    server: FakeOpenAIServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.base_url + "/v1"
    argv = ["run", "Hi", "-n", "3", "--llm", "openai:local-model", "--base-url", url, "--json"]

    assert main(argv) == 0

    selection = json.loads(capsys.readouterr().out)
    assert len(selection["candidates"]) == 3
    assert {r.body["model"] for r in server.requests} == {"local-model"}


def test_the_judge_of_the_same_provider_uses_the_same_server(
    server: FakeOpenAIServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.base_url + "/v1"
    argv = ["run", "Hi", "-n", "2", "--llm", "openai:m", "--base-url", url]

    assert main([*argv, "--judge", "openai:judge-model", "--selector", "judge", "--json"]) == 0

    models = [r.body["model"] for r in server.requests]
    assert models.count("m") >= 1 and models.count("judge-model") == 2  # one rating each


def test_a_base_url_for_the_embedded_model_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = main(["run", "Hi", "--llm", "local", "--base-url", "http://localhost:8000/v1"])

    assert status == 2
    assert "--base-url applies to openai:MODEL and anthropic:MODEL" in capsys.readouterr().err
