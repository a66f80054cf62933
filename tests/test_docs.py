"""The Python examples in the README and docs run, as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

# the examples run with the library's real defaults, the injection classifier's included
pytestmark = pytest.mark.injection_default

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
EMBEDDED_MODEL = re.compile(r"""llm=["']local["']""")  # examples that run the embedded model


def _examples() -> list[tuple[str, str]]:
    found = []
    for page in PAGES:
        for number, code in enumerate(BLOCK.findall(page.read_text()), start=1):
            found.append((f"{page.relative_to(ROOT)}#{number}", code))
    return found


EXAMPLES = _examples()
CASES = [
    pytest.param(
        name, code, id=name, marks=[pytest.mark.local_model] * bool(EMBEDDED_MODEL.search(code))
    )
    for name, code in EXAMPLES
]


def test_the_readme_has_examples() -> None:
    assert any(name.startswith("README.md") for name, _ in EXAMPLES)


@pytest.mark.parametrize(("name", "code"), CASES)
def test_example_runs(name: str, code: str, capsys: pytest.CaptureFixture[str]) -> None:
    namespace: dict[str, object] = {"__name__": "__docs__"}
    exec(compile(code, name, "exec"), namespace)
    if "print(" in code:
        assert capsys.readouterr().out.strip(), f"{name} printed nothing"
