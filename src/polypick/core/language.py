"""Offline language identification of prompts and candidates.

The detector is py3langid (a maintained fork of langid.py): a naive Bayes model over byte
n-grams that ships inside the package (4.5 MB), loads in about a second and needs no download.
polypick uses its **full language set** (:data:`DEFAULT_LANGUAGES`, 139 codes: every WMT24
target language, Icelandic among them, the 23 of m-ArenaHard-v2.0 and the 11 of MGSM), chosen
over a restricted set and over fastText's lid.176 by measured accuracy on short texts and speed
(``benchmarks/language_detection.py``; the figures are in docs/languages.md).

What is detected, deliberately:

* **Code is not language.** Fenced code blocks (```` ``` ````), inline code spans and URLs are
  removed before detection, so a Korean answer with Python in it is Korean, and an answer that
  is only code gets ``None``.
* **Short texts abstain.** Fewer than :data:`MIN_LETTERS` letters (``"42"``, ``"ok"``,
  ``"x = 3"``) gives ``None``, and so does any text whose posterior is below
  ``min_confidence`` (0.5): ``None`` means *unknown*, never *the prompt's language*.
* **Long texts are read in part.** Only the first :data:`MAX_CHARS` characters of prose are
  read: a language shows in a few hundred characters, and a call's detection cost stays bounded
  whatever the answers' length.

Scoring reads the model's table (widened once to float32: numpy has no fast float16 product)
only at the n-grams the texts contain, with the same answers as py3langid's own ``classify``.
Texts are scored in batches (:meth:`LangidDetector.many`): a call's prompt and candidates share
one fixed set of array operations, about half the CPU per text of scoring them one by one
(``benchmarks/detection_cost.py``; figures in docs/languages.md).

Detection needs the ``multilingual`` extra; without it every language is ``None`` and language
fidelity has nothing to act on (a warning says so once).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from polypick.core.redact import get_logger
from polypick.errors import ConfigurationError

__all__ = [
    "DEFAULT_LANGUAGES",
    "MAX_CHARS",
    "MIN_LETTERS",
    "CLOSE_LANGUAGES",
    "LangidDetector",
    "LanguageDetector",
    "default_detector",
    "prose",
    "resolve_detector",
    "same_language",
]

logger = get_logger("polypick")

# fmt: off
DEFAULT_LANGUAGES = (
    "ace", "af", "am", "an", "ar", "ary", "arz", "as", "az", "ba", "bcl", "be", "bg", "bn", "br",
    "bs", "ca", "crh", "cs", "cy", "da", "de", "dz", "el", "en", "eo", "es", "et", "eu", "ext",
    "fa", "fi", "fo", "fr", "fuv", "fy", "ga", "gcf", "gcr", "gd", "gl", "gom", "grc", "gu", "gug",
    "guw", "ha", "hbo", "he", "hi", "hr", "ht", "hu", "hy", "id", "ig", "is", "it", "ja", "jv",
    "ka", "kab", "kik", "kk", "km", "kn", "ko", "ku", "ky", "la", "lb", "lg", "lij", "ln", "lo",
    "lt", "ltg", "lv", "mg", "mk", "ml", "mn", "mr", "ms", "mt", "my", "ne", "nl", "nn", "no",
    "nso", "oc", "om", "or", "pa", "pcm", "pl", "ps", "pt", "qu", "ro", "ru", "rw", "sa", "sdh",
    "se", "si", "sk", "sl", "sn", "so", "sq", "sr", "st", "sv", "sw", "ta", "te", "tg", "th", "tk",
    "tl", "tr", "tt", "ug", "uk", "ur", "uz", "uzs", "vec", "vi", "vo", "wa", "wuu", "xh", "yo",
    "yue", "zh", "zu",
)
# fmt: on
"""Every language py3langid's model knows (ISO 639-1 where there is one, else ISO 639-3)."""

# Below this posterior the detector is unsure (measured: on one-line texts, answers above it are
# right 98 % of the time; see docs/languages.md).
MIN_CONFIDENCE = 0.5
MIN_LETTERS = 3
"""Fewer letters than this and a text has no language (``"42"``, ``"ok"``)."""
MAX_CHARS = 240
"""Characters of prose read per text (after code is removed)."""

# Languages the detector confuses on one-line texts: each pair below is mistaken for the other
# in 2 % or more of Tatoeba's sentences, confidently (benchmarks/language_detection.py
# --confusions). Language fidelity treats each group as one language: on WMT23 English-Chinese
# pools a Chinese translation read as Wu Chinese ("wuu") was penalised as off-language.
CLOSE_LANGUAGES: tuple[frozenset[str], ...] = tuple(
    frozenset(group)
    for group in (
        ("zh", "wuu", "yue"),
        ("bs", "hr", "sr", "mk"),
        ("cs", "sk"),
        ("da", "no", "nn"),
        ("id", "ms"),
        ("az", "tr"),
        ("bn", "as"),
        ("fo", "is"),
        ("ku", "sdh"),
        ("tt", "ky"),
        ("xh", "zu"),
    )  # fmt: skip
)
"""Groups of languages that :func:`same_language` does not tell apart."""
_GROUP = {code: group for group in CLOSE_LANGUAGES for code in group}


def same_language(detected: str, expected: str) -> bool:
    """Whether a text detected as ``detected`` counts as written in ``expected`` for language
    fidelity: the same code, or two of :data:`CLOSE_LANGUAGES` (Chinese read as Wu Chinese,
    Croatian as Serbian, Icelandic as Faroese), which a detector mistakes on short texts."""
    return detected == expected or detected in _GROUP.get(expected, ())


_NO_LANGUAGE = "zxx"  # the model's class for text without linguistic content
_CODE = re.compile(r"```.*?(?:```|\Z)|~~~.*?(?:~~~|\Z)|`[^`\n]+`|https?://\S+", re.DOTALL)


class LanguageDetector(Protocol):
    """Maps a text to a language code, or ``None`` when it cannot tell."""

    def __call__(self, text: str) -> str | None: ...


def prose(text: str, limit: int = MAX_CHARS) -> str:
    """The part of ``text`` whose language counts: code blocks, inline code and URLs removed,
    at most ``limit`` characters (read from the start)."""
    if "`" in text or "~~~" in text or "://" in text:
        text = _CODE.sub(" ", text)
    return text[:limit]


class LangidDetector:
    """py3langid over ``languages`` (default: all it knows); thread-safe, loaded on first use.

    Args:
        languages: the codes it may answer with; fewer languages is only worth it when the
            texts are known to come from them.
        min_confidence: the posterior below which the answer is ``None``.
        max_chars: characters of prose read per text.
    """

    def __init__(
        self,
        languages: Iterable[str] | None = None,
        min_confidence: float = MIN_CONFIDENCE,
        max_chars: int = MAX_CHARS,
    ) -> None:
        self.languages = DEFAULT_LANGUAGES if languages is None else tuple(languages)
        self.min_confidence = min_confidence
        self.max_chars = max_chars
        self._lock = threading.Lock()
        self._model: _Model | None = None
        self._unavailable = False

    def _load(self) -> _Model | None:
        if self._model is not None:  # loaded: no lock needed to read it
            return self._model
        with self._lock:
            if self._model is None and not self._unavailable:
                try:
                    from py3langid.langid import _load_identifier  # type: ignore[import-untyped]
                except ImportError:
                    self._unavailable = True
                    logger.warning(
                        'language detection is off: pip install "polypick[multilingual]"'
                    )
                    return None
                identifier = _load_identifier(norm_probs=True)
                unknown = set(self.languages) - set(identifier.nb_classes)
                if unknown:
                    self._unavailable = True
                    raise ConfigurationError(
                        f"the language detector does not know {sorted(unknown)}; use codes "
                        f"from: {', '.join(sorted(set(identifier.nb_classes)))}"
                    )
                self._model = _Model(identifier, self.languages)
            return self._model

    @property
    def loaded(self) -> bool:
        """Whether the model is in memory, so a call costs tens of microseconds on a short
        text (the first call loads it: about a second)."""
        return self._model is not None

    def confidence(self, text: str) -> tuple[str | None, float]:
        """The most likely language of ``text`` and its posterior, without the threshold
        (``(None, 0.0)`` for a text without enough letters)."""
        return self.confidences([text])[0]

    def confidences(self, texts: Sequence[str]) -> list[tuple[str | None, float]]:
        """:meth:`confidence` of each text, scored together: one pass of array operations for
        all of them rather than one per text (their fixed cost was most of a short text's)."""
        read = [prose(text, self.max_chars) for text in texts]
        wanted = [i for i, text in enumerate(read) if _has_letters(text, MIN_LETTERS)]
        results: list[tuple[str | None, float]] = [(None, 0.0)] * len(texts)
        if not wanted:
            return results
        model = self._load()
        if model is None:
            return results
        for i, result in zip(wanted, model.classify([read[i] for i in wanted]), strict=True):
            results[i] = result
        return results

    def __call__(self, text: str) -> str | None:
        return self.many([text])[0]

    def many(self, texts: Sequence[str]) -> list[str | None]:
        """The language of each text (``None`` below ``min_confidence``), scored together."""
        return [
            code if confidence >= self.min_confidence else None
            for code, confidence in self.confidences(texts)
        ]


class _Model:
    """py3langid's naive Bayes model, scored sparsely; the tables are read-only, so calls need
    no lock."""

    def __init__(self, identifier: Any, languages: tuple[str, ...]) -> None:
        import numpy as np

        self._np = np
        self._nextmove = identifier.tk_nextmove
        self._rowbase = [row << 8 for row in identifier.tk_row]
        self._output = identifier.tk_output
        classes = list(identifier.nb_classes)
        wanted = set(languages) | {_NO_LANGUAGE}
        # a label may have several columns (one per script): they are put side by side, so
        # their probabilities add up with one reduceat
        columns = sorted(
            (i for i, c in enumerate(classes) if c in wanted), key=lambda i: (classes[i], i)
        )
        labels = list(dict.fromkeys(classes[i] for i in columns))
        self._labels = labels
        starts = [columns.index(first) for first in _firsts(columns, classes)]
        self._label_starts = np.asarray(starts, dtype=np.intp)
        # float32 (57 MB for the full set, against 28 MB as shipped): widening float16 rows at
        # every call cost a third of its time
        table = identifier.nb_ptc[:, columns]
        self._ptc = np.empty((table.shape[0] + 1, table.shape[1]), dtype=np.float32)
        self._ptc[:-1] = table
        self._ptc[-1] = identifier.nb_pc[columns]  # the prior, as one more row
        self._prior_row = table.shape[0]

    def classify(self, texts: Sequence[str]) -> list[tuple[str | None, float]]:
        """Each text's most likely label and posterior; the texts are scored as one batch."""
        np = self._np
        features: list[int] = []  # every text's features, text after text
        counted: list[int] = []  # how often each of them occurs
        sizes: list[int] = []  # a scored text's number of features
        norms: list[float] = []  # and 1/sqrt(its length in bytes)
        scored: list[int] = []
        nextmove, rowbase, output = self._nextmove, self._rowbase, self._output
        for i, text in enumerate(texts):
            if text.isupper():
                text = text.lower()
            data = unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")
            # the model's byte n-grams: a walk of its automaton, counting the features it emits
            counts: dict[int, int] = {}
            state = 0
            for byte in data:
                state = nextmove[rowbase[state] + byte]
                feature = output[state]
                if feature >= 0:
                    counts[feature] = counts.get(feature, 0) + 1
            if counts:
                scored.append(i)
                sizes.append(len(counts))
                norms.append(len(data) ** -0.5)
                features.extend(counts)
                counted.extend(counts.values())
        results: list[tuple[str | None, float]] = [(None, 0.0)] * len(texts)
        if not scored:
            return results
        # Each text's scores, (sum of log(1 + count) x its features' rows + prior) / sqrt(bytes),
        # as one product: a (texts x features+1) weight matrix times the rows the texts need,
        # the prior being the last row. A fixed number of array operations, whatever the number
        # of texts: on a busy event loop each costs microseconds of cold caches.
        total = len(features)
        scale = np.asarray(norms, dtype=np.float32)
        mix = np.zeros((len(scored), total + 1), dtype=np.float32)
        logs = np.log1p(np.fromiter(counted, dtype=np.float32, count=total))
        if len(scored) == 1:
            mix[0, :total] = logs * scale[0]
        else:
            mix[np.repeat(np.arange(len(scored)), sizes), np.arange(total)] = logs * np.repeat(
                scale, sizes
            )
        mix[:, total] = scale
        features.append(self._prior_row)
        rows = np.fromiter(features, dtype=np.intp, count=total + 1)
        scores = mix @ self._ptc[rows]
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        # a label's columns (one per script) are side by side: their probabilities add up
        totals = np.add.reduceat(scores, self._label_starts, axis=1)
        best = totals.argmax(axis=1).tolist()
        shares = (totals.max(axis=1) / totals.sum(axis=1)).tolist()
        for i, label, share in zip(scored, best, shares, strict=True):
            code = self._labels[label]
            if code != _NO_LANGUAGE:
                results[i] = (code, share)
        return results


def _firsts(columns: list[int], classes: list[str]) -> list[int]:
    """The first of each label's columns, in order."""
    return list({classes[i]: i for i in reversed(columns)}.values())[::-1]


def _has_letters(text: str, count: int) -> bool:
    """Whether ``text`` holds at least ``count`` letters; stops as soon as it has seen them
    (counting every letter of every candidate was a tenth of a call's CPU time)."""
    found = 0
    for char in text:
        if char.isalpha():
            found += 1
            if found >= count:
                return True
    return found >= count


_default: LangidDetector | None = None
_default_lock = threading.Lock()


def default_detector() -> LangidDetector:
    """The process-wide detector over :data:`DEFAULT_LANGUAGES`."""
    global _default
    with _default_lock:
        if _default is None:
            _default = LangidDetector()
        return _default


def resolve_detector(spec: bool | LanguageDetector) -> LanguageDetector | None:
    """What ``detect_language=`` means: ``True`` the default detector, ``False`` none, or the
    detector given."""
    if spec is True:
        return default_detector()
    return spec or None
