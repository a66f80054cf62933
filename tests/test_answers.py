"""Final-answer extraction and normalisation, which majority voting compares candidates by."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from polypick.selectors.answers import ANSWER_MARKERS, extract_answer, normalize_answer
from polypick.selectors.majority import vote


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
        ("答案是巴黎。", "巴黎"),
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


# One worked solution per MGSM language, in its own script and, where the language commonly uses
# them, its own digits. The arithmetic leaves other numbers after the last marker-free line, so a
# "last number" extractor would still be right only if the marker works.
MGSM = {
    "bn": (
        "জ্যানেটের হাঁসগুলো দিনে ১৬টি ডিম দেয়। সে সকালে ৩টি খায় এবং ৪টি দিয়ে কেক বানায়, "
        "তাই ১৬ - ৩ - ৪ = ৯টি ডিম থাকে। প্রতিটি ডিম ২ ডলারে বিক্রি হয়: ৯ × ২ = ১৮।\n"
        "উত্তর হল ১৮। (মোট ৩টি ধাপ)",
        "18",
    ),
    "de": (
        "Janets Enten legen 16 Eier pro Tag. Sie isst 3 zum Frühstück und backt mit 4, "
        "also bleiben 16 - 3 - 4 = 9 Eier. Sie verkauft jedes Ei für 2 $: 9 · 2 = 18.\n"
        "Die Antwort ist 18. Probe: 18 / 2 = 9",
        "18",
    ),
    "en": (
        "Janet's ducks lay 16 eggs per day. She eats 3 for breakfast and bakes with 4, "
        "so 16 - 3 - 4 = 9 eggs remain. She sells each egg for $2: 9 * 2 = 18.\n"
        "The answer is 18. That took 3 steps.",
        "18",
    ),
    "es": (
        "Los patos de Janet ponen 16 huevos al día. Se come 3 en el desayuno y usa 4 para "
        "hornear, así que quedan 16 - 3 - 4 = 9 huevos. Vende cada huevo a 2 $: 9 × 2 = 18.\n"
        "La respuesta es 18 (dólares al día, 2 por huevo).",
        "18",
    ),
    "fr": (
        "Les canards de Janet pondent 16 œufs par jour. Elle en mange 3 au petit-déjeuner et "
        "en utilise 4 pour ses gâteaux, il reste donc 16 - 3 - 4 = 9 œufs. Elle vend chaque "
        "œuf 2 $ : 9 × 2 = 18.\nRéponse : 18 $, soit 9 œufs à 2 $",
        "18",
    ),
    "ja": (
        "ジャネットのアヒルは1日に16個の卵を産みます。朝食に3個食べ、4個をお菓子作りに使うので、"
        "16 - 3 - 4 = 9個残ります。1個2ドルで売るので、9 × 2 = 18ドルです。\n"
        "答えは１８ドルです。（卵は残り０個）",
        "18",
    ),
    "ru": (
        "Утки Джанет несут 16 яиц в день. Она съедает 3 на завтрак и использует 4 для выпечки, "
        "значит, остаётся 16 - 3 - 4 = 9 яиц. Каждое яйцо стоит 2 доллара: 9 × 2 = 18.\n"
        "Ответ: 18 долларов за 1 день.",
        "18",
    ),
    "sw": (
        "Bata wa Janet hutaga mayai 16 kwa siku. Yeye hula 3 kwa kifungua kinywa na hutumia 4 "
        "kuoka, kwa hiyo yanabaki 16 - 3 - 4 = 9. Anauza kila yai kwa dola 2: 9 × 2 = 18.\n"
        "Jibu ni 18. Hatua 3 zilitumika.",
        "18",
    ),
    "te": (
        "జానెట్ బాతులు రోజుకు 16 గుడ్లు పెడతాయి. ఆమె ఉదయం 3 తింటుంది, 4 తో కేకులు చేస్తుంది, "
        "కాబట్టి 16 - 3 - 4 = 9 గుడ్లు మిగులుతాయి. ఒక్కో గుడ్డు 2 డాలర్లు: 9 × 2 = 18.\n"
        "సమాధానం: ౧౮ డాలర్లు, 2 డాలర్ల చొప్పున.",
        "18",
    ),
    "th": (
        "เป็ดของเจเน็ตออกไข่วันละ ๑๖ ฟอง เธอกินมื้อเช้า ๓ ฟอง และใช้อบขนม ๔ ฟอง "
        "จึงเหลือ ๑๖ - ๓ - ๔ = ๙ ฟอง ขายฟองละ ๒ ดอลลาร์ ได้ ๙ × ๒ = ๑๘ ดอลลาร์\n"
        "คำตอบคือ ๑๘ ดอลลาร์ ต่อ ๑ วัน",
        "18",
    ),
    "zh": (
        "珍妮特的鸭子每天下16个蛋。她早餐吃3个，烤松饼用4个，所以剩下16 - 3 - 4 = 9个。"
        "每个蛋卖2美元：9 × 2 = 18。\n答案是18美元，共3步。",
        "18",
    ),
}


@pytest.mark.parametrize(("text", "expected"), MGSM.values(), ids=list(MGSM))
def test_worked_solutions_in_every_mgsm_language(text: str, expected: str) -> None:
    assert extract_answer(text) == expected


def test_in_every_fixture_the_last_number_is_not_the_answer() -> None:
    # Guards the fixtures above: the marker, not the last number, is what finds the answer.
    for text, expected in MGSM.values():
        assert int(re.findall(r"\d+", text)[-1]) != int(expected)


def test_majority_vote_groups_one_number_written_in_every_script() -> None:
    texts = [text for text, _ in MGSM.values()] + ["Answer: 17", "Ответ: 17"]
    answers = [extract_answer(text) for text in texts]
    verdict = vote(answers, greedy=[False] * len(answers))
    assert answers[verdict.index] == "18"
    assert verdict.scores[0] == pytest.approx(len(MGSM) / len(texts))
    assert verdict.scores[-1] == pytest.approx(2 / len(texts))


DIGITS = {
    "arabic-indic": "٤٢",
    "persian": "۴۲",
    "bengali": "৪২",
    "devanagari": "४२",
    "telugu": "౪౨",
    "thai": "๔๒",
    "fullwidth": "４２",
    "mathematical-bold": "𝟒𝟐",
}


@pytest.mark.parametrize("digits", DIGITS.values(), ids=list(DIGITS))
def test_every_digit_system_reads_as_ascii(digits: str) -> None:
    assert extract_answer(f"Answer: {digits}") == "42"
    assert extract_answer(f"I counted {digits} in total") == "42"
    assert extract_answer(rf"\boxed{{{digits}}}") == "42"
    assert extract_answer(f"Answer: {digits[0]},{digits[1]}") == "4.2"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Answer: 3 + 4 = 7", "7"),
        ("The answer is 18 (3 × 6).", "18"),
        ("Answer: 42 (since 6 × 7 = 42)", "42"),
        ("Answer: (42)", "42"),
        ("Answer: 7. Checking 8 and 9 confirms it.", "7"),
        ("The answer is as follows:\n\n**42**\n\nWe used 3 steps.", "42"),
        ("Final answer:\n12", "12"),
        ("The answer isn't 5; we have 6.", "6"),
        ("La respuesta está en el paso 2: son 7.", "7"),
        ("Ответ: 1 200 рублей", "1200"),
        ("Réponse : 1\u202f234,5 €", "1234.5"),
        ("Il y a 1\u00a0234 pommes", "1234"),
        ("From 3 to 100 people", "100"),
        ("#### 72", "72"),
        ("Ответ — −5", "-5"),
        ("La re\u0301ponse est 9", "9"),
        ("答：四十二", "四十二"),
        ("答えは東京です。", "東京です"),
        ("Answer: 2\nLater: answer = 3\nThere were 4 of them.", "3"),
    ],
    ids=[
        "after-the-last-equals",
        "parenthesis-ignored",
        "parenthesis-with-equals",
        "only-a-parenthesis",
        "first-number-after-the-marker",
        "marker-line-ends-with-a-colon",
        "answer-on-the-next-line",
        "isnt-is-not-a-marker",
        "esta-is-not-es",
        "space-thousands-after-a-marker",
        "narrow-space-thousands-decimal-comma",
        "no-break-space-thousands-anywhere",
        "plain-spaces-do-not-group-without-a-marker",
        "gsm8k",
        "unicode-minus",
        "decomposed-accent",
        "chinese-numerals-stay-text",
        "japanese-text-answer",
        "last-marker-wins",
    ],
)
def test_final_answer_markers(text: str, expected: str) -> None:
    assert extract_answer(text) == expected


MARKER_PHRASES = {
    "bn-colon": "উত্তর: ৭",
    "bn-holo": "সুতরাং উত্তর হলো ৭।",
    "de-colon": "Antwort: 7",
    "de-ergebnis": "Das Ergebnis lautet 7.",
    "en-final": "Final answer: 7",
    "en-was": "So the answer was 7.",
    "es-final": "Respuesta final: 7",
    "es-es": "La respuesta final es 7.",
    "fr-est": "La réponse finale est 7.",
    "fr-capitals": "RÉPONSE : 7",
    "ja-colon": "答え：７",
    "ja-wa": "よって、答えは7個です。",
    "ru-final": "Окончательный ответ: 7",
    "ru-raven": "Ответ равен 7.",
    "sw-mwisho": "Jibu la mwisho ni 7.",
    "sw-colon": "Jibu: 7",
    "te-bare": "సమాధానం 7.",
    "te-javabu": "జవాబు: 7",
    "th-final": "คำตอบสุดท้ายคือ 7",
    "th-colon": "คำตอบ: ๗",
    "zh-final": "最终答案：7",
    "zh-wei": "所以答案为7。",
    "hi": "इसलिए उत्तर 7 है।",
    "ar": "الإجابة هي ٧",
    "ko": "따라서 정답은 7입니다.",
    "pt": "A resposta é 7.",
}


@pytest.mark.parametrize("phrase", MARKER_PHRASES.values(), ids=list(MARKER_PHRASES))
def test_markers_in_each_language_beat_a_later_number(phrase: str) -> None:
    text = f"12 + 5 = 17, minus 10.\n{phrase}\nCheck: 9 - 2 = 7, 3 steps"
    assert extract_answer(text) == "7"


def test_every_mgsm_language_has_a_marker() -> None:
    mgsm = {"bn", "de", "en", "es", "fr", "ja", "ru", "sw", "te", "th", "zh"}
    assert mgsm <= set(ANSWER_MARKERS)
    assert {key.split("-")[0] for key in MARKER_PHRASES} >= mgsm
