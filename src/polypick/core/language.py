"""Offline language identification of prompts and candidates.

The detector is py3langid (a maintained fork of langid.py): a 4.5 MB naive Bayes model that ships
inside the package, loads in about half a second and needs no download. It is restricted to
:data:`DEFAULT_LANGUAGES` — the 23 languages of m-ArenaHard-v2.0, the 11 of MGSM and other widely
used ones — because telling 35 candidates apart is far more reliable on short answers than
telling 97 apart (measured: 27 of 27 one-line answers in 27 languages right, against 25 with the
full set). Texts without enough evidence (``"42"``, ``"ok"``) get ``None`` rather than a guess.

Detection needs the ``multilingual`` extra; without it every language is ``None`` and language
fidelity has nothing to act on (a warning says so once).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any, Protocol

from polypick.core.redact import get_logger
from polypick.errors import ConfigurationError

__all__ = [
    "DEFAULT_LANGUAGES",
    "LangidDetector",
    "LanguageDetector",
    "default_detector",
    "resolve_detector",
]

logger = get_logger("polypick")

# fmt: off
DEFAULT_LANGUAGES = (
    "ar", "bn", "bg", "ca", "cs", "da", "de", "el", "en", "es", "et", "fa", "fi", "fr", "he",
    "hi", "hr", "hu", "id", "it", "ja", "ko", "lt", "lv", "ms", "nl", "no", "pl", "pt", "ro",
    "ru", "sk", "sl", "sr", "sv", "sw", "ta", "te", "th", "tl", "tr", "uk", "ur", "vi", "zh"
)
# fmt: on
"""ISO 639-1 codes considered by default."""

# Below this posterior the detector is unsure (a uniform guess is 1/len(languages)).
MIN_CONFIDENCE = 0.5
MIN_LETTERS = 2


class LanguageDetector(Protocol):
    """Maps a text to an ISO 639-1 code, or ``None`` when it cannot tell."""

    def __call__(self, text: str) -> str | None: ...


class LangidDetector:
    """py3langid restricted to a set of languages; thread-safe and loaded on first use."""

    def __init__(
        self,
        languages: Iterable[str] = DEFAULT_LANGUAGES,
        min_confidence: float = MIN_CONFIDENCE,
    ) -> None:
        self.languages = tuple(languages)
        self.min_confidence = min_confidence
        self._lock = threading.Lock()
        self._identifier: Any = None
        self._unavailable = False

    def _load(self) -> Any:
        if self._identifier is not None:  # loaded: no lock needed to read it
            return self._identifier
        with self._lock:
            if self._identifier is None and not self._unavailable:
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
                        f"the language detector does not know {sorted(unknown)}; use ISO 639-1 "
                        f"codes from: {', '.join(sorted(identifier.nb_classes))}"
                    )
                identifier.set_languages(list(self.languages))
                self._identifier = identifier
            return self._identifier

    @property
    def loaded(self) -> bool:
        """Whether the model is in memory, so a call costs well under a millisecond on a
        short text (the first call loads it: about half a second)."""
        return self._identifier is not None

    def __call__(self, text: str) -> str | None:
        if not _has_letters(text, MIN_LETTERS):
            return None
        identifier = self._load()
        if identifier is None:
            return None
        with self._lock:  # the identifier reuses buffers between calls
            code, confidence = identifier.classify(text)
        return str(code) if confidence >= self.min_confidence else None


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
