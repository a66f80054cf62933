"""AdaptiveBestOfN on the embedded SmolLM2 model, for real (a few short samples)."""

from __future__ import annotations

import pytest

from polypick import Temperature
from polypick.adaptive import AdaptiveBestOfN, ComputeBudget

pytestmark = pytest.mark.local_model


def test_adaptive_best_of_n_on_the_embedded_model() -> None:
    plan = Temperature(temperature=0.7, seed=1, max_tokens=16)
    adaptive = AdaptiveBestOfN("local", ComputeBudget(generations=3), first_round=2, sampling=plan)
    run = adaptive.run_batch(["What is 2 + 3? Answer with a number.", "What is 4 + 4?"])
    assert run.report.generations <= 6
    assert all(2 <= p.samples <= 4 for p in run.report.prompts)
    for sel in run.selections:
        assert sel.text.strip()
        assert sel.usage.generation.prompt_tokens > 0
