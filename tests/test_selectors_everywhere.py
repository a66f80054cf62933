"""Every registered selector, by name and as an object, over every kind of backend: the fake
OpenAI-compatible and Anthropic servers (through the real SDKs) and the embedded model."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from polypick import BestOfN, Hedged, Temperature
from polypick.core.protocol import ChatModel
from polypick.errors import ConfigurationError
from polypick.providers import AnthropicChat, OpenAIChat
from polypick.selectors import (
    ChopsSelector,
    DeepConfSelector,
    JudgeSelector,
    MajoritySelector,
    MBRSelector,
    RewardSelector,
    Selector,
    SelfCertaintySelector,
    ToolCallVoteSelector,
    TournamentSelector,
    WeightedMajoritySelector,
    XMBRSelector,
    selectors,
)
from polypick.selectors.json_vote import JsonVoteSelector
from polypick.testing.servers import FakeAnthropicServer, FakeOpenAIServer


def reward(prompt: str, candidate: str) -> float:
    return float(len(candidate))


OPTIONS: dict[str, dict[str, Any]] = {"reward": {"fn": reward}, "xmbr": {"evidence": 2}}
OBJECTS: dict[str, Callable[[], Selector]] = {
    "chops": lambda: ChopsSelector(permutations=2, seed=1),
    "json_vote": lambda: JsonVoteSelector(),
    "deepconf": lambda: DeepConfSelector(keep=0.5),
    "self_certainty": lambda: SelfCertaintySelector(vote=True),
    "judge": lambda: JudgeSelector(),
    "majority": lambda: MajoritySelector(),
    "mbr": lambda: MBRSelector(utility="judge"),
    "reward": lambda: RewardSelector(reward),
    "tool_vote": lambda: ToolCallVoteSelector(),
    "tournament": lambda: TournamentSelector("round_robin", seed=1),
    "weighted_majority": lambda: WeightedMajoritySelector(),
    "xmbr": lambda: XMBRSelector(evidence=2, utility="judge"),
}
NAMES = selectors.names()
READS_LOGPROBS = {"deepconf", "self_certainty"}


def test_every_registered_selector_is_exercised_here() -> None:
    assert sorted(OBJECTS) == NAMES


def judge_reply(instructions: str, schema: dict[str, Any] | None) -> str:
    """Answer any judge call: by its JSON schema when sent, else by the format it asks for."""
    keys = set((schema or {}).get("properties", {}))
    if "best" in keys or '"best":' in instructions:
        listed = re.search(r"is one of: ([\w, ]+)\.", instructions)  # without a schema
        fallback = listed.group(1).split(", ") if listed else ["1", "A"]
        labels = (schema or {}).get("properties", {}).get("best", {}).get("enum", fallback)
        return json.dumps({"reasoning": "most complete", "best": labels[0]})
    if "winner" in keys or '"winner":' in instructions:
        return json.dumps({"reasoning": "clearer", "winner": "A"})
    if "score" in keys or '"score":' in instructions:
        return json.dumps({"reasoning": "fine", "score": 7})
    if "checklist" in keys or '"checklist":' in instructions:
        return json.dumps({"checklist": ["Answers the question", "Is concise"]})
    return "The capital of France is Paris."  # a candidate, a translation or an evidence sample


def _text(body: dict[str, Any]) -> str:
    parts = [str(body.get("system", ""))]
    for message in body.get("messages", []):
        content = message["content"]
        parts.append(content if isinstance(content, str) else json.dumps(content))
    return "\n".join(parts)


ANSWERS = itertools.count()  # distinct candidates, so no selector can skip its comparisons


def openai_responder(body: dict[str, Any], index: int) -> str:
    response_format = body.get("response_format") or {}
    schema = response_format.get("json_schema", {}).get("schema")
    reply = judge_reply(_text(body), schema)
    return reply if reply.startswith("{") else f"{reply} ({next(ANSWERS)})"


def anthropic_responder(body: dict[str, Any], index: int) -> str:
    reply = judge_reply(_text(body), None)
    return reply if reply.startswith("{") else f"{reply} ({next(ANSWERS)})"


@pytest.fixture(scope="module")
def openai_server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(responder=openai_responder) as server:
        yield server


@pytest.fixture(scope="module")
def anthropic_server() -> Iterator[FakeAnthropicServer]:
    with FakeAnthropicServer(responder=anthropic_responder) as server:
        yield server


def _backend(kind: str, request: pytest.FixtureRequest) -> ChatModel:
    if kind == "openai":
        server: FakeOpenAIServer = request.getfixturevalue("openai_server")
        return OpenAIChat("fake-gpt", base_url=server.base_url + "/v1", structured_output=True)
    anthropic: FakeAnthropicServer = request.getfixturevalue("anthropic_server")
    return AnthropicChat("claude-test", base_url=anthropic.base_url, api_key="test")


@pytest.mark.parametrize("kind", ["openai", "anthropic"])
@pytest.mark.parametrize("form", ["name", "object"])
@pytest.mark.parametrize("name", NAMES)
async def test_over_http(kind: str, form: str, name: str, request: pytest.FixtureRequest) -> None:
    model = _backend(kind, request)
    selector: Selector | str = name if form == "name" else OBJECTS[name]()
    options = OPTIONS.get(name, {}) if form == "name" else {}
    chosen = selectors.get(name)(**options) if options else selector
    if name in READS_LOGPROBS and kind == "anthropic":  # Anthropic's API gives none
        with pytest.raises(ConfigurationError, match="log-probabilities"):
            BestOfN(model, n=4, sampling=Temperature(temperature=0.7), selector=chosen)
        return
    async with BestOfN(model, n=4, sampling=Temperature(temperature=0.7), selector=chosen) as bon:
        sel = await bon.ainvoke("¿Cuál es la capital de Francia?")
    assert sel.selector == name
    assert len(sel.candidates) == 4 and len(sel.scores) == 4
    assert 0 <= sel.index < 4 and sel.text == sel.candidates[sel.index].text
    assert sel.selection_failures == ()
    if bon.selector.needs_judge:
        assert sel.usage.selection.requests > 0
        assert sel.usage.selection.prompt_tokens > 0


@pytest.mark.local_model
@pytest.mark.parametrize("name", NAMES)
async def test_on_the_embedded_model(name: str) -> None:
    options = {**OPTIONS.get(name, {}), **({"evidence": 1} if name == "xmbr" else {})}
    selector = selectors.get(name)(**options)
    plan = Hedged(temperature=0.8, max_tokens=12, seed=3)
    bon = BestOfN("local", n=2, sampling=plan, selector=selector)  # the model judges itself
    sel = await bon.ainvoke("Name one colour of the rainbow.")
    assert sel.selector == name
    assert len(sel.candidates) == 2 and len(sel.scores) == 2
    assert sel.candidates[0].greedy
    if selector.needs_judge:
        assert sel.usage.selection.requests > 0
