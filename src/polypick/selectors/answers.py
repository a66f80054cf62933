"""Extracting a comparable final answer from a candidate's text, for voting.

The default extractor looks for an explicit final answer (``\\boxed{...}``, ``Answer: ...``), then
the last number, and otherwise falls back to the whole text. Whatever it returns is already in
the form :func:`normalize_answer` gives, so equal answers compare equal. Numbers are written in
ASCII digits whatever script the sample used (``４２``, ``٤٢`` and ``42`` are one answer), and
separators are read the way people write them: ``12,345`` and ``12.345,0`` are twelve thousand
and more, ``3,5`` is three and a half.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

__all__ = ["AnswerExtractor", "extract_answer", "normalize_answer"]

AnswerExtractor = Callable[[str], "str | None"]
"""Maps a candidate's text to its final answer, or ``None`` when it has none."""

_ANSWER_LINE = re.compile(r"(?:final answer|answer)\s*(?:is|:)\s*(.+)", re.IGNORECASE)
_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)*")  # \d: decimal digits of every script
_STRIP = " .,;:!?¡¿。、！？\"'`*()[]"


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
    sign = "-" if raw.startswith("-") else ""
    body = _ascii_digits(raw.lstrip("+-"))
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
    boxed = _last_boxed(text)
    if boxed is not None and boxed.strip():
        inner = boxed.strip()
        if _NUMBER.fullmatch(inner):
            return _canonical_number(inner)
        return normalize_answer(inner) or None
    lines = _ANSWER_LINE.findall(text)
    if lines:
        answer = lines[-1]
        return _last_number(answer) or normalize_answer(answer) or None
    number = _last_number(text)
    if number is not None:
        return number
    return normalize_answer(text) or None
