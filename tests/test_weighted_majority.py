"""Weighted majority: answer groups weighted by a scorer's ratings."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from polypick import BestOfN
from polypick.selectors import RewardSelector, WeightedMajoritySelector
from polypick.selectors.weighted_majority import weighted_vote
from polypick.testing import ScriptedChat


def test_a_heavier_minority_beats_a_lighter_majority() -> None:
    verdict = weighted_vote(["7", "7", "9"], [0.1, 0.2, 0.9], [False] * 3)
    assert verdict.index == 2
    assert verdict.scores[2] == max(s for s in verdict.scores if s is not None)


def test_equal_weights_reduce_to_a_plain_majority() -> None:
    verdict = weighted_vote(["7", "9", "7"], [1.0, 1.0, 1.0], [False] * 3)
    assert verdict.index in (0, 2)
    assert verdict.scores == (2 / 3, 1 / 3, 2 / 3)


def test_no_positive_weight_falls_back() -> None:
    assert weighted_vote(["1", "2"], [None, -3.0], [False, False]).fallback


@given(
    st.lists(
        st.tuples(st.sampled_from(["1", "2", "3", None]), st.floats(0, 10), st.booleans()),
        min_size=1,
        max_size=12,
    )
)
def test_the_winner_belongs_to_a_heaviest_group(rows: list[tuple[str | None, float, bool]]) -> None:
    answers = [a for a, _, _ in rows]
    weights: list[float | None] = [w for _, w, _ in rows]
    greedy = [g for _, _, g in rows]
    verdict = weighted_vote(answers, weights, greedy)
    totals: dict[str, float] = {}
    for answer, weight in zip(answers, weights, strict=True):
        if answer is not None:
            totals[answer] = totals.get(answer, 0.0) + (weight or 0.0)
    if not totals or sum(totals.values()) == 0:
        assert verdict.fallback
        return
    winner = answers[verdict.index]
    assert winner is not None and totals[winner] == max(totals.values())


async def test_end_to_end_with_a_reward_scorer() -> None:
    model = ScriptedChat(["The answer is 12.", "Answer: 12", "I think 15", "so 15"])

    def reward(prompt: str, candidate: str) -> float:
        return 5.0 if "15" in candidate else 1.0

    selector = WeightedMajoritySelector(RewardSelector(reward))
    sel = await BestOfN(model, n=4, sampling=0.7, selector=selector).ainvoke("3 * 5?")
    assert "15" in sel.text
    assert any(e.event == "weighted_majority.vote" for e in sel.trace)
    assert not selector.needs_judge
    assert WeightedMajoritySelector().needs_judge  # the default scorer is the LLM judge
