"""The language an answer is expected in, and how that was decided.

Language fidelity keeps an answer in the language it should be in — which is not always the
prompt's: "Translate into Czech: …" is English and wants Czech. In order:

1. ``explicit``: ``answer_language=`` in the settings;
2. ``instruction``: the prompt names the output language — "into Czech", "answer in Korean",
   "en français", "auf Deutsch", "用中文回答", "日本語で", "한국어로", "на русском" (instructions
   are read in English, German, French, Spanish, Portuguese, Italian, Dutch, Russian, Ukrainian,
   Polish, Czech, Chinese, Japanese and Korean; see :data:`NAMES` for the languages they may name);
3. ``task``: with ``task="translation"`` and no named target, the answer is not in the source's
   language: the most common language among the candidates other than the prompt's;
4. ``candidates``: with nothing but the prompt's language to go on, a pool most of whose
   candidates are confidently in one other language (at least twice as many as in the prompt's)
   overrules it — a bare source text sent to be translated, whose pool is in the target language;
5. ``prompt``: the prompt's detected language.

Steps 3 and 4 need the candidates' languages (:func:`settle`); the others are known before
sampling (:func:`expected_language`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from polypick.core.language_names import requested_in

__all__ = [
    "AnswerLanguage",
    "AnswerSource",
    "expected_language",
    "requested_language",
    "settle",
]

AnswerSource = Literal["explicit", "instruction", "task", "candidates", "prompt"]
"""How the answer language was decided (see the module's documentation)."""

_HEAD = 300  # instructions sit at the start or the end of a prompt; a long source text between
_TAIL = 200  # them is not read (it may quote "in English" itself)


@dataclass(frozen=True)
class AnswerLanguage:
    """The expected answer language (a code, or ``None`` when unknown) and how it was decided."""

    code: str | None
    source: AnswerSource | None = None


def requested_language(prompt: str) -> str | None:
    """The output language an instruction in ``prompt`` names, or ``None``.

    The first instruction found wins; a prompt longer than a few hundred characters is read at
    its start and its end only, where instructions are.
    """
    text = prompt if len(prompt) <= _HEAD + _TAIL else f"{prompt[:_HEAD]}\n{prompt[-_TAIL:]}"
    found = requested_in(text)
    return min(found)[1] if found else None


def expected_language(
    prompt: str,
    prompt_language: str | None,
    *,
    explicit: str | None = None,
    task: str | None = None,
) -> AnswerLanguage:
    """What is known before the candidates exist: explicit, named in the prompt, or (unless the
    task is translation, whose answer is never in the source's language) the prompt's."""
    if explicit is not None:
        return AnswerLanguage(explicit, "explicit")
    named = requested_language(prompt)
    if named is not None:
        return AnswerLanguage(named, "instruction")
    if _is_translation(task):
        return AnswerLanguage(None, "task")
    if prompt_language is None:
        return AnswerLanguage(None)
    return AnswerLanguage(prompt_language, "prompt")


def settle(
    expected: AnswerLanguage, prompt_language: str | None, languages: Sequence[str | None]
) -> AnswerLanguage:
    """``expected`` once the candidates' ``languages`` are known: a translation task takes the
    candidates' most common language other than the prompt's, and a pool mostly in one other
    language overrules a guess from the prompt's language alone (module documentation)."""
    counts = Counter(code for code in languages if code is not None)
    if expected.source == "task":
        if prompt_language is not None:
            counts.pop(prompt_language, None)
        if not counts:
            return expected
        return AnswerLanguage(_most_common(counts), "task")
    if expected.source != "prompt" or not counts:
        return expected
    top = _most_common(counts)
    own = counts.get(expected.code or "", 0)
    if top != expected.code and 2 * counts[top] > len(languages) and counts[top] >= 2 * own:
        return AnswerLanguage(top, "candidates")
    return expected


def _most_common(counts: Counter[str]) -> str:
    best = max(counts.values())
    return min(code for code, count in counts.items() if count == best)  # ties: stable


def _is_translation(task: str | None) -> bool:
    return task is not None and task.strip().lower() in ("translation", "translate", "mt")
