"""``polypick eval winrate`` and ``polypick eval accuracy`` end to end with the embedded model.

Tiny sets (2-3 items, 2 languages), n <= 3 and short replies keep the model's time small; the
counting wrapper around the embedded model checks that a rerun after an interruption does no
model work for finished items.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from polypick.cli import main
from polypick.core.protocol import ModelRequest
from polypick.providers.local import LocalChat

from .scripted import write_jsonl

pytestmark = pytest.mark.local_model
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def model_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every request that reached the embedded model (its last message)."""
    calls: list[str] = []
    original = LocalChat.generate

    async def counting(self: LocalChat, request: ModelRequest) -> Any:
        calls.append(request.messages[-1].content)
        return await original(self, request)

    monkeypatch.setattr(LocalChat, "generate", counting)
    yield calls


def _summary(out: Path) -> dict[str, Any]:
    return dict(json.loads((out / "summary.json").read_text()))


def _check_tables(out: Path, figure: str, languages: set[str]) -> dict[str, Any]:
    summary = _summary(out)
    by_language = {(r["system"], r["group"]) for r in summary["rows"] if r["by"] == "language"}
    assert {g for _, g in by_language} == languages
    for row in summary["rows"] + summary["deltas"]:
        i = row["interval"]
        assert i["low"] <= i["point"] <= i["high"] and i["count"] >= 1
    with (out / "table.csv").open() as handle:
        table = list(csv.DictReader(handle))
    assert {r["table"] for r in table} == {figure, "delta"}
    assert len([r for r in table if r["table"] == figure]) == len(summary["rows"])
    assert (out / f"{summary['task']}_vs_n.png").read_bytes()[:8] == PNG
    return summary


def test_winrate_then_a_resumed_rerun(
    tmp_path: Path, model_calls: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    data = write_jsonl(
        tmp_path / "arena.jsonl",
        [
            {"id": "a", "prompt": "Name a colour.", "reference": "Blue.", "language": "en",
             "category": "easy"},
            {"id": "c", "prompt": "Di hola.", "reference": "¡Hola!", "language": "es",
             "category": "greeting"},
        ],
    )  # fmt: skip
    out = tmp_path / "wr"
    argv = ["eval", "winrate", "--data", str(data), "--out", str(out), "--llm", "local",
            "--judge", "local", "-n", "1,2", "--selector", "majority", "--max-tokens", "16",
            "--judge-max-tokens", "40", "--seed", "1"]  # fmt: skip
    assert main(argv) == 0
    printed = capsys.readouterr().out
    assert "win-rate by language" in printed and "delta vs greedy" in printed
    summary = _check_tables(out, "win-rate", {"en", "es"})
    assert summary["systems"] == ["greedy", "hedged+majority@2"]
    judge_calls = [c for c in model_calls if "Response A:" in c]
    # identical requests (the greedy answer, a judge call on an answer seen before) are served
    # by the run's sample cache; the rest reached the model
    assert len(judge_calls) >= 2 * 2 and len(model_calls) - len(judge_calls) >= 2 + 2

    records = out / "records.jsonl"
    lines = records.read_text().splitlines()
    records.write_text("\n".join(lines[:-1]) + "\n" + lines[-1][:25])  # interrupted mid-write
    model_calls.clear()
    assert main(argv) == 0
    assert model_calls == []  # finished items skipped, the cut one replayed from the cache
    assert _summary(out)["rows"] == summary["rows"]


def test_accuracy_with_majority_voting(
    tmp_path: Path, model_calls: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "mgsm.tsv"
    data.write_text(
        "id\tprompt\tanswer\tlanguage\n"
        "1\tWhat is 2 + 3? Answer with a number.\t5\ten\n"
        "2\tWhat is 4 + 4? Answer with a number.\t8\ten\n"
        "3\t¿Cuánto es 3 + 3? Responde con un número.\t6\tes\n",
        encoding="utf-8",
    )
    out = tmp_path / "acc"
    argv = ["eval", "accuracy", "--data", str(data), "--out", str(out), "-n", "1,3",
            "--max-tokens", "16", "--seed", "1"]  # fmt: skip
    assert main(argv) == 0
    assert "accuracy by language" in capsys.readouterr().out
    summary = _check_tables(out, "accuracy", {"en", "es"})
    assert summary["systems"] == ["greedy", "hedged+majority@3"]
    for prompt in set(model_calls):  # a greedy request shared by two systems is cached
        assert model_calls.count(prompt) in (3, 4)
    assert len(set(model_calls)) == 3
    records = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    assert all(r["score"] in (0.0, 1.0) and "extracted" in r["details"] for r in records)
    model_calls.clear()
    assert main(argv) == 0 and model_calls == []
