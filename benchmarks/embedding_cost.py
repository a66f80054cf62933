"""MBR over embeddings against MBR over chrF: time per prompt of 11 answers of a few hundred
words.

The answers are real: for each of ``--prompts`` documents of WMT23's German-English test set, the
English outputs of 11 systems, each the document's first 12 lines (about 450 words), read with git
from a clone of wmt-conference/wmt23-news-systems at a pinned commit. Each contender computes the
11 x 11 MBR matrix of one prompt — chrF (sacrebleu), polypick's ``Embedding()`` (the first 800
characters, cached), and ``Embedding(max_chars=None, cache_size=0)`` (whole texts, the old
behaviour) — interleaved, on a fresh utility per prompt so the cache never helps across
prompts; the figure is the median time per prompt and its ratio to chrF's.

    git clone https://github.com/wmt-conference/wmt23-news-systems /tmp/wmt23
    .venv/bin/python benchmarks/embedding_cost.py --wmt23 /tmp/wmt23 [--prompts 5] [--markdown]
"""

from __future__ import annotations

import argparse
import asyncio
import time
from pathlib import Path

from _common import format_ratio, format_table, median, ratio
from translation_pools import git, lines

from polypick.core.types import Candidate
from polypick.selectors.base import SelectionContext
from polypick.selectors.utilities import Utility
from polypick.selectors.utilities.chrf import ChrF
from polypick.selectors.utilities.embedding import Embedding
from polypick.testing import ScriptedChat

COMMIT = "99b5b9de2a535c2c5542fd4ec404682903299894"
ANSWERS = 11
LINES = 12


def prompts(repo: Path, count: int) -> list[list[str]]:
    """``count`` pools of 11 answers: consecutive 12-line blocks of 11 systems' outputs."""
    listing = git(repo, "ls-tree", "--name-only", COMMIT, "txt/system-outputs/").split()
    systems = [p for p in listing if ".de-en.hyp." in p][:ANSWERS]
    outputs = [lines(repo, p) for p in systems]
    return [[" ".join(out[k * LINES : (k + 1) * LINES]) for out in outputs] for k in range(count)]


def timed_matrix(utility: Utility, texts: list[str]) -> float:
    context = SelectionContext(
        ["q"], [Candidate(text=t) for t in texts], llm=ScriptedChat(["x"]), judge=None
    )
    start = time.perf_counter()
    asyncio.run(utility.matrix(context, texts, texts))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wmt23", type=Path, required=True)
    parser.add_argument("--prompts", type=int, default=5)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    pools = prompts(args.wmt23, args.prompts + 1)
    words = median([len(t.split()) for pool in pools for t in pool])
    contenders = {
        "chrF": ChrF,
        "embedding (800 characters, cached)": Embedding,
        "embedding (whole texts, no cache)": lambda: Embedding(max_chars=None, cache_size=0),
    }
    timed_matrix(Embedding(), pools[0])  # load the encoder and warm up
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for pool in pools[1:]:
        for name, make in contenders.items():
            times[name].append(timed_matrix(make(), pool))
    base = median(times["chrF"])
    rows = [
        [name, f"{median(t):.2f} s", format_ratio(ratio(median(t), base))]
        for name, t in times.items()
    ]
    print(f"{args.prompts} prompts of {ANSWERS} answers, median {words:.0f} words\n")
    print(format_table(["utility", "time per prompt", "vs chrF"], rows, args.markdown))


if __name__ == "__main__":
    main()
