"""Whole evaluations with scripted models: tables, files, resuming, failures, the three tasks."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from polypick.core.sampling import Hedged, Temperature
from polypick.core.types import Message, SamplingParams
from polypick.errors import BatchError, ConfigurationError, ProviderStatusError
from polypick.eval import (
    EvalItem,
    EvalReport,
    accuracy_task,
    aevaluate,
    answers_match,
    evaluate,
    standard_systems,
    translation_task,
    winrate_task,
)
from polypick.testing import ScriptedChat

from .scripted import marker_judge, table_model

ITEMS = [
    EvalItem(id="q1", prompt="Tell me a fact.", reference="ok", language="en", category="chat"),
    EvalItem(id="q2", prompt="Say a word.", reference="ok", language="en", category="write"),
    EvalItem(id="q3", prompt="Erzähl was.", reference="ok", language="de", category="chat"),
]
ANSWERS = {item.prompt: "plain" for item in ITEMS}
SYSTEMS = standard_systems(
    [1, 3], Hedged(temperature=0.8), ["majority"], Temperature(temperature=0)
)


def _rows(report: EvalReport, table: str = "rows") -> dict[tuple[str, str], tuple[float, ...]]:
    return {
        (r.system, r.group): (r.interval.point, r.interval.low, r.interval.high)
        for r in getattr(report, table)
    }


async def _winrate(tmp_path: Path, llm: ScriptedChat, out: str = "run") -> EvalReport:
    judge = marker_judge()
    return await aevaluate(
        winrate_task(),
        ITEMS,
        SYSTEMS,
        llm=llm,
        judge=judge,
        out=tmp_path / out,
        settings={"llm": "scripted"},
        resamples=200,
    )


async def test_winrate_tables_per_language_and_category_with_deltas(tmp_path: Path) -> None:
    # greedy says "plain" (a tie with the reference); the stochastic samples say "GOOD" (a win)
    report = await _winrate(tmp_path, table_model(ANSWERS, stochastic="GOOD"))
    rows = _rows(report)
    assert rows[("greedy", "all")] == (0.5, 0.5, 0.5)
    assert rows[("hedged+majority@3", "all")] == (1.0, 1.0, 1.0)
    assert {g for _, g in rows} == {"all", "en", "de", "chat", "write"}
    assert _rows(report, "deltas")[("hedged+majority@3", "de")] == (0.5, 0.5, 0.5)
    assert report.failed == 0 and report.systems == ["greedy", "hedged+majority@3"]
    outcomes = {r.system: r.details["outcomes"] for r in report.records if r.item == "q1"}
    assert outcomes == {"greedy": ["tie", "tie"], "hedged+majority@3": ["win", "win"]}


async def test_results_are_written_as_json_csv_and_a_png(tmp_path: Path) -> None:
    _check_files(await _winrate(tmp_path, table_model(ANSWERS, stochastic="GOOD")))


def _check_files(report: EvalReport) -> None:
    summary = json.loads(Path(report.files["summary"]).read_text())
    assert summary["task"] == "winrate" and "records" not in summary
    assert len(summary["rows"]) == len(report.rows)
    with Path(report.files["csv"]).open() as handle:
        table = list(csv.DictReader(handle))
    de = next(r for r in table if r["system"] == "greedy" and r["group"] == "de")
    assert (de["table"], de["by"], de["count"], de["point"]) == ("win-rate", "language", "1", "0.5")
    assert any(r["table"] == "delta" for r in table)
    assert Path(report.files["plot"]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(Path(report.files["records"]).read_text().splitlines()) == 6


async def test_a_rerun_does_no_model_work_for_finished_items(tmp_path: Path) -> None:
    first = await _winrate(tmp_path, table_model(ANSWERS, stochastic="GOOD"))
    refuse = ScriptedChat(lambda m, p: RuntimeError("no model call expected"))
    again = await _winrate(tmp_path, refuse)
    assert refuse.calls == [] and _rows(again) == _rows(first)


async def test_failed_items_are_reported_then_retried_by_the_next_run(tmp_path: Path) -> None:
    def flaky(messages: Sequence[Message], params: SamplingParams) -> str | Exception:
        if messages[-1].content == "Say a word.":
            return ProviderStatusError("bad request", status_code=400)
        return "plain" if params.temperature == 0 else "GOOD"

    report = await _winrate(tmp_path, ScriptedChat(flaky))
    assert report.failed == 2
    failed = [r for r in report.records if not r.ok]
    assert {r.item for r in failed} == {"q2"} and "ProviderStatusError" in (failed[0].error or "")
    greedy_all = next(r for r in report.rows if r.system == "greedy" and r.group == "all")
    assert (greedy_all.interval.count, greedy_all.failed) == (2, 1)
    healthy = table_model(ANSWERS, stochastic="GOOD")
    fixed = await _winrate(tmp_path, healthy)
    assert fixed.failed == 0
    assert {c.messages[-1].content for c in healthy.calls} == {"Say a word."}
    # for q2 only: the greedy system's request is also best-of-N's greedy sample, drawn once
    # for both (whichever asks first), and the two stochastic samples
    assert sorted(c.params.temperature for c in healthy.calls) == [0.0, 0.8, 0.8]


def _cut_last_record(records: Path) -> dict[str, object]:
    """Cut the last record short, as a kill in the middle of its write would; returns it."""
    lines = records.read_text().splitlines()
    records.write_text("\n".join(lines[:-1]) + "\n" + lines[-1][:30])
    return dict(json.loads(lines[-1]))


async def test_an_item_cut_short_is_redone_from_the_sample_cache(tmp_path: Path) -> None:
    await _winrate(tmp_path, table_model(ANSWERS, stochastic="GOOD"))
    lost = _cut_last_record(tmp_path / "run" / "records.jsonl")
    # the same model identity as before (its name), which the cache keys on
    refuse = ScriptedChat(lambda m, p: RuntimeError("no model call expected"), name="system")
    report = await _winrate(tmp_path, refuse)
    assert refuse.calls == [] and report.failed == 0  # samples and judge calls replayed
    redone = [r for r in report.records if (r.system, r.item) == (lost["system"], lost["item"])]
    assert redone[0].score == lost["score"]
    lines = (tmp_path / "run" / "records.jsonl").read_text().splitlines()
    assert json.loads(lines[-1])["item"] == lost["item"]  # appended after the cut line


async def test_without_the_cache_only_the_unfinished_item_is_redone(tmp_path: Path) -> None:
    await _winrate(tmp_path, table_model(ANSWERS, stochastic="GOOD"))
    lost = _cut_last_record(tmp_path / "run" / "records.jsonl")
    (tmp_path / "run" / "cache.sqlite").unlink()
    model = table_model(ANSWERS, stochastic="GOOD")
    report = await _winrate(tmp_path, model)
    assert report.failed == 0
    assert len(model.calls) == lost["n"]  # that one record's samples, nothing else
    assert {c.messages[-1].content for c in model.calls} == {
        next(i.prompt for i in ITEMS if i.id == lost["item"])
    }


async def test_a_rerun_with_other_settings_is_refused(tmp_path: Path) -> None:
    await _winrate(tmp_path, table_model(ANSWERS))
    with pytest.raises(ConfigurationError, match="other settings \\(llm differ\\)"):
        await aevaluate(
            winrate_task(), ITEMS, SYSTEMS, llm=table_model(ANSWERS), judge=marker_judge(),
            out=tmp_path / "run", settings={"llm": "another"},
        )  # fmt: skip


async def test_nothing_scored_raises_with_every_cause(tmp_path: Path) -> None:
    broken = ScriptedChat(lambda m, p: ProviderStatusError("nope", status_code=401))
    with pytest.raises(BatchError, match="none of the 6 items could be scored") as caught:
        await _winrate(tmp_path, broken)
    assert len(caught.value.exceptions) == 6


def test_accuracy_compares_extracted_answers_in_any_script(tmp_path: Path) -> None:
    items = [
        EvalItem(id="1", prompt="6*7?", answer="42", language="en"),
        EvalItem(id="2", prompt="٦×٧؟", answer="42", language="ar"),
        EvalItem(id="3", prompt="2+2?", answer="4", language="en"),
    ]
    replies = {"6*7?": "The answer is 42.0", "٦×٧؟": "الجواب هو ٤٢", "2+2?": "Answer: 5"}
    model = ScriptedChat(lambda m, p: replies[m[-1].content])
    systems = standard_systems([1], Hedged(), [], Temperature(temperature=0))
    report = evaluate(accuracy_task(), items, systems, llm=model, out=tmp_path / "acc")
    assert [r.score for r in report.records] == [1.0, 1.0, 0.0]
    assert [r.details["extracted"] for r in report.records] == ["42", "42", "5"]
    assert _rows(report)[("greedy", "ar")] == (1.0, 1.0, 1.0)
    assert "plot" not in report.files  # a single N: nothing to plot


@pytest.mark.parametrize(
    ("predicted", "expected", "match"),
    [("42", "42", True), ("42", "42.0", True), ("1000", "1,000", True), ("41", "42", False),
     (None, "42", False), ("paris", "Paris", True), ("lyon", "Paris", False)],
)  # fmt: skip
def test_answers_match_as_numbers_or_normalised_text(
    predicted: str | None, expected: str, match: bool
) -> None:
    assert answers_match(predicted, expected) is match


def test_translation_reports_corpus_chrf_per_system(tmp_path: Path) -> None:
    items = [
        EvalItem(id="1", prompt="Good morning", reference="Buenos días", language="es"),
        EvalItem(id="2", prompt="Thank you", reference="Merci beaucoup", language="fr"),
    ]
    perfect = {"Good morning": "Buenos días", "Thank you": "Merci beaucoup"}

    def translate(messages: Sequence[Message], params: SamplingParams) -> str:
        text = messages[-1].content
        assert text.startswith("Translate the following text into ")
        source = text.rsplit("\n\n", 1)[1]
        return perfect[source] if params.temperature == 0 else "xyz"

    systems = standard_systems(
        [1, 2], Temperature(temperature=0.9), ["mbr"], Temperature(temperature=0)
    )
    report = evaluate(
        translation_task(), items, systems, llm=ScriptedChat(translate), out=tmp_path / "t"
    )
    rows = _rows(report)
    assert rows[("greedy", "all")] == (100.0, 100.0, 100.0)
    assert rows[("temperature=0.9+mbr@2", "all")][0] < 10
    delta = _rows(report, "deltas")[("temperature=0.9+mbr@2", "all")]
    assert delta[0] < -90 and delta[1] <= delta[0] <= delta[2]


@pytest.mark.parametrize(
    ("items", "systems", "options", "message"),
    [
        ([], SYSTEMS, {}, "at least one item and one system"),
        (ITEMS, [SYSTEMS[0], SYSTEMS[0]], {}, "system names must be unique"),
        (ITEMS, SYSTEMS, {"max_concurrency": 0}, "max_concurrency must be >= 1"),
    ],
)
def test_impossible_runs_are_refused_before_any_call(
    tmp_path: Path, items: list[EvalItem], systems: list[object], options: dict[str, int],
    message: str,
) -> None:  # fmt: skip
    model = table_model(ANSWERS)
    with pytest.raises(ConfigurationError, match=message):
        evaluate(winrate_task(), items, systems, llm=model, out=tmp_path, **options)  # type: ignore[arg-type]
    assert model.calls == []
