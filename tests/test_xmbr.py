"""X-MBR: evidence in a pivot language joins the pseudo-references, never the candidates."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polypick import BestOfN, RetryPolicy, Selection, Temperature, Temperatures
from polypick.core.language import LanguageDetector, default_detector
from polypick.core.types import Message, SamplingParams
from polypick.errors import ConfigurationError, ProviderStatusError
from polypick.selectors import resolve_selector
from polypick.selectors.base import Selector
from polypick.selectors.mbr import MBRSelector
from polypick.selectors.prompting import unmark
from polypick.selectors.utilities import FunctionUtility, UtilitySpec
from polypick.selectors.utilities.judge import JudgePreference
from polypick.selectors.xmbr import ParallelPrompt, XMBRSelector
from polypick.testing import Reply, ScriptedChat

NO_WAIT = RetryPolicy(max_retries=0, initial_wait=0, max_wait=0)
SEEDED = Temperature(seed=0)  # sample i gets seed i: the scripts answer by seed
SHOWN = re.compile(r'<candidate label="([AB])">\n(.*?)\n</candidate>', re.DOTALL)
PROPERTY = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TRANSLATION = "What is the boiling point of water?"
Evidence = Callable[[int], Reply]


def model(
    pool: Sequence[str], evidence: Evidence, translation: Reply = TRANSLATION
) -> ScriptedChat:
    """Samples ``pool[seed]``, translates to ``translation``, and answers the translated prompt
    with ``evidence(k)`` for the k-th evidence sample (seeds continue after the pool's)."""

    def respond(messages: Sequence[Message], params: SamplingParams) -> Reply:
        if "professional translator" in messages[0].content:
            return translation
        assert params.seed is not None
        if params.seed >= len(pool):
            return evidence(params.seed - len(pool))
        return pool[params.seed]

    return ScriptedChat(respond, name="llm")


def judging(fn: Callable[[str, str], Reply]) -> ScriptedChat:
    def respond(messages: Sequence[Message], params: SamplingParams) -> Reply:
        found = dict([(k, unmark(v)) for k, v in SHOWN.findall(messages[1].content)])
        return fn(found["A"], found["B"])

    return ScriptedChat(respond, name="judge")


def verdict(winner: str) -> str:
    return f'{{"reasoning": "because", "winner": "{winner}"}}'


def marker(k: int) -> str:
    return f"EVIDENCE {k}"


def run(
    llm: ScriptedChat,
    n: int,
    selector: Selector,
    judge: ScriptedChat | None = None,
    *,
    prompt: str = "¿A qué temperatura hierve el agua?",
    detect: LanguageDetector | bool = False,
    sampling: Temperature | Temperatures = SEEDED,
) -> Selection:
    bon = BestOfN(
        llm, n=n, sampling=sampling, selector=selector, judge=judge, retry=NO_WAIT,
        detect_language=detect,
    )  # fmt: skip
    return asyncio.run(bon.ainvoke(prompt))


def data(sel: Selection, name: str) -> list[dict[str, Any]]:
    return [e.data for e in sel.trace if e.event == name]


def translate_calls(llm: ScriptedChat) -> list[Sequence[Message]]:
    return [c.messages for c in llm.calls if "professional translator" in c.messages[0].content]


def evidence_calls(llm: ScriptedChat, n: int) -> list[SamplingParams]:
    return [c.params for c in llm.calls if c.params.seed is not None and c.params.seed >= n]


# --- configuration ---------------------------------------------------------------------------


def test_chrf_is_rejected_because_it_is_not_cross_lingual() -> None:
    with pytest.raises(ConfigurationError, match="character n-grams"):
        XMBRSelector(utility="chrf")


@pytest.mark.parametrize(
    "options",
    [{"evidence": 0}, {"evidence": True}, {"evidence": 2.5}, {"temperature": 0.0}],
    ids=["no-evidence", "bool", "fraction", "greedy-evidence"],
)
def test_invalid_settings_fail_before_any_request(options: dict[str, object]) -> None:
    with pytest.raises(ConfigurationError):
        XMBRSelector(**options)  # type: ignore[arg-type]


def test_defaults_and_judge_needs() -> None:
    selector = XMBRSelector()
    assert selector.name == "xmbr" and selector.evidence == 3
    assert selector.utility.name == "embedding" and not selector.needs_judge
    assert XMBRSelector(utility="judge").needs_judge
    assert isinstance(resolve_selector("xmbr"), XMBRSelector)


# --- the evidence ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prompt_language", "pivot", "expected"),
    [
        ("es", None, "English"),
        ("en", None, "Chinese"),
        (None, None, "English"),
        ("es", "fr", "French"),
    ],
)
def test_the_prompt_is_translated_into_the_pivot_language(
    prompt_language: str | None, pivot: str | None, expected: str
) -> None:
    pool = ["uno", "dos", "tres"]
    llm = model(pool, marker)
    selector = XMBRSelector(evidence=2, pivot=pivot, utility=FunctionUtility(lambda h, r: 0.0))
    sel = run(llm, 3, selector, detect=lambda text: prompt_language)
    [translate] = translate_calls(llm)
    assert f"into {expected}." in translate[0].content
    assert "¿A qué temperatura hierve el agua?" in translate[1].content
    assert [c.params.temperature for c in llm.calls if c.messages == tuple(translate)] == [0.0]
    [event] = data(sel, "xmbr.translate")
    assert event["text"] == TRANSLATION and event["source"] == "translated"


def test_evidence_is_sampled_concurrently_in_the_pivot_language_and_recorded() -> None:
    pool = ["uno", "dos", "tres", "cuatro"]
    llm = model(pool, marker)
    plan = Temperatures(temperatures=(0.0, 0.9, 0.9, 0.9), seed=0, max_tokens=77)
    selector = XMBRSelector(evidence=3, utility=FunctionUtility(lambda h, r: 0.0))
    sel = run(llm, 4, selector, sampling=plan, prompt="  ¿Qué?")
    params = evidence_calls(llm, 4)
    assert len(params) == 3
    evidence_prompts = {c.messages for c in llm.calls if c.params in params}
    assert evidence_prompts == {(Message(role="user", content=TRANSLATION),)}
    assert {p.temperature for p in params} == {0.9}  # the candidates' stochastic temperature
    assert {p.max_tokens for p in params} == {77}
    assert len({p.seed for p in params}) == 3  # distinct, and none of the candidates' seeds
    assert not {p.seed for p in params} & {0, 1, 2, 3}
    [event] = data(sel, "xmbr.evidence")
    assert event["pivot"] == "en" and event["requested"] == 3
    assert sorted(event["texts"]) == sorted(marker((p.seed or 0) - 4) for p in params)
    [matrix] = data(sel, "xmbr.matrix")
    assert matrix["columns"] == [0, 1, 2, 3, "e0", "e1", "e2"]


@pytest.mark.parametrize(
    "parallel", [TRANSLATION, {"¿A qué temperatura hierve el agua?": TRANSLATION}.get]
)
def test_a_parallel_prompt_skips_the_translation(parallel: ParallelPrompt) -> None:
    llm = model(["uno", "dos"], marker)
    selector = XMBRSelector(2, utility=FunctionUtility(lambda h, r: 0.0), parallel_prompt=parallel)
    sel = run(llm, 2, selector)
    assert translate_calls(llm) == [] and len(evidence_calls(llm, 2)) == 2
    assert data(sel, "xmbr.translate")[0]["source"] == "parallel_prompt"
    assert sel.usage.selection.requests == 2


def test_no_translation_when_the_pivot_is_the_prompts_language() -> None:
    llm = model(["one", "two"], marker)
    selector = XMBRSelector(2, pivot="en", utility=FunctionUtility(lambda h, r: 0.0))
    sel = run(llm, 2, selector, prompt="How hot is boiling water?", detect=lambda text: "en")
    assert translate_calls(llm) == [] and len(evidence_calls(llm, 2)) == 2
    assert data(sel, "xmbr.translate")[0]["source"] == "prompt"


@PROPERTY
@given(
    st.lists(
        st.text(min_size=1, max_size=30).filter(lambda t: "EVIDENCE" not in t and t.strip()),
        min_size=2,
        max_size=6,
        unique=True,
    ),
    st.integers(1, 4),
)
def test_evidence_is_never_selected(pool: list[str], m: int) -> None:
    def loves_evidence(a: str, b: str) -> str:  # a judge that thinks the evidence is best
        return verdict("A" if "EVIDENCE" in a else "B" if "EVIDENCE" in b else "tie")

    setups: list[tuple[UtilitySpec, ScriptedChat | None]] = [
        ("judge", judging(loves_evidence)),
        (FunctionUtility(lambda h, r: float("EVIDENCE" in r)), None),
    ]
    for utility, judge in setups:
        llm = model(pool, marker)
        sel = run(llm, len(pool), XMBRSelector(m, utility=utility), judge)
        assert [c.text for c in sel.candidates] == pool
        assert sel.text in pool and "EVIDENCE" not in sel.text
        assert len(sel.scores) == len(pool)
        assert len(data(sel, "xmbr.evidence")[0]["texts"]) == m


# --- cost ------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [3, 4, 5, 6])
@pytest.mark.parametrize("m", [1, 3])
@pytest.mark.parametrize("both_orders", [True, False])
def test_judge_calls_match_the_documented_formula(n: int, m: int, both_orders: bool) -> None:
    llm = model([f"respuesta {i}" for i in range(n)], marker)
    judge = judging(lambda a, b: verdict("A" if a > b else "B"))
    selector = XMBRSelector(m, utility=JudgePreference(both_orders=both_orders))
    sel = run(llm, n, selector, judge)
    pairs = n * (n - 1) // 2 + n * m  # fills all N(N-1+M) cells: u(a, b) = 1 - u(b, a)
    calls = n * (n - 1) + 2 * n * m if both_orders else n * (n - 1) // 2 + n * m
    assert len(judge.calls) == calls
    assert len(data(sel, "pairwise.preference")) == pairs
    [matrix] = data(sel, "xmbr.matrix")
    cells = [v for row in matrix["matrix"] for v in row]
    assert len(cells) == n * (n + m) and None not in cells
    assert len(llm.calls) == n + 1 + m  # samples, one translation, M evidence samples
    assert sel.usage.selection.requests == calls + 1 + m
    assert sel.usage.generation.requests == n


def test_evidence_comparisons_are_cross_lingual_and_candidates_keep_the_language_rule() -> None:
    llm = model(["hola", "adiós", "gracias"], marker)
    judge = judging(lambda a, b: verdict("A"))

    def detect(text: str) -> str:  # the evidence is in the pivot language, English
        return "en" if text.startswith("EVIDENCE") else "es"

    sel = run(llm, 3, XMBRSelector(2, utility="judge"), judge, detect=detect)
    systems = [c.messages[0].content for c in judge.calls]
    assert sum("different languages" in s for s in systems) == 2 * 3 * 2
    assert sum("The user wrote in Spanish" in s for s in systems) == 3 * 2
    assert set(sel.scores) == {0.5}  # a judge that always says "A" decides nothing


# --- degrading to plain MBR ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("translation", "evidence", "failures"),
    [
        (ProviderStatusError("refused", status_code=400), marker, ["xmbr.translate"]),
        ("   ", marker, ["xmbr.translate"]),
        (TRANSLATION, lambda k: ProviderStatusError("x", status_code=400), ["xmbr.evidence"] * 2),
    ],
    ids=["translation-failed", "translation-empty", "evidence-failed"],
)
def test_failures_degrade_to_plain_mbr(
    translation: Reply, evidence: Evidence, failures: list[str]
) -> None:
    pool = ["the cat sat", "the cat sat down", "dogs bark"]
    llm = model(pool, evidence, translation)
    sel = run(llm, 3, XMBRSelector(2, utility=FunctionUtility(overlap)))
    plain = run(model(pool, evidence), 3, MBRSelector(overlap))
    assert (sel.index, sel.scores) == (plain.index, plain.scores)
    assert data(sel, "xmbr.degraded")
    assert [f.stage for f in sel.selection_failures] == failures
    assert data(sel, "xmbr.matrix")[0]["columns"] == [0, 1, 2]


def test_some_evidence_failing_keeps_the_rest() -> None:
    llm = model(["a", "b"], lambda k: marker(k) if k else ProviderStatusError("x", status_code=400))
    sel = run(llm, 2, XMBRSelector(3, utility=FunctionUtility(overlap)))
    assert data(sel, "xmbr.evidence")[0]["texts"] == [marker(1), marker(2)]
    assert not data(sel, "xmbr.degraded")
    assert len(sel.selection_failures) == 1


def overlap(hypothesis: str, reference: str) -> float:
    return float(len(set(hypothesis.split()) & set(reference.split())))


# --- real embeddings -------------------------------------------------------------------------

WATER = [
    "El agua hierve a 100 grados Celsius.",
    "El agua hierve a 50 grados.",
    "El agua nunca hierve.",
    "El agua hierve a 50 grados Celsius.",
]
ENGLISH = [
    "Water boils at 100 degrees Celsius.",
    "At sea level water boils at 100 °C.",
    "The boiling point of water is 100 degrees Celsius.",
]


def test_english_evidence_overrules_a_wrong_spanish_consensus_with_embeddings() -> None:
    plain = run(model(WATER, ENGLISH.__getitem__), 4, MBRSelector("embedding"))
    assert plain.text == "El agua hierve a 50 grados Celsius."  # the wrong majority wins
    llm = model(WATER, ENGLISH.__getitem__)
    sel = run(llm, 4, XMBRSelector(3, utility="embedding"))
    assert sel.text == "El agua hierve a 100 grados Celsius."
    assert data(sel, "xmbr.evidence")[0]["texts"] == ENGLISH
    assert sel.usage.selection.requests == 4  # translation + 3 evidence; embeddings are free


# --- the embedded model ----------------------------------------------------------------------


@pytest.mark.local_model
def test_xmbr_with_embeddings_on_the_embedded_model() -> None:
    plan = Temperature(temperature=0.8, seed=1, max_tokens=32)
    selector = XMBRSelector(evidence=2, utility="embedding", max_tokens=48)
    with BestOfN(llm="local", n=3, sampling=plan, selector=selector) as bon:
        sel = bon.invoke("¿Cuál es la capital de Francia?")
    assert len(sel.candidates) == 3 and len(sel.scores) == 3
    [evidence] = data(sel, "xmbr.evidence")
    assert evidence["pivot"] == "en" and len(evidence["texts"]) <= 2
    detect = default_detector()
    assert all(detect(text) in (None, "en") for text in evidence["texts"])  # checked evidence
    redrawn = sum(e["redrawn"] for e in data(sel, "xmbr.evidence.dropped"))
    assert sel.text == sel.candidates[sel.index].text  # a candidate, never the evidence
    [matrix] = data(sel, "xmbr.matrix")
    assert matrix["columns"] == [0, 1, 2, *(f"e{k}" for k in range(len(evidence["texts"])))]
    assert sel.usage.generation.requests == 3
    # one translation, two evidence samples, and one redraw per sample in the wrong language
    assert sel.usage.selection.requests == 1 + 2 + redrawn


# --- evidence in the wrong language ----------------------------------------------------------

SPANISH_EVIDENCE = "El agua hierve a cien grados Celsius al nivel del mar, más o menos."


def test_evidence_in_the_wrong_language_is_drawn_again_then_dropped() -> None:
    # A scripted model that answers the English (pivot) prompt in Spanish for evidence 0
    # always, and for evidence 1 only the first time (its redraw has the next fresh seed).
    def evidence(k: int) -> str:
        if k in (0, 1):
            return SPANISH_EVIDENCE
        return ENGLISH[k % len(ENGLISH)] if k != 3 else SPANISH_EVIDENCE

    llm = model(WATER, evidence)
    sel = run(llm, 4, XMBRSelector(3, utility=FunctionUtility(overlap)), detect=True)
    [dropped] = data(sel, "xmbr.evidence.dropped")
    assert dropped["pivot"] == "en" and dropped["redrawn"] == 2
    [used] = data(sel, "xmbr.evidence")
    assert SPANISH_EVIDENCE not in used["texts"]  # never used as English evidence
    assert used["texts"] == [ENGLISH[2], ENGLISH[1]]  # the good first draw, the good redraw
    assert dropped["dropped"] == [SPANISH_EVIDENCE] * 3  # two first draws, one redraw
    assert len(evidence_calls(llm, 4)) == 5  # at most M more calls: one redraw each
    [matrix] = data(sel, "xmbr.matrix")
    assert matrix["columns"] == [0, 1, 2, 3, "e0", "e1"]


def test_without_language_detection_evidence_is_not_checked() -> None:
    llm = model(WATER, lambda k: SPANISH_EVIDENCE)
    sel = run(llm, 4, XMBRSelector(3, utility=FunctionUtility(overlap)), detect=False)
    assert not data(sel, "xmbr.evidence.dropped")
    assert data(sel, "xmbr.evidence")[0]["texts"] == [SPANISH_EVIDENCE] * 3
