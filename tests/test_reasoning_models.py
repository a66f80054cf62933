"""OpenAI's reasoning models through the real openai SDK, against the fake server enforcing what
OpenAI documents for them.

The rules the fake follows (see ``polypick/testing/servers/_openai_rules.py``):

- platform.openai.com/docs/guides/reasoning and the 400s these models return: a temperature
  other than the default is ``unsupported_value`` (param ``temperature``), ``max_tokens`` is
  ``unsupported_parameter`` ("Use 'max_completion_tokens' instead."), an effort the model lacks
  is ``unsupported_value`` naming the supported ones; no log-probabilities;
- the Chat Completions API reference: ``usage.completion_tokens_details.reasoning_tokens``;
- vLLM's "Reasoning Outputs" page: reasoning text in ``message.reasoning_content``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from polypick import BestOfN, ConfigurationError, Hedged, Temperature
from polypick.core.reasoning import Reasoning
from polypick.errors import TooFewCandidatesError
from polypick.providers import OpenAIChat
from polypick.providers.model_profiles import ModelProfile, SamplingRules
from polypick.testing.servers import FakeOpenAIServer, Fault, ModelRules, reasoning_model

REASONING_TOKENS = 40
ACME = ModelProfile(
    family="acme-reasoning",
    sampling=SamplingRules(temperature=None, top_p=None),
    token_limit="max_completion_tokens",
    reasoning="effort",
    efforts=("low", "medium", "high"),
    default_effort="medium",
)


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    models = {
        "gpt-5-mini": reasoning_model(reasoning_tokens=REASONING_TOKENS),
        "gpt-5.1": reasoning_model(("none", "low", "medium", "high"), default_effort="none"),
        "o4-mini": reasoning_model(("low", "medium", "high")),
        # a reasoning model polypick's table does not know, behind a vLLM-like server
        "acme-reasoner": reasoning_model(
            ("low", "medium", "high"), reasoning_field="reasoning_content"
        ),
        "gpt-4.1": ModelRules(),
    }
    with FakeOpenAIServer(models=models) as fake:
        yield fake


def chat(server: FakeOpenAIServer, model: str, **options: object) -> OpenAIChat:
    return OpenAIChat(model, base_url=server.base_url + "/v1", **options)  # type: ignore[arg-type]


async def test_a_reasoning_model_samples_by_effort_without_a_rejected_request(
    server: FakeOpenAIServer,
) -> None:
    async with BestOfN(chat(server, "gpt-5-mini"), n=4) as bon:
        sel = await bon.ainvoke("Name a prime number.")
    assert len(sel.candidates) == 4 and not sel.failures
    assert len({c.text for c in sel.candidates}) == 4
    assert all(r.body.get("temperature") is None for r in server.requests)
    efforts = sorted(r.body["reasoning_effort"] for r in server.requests)
    assert efforts == ["high", "low", "medium"]  # the default plan mixes efforts
    assert [c.params.reasoning_effort for c in sel.candidates if c.params] == [
        "low", "medium", "high", "low",
    ]  # fmt: skip
    # every sample's reasoning tokens, counted apart, and part of the completion tokens
    assert sel.usage.generation.reasoning_tokens == 4 * REASONING_TOKENS
    assert sum(c.usage.reasoning_tokens for c in sel.candidates) == 4 * REASONING_TOKENS
    assert sel.usage.generation.completion_tokens > sel.usage.generation.reasoning_tokens


async def test_the_reply_limit_goes_out_as_max_completion_tokens(
    server: FakeOpenAIServer,
) -> None:
    plan = Reasoning(efforts=("low",), max_tokens=300, seed=7)
    async with BestOfN(chat(server, "o4-mini"), n=3, sampling=plan) as bon:
        sel = await bon.ainvoke("q")
    assert len(sel.candidates) == 3
    (body,) = [r.body for r in server.requests]
    assert body["max_completion_tokens"] == 300 and "max_tokens" not in body
    assert body["n"] == 3 and body["seed"] == 7


def test_hedged_sampling_with_a_fixed_temperature_fails_before_any_request(
    server: FakeOpenAIServer,
) -> None:
    for plan in (Hedged(), Temperature(temperature=0.7), [0.5, 1.0]):
        with pytest.raises(ConfigurationError, match="sampling='reasoning'"):
            BestOfN(chat(server, "gpt-5-mini"), n=4, sampling=plan)
    with pytest.raises(ConfigurationError, match="accepts the reasoning efforts"):
        BestOfN(chat(server, "gpt-5.1"), n=2, sampling=Reasoning(efforts=("minimal",)))
    assert server.request_count == 0


async def test_the_hedged_analogue_puts_the_lowest_effort_first(server: FakeOpenAIServer) -> None:
    plan = Reasoning(hedged=True, efforts=("low", "high"), variants=("Check twice.",))
    async with BestOfN(chat(server, "gpt-5-mini"), n=3, sampling=plan) as bon:
        sel = await bon.ainvoke(
            [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "q"}]
        )
    by_effort = {r.body["reasoning_effort"]: r.body for r in server.requests}
    assert sorted(by_effort) == ["high", "low"]
    systems = sorted(
        r.body["messages"][0]["content"] for r in server.requests if r.body.get("n", 1) == 1
    )
    # the first sample (low effort) has no variant; the others add theirs to the system prompt
    assert "Be brief." in systems
    assert "Be brief.\n\nCheck twice." in systems
    assert sel.candidates[0].params is not None
    assert sel.candidates[0].params.prompt_variant is None


async def test_gpt_5_1_takes_temperature_when_it_does_not_reason(
    server: FakeOpenAIServer,
) -> None:
    model = chat(server, "gpt-5.1")
    async with BestOfN(model, n=3, sampling=Hedged(temperature=0.8)) as bon:
        sel = await bon.ainvoke("q")  # effort 'none' by default: temperatures are accepted
    assert len(sel.candidates) == 3
    assert sorted(r.body["temperature"] for r in server.requests) == [0.0, 0.8]
    with pytest.raises(ConfigurationError, match="default temperature"):  # reasoning: fixed
        BestOfN(model, n=2, sampling=Reasoning(efforts=("low",), temperature=0.5))


async def test_reasoning_text_is_kept_on_the_candidate_and_never_judged(
    server: FakeOpenAIServer,
) -> None:
    judged: list[str] = []

    def responder(body: dict[str, object], index: int) -> str:
        if body.get("model") == "gpt-4.1":  # the judge
            judged.append(str(body["messages"]))
            return '{"reasoning": "fine", "score": 7}'
        return f"answer {index}"

    server.set_responder(responder)
    # the table does not know this model: its profile is given
    reasoner = chat(server, "acme-reasoner", profile=ACME)
    plan = Reasoning(efforts=("low", "high"))
    async with BestOfN(
        reasoner, n=2, sampling=plan, selector="judge", judge=chat(server, "gpt-4.1")
    ) as bon:
        sel = await bon.ainvoke("q")
    reasons = [c.reasoning for c in sel.candidates]
    assert all(r and r.startswith("reasoning ") for r in reasons)
    assert judged and not any(r in text for r in reasons if r for text in judged)


async def test_a_model_the_table_does_not_know_is_learnt_from_its_400s(
    server: FakeOpenAIServer, caplog: pytest.LogCaptureFixture
) -> None:
    model = chat(server, "acme-reasoner")
    assert model.profile.family == "openai-chat"  # unknown: a chat model, until told
    plan = Temperature(temperature=0.7, max_tokens=50)
    with caplog.at_level(logging.WARNING, logger="polypick"):
        async with BestOfN(model, n=2, sampling=plan) as bon:
            sel = await bon.ainvoke("q")
    assert len(sel.candidates) == 2 and not sel.failures
    bodies = [r.body for r in server.requests]
    # refused one parameter at a time, each sent without it from then on
    assert [("temperature" in b, "max_tokens" in b) for b in bodies] == [
        (True, True), (False, True), (False, False),
    ]  # fmt: skip
    assert bodies[-1]["max_completion_tokens"] == 50 and bodies[-1]["n"] == 2
    assert model.profile.sampling.temperature is None
    assert model.profile.token_limit == "max_completion_tokens"
    lessons = [r.getMessage() for r in caplog.records if "acme-reasoner" in r.getMessage()]
    assert len(lessons) == 2 and "temperature" in lessons[0] and "max_tokens" in lessons[1]
    # learnt for this server and model: another object for them knows it before any request
    server.reset_log()
    again = chat(server, "acme-reasoner")
    with pytest.raises(ConfigurationError, match="default temperature"):
        BestOfN(again, n=2, sampling=plan)
    async with BestOfN(again, n=2) as bon:  # its default plan: every sample at temperature 1
        await bon.ainvoke("q")
    assert server.request_count == 1
    assert "temperature" not in server.requests[0].body


async def test_a_400_naming_a_parameter_adapts_that_model_only(server: FakeOpenAIServer) -> None:
    learner, other = chat(server, "acme-reasoner"), chat(server, "gpt-4.1")
    async with BestOfN(learner, n=1, sampling=0.5) as bon:
        await bon.ainvoke("q")
    assert learner.profile.sampling.temperature is None
    assert other.profile.sampling.temperature == (0.0, 2.0)
    server.reset_log()
    async with BestOfN(other, n=2, sampling=Hedged(temperature=0.9)) as bon:
        await bon.ainvoke("q")
    assert sorted(r.body["temperature"] for r in server.requests) == [0.0, 0.9]


async def test_an_unrelated_400_changes_nothing(server: FakeOpenAIServer) -> None:
    model = chat(server, "gpt-4.1")
    before = model.profile
    server.script([Fault.status(400)])  # "Injected fault: HTTP 400": about no parameter
    async with BestOfN(model, n=2, sampling=Hedged(temperature=0.9)) as bon:
        sel = await bon.ainvoke("q")
        assert len(sel.failures) == 1 and sel.failures[0].error
        assert sel.failures[0].error.status_code == 400
        assert model.profile == before
        server.reset_log()
        await bon.ainvoke("q")
    bodies = sorted((r.body for r in server.requests), key=lambda b: b["temperature"])
    assert [(b["temperature"], b.get("n", 1)) for b in bodies] == [(0.0, 1), (0.9, 1)]


async def test_a_rejection_the_lesson_cannot_fix_is_reported_once(
    server: FakeOpenAIServer,
) -> None:
    # the object insists on n (an override wins over what errors teach): no loop, one error
    server.set_reject_n(True)
    model = chat(server, "gpt-4.1", n_support=True)
    async with BestOfN(model, n=2, sampling=0.7) as bon:
        with pytest.raises(TooFewCandidatesError):
            await bon.ainvoke("q")
    assert server.request_count == 1  # the lesson would not change the body: not sent again
    assert model.n_support is True


async def test_n_is_given_up_only_for_an_error_about_n(server: FakeOpenAIServer) -> None:
    model = chat(server, "gpt-4.1")
    server.script([Fault.status(400)])  # an unrelated 400 on a request for three choices
    async with BestOfN(model, n=3, sampling=0.9) as bon:
        with pytest.raises(TooFewCandidatesError):
            await bon.ainvoke("q")
        assert model.n_support is None
        server.reset_log()
        sel = await bon.ainvoke("q")
    assert len(sel.candidates) == 3
    assert [r.body.get("n") for r in server.requests] == [3]
