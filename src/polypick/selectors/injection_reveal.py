"""Judge-injection text as the multilingual classifier reads it: its disguises undone, its
words in their own script.

The embedder must see the words a model would read. Folding as the rules fold
(:func:`~polypick.selectors.injection.fold`: accents stripped, NFKD, Cyrillic and Greek
look-alikes mapped to Latin) would wreck Russian, Ukrainian, Greek, Vietnamese and Korean text
for it, so :func:`reveal` undoes only the disguises. See docs/selectors/injection.md.
"""

from __future__ import annotations

import base64
import binascii
import functools
import re
import unicodedata
from collections import Counter

from polypick.selectors.injection import unmarked

__all__ = ["reveal"]

# "i g n o r e" (single letters or digits separated by single spaces, four or more; the last
# may be followed by punctuation; not Hangul: Korean writes one-syllable words between spaces)
_SPACED = re.compile(r"(?<!\S)(?:[^\W\uac00-\ud7af] ){3,}[^\W\uac00-\ud7af](?=[\s.,;:!?)\]\"']|$)")
# a word where a letter touches a digit that stands for one ("b3st", "4nsw3r"; not "base64")
_LEET_WORD = re.compile(r"(?<![\w$])(?=[\w$]*(?:[A-Za-z][013457$]|[013457$][A-Za-z]))[\w$]+")
_LEET = str.maketrans("4310574$", "aeiostas")
_BASE64 = re.compile(r"[A-Za-z0-9+/]{8,}={0,2}")  # decoded from 16 characters on

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
    text = unicodedata.normalize("NFKC", unmarked(text))
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
