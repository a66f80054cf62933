"""Loading a recipe script as a module, and a scripted fake OpenAI-compatible server."""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from polypick.selectors.prompting import unmark
from polypick.testing.servers import FakeOpenAIServer

RECIPES = Path(__file__).resolve().parents[2] / "recipes"
_BLOCK = re.compile(r'<candidate label="([AB])">\n(.*?)\n</candidate>', re.DOTALL)


def load_recipe(name: str) -> ModuleType:
    """Import ``recipes/<name>.py`` (recipes are scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(f"recipe_{name}", RECIPES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_rows(path: Path, rows: list[dict[str, Any]]) -> Path:
    """A JSONL data file of ``rows``."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def reply(body: dict[str, Any], index: int) -> str:
    """A fake model: greedy answers are "plain", sampled ones "GOOD ..."; as a judge it prefers
    the response saying GOOD; as CHOPS it names candidate 1."""
    last = str(body["messages"][-1]["content"])
    blocks = dict([(k, unmark(v)) for k, v in _BLOCK.findall(last)])
    if "Response A:" in last and blocks:
        good = {label: "GOOD" in text for label, text in blocks.items()}
        winner = "tie" if good["A"] == good["B"] else ("A" if good["A"] else "B")
        return json.dumps({"reasoning": "compared", "winner": winner})
    if '"checklist"' in last or '"checklist"' in str(body["messages"][0]["content"]):
        return json.dumps({"checklist": ["Answers the question"]})
    if '"best"' in last:
        return json.dumps({"reasoning": "first", "best": "1"})
    return "plain answer" if body.get("temperature", 1.0) == 0 else "GOOD answer here"


@pytest.fixture
def fake_openai(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOpenAIServer]:
    """A fake OpenAI server that ``openai:fake-gpt`` reaches through the environment."""
    with FakeOpenAIServer(responder=reply) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url + "/v1")
        monkeypatch.setenv("OPENAI_API_KEY", "test-key")
        yield server
