"""Extracting a comparable final answer from a candidate's text, for voting.

The default extractor looks for an explicit final answer (``\\boxed{...}``, ``Answer: ...``), then
the last number, and otherwise falls back to the whole text with case, spacing and trailing
punctuation folded. Answers are compared after :func:`normalize_answer`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

__all__ = ["AnswerExtractor", "extract_answer", "normalize_answer"]

AnswerExtractor = Callable[[str], "str | None"]
"""Maps a candidate's text to its final answer, or ``None`` when it has none."""

_BOXED = re.compile(r"\\boxed\{([^{}]*)\}")
_ANSWER_LINE = re.compile(r"(?:final answer|answer)\s*(?:is|:)\s*(.+)", re.IGNORECASE)
_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")


def _number(text: str) -> str | None:
    matches = _NUMBER.findall(text)
    if not matches:
        return None
    value = matches[-1].replace(",", "")
    if "." in value:
        value = value.rstrip("0").rstrip(".")
    return value.lstrip("+") or "0"


def normalize_answer(text: str) -> str:
    """Fold Unicode forms, case, inner whitespace and surrounding punctuation."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = " ".join(folded.split())
    return folded.strip(" .,;:!?¡¿。、！？\"'`*()[]")


def extract_answer(text: str) -> str | None:
    """The default extractor: an explicit answer, else the last number, else the whole text."""
    boxed = _BOXED.findall(text)
    if boxed:
        inner = boxed[-1].strip()
        whole_number = _NUMBER.fullmatch(inner) is not None
        return (_number(inner) if whole_number else None) or normalize_answer(inner) or None
    lines = _ANSWER_LINE.findall(text)
    if lines:
        answer = lines[-1]
        return normalize_answer(_number(answer) or answer)
    number = _number(text)
    if number is not None:
        return number
    normalized = normalize_answer(text)
    return normalized or None
