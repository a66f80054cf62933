"""`polypick serve` from the command line: it starts, answers, stops, and refuses bad settings."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import openai
import pytest

from polypick.cli import main
from polypick.testing.servers import FakeOpenAIServer

from .conftest import USER

SECRET = "sk-upstream-secret-0123456789"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            pytest.fail(f"polypick serve exited early:\n{log.read_text()}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"polypick serve did not start:\n{log.read_text()}")
        time.sleep(0.1)


def test_the_command_serves_until_interrupted(tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "serve.log"
    with FakeOpenAIServer(responder=lambda body, i: "Apple.") as upstream:
        command = [
            sys.executable, "-m", "polypick.cli", "serve",
            "--llm", "openai:fake-gpt", "--base-url", upstream.base_url + "/v1",
            "-n", "3", "--sampling", "0.7", "--selector", "majority", "--no-detect-language",
            "--port", str(port), "--api-key", "local-key", "--log-level", "warning",
        ]  # fmt: skip
        environment = {**os.environ, "OPENAI_API_KEY": SECRET}
        with log.open("wb") as out:
            process = subprocess.Popen(
                command, stdout=out, stderr=subprocess.STDOUT, env=environment
            )
        try:
            wait_until_up(process, f"http://127.0.0.1:{port}/health", log)
            url = f"http://127.0.0.1:{port}/v1"
            with openai.OpenAI(base_url=url, api_key="local-key", max_retries=0) as client:
                reply = client.chat.completions.create(model="bon-2/fake-gpt", messages=USER)  # type: ignore[arg-type]
        finally:
            process.send_signal(signal.SIGINT)
            status = process.wait(timeout=30)
        sent = upstream.requests
    assert reply.choices[0].message.content == "Apple."
    assert reply.model_extra["polypick"]["n"] == 2  # type: ignore[index]
    assert sent[0].headers["authorization"] == f"Bearer {SECRET}"  # the key from the env var
    assert status == 0
    output = log.read_text()
    assert f"http://127.0.0.1:{port}/v1" in output and "bon-3/fake-gpt" in output
    assert SECRET not in output and "local-key" not in output


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--llm", "openai:gpt-4o-mini"], "OPENAI_API_KEY"),
        (["--llm", "nope:x"], "unknown provider 'nope'"),
        (["--llm", "local", "--base-url", "http://x/v1"], "drop --base-url"),
        (["-n", "20"], "above max_n=16"),
        (["--retries", "-1"], "retries"),
    ],
)
def test_bad_settings_exit_2_before_serving(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", *argv]) == 2
    assert words in capsys.readouterr().err


def test_the_help_lists_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = capsys.readouterr().out
    for option in ("--llm", "--base-url", "--judge", "--api-key", "--max-n", "--port"):
        assert option in out
