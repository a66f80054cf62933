"""Adaptive stopping on live calls: ``BestOfN(..., early_stop=...)`` (issue 20, Done-when 3)."""

from __future__ import annotations

import itertools

import pytest

from polypick import Agreement, BestOfN, Confidence, Supermajority
from polypick.errors import ConfigurationError
from polypick.testing import ScriptedChat


def _agreeing(answer: str = "7") -> ScriptedChat:
    return ScriptedChat(lambda messages, params: f"Some working. The answer is {answer}.")


def _never_agreeing() -> ScriptedChat:
    counter = itertools.count()
    return ScriptedChat(lambda messages, params: f"The answer is {next(counter)}.")


def test_a_pool_that_agrees_early_sends_fewer_requests_and_records_the_saving() -> None:
    llm = _agreeing()
    result = BestOfN(llm, n=10, selector="majority", early_stop="agreement").invoke("2 + 5?")
    # Agreement(0.95) needs 4 unanimous votes: a first wave of 3 (15/16 < 0.95), then 2 more.
    assert len(llm.calls) == 5 == result.usage.generation.requests
    assert len(result.candidates) == 5
    assert result.early_stop is not None
    assert result.early_stop.drawn == 5 and result.early_stop.samples_saved == 5
    assert result.early_stop.requests_saved == 5
    per_sample = result.candidates[1].usage.total_tokens  # a stochastic sample's request
    assert result.early_stop.tokens_saved == 5 * per_sample
    assert result.early_stop.reason is not None
    assert any(e.event == "stop.done" for e in result.trace)


def test_a_pool_that_never_agrees_sends_all_n() -> None:
    llm = _never_agreeing()
    result = BestOfN(llm, n=8, selector="majority", early_stop="agreement").invoke("pick a number")
    assert len(llm.calls) == 8 == len(result.candidates)
    assert result.early_stop is not None
    assert result.early_stop.reason is None
    assert result.early_stop.samples_saved == result.early_stop.requests_saved == 0
    assert result.early_stop.tokens_saved == 0


def test_the_greedy_sample_is_in_the_first_wave_and_the_plan_order_is_kept() -> None:
    llm = _agreeing()
    result = BestOfN(
        llm, n=10, selector="majority", early_stop=Supermajority(min_samples=2)
    ).invoke("2 + 5?")
    assert len(llm.calls) == 2
    assert [c.sample for c in result.candidates] == [0, 1]
    assert result.candidates[0].greedy


def test_waves_follow_the_rule_s_wave_size() -> None:
    # Half the samples agree: Supermajority(0.75) never holds, every wave of 3 is drawn.
    answers = itertools.cycle(["1", "1", "2"])
    llm = ScriptedChat(lambda m, p: f"The answer is {next(answers)}.")
    rule = Supermajority(share=0.75, min_samples=3, wave=3)
    events: list[str] = []
    BestOfN(llm, n=9, selector="majority", early_stop=rule).invoke(
        "?", on_event=lambda e: events.append(e.event)
    )
    assert events.count("stop.check") == 3
    assert len(llm.calls) == 9


def test_without_a_rule_nothing_changes() -> None:
    llm = _agreeing()
    result = BestOfN(llm, n=6, selector="majority").invoke("2 + 5?")
    assert len(llm.calls) == 6 and result.early_stop is None


def test_a_multi_sample_backend_saves_requests_by_its_own_count() -> None:
    llm = ScriptedChat(lambda m, p: "The answer is 7.", max_n=8)
    result = BestOfN(llm, n=12, selector="majority", early_stop="agreement").invoke("2 + 5?")
    # hedged: one greedy request + one n=11 request without the rule; with it, the waves
    # (3 = greedy + n=2, then n=2) send 3 requests for 5 samples
    assert result.early_stop is not None and result.early_stop.drawn == 5
    assert result.usage.generation.requests == len(llm.calls) == 3
    assert result.early_stop.requests_saved == 0  # waves cost a request each: nothing saved here


def test_the_deadline_still_cuts_a_stopped_call() -> None:
    llm = ScriptedChat(lambda m, p: "maybe", latency_s=0.3)
    result = BestOfN(
        llm, n=8, selector="majority", early_stop=Agreement(), deadline=0.5, min_candidates=1
    ).invoke("?")
    assert result.early_stop is not None
    assert len(result.candidates) + len(result.failures) == 8
    assert any(f.error is not None and "deadline" in f.error.message for f in result.failures)
    assert len(llm.calls) < 8


def test_a_confidence_rule_needs_a_backend_with_logprobs() -> None:
    with pytest.raises(ConfigurationError, match="log-probabilities"):
        BestOfN(ScriptedChat(["x"]), n=4, early_stop=Confidence())


def test_stop_refuses_a_pool_and_unknown_names() -> None:
    with pytest.raises(ConfigurationError, match="pool"):
        BestOfN([ScriptedChat(["x"]), ScriptedChat(["y"])], n=4, early_stop="agreement")
    with pytest.raises(ConfigurationError, match="supermajority"):
        BestOfN(ScriptedChat(["x"]), n=4, early_stop="early")
