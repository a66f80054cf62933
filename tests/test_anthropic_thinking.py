"""Anthropic thinking through the real anthropic SDK, against the fake Messages API server
enforcing what Anthropic documents (platform.claude.com, "Extended thinking" — budget_tokens of
at least 1024 and below max_tokens; temperature only 1, no top_k, top_p within 0.95-1 and no
forced tool use while thinking; thinking blocks with signatures before the answer — and
"Adaptive thinking" plus the migration guide to Claude Opus 4.7: ``"thinking.type.enabled" is
not supported for this model``, ``output_config.effort``, "`temperature` is deprecated for this
model"). Usage: ``usage.output_tokens_details.thinking_tokens`` (the SDK's ``Usage`` type)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest

from polypick import BestOfN, ConfigurationError, Hedged, Temperature
from polypick.core.reasoning import Reasoning
from polypick.providers import AnthropicChat
from polypick.selectors.prompting import unmark
from polypick.testing.servers import ClaudeRules, FakeAnthropicServer

BUDGET_MODEL = "claude-sonnet-4-5"
ADAPTIVE_MODEL = "claude-opus-4-7"
THINKING_TOKENS = 30
RULES = {
    BUDGET_MODEL: ClaudeRules(thinking="budget", thinking_tokens=THINKING_TOKENS),
    ADAPTIVE_MODEL: ClaudeRules(
        thinking="adaptive",
        sampling=False,
        efforts=("low", "medium", "high", "xhigh", "max"),
        thinking_tokens=THINKING_TOKENS,
    ),
    # models polypick's table maps to the other form (learnt from the first 400)
    "claude-next": ClaudeRules(thinking="budget"),
    "claude-3-7-sonnet-next": ClaudeRules(thinking="adaptive"),
}


def judge_or_answer(body: dict[str, Any], index: int) -> str:
    system = str(body.get("system", ""))
    if "judge" in system:
        return json.dumps({"reasoning": "fine", "score": 7})
    return f"Paris, said {body['model']} ({len(body['messages'])})"


@pytest.fixture
def server() -> Iterator[FakeAnthropicServer]:
    with FakeAnthropicServer(models=RULES) as fake:
        yield fake


def claude(server: FakeAnthropicServer, model: str, **options: Any) -> AnthropicChat:
    return AnthropicChat(model, base_url=server.base_url, api_key="test", **options)


@pytest.mark.parametrize("model", [BUDGET_MODEL, ADAPTIVE_MODEL])
async def test_sampling_with_thinking_on_works(server: FakeAnthropicServer, model: str) -> None:
    async with BestOfN(claude(server, model, thinking=True), n=3, selector="majority") as bon:
        sel = await bon.ainvoke("What is the capital of France?")
    assert len(sel.candidates) == 3 and not sel.failures
    bodies = [r.body for r in server.requests]
    assert all("temperature" not in b and "top_k" not in b for b in bodies)
    if model == BUDGET_MODEL:
        budgets = sorted(b["thinking"]["budget_tokens"] for b in bodies)
        assert budgets == [1024, 4096, 16384]  # low, medium, high
        assert all(b["max_tokens"] > b["thinking"]["budget_tokens"] for b in bodies)
    else:
        assert all(b["thinking"] == {"type": "adaptive"} for b in bodies)
        assert sorted(b["output_config"]["effort"] for b in bodies) == ["high", "low", "medium"]
    for candidate in sel.candidates:
        assert candidate.text.startswith("answer ")  # the answer, not the thinking
        assert candidate.reasoning and candidate.reasoning.startswith("(thought ")
        assert candidate.reasoning_blocks[0]["signature"].startswith("sig-")
        assert candidate.usage.reasoning_tokens == THINKING_TOKENS
    assert sel.usage.generation.reasoning_tokens == 3 * THINKING_TOKENS


@pytest.mark.parametrize("selector", ["judge", "chops", "tournament"])
async def test_judges_never_see_thinking_text(server: FakeAnthropicServer, selector: str) -> None:
    server.set_responder(judge_or_answer)
    judge = claude(server, BUDGET_MODEL)  # a judge that does not think
    sampled = claude(server, ADAPTIVE_MODEL, thinking=True)
    async with BestOfN(sampled, n=3, selector=selector, judge=judge) as bon:
        sel = await bon.ainvoke("What is the capital of France?")
    thoughts = [c.reasoning for c in sel.candidates]
    assert all(thoughts)
    # the judge reads candidates datamarked (spaces marked): read them back as text
    judged = [
        unmark(json.dumps(r.body, ensure_ascii=False))
        for r in server.requests
        if "judge" in str(r.body.get("system"))
    ]
    assert judged  # the judge was asked, with the candidates' answers ...
    assert all(any(c.text in text for text in judged) for c in sel.candidates)
    for thought in thoughts:  # ... and never their thinking
        assert thought is not None
        assert not any(thought in text for text in judged)
        assert not any("sig-" in text for text in judged)


def test_the_thinking_rules_fail_before_any_request(server: FakeAnthropicServer) -> None:
    thinking = claude(server, BUDGET_MODEL, thinking=True)
    with pytest.raises(ConfigurationError, match="sampling='reasoning'"):
        BestOfN(thinking, n=3, sampling=Hedged(temperature=0.7))
    with pytest.raises(ConfigurationError, match="top_p"):
        BestOfN(thinking, n=3, sampling=Reasoning(top_p=0.5))
    with pytest.raises(ConfigurationError, match="adaptively"):
        claude(server, ADAPTIVE_MODEL, thinking=2048)
    with pytest.raises(ConfigurationError, match="1024"):
        claude(server, BUDGET_MODEL, thinking=512)
    with pytest.raises(ConfigurationError, match="tool_choice"):
        claude(server, BUDGET_MODEL, thinking=True, extra_body={"tool_choice": {"type": "any"}})
    with pytest.raises(ConfigurationError, match="does not think"):
        claude(server, "claude-3-5-haiku-latest", thinking=True)
    # Opus 4.7 takes no temperature at all, thinking or not
    with pytest.raises(ConfigurationError, match="default temperature"):
        BestOfN(claude(server, ADAPTIVE_MODEL), n=2, sampling=Hedged())
    assert server.request_count == 0


async def test_a_plan_effort_turns_thinking_on_per_sample(server: FakeAnthropicServer) -> None:
    plan = Reasoning(efforts=("none", "low"))  # 'none': this sample does not think
    async with BestOfN(claude(server, BUDGET_MODEL), n=2, sampling=plan) as bon:
        sel = await bon.ainvoke("q")
    plain, thought = sorted((r.body for r in server.requests), key=lambda b: "thinking" in b)
    assert "thinking" not in plain and plain["temperature"] == 1.0
    assert thought["thinking"]["budget_tokens"] == 1024 and "temperature" not in thought
    assert [c.reasoning is None for c in sel.candidates] == [True, False]


async def test_an_explicit_budget_is_sent_with_room_for_the_answer(
    server: FakeAnthropicServer,
) -> None:
    model = claude(server, BUDGET_MODEL, thinking=3000, max_tokens=500)
    async with BestOfN(model, n=2, sampling=Temperature(temperature=1.0)) as bon:
        await bon.ainvoke("q")
    assert all(
        r.body["thinking"] == {"type": "enabled", "budget_tokens": 3000}
        and r.body["max_tokens"] == 3500
        for r in server.requests
    )


@pytest.mark.parametrize(
    ("model", "taught"), [("claude-next", "budget"), ("claude-3-7-sonnet-next", "adaptive")]
)
async def test_the_thinking_form_is_learnt_from_the_400(
    server: FakeAnthropicServer, model: str, taught: str, caplog: pytest.LogCaptureFixture
) -> None:
    chat = claude(server, model, thinking=True)
    assert chat.profile.reasoning != taught
    with caplog.at_level(logging.WARNING, logger="polypick"):
        async with BestOfN(chat, n=2, sampling=Reasoning(efforts=("low",))) as bon:
            sel = await bon.ainvoke("q")
    assert len(sel.candidates) == 2 and not sel.failures
    assert chat.profile.reasoning == taught
    forms = [r.body["thinking"]["type"] for r in server.requests]
    refused, right = ("adaptive", "enabled") if taught == "budget" else ("enabled", "adaptive")
    # the samples go out together: one or both are refused (the second may leave after the
    # lesson), and each is answered once in the right form, after its refusal. A request built
    # before the lesson may reach the server after the first retry, so arrival order says
    # nothing more.
    assert forms.count(right) == 2 and 1 <= forms.count(refused) <= 2
    assert set(forms) == {refused, right} and forms[0] == refused and forms[-1] == right
    assert len([r for r in caplog.records if model in r.getMessage()]) == 1  # learnt once


async def test_tool_use_with_thinking(server: FakeAnthropicServer) -> None:
    calls = [{"name": "get_weather", "arguments": {"city": "Paris"}}]
    server_tools = FakeAnthropicServer(models=RULES, tool_caller=lambda body, i: calls)
    tools = [{"name": "get_weather", "description": "Weather", "input_schema": {"type": "object"}}]
    with server_tools:
        model = claude(
            server_tools,
            BUDGET_MODEL,
            thinking=True,
            extra_body={"tools": tools, "tool_choice": {"type": "auto"}},
        )
        async with BestOfN(model, n=3) as bon:
            sel = await bon.ainvoke("Weather in Paris?")
        bodies = [r.body for r in server_tools.requests]
    assert all(b["tools"] == tools and b["thinking"]["type"] == "enabled" for b in bodies)
    assert sel.best.tool_calls[0].name == "get_weather"
    assert sel.best.tool_calls[0].arguments == {"city": "Paris"}
    assert sel.best.text == ""  # a thinking block is never the answer's text
    block = sel.best.reasoning_blocks[0]  # passed back unchanged in the next tool-use turn
    assert block["type"] == "thinking" and block["signature"].startswith("sig-")
