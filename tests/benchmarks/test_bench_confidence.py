"""benchmarks/confidence.py: its generated questions carry the right answers, and it grades
answers the way the docs say."""

from __future__ import annotations

import re
from types import ModuleType


def test_generated_arithmetic_answers_are_right_and_languages_vary(
    confidence_bench: ModuleType,
) -> None:
    bench = confidence_bench
    asked = bench.questions(24, seed=5)
    numeric = [q for q in asked if q.numeric]
    assert len(numeric) == 16 and len({q.language for q in asked}) >= 6
    for q in numeric:
        a, op, b = re.search(r"(\d+) ([+-]) (\d+)", q.prompt).groups()  # type: ignore[union-attr]
        assert int(q.answer) == (int(a) + int(b) if op == "+" else int(a) - int(b))
    assert asked == bench.questions(24, seed=5)  # reproducible


def test_grading(confidence_bench: ModuleType) -> None:
    bench = confidence_bench
    sum_question = bench.Question("What is 2 + 5?", "en", "7", numeric=True)
    assert bench.is_correct(sum_question, "2 + 5 = 7. The answer is 7.")
    assert not bench.is_correct(sum_question, "The answer is 8, not 7.")
    fact = bench.Question("Capital of France?", "en", "paris", numeric=False)
    assert bench.is_correct(fact, "The capital is Paris.")
    assert not bench.is_correct(fact, "Lyon")
