"""The evaluation, math, translation and RAG recipes run with tiny settings against the fake
OpenAI server (fast, scripted answers) and print what they should."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from polypick.testing.servers import FakeOpenAIServer

from .helpers import load_recipe, write_rows


def _lines(capsys: pytest.CaptureFixture[str]) -> dict[tuple[str, str], str]:
    return {tuple(line.split()[:2]): line for line in capsys.readouterr().out.splitlines()}  # type: ignore[misc]


def test_evaluate_recipe_reports_winrate_per_language_and_category(
    tmp_path: Path, fake_openai: FakeOpenAIServer, capsys: pytest.CaptureFixture[str]
) -> None:
    data = write_rows(
        tmp_path / "a.jsonl",
        [{"prompt": "Hi?", "reference": "plain answer", "language": "en", "category": "chat"},
         {"prompt": "¿Hola?", "reference": "plain answer", "language": "es", "category": "chat"}],
    )  # fmt: skip
    argv = ["--data", str(data), "--llm", "openai:fake-gpt", "-n", "1,3", "--selector",
            "majority", "--out", str(tmp_path / "run")]  # fmt: skip
    assert load_recipe("evaluate").main(argv) == 0
    rows = _lines(capsys)
    # greedy repeats the reference (a tie); majority@3 picks the sampled "GOOD" answer (a win)
    assert "50.0 [50.0, 50.0]" in rows[("all", "greedy")]
    assert rows[("es", "hedged+majority@3")].split()[2:4] == ["100.0", "[100.0,"]
    assert ("chat", "greedy") in rows
    assert (tmp_path / "run" / "winrate_vs_n.png").read_bytes()[:4] == b"\x89PNG"


def test_math_recipe_scores_extracted_answers(
    tmp_path: Path, fake_openai: FakeOpenAIServer, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = {"7": "3 + 4 = 7. Answer: 7", "6": "Respuesta: 5"}

    def solve(body: dict[str, Any], index: int) -> str:
        text = str(body["messages"][-1]["content"])
        return answers["7" if text.startswith("Tom") else "6"]

    fake_openai.set_responder(solve)
    data = write_rows(
        tmp_path / "m.jsonl",
        [{"prompt": "Tom has 3 and gets 4.", "answer": 7, "language": "en"},
         {"prompt": "Ana tiene 10 y gasta 4.", "answer": 6, "language": "es"}],
    )  # fmt: skip
    argv = ["--data", str(data), "--llm", "openai:fake-gpt", "-n", "1", "--out", str(tmp_path)]
    assert load_recipe("math").main(argv) == 0
    rows = _lines(capsys)
    assert rows[("en", "greedy")].split()[2] == "100.0"
    assert rows[("es", "greedy")].split()[2] == "0.0"
    records = [json.loads(line) for line in (tmp_path / "records.jsonl").read_text().splitlines()]
    assert sorted(r["details"]["extracted"] for r in records) == ["5", "7"]


def test_translation_recipe_reports_corpus_chrf_for_mbr_and_xmbr(
    tmp_path: Path, fake_openai: FakeOpenAIServer, capsys: pytest.CaptureFixture[str]
) -> None:
    def translate(body: dict[str, Any], index: int) -> str:
        text = str(body["messages"][-1]["content"])
        if "Translate the following text into Spanish" in text:
            return "Hoy hace buen tiempo." if body.get("temperature") == 0 else "Hoy hace sol."
        return "The weather is nice today."  # X-MBR's pivot translation and evidence

    fake_openai.set_responder(translate)
    data = write_rows(
        tmp_path / "t.jsonl",
        [{"prompt": "The weather is nice today.", "reference": "Hoy hace buen tiempo.",
          "language": "es"}],
    )  # fmt: skip
    argv = ["--data", str(data), "--llm", "openai:fake-gpt", "-n", "2", "--out", str(tmp_path)]
    assert load_recipe("translation").main(argv) == 0
    rows = _lines(capsys)
    assert rows[("all", "greedy")].split()[2] == "100.0"
    for system in ("hedged+mbr@2", "hedged+mbr:embedding@2", "hedged+xmbr@2"):
        assert float(rows[("all", system)].split()[2]) > 0
    # chrF of "Hoy hace sol." is lower: a selector that picks it shows a negative delta
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["figure"] == "chrF" and len(summary["deltas"]) >= 3


def test_rag_recipe_retrieves_across_languages(
    fake_openai: FakeOpenAIServer, capsys: pytest.CaptureFixture[str]
) -> None:
    # the fake model answers with the context it was given: right only if retrieval was right
    fake_openai.set_responder(
        lambda body, index: str(body["messages"][0]["content"]).rsplit("\n\n", 1)[1]
    )
    assert load_recipe("rag").main(["--llm", "openai:fake-gpt", "-n", "2"]) == 0
    out = capsys.readouterr().out
    assert "3/3 answers contain the expected fact" in out
    assert out.count("2 candidates, grounded") == 3
