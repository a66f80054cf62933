"""Temperature profiles from data: the sweep, the choice, and BestOfN loading the result."""

from __future__ import annotations

import importlib.resources
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from polypick import BestOfN, TemperatureProfile
from polypick.core.sampling import Hedged
from polypick.core.types import Message, SamplingParams
from polypick.errors import ConfigurationError
from polypick.eval.calibrate import Measurement, calibrate
from polypick.eval.items import EvalItem
from polypick.testing import ScriptedChat

GERMAN = "Der Hund schläft den ganzen Tag im Garten unter dem alten Apfelbaum."
FRENCH = "Le chien dort toute la journée dans le jardin sous le vieux pommier."
ITEMS = [
    EvalItem(id="de1", prompt="Translate into German: the dog sleeps", reference=GERMAN,
             language="de"),
    EvalItem(id="fr1", prompt="Translate into French: the dog sleeps", reference=FRENCH,
             language="fr"),
]  # fmt: skip


def respond(messages: Sequence[Message], params: SamplingParams) -> str:
    """German degrades with heat (half the hot samples are garbage: risk); French gains (one hot
    sample is perfect, the cold ones only half right: hope)."""
    hot = params.temperature > 0.5
    odd = (params.seed or 0) % 2 == 1
    if "German" in messages[-1].content:
        return "zzzz qqqq" if hot and odd else GERMAN
    if hot and (params.seed or 0) % 4 == 0:
        return FRENCH
    return "Le chien dort."


def test_the_sweep_measures_best_and_worst_and_picks_per_language(tmp_path: Path) -> None:
    result = calibrate(ScriptedChat(respond), ITEMS, temperatures=(0.3, 0.9), n=4)
    by = {(m.language, m.temperature): m for m in result.measurements}
    assert by["de", 0.3].worst == by["de", 0.3].best == 100.0
    assert by["de", 0.9].best == 100.0 and by["de", 0.9].worst < 10  # risk rises
    assert by["fr", 0.9].best == 100.0 > by["fr", 0.3].best  # hope rises
    assert by["fr", 0.9].worst == by["fr", 0.3].worst
    assert result.profile.resolve("de").temperature == 0.3
    assert result.profile.resolve("fr").temperature == 0.9
    path = tmp_path / "profile.json"
    result.save(str(path), command="test")
    loaded = TemperatureProfile.load(path)
    assert loaded == result.profile
    bon = BestOfN(ScriptedChat(["x"]), n=3, sampling=str(path))
    assert isinstance(bon.sampling, Hedged)
    assert [p.temperature for p in bon.sampling.plan(3, "fr")] == [0.0, 0.9, 0.9]
    assert [p.temperature for p in bon.sampling.plan(3, "de")] == [0.0, 0.3, 0.3]


def test_a_task_writes_pair_entries() -> None:
    result = calibrate(
        ScriptedChat(respond), ITEMS, temperatures=(0.3, 0.9), n=4, task="translation"
    )
    assert result.profile.resolve("fr", "translation").temperature == 0.9
    assert result.profile.resolve("de", "translation").temperature == 0.3


def test_bad_input_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="n >= 2"):
        calibrate(ScriptedChat(respond), ITEMS, n=1)
    (tmp_path / "bad.json").write_text("[1, 2]")
    with pytest.raises(ConfigurationError, match="holds no temperature profile"):
        TemperatureProfile.load(tmp_path / "bad.json")
    with pytest.raises(ConfigurationError, match="cannot read a temperature profile"):
        TemperatureProfile.load(tmp_path / "missing.json")


def test_the_shipped_embedded_profile_is_the_measured_choice_with_its_provenance() -> None:
    resource = importlib.resources.files("polypick.core") / "embedded_profile.json"
    document = json.loads(resource.read_text(encoding="utf-8"))
    # provenance: the command and the data that produced it travel with it
    assert document["command"].startswith("polypick calibrate ")
    assert "--llm=local" in document["command"]
    assert "Tatoeba" in document["note"] and "benchmarks/calibrate_embedded.py" in document["note"]
    measured = [Measurement(**m) for m in document["measurements"]]
    languages = {m.language for m in measured}
    assert {"de", "fr", "es", "pt"} <= languages
    profile = TemperatureProfile.load(str(resource))
    for language in languages:  # each entry is the sweep's best mean of best and worst quality
        rows = [m for m in measured if m.language == language]
        top = max((m.best + m.worst) / 2 for m in rows)
        cooler = min(m.temperature for m in rows if (m.best + m.worst) / 2 == top)
        assert profile.resolve(language, "translation").temperature == cooler
    bon = BestOfN(ScriptedChat(["x"]), n=3, sampling=str(resource))
    assert isinstance(bon.sampling, Hedged)
    overall = profile.resolve("ko").temperature  # no entry for Korean: the default one
    assert [p.temperature for p in bon.sampling.plan(3, "de")] == [0.0, overall, overall]
    german = profile.resolve("de", "translation").temperature
    plan = Hedged(temperature=profile, task="translation").plan(3, "de")
    assert [p.temperature for p in plan] == [0.0, german, german]


@pytest.mark.local_model
def test_the_calibrate_command_writes_a_profile_from_a_dev_set(tmp_path: Path) -> None:
    from polypick.cli import main

    data = tmp_path / "dev.jsonl"
    row = {"id": "1", "prompt": "Translate into German: the dog sleeps.",
           "reference": "Der Hund schläft.", "language": "de"}  # fmt: skip
    data.write_text(json.dumps(row) + "\n")
    out = tmp_path / "profile.json"
    argv = ["calibrate", "--data", str(data), "--llm", "local", "-n", "2", "--temperatures",
            "0.3,1.0", "--max-tokens", "8", "--task", "translation", "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    document = json.loads(out.read_text())
    assert "--llm=local" in document["command"] and document["items"] == 1
    rows = [Measurement(**m) for m in document["measurements"]]
    assert sorted((m.language, m.temperature) for m in rows) == [("de", 0.3), ("de", 1.0)]
    assert all(m.items == 1 and 0 <= m.worst <= m.mean <= m.best <= 100 for m in rows)
    profile = TemperatureProfile.load(out)
    assert profile.resolve("de", "translation").temperature in (0.3, 1.0)
    assert isinstance(BestOfN(ScriptedChat(["x"]), n=2, sampling=str(out)).sampling, Hedged)
