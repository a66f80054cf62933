"""Final-answer extraction and normalisation, which majority voting compares candidates by."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from polypick.selectors.answers import extract_answer, normalize_answer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"So the result is \boxed{42}.", "42"),
        (r"\boxed{1,000}", "1000"),
        (r"\boxed{-3.50}", "-3.5"),
        (r"First \boxed{1}, then on reflection \boxed{2}", "2"),
        (r"\boxed{ Paris }.", "paris"),
        (r"\boxed{x + 1}", "x + 1"),
        (r"Answer: 7. Checking 8 and 9 gives \boxed{7}", "7"),
        (r"$\boxed{\frac{1}{2}}$ since 1 out of 2", r"\frac{1}{2}"),
    ],
    ids=[
        "number",
        "thousands",
        "negative-decimal",
        "last-box-wins",
        "word",
        "expression",
        "box-beats-answer-line-and-last-number",
        "nested-braces",
    ],
)
def test_boxed_answers(text: str, expected: str) -> None:
    assert extract_answer(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Let me think. 3 + 4 = 7.\nAnswer: 7", "7"),
        ("The final answer is Paris.", "paris"),
        ("ANSWER: Yes!", "yes"),
        ("answer: 1,000.50 dollars", "1000.5"),
        ("Answer: 5\nWait, that is wrong.\nAnswer: 6", "6"),
        ("The answer is 12.\nIt took 2 steps and 3 checks.", "12"),
    ],
    ids=[
        "answer-colon",
        "final-answer-is",
        "case-insensitive",
        "number-in-answer-line",
        "last-answer-line-wins",
        "answer-line-beats-later-numbers",
    ],
)
def test_answer_lines(text: str, expected: str) -> None:
    assert extract_answer(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We need 1,000.50 in total", "1000.5"),
        ("12,345,678 grains", "12345678"),
        ("It costs 3.50", "3.5"),
        ("exactly 2.0", "2"),
        ("0.0", "0"),
        ("100 people", "100"),
        ("from 3 to 10", "10"),
        ("It fell to -12 degrees", "-12"),
        ("a change of -3.25", "-3.25"),
        ("+7", "7"),
    ],
    ids=[
        "thousands-and-trailing-zero",
        "several-separators",
        "trailing-zero",
        "point-zero",
        "zero",
        "integer-zeros-kept",
        "last-number",
        "negative",
        "negative-decimal",
        "plus-sign",
    ],
)
def test_last_number(text: str, expected: str) -> None:
    assert extract_answer(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La respuesta es 42.", "42"),
        ("Primero sumo 40 y 2. La respuesta es 42", "42"),
        ("答案是 42", "42"),
        ("答案是42。", "42"),
        ("الجواب هو 42.", "42"),
        ("Ответ: 1,000", "1000"),
        ("答案是巴黎。", "答案是巴黎"),
        ("¡París!", "parís"),
        ("ΑΘΉΝΑ", "αθήνα"),
        ("答案是 ４２", "42"),
        ("الجواب هو ٤٢", "42"),
    ],
    ids=[
        "spanish",
        "spanish-reasoning",
        "chinese",
        "chinese-full-stop",
        "arabic",
        "russian-thousands",
        "chinese-word",
        "spanish-inverted-marks",
        "greek-casefold",
        "fullwidth-digits",
        "arabic-indic-digits",
    ],
)
def test_non_latin_scripts(text: str, expected: str) -> None:
    assert extract_answer(text) == expected


def test_the_same_number_in_different_digit_forms_is_one_answer() -> None:
    # Majority voting must not split 42 into several answers by the digits a sample used.
    forms = ["The answer is 42", "答案是 ４２", "الجواب هو ٤٢", r"\boxed{４２}"]
    assert {extract_answer(text) for text in forms} == {"42"}


def test_a_decimal_comma_is_not_read_as_a_thousands_separator() -> None:
    # A thousands separator is followed by exactly three digits; "3,5" is three and a half
    # (Spanish, German, ...) or the list 3, 5 - never thirty-five.
    assert extract_answer("La respuesta es 3,5.") != "35"
    assert extract_answer("1,000 and 12,345") == "12345"


@pytest.mark.parametrize("text", ["", "   ", "...", "?!", "\n\t"], ids=repr)
def test_no_answer_at_all_is_none(text: str) -> None:
    assert extract_answer(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Paris  ", "paris"),
        ("New   York\n City", "new york city"),
        ("ＰＡＲＩＳ", "paris"),
        ("Straße", "strasse"),
        ('"yes."', "yes"),
        ("(a)", "a"),
        ("¿Qué?", "qué"),
        ("是。", "是"),
        ("１０ｋｍ", "10km"),
    ],
    ids=[
        "surrounding-space",
        "inner-space",
        "fullwidth",
        "casefold",
        "quotes-and-dot",
        "brackets",
        "spanish-marks",
        "cjk-full-stop",
        "nfkc-digits",
    ],
)
def test_normalize_answer(text: str, expected: str) -> None:
    assert normalize_answer(text) == expected


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_answer(text)
    assert normalize_answer(once) == once


@given(st.text())
def test_extraction_never_raises_and_never_returns_an_empty_answer(text: str) -> None:
    answer = extract_answer(text)
    assert answer is None or (isinstance(answer, str) and answer != "")


@given(st.text())
@example("答案是 ４２")
@example(r"\boxed{１}")
@example("𝟕")
def test_extracted_answers_are_already_normalized(text: str) -> None:
    # answers are compared as normalised text, so what extraction returns must already be it
    answer = extract_answer(text)
    if answer is not None:
        assert normalize_answer(answer) == answer


@given(
    whole=st.integers(min_value=0, max_value=10**15),
    fraction=st.text(alphabet="0123456789", max_size=6),
    sign=st.sampled_from(["", "-", "+"]),
)
def test_thousands_separators_and_trailing_zeros_do_not_change_the_number(
    whole: int, fraction: str, sign: str
) -> None:
    written = f"{sign}{whole:,}" + (f".{fraction}" if fraction else "")
    digits = fraction.rstrip("0")
    expected = ("-" if sign == "-" else "") + str(whole) + (f".{digits}" if digits else "")
    assert extract_answer(f"So the total is {written} units") == expected
