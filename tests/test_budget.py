"""Cost plans before anything runs, and budgets that refuse or downgrade."""

from __future__ import annotations

import pytest

from polypick import BestOfN, Budget, Hedged, Temperature
from polypick.errors import ConfigurationError
from polypick.selectors import (
    ChopsSelector,
    JudgeSelector,
    MajoritySelector,
    MBRSelector,
    TournamentSelector,
    XMBRSelector,
)
from polypick.testing import ScriptedChat


def scripted(max_n: int = 1) -> ScriptedChat:
    return ScriptedChat(lambda messages, params: f"answer {params.seed}", max_n=max_n)


@pytest.mark.parametrize(
    ("selector", "n", "calls"),
    [
        (ChopsSelector(), 16, 2),
        (ChopsSelector(permutations=3), 5, 4),
        (JudgeSelector(), 16, 16),
        (TournamentSelector("knockout"), 16, 30),
        (TournamentSelector("round_robin", both_orders=False), 5, 10),
        (MBRSelector(utility="judge"), 16, 240),
        (MBRSelector(utility="chrf"), 16, 0),
        (XMBRSelector(evidence=3, utility="judge"), 5, 54),
        (MajoritySelector(), 8, 0),
    ],
    ids=["chops", "chops-k3", "judge", "knockout", "round-robin-1", "mbr-judge", "mbr-chrf",
         "xmbr-judge", "majority"],
)  # fmt: skip
def test_the_plan_states_selection_calls(selector: object, n: int, calls: int) -> None:
    bon = BestOfN(scripted(), n=n, sampling=0.7, selector=selector, judge=scripted())  # type: ignore[arg-type]
    assert bon.cost().selection_calls == calls


async def test_planned_calls_match_what_a_call_spends() -> None:
    # numbered CHOPS labels, so the one scripted reply ("best": "1") is a valid vote
    chops = ChopsSelector(labels="numbers")
    for selector in (chops, JudgeSelector(), TournamentSelector("knockout")):
        judge = ScriptedChat(
            lambda messages, params: (
                '{"reasoning": "r", "score": 5, "winner": "A", "best": "1", "checklist": ["ok"]}'
            )
        )
        bon = BestOfN(scripted(), n=5, sampling=0.7, selector=selector, judge=judge)
        sel = await bon.ainvoke("q")
        assert sel.usage.selection.requests == bon.cost().selection_calls, selector.name


def test_generation_requests_follow_n_support() -> None:
    plan = Hedged(temperature=0.8)
    assert BestOfN(scripted(max_n=1), n=8, sampling=plan).cost().generation_requests == 8
    # with n honoured: the greedy sample alone, the seven stochastic ones in one request
    assert BestOfN(scripted(max_n=16), n=8, sampling=plan).cost().generation_requests == 2


def test_over_budget_is_refused_before_any_request() -> None:
    model = scripted()
    with pytest.raises(ConfigurationError, match="240 selection calls"):
        BestOfN(
            model,
            n=16,
            selector=MBRSelector(utility="judge"),
            budget=Budget(max_judge_calls=50),
        )
    assert model.calls == []


async def test_over_budget_downgrades_to_a_knockout_and_says_so() -> None:
    judge = ScriptedChat(lambda messages, params: '{"reasoning": "r", "winner": "A"}')
    bon = BestOfN(
        scripted(),
        n=16,
        sampling=0.7,
        selector=MBRSelector(utility="judge"),
        judge=judge,
        budget=Budget(max_judge_calls=50, on_exceed="downgrade"),
    )
    assert bon.selector.name == "tournament"
    assert bon.cost().selection_calls == 30 and bon.cost().downgraded_from == "mbr"
    sel = await bon.ainvoke("q")
    assert sel.selector == "tournament"
    assert sel.usage.selection.requests == 30
    assert any(e.event == "budget.downgrade" and e.data["replaced"] == "mbr" for e in sel.trace)


def test_a_tight_budget_downgrades_down_the_ladder() -> None:
    budget = Budget(max_judge_calls=1, on_exceed="downgrade")
    bon = BestOfN(scripted(), n=6, selector="judge", budget=budget)
    assert bon.selector.name == "chops" and bon.cost().selection_calls == 1
    free = BestOfN(
        scripted(), n=6, selector="judge", budget=Budget(max_judge_calls=0, on_exceed="downgrade")
    )
    assert free.selector.name == "mbr" and free.cost().selection_calls == 0


def test_token_caps_need_a_reply_budget_and_check_each_prompt() -> None:
    capped = Budget(max_tokens_total=2_000)
    unbounded = BestOfN(scripted(), n=4, sampling=0.7, selector="majority", budget=capped)
    with pytest.raises(ConfigurationError, match="set max_tokens") as refused:
        unbounded.invoke("q")
    assert "None" not in str(refused.value)  # an unknown bound is said in words
    bounded = BestOfN(
        scripted(), n=4, sampling=Temperature(max_tokens=100), selector="majority", budget=capped
    )
    assert bounded.cost("short question").max_tokens_total is not None
    assert bounded.invoke("short question").text
    with pytest.raises(ConfigurationError, match="over max_tokens_total=2000"):
        bounded.invoke("a very long prompt " * 1_000)
