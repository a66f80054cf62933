"""Budget allocation across prompts: more to the uncertain ones, nothing to settled ones, never
more than the budget."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from polypick.adaptive import plan_round


def test_the_most_uncertain_prompts_are_served_first_and_settled_ones_never() -> None:
    plan = plan_round([0.1, 0.0, 0.5, 0.3], room=[8, 8, 8, 8], affordable=4, step=2)
    assert plan == [0, 0, 2, 2]


def test_room_caps_a_prompt_and_the_rest_goes_to_the_next() -> None:
    assert plan_round([0.9, 0.5], room=[1, 8], affordable=5, step=4) == [1, 4]


def test_nothing_to_do_when_everything_is_settled() -> None:
    assert plan_round([0.0, -1.0], room=[4, 4], affordable=10, step=2) == [0, 0]


def test_step_must_be_positive() -> None:
    with pytest.raises(ValueError, match="step"):
        plan_round([0.5], room=[4], affordable=4, step=0)


@given(
    st.lists(
        st.tuples(st.floats(-1, 1, allow_nan=False), st.integers(0, 10)), min_size=1, max_size=12
    ),
    st.integers(0, 40),
    st.integers(1, 5),
)
def test_allocation_never_exceeds_budget_or_room_and_prefers_higher_gains(
    prompts: list[tuple[float, int]], affordable: int, step: int
) -> None:
    gains = [g for g, _ in prompts]
    room = [r for _, r in prompts]
    plan = plan_round(gains, room, affordable, step)
    assert sum(plan) <= affordable
    for given_, gain, cap in zip(plan, gains, room, strict=True):
        assert 0 <= given_ <= min(step, cap)
        if gain <= 0:
            assert given_ == 0
    # a prompt left out while budget remained had no gain or no room
    if sum(plan) < affordable:
        for given_, gain, cap in zip(plan, gains, room, strict=True):
            assert given_ == min(step, cap) or gain <= 0 or cap == 0
    # nobody with a lower gain is served while a higher-gain prompt with room got nothing
    for i, gi in enumerate(gains):
        for j, gj in enumerate(gains):
            if gi > gj > 0 and plan[j] > 0 and room[i] > 0:
                assert plan[i] > 0
