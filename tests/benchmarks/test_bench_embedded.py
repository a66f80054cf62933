"""benchmarks/embedded_default.py reads ``make run``'s command from the Makefile itself."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]

MAKEFILE = """\
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PROMPT ?= Quelle est la capitale de la France ?
PROMPT ?= ignored: the first assignment wins

run: $(VENV)/.run-installed
\t$(BIN)/polypick run "$(PROMPT)" -n 3 --seed 7
test: lint
\t$(BIN)/pytest
"""


def test_the_run_target_expands_to_the_polypick_command(embedded: ModuleType) -> None:
    assert embedded.run_command(MAKEFILE) == [
        ".venv/bin/polypick",
        "run",
        "Quelle est la capitale de la France ?",
        "-n",
        "3",
        "--seed",
        "7",
    ]


def test_the_real_makefile_yields_a_polypick_run_command(embedded: ModuleType) -> None:
    argv = embedded.run_command((ROOT / "Makefile").read_text(encoding="utf-8"))
    assert argv[0] == ".venv/bin/polypick"
    assert argv[1] == "run"
    assert "$(" not in " ".join(argv)


def test_recipe_stops_at_the_next_target_and_skips_assignments(embedded: ModuleType) -> None:
    text = "run := not a target\nrun:\n\techo one\n\techo two\nother:\n\techo three\n"
    assert embedded.recipe(text, "run") == ["echo one", "echo two"]


def test_a_missing_target_or_command_is_reported(embedded: ModuleType) -> None:
    with pytest.raises(ValueError, match="no target 'run'"):
        embedded.run_command("test:\n\tpytest\n")
    with pytest.raises(ValueError, match="no polypick command"):
        embedded.run_command("run:\n\techo hello\n")


def test_self_referencing_variables_are_refused(embedded: ModuleType) -> None:
    with pytest.raises(ValueError, match="nest deeper"):
        embedded.expand("$(A)", {"A": "x$(A)"})


names = st.from_regex(r"[A-Z_][A-Z0-9_]{0,6}", fullmatch=True)
# letters, digits, punctuation and spaces: no "$" and nothing that splits a line
values = st.text(alphabet=st.characters(whitelist_categories=("L", "N", "P", "Zs")), max_size=20)


@given(st.dictionaries(names, values, max_size=5), st.lists(names, max_size=6))
def test_expansion_substitutes_every_reference(
    embedded: ModuleType, variables: dict[str, str], used: list[str]
) -> None:
    template = " ".join(f"<$({name})>" for name in used)
    expected = " ".join(f"<{variables.get(name, '')}>" for name in used)
    assert embedded.expand(template, variables) == expected


@given(values)
def test_text_without_references_is_left_alone(embedded: ModuleType, text: str) -> None:
    assert embedded.expand(text, {"A": "b"}) == text


@given(st.dictionaries(names, values.map(str.strip), min_size=1, max_size=5))
def test_assignments_are_read_back(embedded: ModuleType, variables: dict[str, str]) -> None:
    operators = ["=", ":=", "?="]
    text = "\n".join(
        f"{name} {operators[i % 3]} {value}" for i, (name, value) in enumerate(variables.items())
    )
    parsed = embedded.makefile_variables(text)
    assert {name: parsed[name] for name in variables} == variables
    assert all(re.fullmatch(r"[A-Z_][A-Z0-9_]*", name) for name in parsed)


def test_without_judge_drops_the_option_and_its_value_only(embedded: ModuleType) -> None:
    argv = ["polypick", "run", "--judge", "local", "q", "-n", "3", "--judge=openai:x"]
    assert embedded.without_judge(argv) == ["polypick", "run", "q", "-n", "3"]
    assert embedded.without_judge(["polypick", "run", "q"]) == ["polypick", "run", "q"]
