"""Pairwise tournaments: knockout and round robin, judged in both orders."""

from __future__ import annotations

import asyncio
import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pairwise_doubles import SEEDED, SHOWN, judging, sampler, verdict
from polypick import BestOfN, Hedged, RetryPolicy, Selection, Temperature, Temperatures
from polypick.core.language import LanguageDetector
from polypick.errors import ConfigurationError, ProviderStatusError
from polypick.selectors import resolve_selector
from polypick.selectors.prompting import unmark
from polypick.selectors.tournament import Format, TournamentSelector, match_winner
from polypick.testing import Reply, ScriptedChat

NO_WAIT = RetryPolicy(max_retries=0, initial_wait=0, max_wait=0)
PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FORMATS: list[Format] = ["knockout", "round_robin"]


def best_judge(a: str, b: str) -> str:
    """Always prefers the text containing BEST; otherwise the larger text."""
    if ("BEST" in a) != ("BEST" in b):
        return verdict("A" if "BEST" in a else "B")
    return verdict("A" if a > b else "B")


def run(
    texts: Sequence[str],
    selector: TournamentSelector,
    judge: ScriptedChat,
    *,
    sampling: Temperature | Temperatures = SEEDED,
    detect: LanguageDetector | bool = False,
) -> Selection:
    bon = BestOfN(
        sampler(texts), n=len(texts), sampling=sampling, selector=selector, judge=judge,
        retry=NO_WAIT, detect_language=detect,
    )  # fmt: skip
    return asyncio.run(bon.ainvoke("hola, ¿qué tal?"))


def data(sel: Selection, name: str) -> list[dict[str, Any]]:
    return [e.data for e in sel.trace if e.event == name]


# --- the pure match rule ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("p", "greedy", "expected"),
    [
        (1.0, (False, False), 3),
        (0.75, (False, False), 3),
        (0.0, (False, False), 1),
        (0.25, (True, False), 1),
        (0.5, (False, False), 1),  # a draw goes to the earlier sample
        (None, (False, False), 1),
        (0.5, (True, False), 1),
        (None, (False, True), 3),  # ... unless the other one is the greedy sample
    ],
)
def test_match_winner(p: float | None, greedy: tuple[bool, bool], expected: int) -> None:
    flags = (False, greedy[0], False, greedy[1])  # candidates 1 and 3 play
    assert match_winner(3, 1, p, flags) == expected


# --- who wins --------------------------------------------------------------------------------


@PROPERTY
@given(
    st.integers(2, 6).flatmap(lambda n: st.permutations(range(n))),
    st.sampled_from(FORMATS),
    st.integers(0, 10**6),
    st.booleans(),
)
def test_a_judge_that_knows_the_best_makes_it_win(
    order: list[int], format: Format, seed: int, both_orders: bool
) -> None:
    pool = [f"candidate {i}" + (" BEST" if i == 0 else "") for i in range(len(order))]
    pool = [pool[i] for i in order]
    selector = TournamentSelector(format, seed=seed, both_orders=both_orders)
    sel = run(pool, selector, judging(best_judge))
    assert "BEST" in sel.text
    assert sel.scores[sel.index] == max(s for s in sel.scores if s is not None)
    assert sum(s == sel.scores[sel.index] for s in sel.scores) == 1


@PROPERTY
@given(
    st.integers(2, 6).flatmap(lambda n: st.tuples(st.just(n), st.integers(0, n - 1))),
    st.sampled_from(FORMATS),
    st.integers(0, 10**6),
)
def test_a_judge_that_always_says_a_decides_nothing(
    shape: tuple[int, int], format: Format, seed: int
) -> None:
    n, greedy_at = shape
    plan = Temperatures(temperatures=tuple(0.0 if i == greedy_at else 0.7 for i in range(n)))
    judge = judging(lambda a, b: verdict("A"))
    sel = run(
        [f"answer {i}" for i in range(n)],
        TournamentSelector(format, seed=seed),
        judge,
        sampling=plan,
    )
    assert sel.index == greedy_at  # every match is a draw: the tie-break decides, not the slot
    assert {e["p"] for e in data(sel, "tournament.match")} == {0.5}
    if format == "round_robin":
        assert set(sel.scores) == {(n - 1) / 2}


# --- the knockout bracket --------------------------------------------------------------------


@pytest.mark.parametrize("n", [2, 3, 5, 6, 8])
def test_the_knockout_bracket_gives_first_round_byes_only(n: int) -> None:
    sel = run([f"c{i}" for i in range(n)], TournamentSelector(seed=7), judging(best_judge))
    rounds = math.ceil(math.log2(n))
    [bracket] = data(sel, "tournament.bracket")
    assert sorted(bracket["order"]) == list(range(n))
    assert len(bracket["byes"]) == 2**rounds - n
    matches = data(sel, "tournament.match")
    assert len(matches) == n - 1
    played = Counter(i for m in matches for i in (m["a"], m["b"]))
    assert max(played.values()) <= rounds
    assert not set(bracket["byes"]) & {m["a"] for m in matches if m["round"] == 1}
    assert sel.scores[sel.index] == rounds
    assert sel.text == max(f"c{i}" for i in range(n))  # the best_judge ranking's top


def test_the_bracket_is_reproducible_with_a_seed() -> None:
    def bracket(seed: int | None) -> object:
        sel = run([f"c{i}" for i in range(6)], TournamentSelector(seed=seed), judging(best_judge))
        return data(sel, "tournament.bracket")[0]["order"]

    assert bracket(3) == bracket(3)
    assert len({str(bracket(seed)) for seed in range(8)}) > 1


# --- cost ------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [3, 4, 5, 6])
@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize("both_orders", [True, False])
def test_judge_calls_match_the_documented_formula(
    n: int, format: Format, both_orders: bool
) -> None:
    judge = judging(best_judge)
    selector = TournamentSelector(format, both_orders=both_orders, seed=1)
    sel = run([f"c{i}" for i in range(n)], selector, judge)
    matches = n - 1 if format == "knockout" else n * (n - 1) // 2
    calls = matches * (2 if both_orders else 1)
    assert len(data(sel, "tournament.match")) == matches
    assert len(judge.calls) == calls
    assert sel.usage.selection.requests == calls
    assert len(data(sel, "pairwise.done")) == calls


# --- failures --------------------------------------------------------------------------------


@pytest.mark.parametrize("format", FORMATS)
def test_failed_matches_go_to_the_greedy_sample_and_are_listed(format: Format) -> None:
    def flaky(a: str, b: str) -> Reply:
        return ProviderStatusError("no", status_code=400) if "c1" in (a, b) else best_judge(a, b)

    plan = Temperatures(temperatures=(0.7, 0.0, 0.7, 0.7), seed=0)
    sel = run(
        ["c0", "c1", "c2", "c3"], TournamentSelector(format, seed=0), judging(flaky), sampling=plan
    )
    assert sel.selection_failures and {f.stage for f in sel.selection_failures} == {"pairwise"}
    if format == "round_robin":
        assert sel.scores[1] is None  # every match of c1 failed
        assert sel.text == "c3"
    else:  # c1, the greedy sample, wins each of its matches by the tie-break
        assert sel.text == "c1"


@pytest.mark.parametrize("format", FORMATS)
def test_when_every_match_fails_the_greedy_sample_is_returned(format: Format) -> None:
    judge = judging(lambda a, b: ProviderStatusError("forbidden", status_code=403))
    plan = Temperatures(temperatures=(0.7, 0.7, 0.0), seed=0)
    sel = run(["a", "b", "c"], TournamentSelector(format), judge, sampling=plan)
    assert sel.index == 2 and sel.best.greedy
    assert data(sel, "tournament.fallback")


# --- language fidelity -----------------------------------------------------------------------


@pytest.mark.parametrize("format", FORMATS)
def test_off_language_candidates_stay_out_while_others_can_play(format: Format) -> None:
    pool = ["hola amigo", "BEST hello friend", "hola a todos", "buenos días"]

    def detect(text: str) -> str | None:
        return "en" if "hello" in text else "es"

    judge = judging(best_judge)
    sel = run(pool, TournamentSelector(format), judge, detect=detect)
    assert sel.text != "BEST hello friend"
    assert sel.scores[1] is None
    assert data(sel, "tournament.excluded") == [{"candidates": [1]}]
    matches = 2 if format == "knockout" else 3  # three entrants
    assert len(judge.calls) == 2 * matches
    assert all("The user wrote in Spanish" in c.messages[0].content for c in judge.calls)
    selector = TournamentSelector(format, language_fidelity=False)
    assert run(pool, selector, judging(best_judge), detect=detect).text == "BEST hello friend"


# --- configuration ---------------------------------------------------------------------------


def test_configuration() -> None:
    selector = TournamentSelector()
    assert selector.name == "tournament" and selector.needs_judge
    assert selector.format == "knockout" and selector.both_orders
    with pytest.raises(ConfigurationError, match="round_robin"):
        TournamentSelector("swiss")  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError):
        TournamentSelector(max_concurrency=0)
    named = resolve_selector("tournament", format="round_robin")
    assert isinstance(named, TournamentSelector) and named.format == "round_robin"


# --- the embedded model ----------------------------------------------------------------------


@pytest.mark.local_model
def test_a_knockout_judged_by_the_embedded_model_itself() -> None:
    selector = TournamentSelector(seed=0, max_tokens=160)
    with BestOfN(llm="local", n=3, sampling=Hedged(max_tokens=32), selector=selector) as bon:
        sel = bon.invoke("Name a fruit.")
    assert len(sel.candidates) == 3 and len(sel.scores) == 3
    assert len(data(sel, "tournament.match")) == 2
    judged = len(data(sel, "pairwise.done"))
    assert 4 <= judged <= 8  # two matches, both orders, at most one re-ask each
    assert sel.usage.selection.requests == judged
    assert sel.usage.selection.completion_tokens > 0


def test_round_robin_with_one_order_alternates_who_is_shown_first() -> None:
    judge = judging(best_judge)
    run([f"c{i}" for i in range(5)], TournamentSelector("round_robin", both_orders=False), judge)
    first = Counter(
        [(k, unmark(v)) for k, v in SHOWN.findall(c.messages[1].content)][0][1] for c in judge.calls
    )
    assert sorted(first.values()) == [2, 2, 2, 2, 2]
