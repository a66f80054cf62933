"""``polypick eval`` refuses bad input with a message saying what to fix, before any model call."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from polypick.cli import main


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["eval", "accuracy", "--data", "{missing}"], "no data file at"),
        (["eval", "accuracy", "--data", "{data}", "-n", "1,x"], "-n takes whole numbers"),
        (["eval", "accuracy", "--data", "{data}", "-n", "0"], "-n needs counts >= 1"),
        (["eval", "accuracy", "--data", "{data}", "--limit", "0"], "--limit must be at least 1"),
        (["eval", "winrate", "--data", "{data}"], "line 1: missing field 'reference'"),
        (["eval", "accuracy", "--data", "{data}", "--selector", "nope"], "unknown selector"),
        (["eval", "accuracy", "--hf", "some/dataset"], "pip install datasets"),
    ],
)
def test_bad_input_exits_2_with_a_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    if "--hf" in argv and importlib.util.find_spec("datasets") is not None:
        pytest.skip("datasets is installed: loading would go online")
    data = tmp_path / "set.jsonl"
    data.write_text('{"prompt": "2+2?", "answer": 4, "language": "en"}\n')
    paths = {"missing": str(tmp_path / "nope.jsonl"), "data": str(data)}
    argv = [a.format(**paths) for a in argv] + ["--out", str(tmp_path / "out")]
    assert main(argv) == 2
    assert message in capsys.readouterr().err
