"""`polypick run` end to end: arguments reach BestOfN, errors exit with a clear message."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import pytest

from polypick.cli import main
from polypick.testing.servers import FakeOpenAIServer, Fault


def _answer(body: dict[str, Any], index: int) -> str:
    # Three of the four samples agree, so MBR-chrF must pick one of the majority.
    temperature = body.get("temperature", 1.0)
    return "Paris is the capital." if temperature == 0 or index != 1 else "Lyon, I think."


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(responder=_answer) as fake:
        monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url + "/v1")
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
        yield fake


def test_json_output_records_every_candidate_and_the_options(
    server: FakeOpenAIServer, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["run", "Capital of France?", "-n", "4", "--llm", "openai:fake-gpt"]
    status = main([*argv, "--seed", "11", "--max-tokens", "20", "--json"])
    assert status == 0
    selection = json.loads(capsys.readouterr().out)
    assert len(selection["candidates"]) == 4
    assert selection["text"] == "Paris is the capital."
    greedy = [c for c in selection["candidates"] if c["greedy"]]
    assert len(greedy) == 1 and greedy[0]["params"]["temperature"] == 0
    bodies = [r.body for r in server.requests]
    assert all(b.get("max_tokens", b.get("max_completion_tokens")) == 20 for b in bodies)
    seeds = {b.get("seed") for b in bodies if b.get("temperature", 1.0) > 0}
    assert seeds and all(isinstance(s, int) and s >= 11 for s in seeds)


def test_table_output_shows_the_selected_answer(
    server: FakeOpenAIServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", "Capital of France?", "-n", "3", "--llm", "openai:fake-gpt"]) == 0
    out = capsys.readouterr().out
    assert "Paris is the capital." in out


def test_prompt_from_standard_input(
    server: FakeOpenAIServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Capital of Spain?"))
    assert main(["run", "-", "-n", "2", "--llm", "openai:fake-gpt", "--json"]) == 0
    json.loads(capsys.readouterr().out)
    sent = server.requests[0].body["messages"][-1]["content"]
    assert sent == "Capital of Spain?"


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["--sampling", "0.3,0.9", "--temperature", "0.5"], "--temperature does not combine"),
        (["--temperature", "-1"], "temperature"),
        (["-n", "0"], "n"),
        (["--selector", "no-such-selector"], "no-such-selector"),
        (["--llm", "nosuchprovider:x"], "nosuchprovider"),
    ],
)
def test_bad_options_exit_2_and_say_what_was_wrong(
    server: FakeOpenAIServer,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    needle: str,
) -> None:
    base = ["run", "hi", "--llm", "openai:fake-gpt"]
    assert main([*base, *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("polypick: ") and needle in err
    assert server.request_count == 0  # nothing was sent before the options were checked


def test_provider_failure_exits_1_with_each_cause(
    server: FakeOpenAIServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.fault_rate(1.0, [Fault.status(400)])  # every request refused: no candidate survives
    status = main(["run", "hi", "-n", "2", "--llm", "openai:fake-gpt"])
    assert status == 1
    err = capsys.readouterr().err
    assert err.lstrip().startswith("polypick: ")  # after the progress display's last line
    assert "400" in err and "  - " in err  # the causes are listed, one per failed sample
