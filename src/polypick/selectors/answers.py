"""Extracting a comparable final answer from a candidate's text, for voting.

The default extractor looks for an explicit final answer: the last ``\\boxed{...}``, else the
text after the last final-answer marker, in any of some twenty languages (``Answer:``, ``答案是``,
``答えは``, ``Réponse :``, ``La respuesta es``, ``Die Antwort ist``, ``Ответ:``, ``Jibu ni``,
``సమాధానం``, ``คำตอบคือ``, ``উত্তর হল``, ``####``...; see :data:`ANSWER_MARKERS`). After a marker
it takes the first number of the first sentence on that line (after the last ``=`` and outside
parentheses, so ``Answer: 3 + 4 = 7`` is 7 and ``The answer is 18 (3 × 6). Check: 18 / 3 = 6``
is 18), else that sentence as text. Without a marker it takes the last number, and otherwise the
whole text.

Whatever it returns is already in the form :func:`normalize_answer` gives, so equal answers compare
equal. Numbers are written in ASCII digits whatever script the sample used (``４２``, ``٤٢``,
``৪২``, ``४२``, ``౪౨``, ``๔๒`` and ``42`` are one answer), and separators are read the way people
write them: ``12,345``, ``12.345,0`` and ``12 345`` (non-breaking or thin spaces anywhere, plain
spaces only after a marker) are twelve thousand and more, ``3,5`` is three and a half. Chinese
and Japanese numerals (``四十二``) are not converted.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Mapping
from types import MappingProxyType

__all__ = ["ANSWER_MARKERS", "AnswerExtractor", "extract_answer", "normalize_answer"]

AnswerExtractor = Callable[[str], "str | None"]
"""Maps a candidate's text to its final answer, or ``None`` when it has none."""

_SEP = r"\s*[:：=—–]"  # "Answer: 7", "Réponse : 7", "答案：7", "Ответ — 7"
_NEXT_NUMBER = r"(?=\s*[-+−]?\d)"  # languages that often put the number right after the word
_WORD = r"(?<!\w)"  # no \b: Indic vowel signs are not \w, so \b would split those words


def _is(*words: str) -> str:
    """A copula of a space-separated language, as a whole word ("es" but not "está")."""
    return rf"\s+(?:{'|'.join(words)})(?!\w)"


_MARKERS: dict[str, str] = {
    "en": rf"{_WORD}answer(?:{_is('is', 'was')}|{_SEP})",
    "de": rf"{_WORD}(?:antwort|ergebnis|lösung)(?:{_is('ist', 'lautet', 'wäre')}|{_SEP})",
    "es": rf"{_WORD}respuesta(?:\s+final)?(?:{_is('es', 'será', 'sería')}|{_SEP})",
    "fr": rf"{_WORD}réponse(?:\s+finale)?(?:{_is('est', 'sera')}|{_SEP})",
    "pt": rf"{_WORD}resposta(?:\s+final)?(?:{_is('é', 'será')}|{_SEP})",
    "it": rf"{_WORD}risposta(?:\s+finale)?(?:{_is('è', 'sarà')}|{_SEP})",
    "nl": rf"{_WORD}antwoord(?:{_is('is')}|{_SEP})",
    "pl": rf"{_WORD}odpowiedź(?:{_is('to')}|{_SEP})",
    "tr": rf"{_WORD}(?:cevap|yanıt)(?:{_SEP}|{_NEXT_NUMBER})",
    "id": rf"{_WORD}jawaban(?:nya)?(?:{_is('adalah', 'ialah')}|{_SEP})",
    "vi": rf"{_WORD}(?:đáp án|câu trả lời)(?:\s+cuối cùng)?(?:{_is('là')}|{_SEP})",
    "sw": rf"{_WORD}jibu(?:\s+la\s+mwisho)?(?:{_is('ni')}|{_SEP})",
    "ru": rf"{_WORD}ответ(?:{_is('равен', 'будет')}|{_SEP}|{_NEXT_NUMBER})",
    "uk": rf"{_WORD}відповідь(?:{_is('дорівнює', 'буде')}|{_SEP}|{_NEXT_NUMBER})",
    "ar": rf"(?:الجواب|الإجابة|الاجابة)(?:{_is('هو', 'هي')}|{_SEP}|{_NEXT_NUMBER})",
    "fa": rf"(?:پاسخ|جواب)(?:{_is('برابر', 'است')}|{_SEP}|{_NEXT_NUMBER})",
    "hi": rf"(?:उत्तर|जवाब)(?:\s+(?:हैं|है)|{_SEP}|{_NEXT_NUMBER})",
    "bn": rf"উত্তর(?:\s*(?:হলো|হল|হবে)|{_SEP}|{_NEXT_NUMBER})",
    "te": rf"(?:సమాధానం|జవాబు)(?:\s*అనేది|{_SEP}|{_NEXT_NUMBER})",
    "th": rf"คำตอบ(?:สุดท้าย)?(?:\s*คือ|{_SEP}|{_NEXT_NUMBER})",
    "zh": rf"(?:答案\s*(?:是|为|為|{_SEP}|{_NEXT_NUMBER})|答\s*[:：])",
    "ja": rf"(?:答え|解答|正解)\s*(?:は|{_SEP}|{_NEXT_NUMBER})",
    "ko": rf"(?:정답|답)(?:\s*(?:은|는)|{_SEP})",
    "gsm8k": r"####",
}
ANSWER_MARKERS: Mapping[str, str] = MappingProxyType(_MARKERS)
"""Final-answer markers by language (and GSM8K's ``####``): regular expressions, matched
case-insensitively; the answer starts where a marker ends. Read-only: to add markers, write your
own extractor around :func:`extract_answer`."""


@functools.cache
def _marker() -> re.Pattern[str]:
    """Every marker in one pattern, compiled on first use (not when polypick is imported)."""
    return re.compile("|".join(f"(?:{p})" for p in _MARKERS.values()), re.IGNORECASE)


_GROUP_SPACES = "\u00a0\u202f\u2009"  # no-break, narrow no-break and thin space: 1 234 567


def _number_pattern(spaces: str) -> re.Pattern[str]:
    grouped = rf"\d{{1,3}}(?:[{spaces}]\d{{3}})+(?!\d)(?:[.,]\d+)?"
    return re.compile(rf"[-+−]?(?:{grouped}|\d+(?:[.,]\d+)*)")  # \d: digits of every script


_NUMBER = _number_pattern(_GROUP_SPACES)
_SPACED_NUMBER = _number_pattern(_GROUP_SPACES + " ")  # after a marker, "Ответ: 1 200" is one
_SENTENCE_END = re.compile(r"[.!?।](?=\s)|[。！？]")  # "3.5" and "1,000.50" go on
_PARENTHESES = re.compile(r"\([^()]*\)|（[^（）]*）")
_STRIP = " .,;:!?¡¿。、！？\"'`*()[]«»“”„‘’।॥،؟۔…"


def normalize_answer(text: str) -> str:
    """Fold Unicode forms, case, inner whitespace and surrounding punctuation."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = " ".join(folded.split())
    return folded.strip(_STRIP)


def _ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def _is_grouped(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def _canonical_number(raw: str) -> str:
    sign = "-" if raw[0] in "-−" else ""
    body = _ascii_digits(raw.lstrip("+-−"))
    body = "".join(ch for ch in body if ch != " " and ch not in _GROUP_SPACES)
    if "." in body and "," in body:  # the later separator is the decimal one
        decimal = "." if body.rfind(".") > body.rfind(",") else ","
        whole, _, fraction = body.rpartition(decimal)
        whole = whole.replace("," if decimal == "." else ".", "")
    elif body.count(",") > 1 or body.count(".") > 1:
        separator = "," if "," in body else "."
        groups = body.split(separator)
        if not _is_grouped(groups):
            return sign + body  # not a number people write (a version, a date): keep as is
        whole, fraction = "".join(groups), ""
    elif "," in body:  # one comma: thousands before three digits, else a decimal comma
        whole, _, fraction = body.partition(",")
        if _is_grouped([whole, fraction]):
            whole, fraction = whole + fraction, ""
    else:
        whole, _, fraction = body.partition(".")
    fraction = fraction.rstrip("0")
    return sign + whole + (f".{fraction}" if fraction else "")


def _last_number(text: str) -> str | None:
    matches = _NUMBER.findall(text)
    return _canonical_number(matches[-1]) if matches else None


def _after_last_marker(text: str) -> str | None:
    """The line that follows the last final-answer marker, or ``None`` without a marker."""
    last = None
    for last in _marker().finditer(text):  # noqa: B007 - only the last match is wanted
        pass
    if last is None:
        return None
    line, _, following = text[last.end() :].lstrip().partition("\n")
    if line.rstrip().endswith((":", "：")) and not _NUMBER.search(line):
        line = following.lstrip().partition("\n")[0]  # "The answer is as follows:\n42"
    return line


def _number_in(part: str) -> str | None:
    plain = _PARENTHESES.sub(" ", part) if _PARENTHESES.sub("", part).strip() else part
    result = plain.replace("＝", "=").rpartition("=")[2]
    number = _SPACED_NUMBER.search(result) or _SPACED_NUMBER.search(plain)
    return None if number is None else _canonical_number(number.group())


def _answer_in(line: str) -> str | None:
    """The number of a final-answer line's first sentence (else of the line), else its text."""
    sentence = _SENTENCE_END.split(line, maxsplit=1)[0]
    number = _number_in(sentence) or _number_in(line)  # "approx. 5" is not a finished sentence
    return number or normalize_answer(sentence) or normalize_answer(line) or None


def _last_boxed(text: str) -> str | None:
    """The content of the last ``\\boxed{...}``, nested braces included."""
    start = text.rfind("\\boxed{")
    if start < 0:
        return None
    depth, begin = 0, start + len("\\boxed{")
    for position in range(begin, len(text)):
        if text[position] == "{":
            depth += 1
        elif text[position] == "}":
            if depth == 0:
                return text[begin:position]
            depth -= 1
    return None


def extract_answer(text: str) -> str | None:
    """The default extractor: an explicit answer, else the last number, else the whole text."""
    text = unicodedata.normalize("NFC", text)  # decomposed accents would hide "réponse"
    boxed = _last_boxed(text)
    if boxed is not None and boxed.strip():
        inner = boxed.strip()
        if _NUMBER.fullmatch(inner):
            return _canonical_number(inner)
        return normalize_answer(inner) or None
    line = _after_last_marker(text)
    if line is not None and line.strip():
        answer = _answer_in(line)
        if answer is not None:
            return answer
    number = _last_number(text)
    if number is not None:
        return number
    return normalize_answer(text) or None
