"""The expected answer language and the fidelity rule: instructions, inference, penalties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from polypick import BestOfN, Settings, select
from polypick.core.answer_language import (
    AnswerLanguage,
    expected_language,
    requested_language,
    settle,
)
from polypick.core.types import Candidate
from polypick.errors import ConfigurationError
from polypick.selectors.base import best_index, off_language
from polypick.testing import ScriptedChat

NAMED = {
    "Translate the following text into Czech: The cat sat on the mat.": "cs",
    "Translate from German to English: Der Hund schläft.": "en",
    "Please answer in Korean. What is the capital of France?": "ko",
    "Réponds en français : quelle est la capitale ?": "fr",
    "Bitte antworte auf Deutsch: What is 2+2?": "de",
    "请用中文回答：What is the capital of France?": "zh",
    "日本語で答えてください。What is AI?": "ja",
    "한국어로 답하세요. What is AI?": "ko",
    "Ответь на русском языке: what is AI?": "ru",
    "Translate this into Icelandic: Good morning.": "is",
    "Traduce al inglés: Buenos días.": "en",
    "Przetłumacz na angielski: Dzień dobry.": "en",
    "Přeložte do češtiny: Good morning": "cs",
    "Übersetze ins Englische: Guten Morgen.": "en",
    "把这句话翻译成英文：你好": "en",
    "Vertaal naar het Engels: goedemorgen": "en",
    "Write a poem in Spanish about the sea.": "es",
}
NOT_NAMED = [
    "What is 'dog' in French?",
    "Do Spanish people eat late?",
    "How do I write a for loop in Python?",
    "The quick brown fox jumps over the lazy dog.",
    "Explain in detail how engines work.",
]


@pytest.mark.parametrize(("prompt", "code"), NAMED.items())
def test_an_instruction_names_the_answer_language(prompt: str, code: str) -> None:
    assert requested_language(prompt) == code


@pytest.mark.parametrize("prompt", NOT_NAMED)
def test_a_language_mentioned_without_an_instruction_names_nothing(prompt: str) -> None:
    assert requested_language(prompt) is None


def test_a_long_source_text_quoting_a_language_is_not_read_as_the_instruction() -> None:
    source = "The report was written in German. " * 40  # a source to translate, quoting German
    prompt = f"Translate into Czech:\n{source}"
    assert requested_language(prompt) == "cs"


def test_precedence_explicit_then_instruction_then_task_then_prompt() -> None:
    prompt = "Translate into Czech: good morning"
    assert expected_language(prompt, "en", explicit="sk") == AnswerLanguage("sk", "explicit")
    assert expected_language(prompt, "en") == AnswerLanguage("cs", "instruction")
    bare = "Good morning, everyone."
    assert expected_language(bare, "en", task="translation") == AnswerLanguage(None, "task")
    assert expected_language(bare, "en") == AnswerLanguage("en", "prompt")
    assert expected_language(bare, None) == AnswerLanguage(None)


def test_a_translation_task_takes_the_candidates_language_other_than_the_source() -> None:
    task = AnswerLanguage(None, "task")
    assert settle(task, "en", ["en", "zh", "zh", None, "ja"]) == AnswerLanguage("zh", "task")
    assert settle(task, "en", ["en", None]) == task  # nothing but the source: unknown


def test_a_pool_mostly_in_another_language_overrules_only_the_prompts_language() -> None:
    guess = AnswerLanguage("en", "prompt")
    pool = ["zh"] * 8 + ["en", None]
    assert settle(guess, "en", pool) == AnswerLanguage("zh", "candidates")
    # a minority, or not twice the prompt's language: the prompt's language stands
    assert settle(guess, "en", ["zh", "zh", "en", "en", None]) == guess
    assert settle(guess, "en", ["zh", "zh", "zh", "en", "en"]) == guess
    # an explicit or instructed language is never overruled
    for source in ("explicit", "instruction"):
        stated = AnswerLanguage("en", source)  # type: ignore[arg-type]
        assert settle(stated, "en", pool) == stated


def test_answer_language_setting_is_validated_and_normalised() -> None:
    assert Settings(answer_language="pt-BR").answer_language == "pt"
    with pytest.raises(ConfigurationError, match="language code such as 'cs'"):
        Settings(answer_language="Czech language")


# --- the fidelity rule --------------------------------------------------------------------

LANGUAGES = st.sampled_from([None, "en", "zh", "ja", "wuu"])


def counts_as(code: str | None, language: str | None) -> bool:
    """The test's own statement of the rule: Wu Chinese ("wuu", how the detector misreads some
    Chinese) counts as Chinese; nothing else but the same code counts."""
    return code is not None and (code == language or {code, language} == {"zh", "wuu"})


SCORES = st.one_of(st.none(), st.just(math.nan), st.floats(0, 1))


@st.composite
def pools(draw: st.DrawFn) -> tuple[list[float | None], list[Candidate], str | None]:
    n = draw(st.integers(1, 8))
    scores = draw(st.lists(SCORES, min_size=n, max_size=n))
    languages = draw(st.lists(LANGUAGES, min_size=n, max_size=n))
    greedy = draw(st.integers(-1, n - 1))
    candidates = [
        Candidate(text=f"c{i}", sample=i, language=lang, greedy=i == greedy)
        for i, lang in enumerate(languages)
    ]
    return scores, candidates, draw(LANGUAGES)


def _valid(score: float | None) -> bool:
    return score is not None and not math.isnan(score)


@given(pools())
def test_an_undetected_candidate_never_beats_a_confident_match_through_the_penalty(
    pool: tuple[list[float | None], list[Candidate], str | None],
) -> None:
    scores, candidates, language = pool
    index = best_index(scores, candidates, language)
    scored = [i for i, s in enumerate(scores) if _valid(s)]
    if not scored:
        assert index is None
        return
    assert index is not None
    winner = candidates[index]
    matches = [i for i in scored if counts_as(candidates[i].language, language)]
    if winner.language is None and matches:
        assert scores[index] >= max(scores[i] for i in matches)  # type: ignore[operator]
    if matches:  # fidelity acts: the winner is never confidently off-language
        assert winner.language is None or counts_as(winner.language, language)
        rivals = [
            i
            for i in scored
            if candidates[i].language is None or counts_as(candidates[i].language, language)
        ]
        assert scores[index] == max(scores[i] for i in rivals)  # type: ignore[type-var]
    else:  # nothing confidently in the language: the penalty protects nothing, scores decide
        assert scores[index] == max(scores[i] for i in scored)  # type: ignore[type-var]


@given(pools())
def test_without_an_expected_language_the_best_score_wins(
    pool: tuple[list[float | None], list[Candidate], str | None],
) -> None:
    scores, candidates, _ = pool
    index = best_index(scores, candidates, None)
    valid = [s for s in scores if _valid(s)]
    if valid:
        assert index is not None and scores[index] == max(valid)  # type: ignore[type-var]


def test_garbled_text_no_longer_wins_when_every_good_candidate_is_off_language() -> None:
    # The failure this rule fixes: the answer language guessed wrong, every good candidate
    # "off-language", and the one the detector could not read won with the lowest score.
    candidates = [
        Candidate(text="a", language="zh"),
        Candidate(text="b", language="zh"),
        Candidate(text="c", language=None),
    ]
    assert best_index([0.48, 0.47, 0.01], candidates, "en") == 0


def test_languages_the_detector_confuses_are_not_penalised_as_off_language() -> None:
    # WMT23 English-Chinese: a good Chinese translation read as Wu Chinese ("wuu") lost to a
    # worse one read as Chinese; Icelandic read as Faroese is the same for en-is.
    candidates = [
        Candidate(text="特朗普是一个邪教。", language="wuu"),
        Candidate(text="特朗普是邪教", language="zh"),
        Candidate(text="Trump is a cult.", language="en"),
    ]
    assert best_index([0.9, 0.5, 0.95], candidates, "zh") == 0
    assert not off_language(Candidate(text="x", language="fo"), "is")
    assert not off_language(Candidate(text="x", language="hr"), "sr")
    assert off_language(Candidate(text="x", language="en"), "zh")
    assert off_language(Candidate(text="x", language="ru"), "uk")  # not confused: kept apart
    sel = select("Translate into Chinese: Trump is a cult.", [c.text for c in candidates], "mbr")
    assert sel.answer_language == "zh"
    assert all(sel.candidates[i].language not in ("zh", "wuu", "yue") for i in sel.off_language)


# --- end to end ---------------------------------------------------------------------------

CZECH = "Kočka seděla na rohožce a dívala se z okna na zahradu."
ENGLISH = "The cat sat on the mat and looked out of the window at the garden."


def test_best_of_n_follows_an_instruction_naming_the_output_language() -> None:
    model = ScriptedChat([ENGLISH, CZECH, ENGLISH])
    bon = BestOfN(model, n=3, selector="mbr", detect_language=True)
    sel = bon.invoke("Translate into Czech: The cat sat on the mat and looked at the garden.")
    assert (sel.language, sel.answer_language) == ("en", "cs")
    assert sel.answer_language_source == "instruction"
    assert sel.text == CZECH  # the two English answers agree most; fidelity keeps the Czech one
    assert sel.off_language == tuple(i for i, c in enumerate(sel.candidates) if c.text == ENGLISH)
    event = next(e for e in sel.trace if e.event == "language.answer")
    assert event.data == {"language": "cs", "source": "instruction"}


def test_explicit_answer_language_wins_over_everything() -> None:
    sel = select(
        "Translate into Czech: the cat sat on the mat.",
        [CZECH, CZECH, ENGLISH],
        "mbr",
        answer_language="en",
    )
    assert (sel.answer_language, sel.answer_language_source) == ("en", "explicit")
    assert sel.text == ENGLISH


def test_a_bare_source_text_is_judged_by_its_pool_language() -> None:
    source = "The cat sat on the mat and looked out of the window at the garden."
    zh = [
        "猫坐在垫子上，望着窗外的花园。",
        "猫坐在垫子上，看着窗外的花园。",
        "那只猫坐在垫子上看着花园。",
    ]
    sel = select(source, [source, *zh], "mbr", utility="chrf")
    assert (sel.answer_language, sel.answer_language_source) == ("zh", "candidates")
    assert sel.index != 0  # the untranslated copy is now the off-language one
    assert sel.off_language == (0,)
