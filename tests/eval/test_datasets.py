"""Reading evaluation sets: JSONL and TSV, required fields per task, errors naming the line."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polypick.errors import ConfigurationError
from polypick.eval import load_hf, load_items


def _jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def test_jsonl_items_keep_their_fields_and_default_ids_to_the_line(tmp_path: Path) -> None:
    data = _jsonl(
        tmp_path / "set.jsonl",
        [
            {"id": "a", "prompt": "2+2?", "answer": 4, "language": "en", "category": "math"},
            {"prompt": "3+3?", "answer": "6"},
        ],
    )
    items = load_items(data, "accuracy")
    assert [i.id for i in items] == ["a", "2"]
    assert items[0].answer == "4" and items[0].category == "math"
    assert items[1].language is None


def test_missing_languages_are_detected_from_the_prompt_or_the_reference(tmp_path: Path) -> None:
    data = _jsonl(tmp_path / "t.jsonl", [{"prompt": "Hello", "reference": "Hola"}])
    seen: list[str] = []

    def detect(text: str) -> str:
        seen.append(text)
        return "xx"

    assert load_items(data, "translation", detect=detect)[0].language == "xx"
    assert load_items(data, "winrate", detect=detect)[0].language == "xx"
    assert seen == ["Hola", "Hello"]  # translation: the target side


def test_tsv_reads_a_header_and_rows(tmp_path: Path) -> None:
    data = tmp_path / "set.tsv"
    data.write_text("id\tprompt\treference\tlanguage\nx1\tBonjour ?\tSalut.\tfr\n", "utf-8")
    (item,) = load_items(data, "winrate")
    assert (item.id, item.prompt, item.reference, item.language) == (
        "x1",
        "Bonjour ?",
        "Salut.",
        "fr",
    )


@pytest.mark.parametrize(
    ("content", "task", "message"),
    [
        ('{"prompt": "q"}\n', "winrate", r"set\.jsonl, line 1: missing field 'reference'"),
        ('{"prompt": "q", "answer": 1}\n{"reference": "r"}\n', "accuracy",
         "line 2: missing field 'prompt'"),
        ('{"prompt": "q", "answer": 1}\nnot json\n', "accuracy", "line 2: not valid JSON"),
        ('["a list"]\n', "accuracy", "line 1: expected a JSON object"),
        ('{"prompt": ["x"], "answer": 1}\n', "accuracy", "line 1: field 'prompt' must be text"),
        ('{"id": 1, "prompt": "q", "answer": 1}\n{"id": "1", "prompt": "r", "answer": 2}\n',
         "accuracy", "line 2: id '1' repeats line 1"),
        ("\n\n", "accuracy", "holds no items"),
    ],
)  # fmt: skip
def test_bad_rows_name_the_file_line_and_field(
    tmp_path: Path, content: str, task: str, message: str
) -> None:
    data = tmp_path / "set.jsonl"
    data.write_text(content, "utf-8")
    with pytest.raises(ConfigurationError, match=message):
        load_items(data, task)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("prompt\tanswer\tcolour\nq\t1\tred\n", r"line 1: unknown column\(s\) \['colour'\]"),
        ("question\tanswer\nq\t1\n", "line 1: the header must name the columns"),
        ("prompt\tanswer\nq\t1\textra\n", "line 2: more cells than header columns"),
        ("prompt\tanswer\nq\t1\nr\t\n", "line 3: missing field 'answer'"),
    ],
)
def test_bad_tsv_rows_name_the_line(tmp_path: Path, content: str, message: str) -> None:
    data = tmp_path / "set.tsv"
    data.write_text(content, "utf-8")
    with pytest.raises(ConfigurationError, match=message):
        load_items(data, "accuracy")


def test_a_missing_file_or_an_unknown_format_says_what_to_pass(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="no data file at"):
        load_items(tmp_path / "none.jsonl", "winrate")
    (tmp_path / "set.csv").write_text("prompt\nq\n")
    with pytest.raises(ConfigurationError, match="use .jsonl or .tsv"):
        load_items(tmp_path / "set.csv", "winrate")


def test_limit_keeps_the_first_items(tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [{"prompt": f"q{i}", "answer": i} for i in range(5)]
    assert [
        i.prompt for i in load_items(_jsonl(tmp_path / "s.jsonl", rows), "accuracy", limit=2)
    ] == ["q0", "q1"]


def test_hugging_face_loading_without_datasets_gives_an_install_hint() -> None:
    if importlib.util.find_spec("datasets") is not None:
        pytest.skip("datasets is installed: loading would go online")
    with pytest.raises(ConfigurationError, match="pip install datasets"):
        load_hf("CohereLabs/m-ArenaHard-v2.0", "winrate")


text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    str.strip
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.tuples(text, text, st.sampled_from(["en", "de", None])), min_size=1, max_size=6
    )
)
def test_any_jsonl_written_as_documented_reads_back(
    tmp_path: Path, rows: list[tuple[str, str, str | None]]
) -> None:
    data = _jsonl(
        tmp_path / "rt.jsonl",
        [
            {"id": f"i{k}", "prompt": p, "reference": r, "language": lang}
            for k, (p, r, lang) in enumerate(rows)
        ],
    )
    items = load_items(data, "winrate")
    assert [(i.prompt, i.reference, i.language) for i in items] == rows
