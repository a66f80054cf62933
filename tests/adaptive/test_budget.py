"""Compute budgets: validation, batch totals, and adaptive runs that never overspend."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from polypick import Temperature, Usage
from polypick.adaptive import AdaptiveBestOfN, AdaptiveSettings, ComputeBudget, Ledger
from polypick.errors import ConfigurationError
from polypick.testing import ScriptedChat

PROMPTS = [f"Question {i}: pick a number." for i in range(5)]


def _split(_messages: object, params: object) -> str:
    seed = getattr(params, "seed", 0) or 0
    return f"The answer is {seed % 3}"  # never settles: every prompt keeps wanting samples


def test_a_budget_needs_a_cap_and_money_needs_prices() -> None:
    with pytest.raises(ValidationError, match="at least one"):
        ComputeBudget()
    with pytest.raises(ValidationError, match="price"):
        ComputeBudget(money=1.0)
    assert ComputeBudget(money=1.0, output_price=1e-6).money == 1.0


def test_a_per_prompt_budget_is_pooled_over_a_batch() -> None:
    budget = ComputeBudget(generations=8, tokens=1000, money=0.5, input_price=1e-6)
    total = budget.for_batch(3)
    assert (total.generations, total.tokens, total.money, total.per) == (24, 3000, 1.5, "batch")
    assert total.for_batch(10) == total
    fixed = ComputeBudget(generations=10, per="batch")
    assert fixed.for_batch(3).generations == 10


def test_the_ledger_counts_what_surely_fits() -> None:
    ledger = Ledger(ComputeBudget(generations=10, tokens=100))
    assert ledger.affordable(20, prompt_tokens=5, max_tokens=15) == 5  # 100 // 20
    ledger.charge(2, Usage(prompt_tokens=10, completion_tokens=30))
    assert ledger.affordable(20, prompt_tokens=5, max_tokens=15) == 3  # 60 // 20
    assert ledger.affordable(20, prompt_tokens=5, max_tokens=None) == 0
    money = Ledger(ComputeBudget(money=1.0, input_price=0.01, output_price=0.02))
    assert money.affordable(100, prompt_tokens=10, max_tokens=20) == 2  # 0.5 per sample


@pytest.mark.parametrize("generations", [4, 5, 7, 12])
def test_a_generation_budget_is_never_exceeded(generations: int) -> None:
    chat = ScriptedChat(_split)
    plan = Temperature(temperature=0.7, seed=0)
    adaptive = AdaptiveBestOfN(chat, ComputeBudget(generations=generations), sampling=plan)
    run = adaptive.run_batch(PROMPTS)
    assert run.report.generations == sum(p.samples for p in run.report.prompts)
    assert run.report.generations <= generations * len(PROMPTS)
    assert len(chat.calls) == run.report.generations
    assert run.report.generations > (generations - 2) * len(PROMPTS)  # and it was spent


@pytest.mark.parametrize("tokens", [2000, 2500, 4000])
def test_a_token_budget_is_never_exceeded(tokens: int) -> None:
    plan = Temperature(temperature=0.7, seed=0, max_tokens=8)
    adaptive = AdaptiveBestOfN(
        ScriptedChat(_split), ComputeBudget(tokens=tokens, per="batch"), sampling=plan
    )
    run = adaptive.run_batch(PROMPTS)
    billed = sum(s.usage.generation.total_tokens for s in run.selections)
    assert billed == run.report.usage.total_tokens <= tokens
    assert run.report.generations > 4 * len(PROMPTS)


def test_a_money_budget_is_never_exceeded() -> None:
    budget = ComputeBudget(money=3.0, input_price=0.001, output_price=0.002, per="batch")
    plan = Temperature(temperature=0.7, seed=0, max_tokens=8)
    run = AdaptiveBestOfN(ScriptedChat(_split), budget, sampling=plan).run_batch(PROMPTS)
    assert 0 < run.report.money <= 3.0
    assert run.report.generations > 4 * len(PROMPTS)


def test_a_budget_that_cannot_pay_the_first_round_is_refused_before_any_request() -> None:
    chat = ScriptedChat(_split)
    adaptive = AdaptiveBestOfN(chat, ComputeBudget(generations=10, per="batch"))
    with pytest.raises(ConfigurationError, match="first round"):
        adaptive.run_batch(PROMPTS)
    with pytest.raises(ConfigurationError, match="first round"):
        AdaptiveBestOfN(chat, ComputeBudget(tokens=1000)).run("hi")  # no max_tokens: unbounded
    assert chat.calls == []


def test_invalid_settings_are_refused() -> None:
    chat = ScriptedChat(_split)
    with pytest.raises(ConfigurationError, match="first_round"):
        AdaptiveBestOfN(chat, ComputeBudget(generations=4), first_round=0)
    with pytest.raises(ConfigurationError, match="step"):
        AdaptiveSettings(step=0)
    with pytest.raises(ConfigurationError, match="round_share"):
        AdaptiveSettings(round_share=0.0)


@settings(max_examples=25, deadline=None)
@given(
    generations=st.integers(1, 12),
    first_round=st.integers(1, 4),
    step=st.integers(1, 3),
    prompts=st.integers(1, 4),
    per_batch=st.booleans(),
)
def test_no_budget_is_ever_exceeded(
    generations: int, first_round: int, step: int, prompts: int, per_batch: bool
) -> None:
    budget = ComputeBudget(generations=generations * (prompts if per_batch else 1))
    if per_batch:
        budget = budget.model_copy(update={"per": "batch"})
    chat = ScriptedChat(_split)
    adaptive = AdaptiveBestOfN(
        chat,
        budget,
        first_round=first_round,
        sampling=Temperature(temperature=0.7, seed=0),
        settings=AdaptiveSettings(step=step, max_samples=16),
    )
    if first_round > generations:
        with pytest.raises(ConfigurationError):
            adaptive.run_batch(PROMPTS[:prompts])
        return
    run = adaptive.run_batch(PROMPTS[:prompts])
    assert len(chat.calls) == run.report.generations <= generations * prompts
    assert all(first_round <= p.samples <= 16 for p in run.report.prompts)
