"""One retry layer per request: a LlamaIndex LLM retries by itself, so polypick never adds one.

Driven through LlamaIndex's real OpenAI LLM against polypick's fault-injecting fake server.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from llama_index.core.base.llms.types import ChatMessage
from llama_index.llms.openai import OpenAI

import polypick
from polypick import TooFewCandidatesError
from polypick.integrations.llama_index import BestOfN
from polypick.testing.servers import FakeOpenAIServer, Fault

QUESTION = [ChatMessage(role="user", content="Say hi.")]


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as fake:
        yield fake


def openai_llm(server: FakeOpenAIServer, max_retries: int) -> OpenAI:
    # reuse_client=False: a client per request, closed after it (a test's loop does not outlive
    # the test, and a client kept past it would leak its sockets).
    return OpenAI(
        model="gpt-4o-mini",
        api_base=server.base_url + "/v1",
        api_key="test",
        max_retries=max_retries,
        reuse_client=False,
    )


def test_500_500_200_is_three_requests_for_one_sample(server: FakeOpenAIServer) -> None:
    server.script([Fault.status(500, retry_after=0)] * 2)
    bon = BestOfN(openai_llm(server, max_retries=2), n=1)  # the core's retry=2 stays unused
    response = bon.chat(QUESTION)
    assert response.message.content
    assert server.request_count == 3
    assert response.additional_kwargs["polypick"]["candidates"][0]["attempts"] == 1


async def test_an_llm_without_retries_is_not_retried_by_polypick(
    server: FakeOpenAIServer,
) -> None:
    server.script([Fault.status(500, retry_after=0)] * 4)
    bon = BestOfN(openai_llm(server, max_retries=0), n=2, sampling=0.7, retry=3)
    with pytest.raises(TooFewCandidatesError) as caught:
        await bon.achat(QUESTION)
    assert server.request_count == 2  # one per sample
    assert [e.status_code for e in caught.value.exceptions] == [500, 500]


async def test_the_core_does_not_retry_a_llamaindex_llm_either(server: FakeOpenAIServer) -> None:
    server.script([Fault.status(503, retry_after=0)])
    async with polypick.BestOfN(openai_llm(server, max_retries=0), n=2, sampling=0.7) as bon:
        selection = await bon.ainvoke("Say hi.")
    assert server.request_count == 2
    assert [f.error.status_code for f in selection.failures if f.error] == [503]
    assert len(selection.candidates) == 1
