"""Shared fixtures: the embedded model's path and llama-cpp-python's OpenAI-compatible server."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import httpx
import pytest

from polypick.providers.local import default_model_path

# Tests never reach a hosted API: make sure no real key from the environment is picked up.
for _var in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "OPENAI_BASE_URL"):
    os.environ.pop(_var, None)

# Set only by the Makefile, for the runs on the other supported Pythons: the tests that run the
# embedded model (marked local_model, or using the llama.cpp server) run on the main Python only.
# Nothing else skips them, so a missing llama-cpp-python fails them anywhere else.
SKIP_EMBEDDED_MODEL = os.environ.get("POLYPICK_TEST_SKIP_EMBEDDED_MODEL") == "1"
EMBEDDED_MODEL_FIXTURES = {"llama_server", "llama_server_launcher"}


def pytest_report_header() -> str | None:
    if SKIP_EMBEDDED_MODEL:
        return "POLYPICK_TEST_SKIP_EMBEDDED_MODEL=1: the tests that run the embedded model skip"
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if not SKIP_EMBEDDED_MODEL:
        return
    skip = pytest.mark.skip(reason="POLYPICK_TEST_SKIP_EMBEDDED_MODEL=1: run on the main Python")
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if item.get_closest_marker("local_model") or fixtures & EMBEDDED_MODEL_FIXTURES:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def model_path() -> Path:
    return default_model_path()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def start_llama_server(model_path: Path, log: Path, options: Sequence[str] = ()) -> Iterator[str]:
    """llama-cpp-python's OpenAI-compatible server, started through polypick's launcher (extra
    buffer types off unless ``options`` turns them on); yields its URL."""
    port = _free_port()
    command = [
        sys.executable, "-m", "polypick.providers.llama_server", *options,
        "--model", str(model_path), "--model_alias", "smollm2",
        "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048",
    ]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                pytest.fail(f"llama_cpp.server exited early:\n{log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{url}/models", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"llama_cpp.server did not start:\n{log.read_text()[-2000:]}")
            time.sleep(0.25)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def llama_server_launcher() -> Callable[..., contextlib.AbstractContextManager[str]]:
    """``start_llama_server``, for a test that starts a server of its own."""
    return start_llama_server


@pytest.fixture(scope="session")
def llama_server_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("llama-server") / "server.log"


@pytest.fixture(scope="session")
def llama_server(model_path: Path, llama_server_log: Path) -> Iterator[str]:
    """llama-cpp-python's OpenAI-compatible server with the embedded model; yields its URL."""
    with start_llama_server(model_path, llama_server_log) as url:
        yield url


@pytest.fixture(autouse=True)
def _forget_learnt_parameters() -> Iterator[None]:
    """Every test starts with nothing learnt about servers: a fake server's port may be reused
    by a later test's server, which must not inherit what the first one's errors taught."""
    from polypick.providers.model_profiles import learned

    learned.forget()
    yield
    learned.forget()


@pytest.fixture(autouse=True)
def _rules_screen_synthetic_candidates(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests of selectors, servers and integrations judge synthetic candidates ("answer 2 q=3
    xxxx..."), far from any answer the injection classifier was trained on, so a policy given
    no detector screens them with the rules there. Tests marked ``injection_default`` (the
    classifier's and the docs') keep the real default; tests/test_injection_classifier.py
    checks which one it is."""
    if request.node.get_closest_marker("injection_default") is None:
        from polypick.selectors import injection, injection_classifier

        monkeypatch.setattr(
            injection_classifier, "default_injection_detector", lambda: injection.detect_injection
        )
