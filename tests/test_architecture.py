"""The shape of the code, checked: what docs/architecture.md promises and import-linter cannot see.

- No package imports another package's private module (``polypick.providers._loop_local`` is
  the providers' own business).
- Selector members are read as attributes of the ``Selector`` base, never probed with
  ``getattr``: the base supplies a documented default for each.
- No adapter decides what a call is for by comparing its messages with the prompt: every request
  says so itself (``ModelRequest.stage``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from polypick.selectors.base import SELECTOR_MEMBERS

SOURCE = Path(__file__).resolve().parents[1] / "src" / "polypick"


def modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(SOURCE.rglob("*.py")):
        dotted = ".".join(("polypick", *path.relative_to(SOURCE).with_suffix("").parts))
        yield dotted.removesuffix(".__init__"), ast.parse(path.read_text(), str(path))


def imported(tree: ast.Module) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
            yield from ((node.lineno, f"{node.module}.{a.name}") for a in node.names)
        elif isinstance(node, ast.Import):
            yield from ((node.lineno, a.name) for a in node.names)


def package(dotted: str) -> str:
    return ".".join(dotted.split(".")[:2])


def private_part(dotted: str) -> bool:
    return any(p.startswith("_") and not p.startswith("__") for p in dotted.split(".")[2:])


def test_no_package_imports_another_packages_private_modules() -> None:
    found = [
        f"{name}:{line} imports {target}"
        for name, tree in modules()
        for line, target in imported(tree)
        if target.startswith("polypick.")
        and private_part(target)
        and package(target) != package(name)
    ]
    assert found == []


def test_selector_members_are_never_probed_with_getattr() -> None:
    members = {*SELECTOR_MEMBERS, "planned_calls", "reads_candidates", "needs_logprobs"}
    found = [
        f"{name}:{node.lineno}"
        for name, tree in modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("getattr", "hasattr")
        and len(node.args) >= 2
        and isinstance(node.args[1], ast.Constant)
        and node.args[1].value in members
        and not name.startswith("polypick.selectors.base")  # missing_members() names them
    ]
    assert found == []


def _mentions(node: ast.AST, words: set[str]) -> bool:
    return any(
        (isinstance(n, ast.Name) and n.id in words)
        or (isinstance(n, ast.Attribute) and n.attr in words)
        for n in ast.walk(node)
    )


@pytest.mark.parametrize("where", ["polypick.integrations", "polypick.serve", "polypick.cache"])
def test_no_adapter_compares_messages_to_tell_what_a_call_is_for(where: str) -> None:
    found = []
    for name, tree in modules():
        if not name.startswith(where):
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Compare):
                continue
            if not all(isinstance(op, ast.Eq | ast.NotEq) for op in node.ops):
                continue
            sides = [node.left, *node.comparators]
            if sum(_mentions(side, {"messages", "prompt"}) for side in sides) >= 2:
                found.append(f"{name}:{node.lineno}")
    assert found == []
