"""Fixtures of the batch tests: fake batch servers answering like the Oracle."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from batch_helpers import Oracle

from polypick.testing.servers import FakeAnthropicBatchServer, FakeOpenAIBatchServer


@pytest.fixture
def openai_server() -> Iterator[FakeOpenAIBatchServer]:
    with FakeOpenAIBatchServer(responder=Oracle(), step_s=0.01) as server:
        yield server


@pytest.fixture
def anthropic_server() -> Iterator[FakeAnthropicBatchServer]:
    with FakeAnthropicBatchServer(responder=Oracle(), step_s=0.01) as server:
        yield server
