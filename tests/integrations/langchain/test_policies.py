"""The documented policies, checked on the wire: ``ChatOpenAI`` against polypick's fake OpenAI
server, whose request log shows what each sample sent.

- retries: one layer per call path (the LangChain model's own), never stacked;
- diversity: samples bypass LangChain's LLM cache and never share a seed;
- per-sample parameters, ``stop``, ``max_tokens`` and a per-call ``model`` reach each request.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from langchain_core.caches import InMemoryCache
from langchain_core.globals import set_llm_cache

from polypick import Hedged, Temperature, TooFewCandidatesError
from polypick.integrations.langchain import BestOfN
from polypick.testing.servers import FakeOpenAIServer, Fault

from .doubles import chat_openai


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as fake:
        yield fake


def bodies(server: FakeOpenAIServer) -> list[dict[str, object]]:
    return [r.body for r in server.requests if r.path.endswith("/chat/completions")]


def test_the_models_retries_are_the_only_layer(server: FakeOpenAIServer) -> None:
    server.script([Fault.status(500, retry_after=0)] * 2)
    bon = BestOfN(chat_openai(server, max_retries=2), n=1, max_retries=2)

    message = bon.invoke("Hi")

    assert server.request_count == 3  # ChatOpenAI's two retries; polypick adds none
    assert message.response_metadata["polypick"]["candidates"][0]["attempts"] == 1


def test_a_sample_that_keeps_failing_costs_max_retries_plus_one_requests(
    server: FakeOpenAIServer,
) -> None:
    server.script([Fault.status(500, retry_after=0)] * 3)
    bon = BestOfN(chat_openai(server, max_retries=2), n=1, max_retries=2)

    with pytest.raises(TooFewCandidatesError) as caught:
        bon.invoke("Hi")

    assert server.request_count == 3  # not 9
    [error] = caught.value.exceptions
    assert getattr(error, "status_code", None) == 500 and not getattr(error, "retryable", True)


def test_core_best_of_n_over_a_langchain_model_does_not_stack_retries(
    server: FakeOpenAIServer,
) -> None:
    from polypick import BestOfN as CoreBestOfN

    server.script([Fault.status(503, retry_after=0)] * 2)
    with CoreBestOfN(chat_openai(server, max_retries=2), n=1, retry=2) as bon:
        sel = bon.invoke("Hi")

    assert server.request_count == 3 and sel.usage.generation.requests == 1


@pytest.fixture
def global_cache() -> Iterator[InMemoryCache]:
    cache = InMemoryCache()
    set_llm_cache(cache)
    try:
        yield cache
    finally:
        set_llm_cache(None)


def test_samples_bypass_the_llm_cache(
    server: FakeOpenAIServer, global_cache: InMemoryCache
) -> None:
    # Samples 1 and 2 have the same parameters: through the cache they would be one sample.
    bon = BestOfN(chat_openai(server), n=3, sampling=Hedged(temperature=0.7))

    message = bon.invoke("Hi")

    assert server.request_count == 3
    candidates = message.response_metadata["polypick"]["candidates"]
    assert len({c["text"] for c in candidates}) == 3
    # BestOfN's own result is cached like any chat model's: the same call again sends nothing.
    assert bon.invoke("Hi").content == message.content and server.request_count == 3


def test_a_seed_set_on_the_model_is_not_shared_by_the_samples(server: FakeOpenAIServer) -> None:
    bon = BestOfN(chat_openai(server, seed=42), n=3, sampling=Hedged(temperature=0.7))

    bon.invoke("Hi")

    assert [b.get("seed") for b in bodies(server)] == [None, None, None]


def test_the_plans_seeds_reach_the_samples_one_each(server: FakeOpenAIServer) -> None:
    bon = BestOfN(chat_openai(server, seed=42), n=3, sampling=Hedged(temperature=0.9, seed=10))

    bon.invoke("Hi")

    sent = sorted((b["seed"], b["temperature"]) for b in bodies(server))
    assert sent == [(10, 0.0), (11, 0.9), (12, 0.9)]


def test_stop_and_max_tokens_reach_every_sample(server: FakeOpenAIServer) -> None:
    bon = BestOfN(chat_openai(server), n=2, sampling=0.5, max_tokens=7, stop=["END"])

    bon.invoke("Hi")
    bon.invoke("Hi again", stop=["STOP"])  # a call's own stop replaces the model's

    sent = [(b["stop"], b["max_completion_tokens"], b["temperature"]) for b in bodies(server)]
    assert sent == [(["END"], 7, 0.5)] * 2 + [(["STOP"], 7, 0.5)] * 2


def test_a_plans_max_tokens_wins_over_the_models(server: FakeOpenAIServer) -> None:
    plan = Temperature(temperature=0.3, max_tokens=5)
    BestOfN(chat_openai(server), n=2, sampling=plan, max_tokens=50).invoke("Hi")

    assert [b["max_completion_tokens"] for b in bodies(server)] == [5, 5]


def test_a_per_call_model_reaches_the_requests_and_the_metadata(
    server: FakeOpenAIServer,
) -> None:
    bon = BestOfN(chat_openai(server), n=2)

    message = bon.invoke("Hi", model="other-model")

    assert [b["model"] for b in bodies(server)] == ["other-model"] * 2
    assert message.response_metadata["model_name"] == "other-model"
    assert bon._get_ls_params(model="other-model")["ls_model_name"] == "other-model"


def test_the_inner_models_identity_is_kept(server: FakeOpenAIServer) -> None:
    bon = BestOfN(chat_openai(server), n=2)

    message = bon.invoke("Hi")

    assert message.response_metadata["model_provider"] == "openai"
    assert message.response_metadata["model_name"] == "fake-gpt"
    params = bon._get_ls_params()
    assert (params["ls_provider"], params["ls_model_name"]) == ("openai", "fake-gpt")


def test_temperature_is_shorthand_for_a_single_temperature_plan(
    server: FakeOpenAIServer,
) -> None:
    BestOfN(chat_openai(server), n=3, temperature=0.4).invoke("Hi")

    assert [b["temperature"] for b in bodies(server)] == [0.4] * 3
