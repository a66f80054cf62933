"""Difficulty estimates and the early-stopping rule, on votes whose outcome is known."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from polypick.adaptive import leader_uncertainty, should_stop, vote_gain, vote_stats

ANSWERS = st.lists(st.sampled_from(["7", "8", "9", None]), min_size=1, max_size=20)


def test_vote_stats_counts_the_leader_runner_up_and_scores() -> None:
    stats = vote_stats(["7", "8", "7", None], [0.9, 0.1, None, 0.5])
    assert (stats.n, stats.leader, stats.top, stats.runner_up) == (4, "7", 2, 1)
    assert stats.agreement == 0.5
    assert stats.mean_score == 0.5


def test_a_tie_for_the_lead_goes_to_the_answer_seen_first() -> None:
    assert vote_stats(["8", "7", "7", "8"]).leader == "8"


def test_leader_uncertainty_known_values() -> None:
    assert leader_uncertainty(0, 0) == 0.5
    assert leader_uncertainty(3, 3) == 0.5
    assert leader_uncertainty(4, 0) == 1 / 32


@given(st.integers(0, 30), st.integers(0, 30))
def test_leader_uncertainty_falls_as_the_lead_grows(top: int, runner_up: int) -> None:
    if top < runner_up:
        top, runner_up = runner_up, top
    assert 0.0 < leader_uncertainty(top, runner_up) <= 0.5
    assert leader_uncertainty(top + 1, runner_up) < leader_uncertainty(top, runner_up)


@given(ANSWERS, st.sampled_from([0.5, 0.75, 0.8, 1.0]), st.integers(1, 6))
def test_early_stopping_stops_exactly_when_agreement_reaches_the_threshold(
    answers: list[str | None], threshold: float, first_round: int
) -> None:
    for n in range(1, len(answers) + 1):
        prefix = answers[:n]
        counts = [prefix.count(a) for a in set(prefix) if a is not None]
        agreement = max(counts, default=0) / n
        expected = n >= first_round and bool(counts) and agreement >= threshold
        assert should_stop(vote_stats(prefix), threshold, first_round) is expected


def test_unanimous_first_round_stops_and_a_split_one_does_not() -> None:
    assert should_stop(vote_stats(["42"] * 4), 0.8, 4)
    assert not should_stop(vote_stats(["42", "42", "42", "41"]), 0.8, 4)
    assert should_stop(vote_stats(["42", "42", "42", "41", "42"]), 0.8, 4)  # 4/5 = 0.8
    assert not should_stop(vote_stats(["42"] * 3), 0.8, 4)  # not before the first round ends


def test_vote_gain_prefers_close_votes_over_settled_or_scattered_ones() -> None:
    close = vote_gain(vote_stats(["1", "2", "1", "2", "1", "2"]))
    settled = vote_gain(vote_stats(["1"] * 6))
    scattered = vote_gain(vote_stats(["1", "2", "3", "4", "5", "6"]))
    assert close > scattered > settled
    assert vote_gain(vote_stats([None, None])) == 0.0
