"""Helpers of the batch tests: a deterministic stand-in for the model behind the fake batch
servers, and the models that reach them."""

from __future__ import annotations

import json
import re
import threading
import zlib
from collections import Counter
from typing import Any

from polypick.core.retry import RetryPolicy
from polypick.providers import AnthropicChat, OpenAIChat
from polypick.selectors.prompting import unmark
from polypick.testing.servers import FakeAnthropicBatchServer, FakeOpenAIBatchServer

BLOCKS = re.compile(r'<candidate (?:id|label)="(\w+)">\n(.*?)\n</candidate>', re.DOTALL)
FAST = {"poll_interval": 0.02, "detect_language": False}
QUICK_API_RETRY = RetryPolicy(max_retries=3, initial_wait=0.01, max_wait=0.05)
PROMPTS = ["What is 2 + 2?", "Name a primary colour.", "Capital of France?"]


def quality(text: str) -> int:
    """What the scripted judge knows: ``q=<n>`` in a candidate (higher is better)."""
    found = re.search(r"q=(\d+)", text)
    return int(found.group(1)) if found else -1


def _text(content: object) -> str:
    if isinstance(content, list):
        return "".join(str(b.get("text", "")) for b in content if isinstance(b, dict))
    return content if isinstance(content, str) else ""


class Oracle:
    """Answers every request from its content alone, so two servers answer a job alike.

    Samples get ``q=<0..9>`` from a checksum of the request and of how often that same request
    was seen (identical stochastic requests must still differ); judge calls pick the candidate
    block with the highest ``q`` (CHOPS: ``best``; pairwise: ``winner``); checklist calls get a
    checklist.
    """

    def __init__(self) -> None:
        self._seen: Counter[str] = Counter()
        self._lock = threading.Lock()

    def __call__(self, body: dict[str, Any], index: int) -> str:
        messages = body.get("messages", [])
        system = _text(body.get("system")) + "".join(
            _text(m.get("content")) for m in messages if m.get("role") == "system"
        )
        user = _text(messages[-1].get("content")) if messages else ""
        blocks = [(k, unmark(v)) for k, v in BLOCKS.findall(user)]
        if blocks:
            best = max(blocks, key=lambda b: quality(b[1]))[0]
            field = "winner" if best in ("A", "B") else "best"
            return json.dumps({"reasoning": "the highest q", field: best})
        if "checklist" in system.lower():
            return json.dumps({"checklist": ["Answers the question", "Is short"]})
        key = json.dumps([user, body.get("temperature"), body.get("seed"), index])
        with self._lock:
            repeat = self._seen[key]
            self._seen[key] += 1
        q = zlib.crc32(f"{key}/{repeat}".encode()) % 10
        return f"{user[:16]} #{index}.{repeat} q={q}"


def openai_model(server: FakeOpenAIBatchServer) -> OpenAIChat:
    return OpenAIChat(
        "fake-gpt", base_url=server.base_url + "/v1", api_key="test", structured_output=True
    )


def anthropic_model(server: FakeAnthropicBatchServer) -> AnthropicChat:
    return AnthropicChat("claude-test", base_url=server.base_url, api_key="test")
