"""Property tests of the pure search logic: steps, aggregation, ranking, votes, budgets."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from polypick.core.types import Message
from polypick.errors import ConfigurationError
from polypick.search import aggregate, choose, split_budget, split_steps
from polypick.search.revision import hierarchical_choice, revision_messages
from polypick.search.steps import join_steps, rank, top_k

unit = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
scores_lists = st.lists(unit, min_size=1, max_size=12)


@given(scores_lists)
def test_aggregates_are_ordered_and_last_is_last(scores: list[float]) -> None:
    low, high = min(scores), max(scores)
    assert aggregate(scores, "last") == scores[-1]
    assert aggregate(scores, "min") == low
    assert low - 1e-12 <= aggregate(scores, "mean") <= high + 1e-12
    assert aggregate(scores, "prod") <= low + 1e-12  # each factor is at most 1


@given(unit, st.integers(min_value=1, max_value=8))
def test_equal_step_scores_aggregate_to_that_score(score: float, count: int) -> None:
    scores = [score] * count
    for how in ("last", "min", "mean"):
        assert aggregate(scores, how) == pytest.approx(score)
    assert aggregate(scores, "prod") == pytest.approx(score**count)


def test_aggregate_rejects_unknown_names_and_empty_lists() -> None:
    with pytest.raises(ConfigurationError, match="last, min, prod, mean"):
        aggregate([0.5], "max")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="empty"):
        aggregate([], "last")


step_text = st.text(alphabet="ab c=1+\n", min_size=1, max_size=8).map(str.strip).filter(bool)


@given(st.lists(step_text.filter(lambda s: "\n\n" not in s), max_size=6))
def test_split_inverts_join(steps: list[str]) -> None:
    assert split_steps(join_steps(steps, "\n\n"), "\n\n") == steps


@given(st.text(max_size=40), st.sampled_from(["\n", "\n\n", "##"]))
def test_split_steps_are_stripped_non_blank_and_delimiter_free(text: str, delim: str) -> None:
    for step in split_steps(text, delim):
        assert step == step.strip() and step and delim not in step


def test_empty_delimiter_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="delimiter"):
        split_steps("a", "")


optional_scores = st.lists(st.one_of(st.none(), unit, st.just(math.nan)), max_size=10)


@given(optional_scores)
def test_rank_puts_scored_first_in_descending_order(scores: list[float | None]) -> None:
    order = rank(scores)
    assert sorted(order) == list(range(len(scores)))
    known = [scores[i] for i in order if scores[i] is not None and not math.isnan(scores[i])]  # type: ignore[arg-type]
    assert known == sorted(known, reverse=True)  # type: ignore[type-var]
    missing = [i for i in order[len(known) :]]
    assert all(scores[i] is None or math.isnan(scores[i]) for i in missing)  # type: ignore[arg-type]


@given(optional_scores, st.integers(min_value=0, max_value=12))
def test_top_k_is_a_prefix_of_rank(scores: list[float | None], k: int) -> None:
    assert top_k(scores, k) == rank(scores)[:k]


@given(
    st.lists(st.tuples(st.sampled_from(["41", "42", "43"]), unit), min_size=1, max_size=10),
)
def test_weighted_vote_picks_a_member_of_the_heaviest_answer(
    pairs: list[tuple[str, float]],
) -> None:
    answers = [a for a, _ in pairs]
    scores = [s for _, s in pairs]
    index = choose(answers, scores, "weighted")
    totals = {a: sum(s for b, s in pairs if b == a) for a in answers}
    if max(totals.values()) > 0:
        assert totals[answers[index]] == max(totals.values())
        same = [s for a, s in pairs if a == answers[index]]
        assert scores[index] == max(same)  # the group's best-scored member represents it
    assert choose(answers, scores, "best") == rank(scores)[0]


def test_weighted_vote_beats_majority_and_best() -> None:
    answers = ["41", "41", "41", "42", "42"]
    scores = [0.3, 0.3, 0.3, 0.6, 0.55]
    assert choose(answers, scores, "weighted") == 3  # 1.15 beats 0.9
    assert choose(["41", "41", "42"], [0.6, 0.6, 0.9], "weighted") == 0  # 1.2 beats 0.9
    assert choose(["41", "41", "42"], [0.6, 0.6, 0.9], "best") == 2


@given(st.integers(min_value=1, max_value=300), st.floats(min_value=1e-3, max_value=1e3))
def test_budget_split_stays_within_budget(budget: int, ratio: float) -> None:
    chains, length = split_budget(budget, ratio)
    assert chains >= 1 and length >= 1 and chains * length <= budget


def test_budget_split_extremes() -> None:
    assert split_budget(16, 1.0) == (4, 4)
    assert split_budget(16, 1e6) == (1, 16)  # fully sequential
    assert split_budget(16, 1e-6) == (16, 1)  # fully parallel
    with pytest.raises(ConfigurationError):
        split_budget(0, 1.0)
    with pytest.raises(ConfigurationError):
        split_budget(4, 0.0)


def test_hierarchical_choice_never_just_takes_the_last_attempt() -> None:
    chain = [("42", 0.9), ("41", 0.2), ("40", 0.1)]  # right first, revised into wrong answers
    assert hierarchical_choice([chain]) == (0, 0)
    assert hierarchical_choice([chain], "best") == (0, 0)


def test_hierarchical_choice_weighs_chain_winners_by_their_chain_totals() -> None:
    strong = [("42", 0.5), ("42", 0.5), ("41", 0.1)]  # 42 carries 1.0 into the final vote
    lone = [("41", 0.8), ("43", 0.1), ("44", 0.1)]  # 41 carries 0.8
    assert hierarchical_choice([lone, strong]) == (1, 0)
    assert hierarchical_choice([lone, strong], "best") == (0, 0)


@given(st.lists(st.text(min_size=1, max_size=5), max_size=8), st.integers(0, 6))
def test_revision_prompt_shows_at_most_window_latest_attempts(
    previous: list[str], window: int
) -> None:
    request = [Message(role="user", content="Q?")]
    messages = revision_messages(request, previous, window)
    shown = min(window, len(previous))
    assert messages[0] == request[0]
    if shown == 0:
        assert messages == request
    else:
        assert messages[-1].content.count("--- attempt ") == shown
        assert f"--- attempt {shown} ---\n{previous[-1]}" in messages[-1].content
