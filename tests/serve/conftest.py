"""Fixtures: the fake OpenAI server as the upstream, and polypick serve on a free local port."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import openai
import pytest

from polypick import Settings
from polypick.core.protocol import ChatModel
from polypick.serve import ServeSettings, create_app
from polypick.serve.endpoints import ServeState
from polypick.testing.servers import FakeOpenAIServer
from polypick.testing.servers._runner import ServerRunner


class Served:
    """polypick serve running in the background, with its state and client factories."""

    def __init__(self, runner: ServerRunner, state: ServeState) -> None:
        self.runner = runner
        self.state = state
        self.url = runner.base_url + "/v1"

    def client(self, api_key: str = "unused", **options: Any) -> openai.OpenAI:
        return openai.OpenAI(base_url=self.url, api_key=api_key, max_retries=0, **options)

    def async_client(self, api_key: str = "unused", **options: Any) -> openai.AsyncOpenAI:
        return openai.AsyncOpenAI(base_url=self.url, api_key=api_key, max_retries=0, **options)


def settings_for(upstream: FakeOpenAIServer, **changes: Any) -> ServeSettings:
    """Settings sampling the fake upstream: 3 candidates at temperature 0.7 (one request),
    a majority vote, no retries and no language detection unless changed."""
    defaults = {"n": 3, "sampling": "0.7", "selector": "majority", "detect_language": False}
    defaults.update(changes.pop("defaults", {}))
    max_n = defaults.pop("max_n", 16)
    return ServeSettings(
        llm="openai:fake-gpt",
        base_url=upstream.base_url + "/v1",
        retries=changes.pop("retries", 0),
        bon=Settings.of(**defaults),
        max_n=max_n,
        **changes,
    )


@contextmanager
def serve(
    settings: ServeSettings, *, llm: ChatModel | None = None, judge: ChatModel | None = None
) -> Iterator[Served]:
    app = create_app(settings, llm=llm, judge=judge)
    with ServerRunner(app, lifespan=True) as runner:
        runner.start()
        yield Served(runner, app.state.serve)


@pytest.fixture
def upstream() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as fake:
        yield fake


@pytest.fixture
def served(upstream: FakeOpenAIServer) -> Iterator[Served]:
    with serve(settings_for(upstream)) as running:
        yield running


USER = [{"role": "user", "content": "Name a fruit."}]
