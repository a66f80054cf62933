"""Every search method through the OpenAI-compatible provider (against the fake server), plus
Anthropic prefill, the continuation registry and the LLM step judge."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from search_fixtures import PROMPT, RIGHT, WRONG, outcome_truth, step_truth

from polypick import RetryPolicy, SamplingParams
from polypick.core.gateway import Gateway
from polypick.core.protocol import ModelRequest
from polypick.core.trace import Recorder
from polypick.core.types import Message
from polypick.errors import ConfigurationError
from polypick.providers import AnthropicChat, OpenAIChat
from polypick.search import (
    DVTS,
    BeamSearch,
    LLMStepJudge,
    Lookahead,
    ProcessVerifier,
    SequentialRevision,
    Step,
    VerifiedBestOfN,
    continue_answer,
    measure,
    split_steps,
)
from polypick.search.judge import parse_step_scores
from polypick.testing import ScriptedChat
from polypick.testing.servers import FakeAnthropicServer, FakeOpenAIServer


def _arithmetic_responder() -> Any:
    """Answers like ``search_fixtures.arithmetic_stepper``: one step per continuation request
    (half the sampled on-track steps go wrong), whole answers otherwise."""
    counter = itertools.count()
    lock = threading.Lock()

    def respond(body: dict[str, Any], index: int) -> str:
        last = body["messages"][-1]
        if "stop" not in body:  # a whole answer (best-of-N, revision)
            return "\n\n".join(RIGHT if index % 2 == 0 else WRONG)
        steps = split_steps(last["content"]) if last["role"] == "assistant" else []
        if len(steps) == len(RIGHT):
            return ""
        with lock:
            good = steps == RIGHT[: len(steps)] and (
                body["temperature"] == 0 or next(counter) % 2 == 0
            )
        return (RIGHT if good else WRONG)[len(steps)]

    return respond


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(responder=_arithmetic_responder()) as fake:
        yield fake


def _llm(server: FakeOpenAIServer) -> OpenAIChat:
    return OpenAIChat(model="fake", base_url=server.base_url + "/v1", api_key="test")


STEP_SEARCHES = [
    lambda llm: BeamSearch(llm, ProcessVerifier(step_truth), n=4, width=2),
    lambda llm: DVTS(llm, ProcessVerifier(step_truth), n=4, width=2),
    lambda llm: Lookahead(llm, ProcessVerifier(step_truth), n=4, width=2, k=1),
]


@pytest.mark.parametrize("make", STEP_SEARCHES, ids=["beam", "dvts", "lookahead"])
async def test_step_searches_through_the_openai_provider(
    server: FakeOpenAIServer, make: Any
) -> None:
    llm = _llm(server)
    sel = await make(llm).arun(PROMPT)
    await llm.aclose()
    assert sel.text.endswith("Answer: 42")
    continued = [r.body for r in server.requests if r.body["messages"][-1]["role"] == "assistant"]
    assert continued
    for body in continued:
        assert body["continue_final_message"] is True and body["add_generation_prompt"] is False
        assert body["stop"] == ["\n\n"]
        assert body["messages"][-1]["content"].endswith("\n\n")
    first = [r.body for r in server.requests if r.body["messages"][-1]["role"] == "user"]
    assert all("continue_final_message" not in body for body in first)
    assert sel.usage.generation.requests == server.request_count
    assert sel.usage.generation.completion_tokens > 0


async def test_whole_answer_searches_through_the_openai_provider(server: FakeOpenAIServer) -> None:
    llm = _llm(server)
    best = await VerifiedBestOfN(llm, outcome_truth, n=4).arun(PROMPT)
    assert best.text.endswith("Answer: 42") and len(best.candidates) == 4
    revised = await SequentialRevision(llm, outcome_truth, chains=2, length=2).arun(PROMPT)
    assert revised.text.endswith("Answer: 42") and len(revised.candidates) == 4
    await llm.aclose()


async def test_anthropic_prefill_cuts_trailing_whitespace_and_stops_at_the_delimiter() -> None:
    def respond(body: dict[str, Any], index: int) -> str:
        return "\n\nnext step\n\nand more"

    with FakeAnthropicServer(responder=respond) as fake:
        llm = AnthropicChat(model="claude-fake", base_url=fake.base_url, api_key="test")
        params = SamplingParams(temperature=0.5, max_tokens=32, stop=("\n\n",))
        messages = [Message(role="system", content="Be brief."), Message(role="user", content="Q")]
        step = await continue_answer(llm, messages, "first step\n\n", params)
        await llm.aclose()
        body = fake.requests[0].body
    assert body["messages"][-1] == {"role": "assistant", "content": "first step"}
    assert body["system"] == "Be brief."
    assert "stop_sequences" not in body  # whitespace stops are applied here, not by the API
    assert step.text == "next step" and step.ended is False


async def test_a_finished_anthropic_answer_ends() -> None:
    with FakeAnthropicServer(responder=lambda body, index: "Answer: 42") as fake:
        llm = AnthropicChat(model="claude-fake", base_url=fake.base_url, api_key="test")
        params = SamplingParams(temperature=0.0, stop=("\n\n",))
        step = await continue_answer(llm, [Message(role="user", content="Q")], "", params)
        await llm.aclose()
    assert step == Step("Answer: 42", True, "end_turn", step.usage)


async def test_a_backend_of_your_own_gains_continuation_by_implementing_it() -> None:
    with pytest.raises(ConfigurationError, match="continue_answer"):
        await continue_answer(ScriptedChat(["x"]), [], "", SamplingParams(temperature=0))

    class Continuing(ScriptedChat):
        async def continue_answer(self, request: ModelRequest, partial: str) -> Step:
            return Step("" if partial.count("\n\n") >= 2 else "Answer: 42", None)

    sel = await BeamSearch(Continuing(["x"]), outcome_truth, n=2, width=1).arun(PROMPT)
    assert sel.text == "Answer: 42\n\nAnswer: 42"


async def test_llm_step_judge_scores_each_step_and_counts_usage() -> None:
    judge = ScriptedChat(['{"scores": [1, 0.5]}', "no json", '{"score": 0.25}'])
    verifier = LLMStepJudge(judge, aggregate="min")
    gateway = Gateway(Recorder(), RetryPolicy())
    scored = await measure(verifier, "Q", ["a", "b"], delimiter="\n\n", gateway=gateway)
    assert scored.steps == (1.0, 0.5) and scored.score == 0.5
    assert scored.usage.requests == 1 and scored.usage.completion_tokens == 3
    # the call went through the gateway, billed to the selection account
    assert gateway.usage["selection"] == scored.usage and gateway.usage["generation"].requests == 0
    sent = judge.calls[0]
    assert sent.json_schema is not None and sent.json_schema["required"] == ["scores"]
    assert 'step="2"' in sent.messages[-1].content
    with pytest.raises(Exception, match="no usable scores"):
        await verifier.score_steps("Q", ["a", "b"])
    assert await LLMStepJudge(judge, rate="last")("Q", "a\n\nb") == 0.25


def test_step_judge_replies_are_read_strictly() -> None:
    assert parse_step_scores('{"scores": [0.1, 0.9]}', 2, "each") == [0.1, 0.9]
    assert parse_step_scores('{"scores": [0.1]}', 2, "each") is None  # one score per step
    assert parse_step_scores('{"scores": [0.1, 7]}', 2, "each") is None  # outside [0, 1]
    assert parse_step_scores('x {"score": 1} y', 3, "last") == [1.0, 1.0, 1.0]
    assert parse_step_scores('{"score": true}', 1, "last") is None


async def test_beam_search_with_an_llm_step_judge_records_judge_usage() -> None:
    def judge_reply(messages: Any, params: SamplingParams) -> str:
        text = messages[-1].content
        return '{"score": 0.9}' if "Answer: 42" in text or "+ 5" in text else '{"score": 0.1}'

    from search_fixtures import arithmetic_stepper

    judge = LLMStepJudge(ScriptedChat(judge_reply), rate="last")
    sel = await BeamSearch(arithmetic_stepper(), judge, n=4, width=2).arun(PROMPT)
    assert sel.usage.selection.requests > 0 and sel.usage.selection.prompt_tokens > 0


def _vllm_like(stop_reason: object, content: str) -> OpenAIChat:
    """An OpenAIChat whose HTTP transport answers like vLLM, with its ``stop_reason`` field."""
    import httpx
    import openai

    from polypick.providers._loop_local import LoopLocal

    def handler(request: httpx.Request) -> httpx.Response:
        choice = {
            "index": 0,
            "message": {"role": "assistant", "content": content},
            "finish_reason": "stop",
            "stop_reason": stop_reason,
        }
        return httpx.Response(200, json={
            "id": "x", "object": "chat.completion", "created": 0, "model": "m",
            "choices": [choice],
            "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5},
        })  # fmt: skip

    llm = OpenAIChat(model="m", base_url="http://vllm.invalid/v1", api_key="k")
    transport = httpx.MockTransport(handler)
    llm._clients = LoopLocal(
        lambda: openai.AsyncOpenAI(
            api_key="k",
            base_url="http://vllm.invalid/v1",
            max_retries=0,
            http_client=httpx.AsyncClient(transport=transport),
        )
    )
    return llm


@pytest.mark.parametrize(
    ("stop_reason", "content", "text", "ended"),
    [(None, "Answer: 42", "Answer: 42", True), ("\n\n", "a step", "a step", False),
     (None, "a step\n\nignored", "a step", False)],
    ids=["end-of-sequence", "stop-string", "server-ignored-stop"],
)  # fmt: skip
async def test_openai_continuation_reads_vllm_stop_reason(
    stop_reason: object, content: str, text: str, ended: bool
) -> None:
    llm = _vllm_like(stop_reason, content)
    params = SamplingParams(temperature=0.0, stop=("\n\n",))
    step = await continue_answer(llm, [Message(role="user", content="Q")], "s1\n\n", params)
    assert (step.text, step.ended) == (text, ended)
    assert step.usage.prompt_tokens == 3


async def test_unreadable_judge_replies_are_failures_whose_cost_is_still_counted() -> None:
    from search_fixtures import arithmetic_stepper

    judge = LLMStepJudge(ScriptedChat(lambda messages, params: "I cannot say"), rate="last")
    sel = await BeamSearch(arithmetic_stepper(), judge, n=2, width=1, max_rounds=2).arun(PROMPT)
    failures = [f for f in sel.selection_failures if f.stage == "verifier"]
    assert failures and sel.usage.selection.requests == len(failures)
    assert sel.usage.selection.completion_tokens == 3 * len(failures)
    assert all(score is None for score in sel.scores)
