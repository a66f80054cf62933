"""best_of_n on a local Ray instance: actors in their own processes reach a fake OpenAI server
over HTTP; its request log shows every row was answered and how many ran at once."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from typing import Any

import pytest
import ray
import ray.data

from polypick.errors import ConfigurationError
from polypick.integrations.ray import best_of_n
from polypick.providers import OpenAIChat
from polypick.testing.servers import FakeOpenAIServer

# Ray Data's own DataContext sets deprecated fields of itself while it initialises, warning
# about its own code (ray 2.60); nothing in polypick or these tests uses those fields.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.data.context")

ROWS = 20
LATENCY_S = 0.25
ACTORS, IN_FLIGHT = 2, 2


def replies(body: dict[str, Any], index: int) -> str:
    """Two of three choices answer the question; majority voting must pick them."""
    question = body["messages"][-1]["content"]
    return f"The answer is {question.split()[-1]}" if index < 2 else "The answer is -1"


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(responder=replies, latency_s=LATENCY_S) as fake:
        yield fake


@pytest.fixture(scope="module")
def cluster() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as env:
        env.setenv("RAY_USAGE_STATS_ENABLED", "0")  # tests never report to a hosted service
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
        ray.data.DataContext.get_current().enable_progress_bars = False
        try:
            yield
        finally:
            ray.shutdown()


def peak_in_flight(timestamps: list[float], latency_s: float) -> int:
    """Most requests that arrived within one response time of each other (so overlapped)."""
    ordered = sorted(timestamps)
    window = latency_s * 0.9  # a request's slot frees only after its full response time
    return max(sum(1 for u in ordered if t <= u < t + window) for t in ordered)


def test_every_row_is_answered_with_bounded_concurrency(
    cluster: None, server: FakeOpenAIServer
) -> None:
    server.reset_log()
    items = [{"id": i, "prompt": f"What is {i} + {i}? {2 * i}"} for i in range(ROWS)]
    items.append({"id": ROWS, "prompt": "  "})  # an empty prompt: that row fails, alone
    llm = functools.partial(
        OpenAIChat, model="fake-gpt", base_url=server.base_url + "/v1", api_key="test"
    )
    answered = best_of_n(
        ray.data.from_items(items),
        llm=llm,
        n=3,
        sampling=0.8,
        selector="majority",
        concurrency=ACTORS,
        max_in_flight=IN_FLIGHT,
        batch_size=5,
        num_cpus=0.5,
        detect_language=False,
    )
    rows = sorted(answered.take_all(), key=lambda row: row["id"])

    assert [row["answer"] for row in rows[:ROWS]] == [f"The answer is {2 * i}" for i in range(ROWS)]
    for row in rows[:ROWS]:
        selection = json.loads(row["selection"])
        assert [c["text"] for c in selection["candidates"]].count(row["answer"]) == 2
        assert row["usage"]["requests"] == 1 and row["failures"] == 0 and row["error"] is None
    assert rows[ROWS]["answer"] is None and "the prompt is empty" in rows[ROWS]["error"]
    # one request per row (the server honours n=3), never more than actors x max_in_flight
    assert server.request_count == ROWS
    assert all(r.body["n"] == 3 for r in server.requests)
    peak = peak_in_flight([r.timestamp for r in server.requests], LATENCY_S)
    assert 2 <= peak <= ACTORS * IN_FLIGHT


def test_a_model_object_that_cannot_travel_is_refused_before_any_actor(
    cluster: None, server: FakeOpenAIServer
) -> None:
    llm = OpenAIChat(model="fake-gpt", base_url=server.base_url + "/v1", api_key="test")
    with pytest.raises(ConfigurationError, match=r"llm=.*cannot be sent to Ray actors.*partial"):
        best_of_n(ray.data.from_items([{"prompt": "q"}]), llm=llm, n=1)
