"""Language fidelity on real multi-system translation pools (WMT23 general task).

Each segment's pool is every WMT23 system's output for it (10 to 15 real systems per pair:
online engines, GPT-4, NLLB, research systems); selection is ``polypick.select(prompt, pool,
"mbr", utility=chrF)`` with default settings against the same call with
``language_fidelity=False``, the prompt being the bare source text and an instruction
"Translate the following text into X:" followed by the source. Scores are corpus chrF of the
selections against the WMT references; the best and the mean single system are the yardsticks.

The data is read with git from a local clone at a pinned commit; nothing is copied here:

    git clone https://github.com/wmt-conference/wmt23-news-systems /tmp/wmt23
    .venv/bin/python benchmarks/translation_pools.py --wmt23 /tmp/wmt23 [--segments 60]
        [--pairs en-cs,en-zh] [--markdown]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
from pathlib import Path

from _common import format_table
from sacrebleu.metrics import CHRF

from polypick import select
from polypick.core.language_names import NAMES
from polypick.selectors.base import SelectionContext
from polypick.selectors.utilities import Matrix
from polypick.selectors.utilities.chrf import ChrF

WMT23_COMMIT = "99b5b9de2a535c2c5542fd4ec404682903299894"
PAIRS = (
    "en-cs", "en-de", "en-he", "en-ja", "en-ru", "en-uk", "en-zh",
    "cs-uk", "de-en", "he-en", "ja-en", "ru-en", "uk-en", "zh-en",
)  # fmt: skip
PREFIX = "generaltest2023"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    ).stdout


def lines(repo: Path, path: str) -> list[str]:
    return git(repo, "show", f"{WMT23_COMMIT}:{path}").split("\n")


def read_pair(repo: Path, pair: str) -> tuple[list[str], list[str], dict[str, list[str]]]:
    """Sources, references and each system's outputs (``refA`` is the reference; systems
    named ``ref*`` are other human references, left out of the pools)."""
    source, target = pair.split("-")
    sources = lines(repo, f"txt/sources/{PREFIX}.{pair}.src.{source}")
    references = lines(repo, f"txt/references/{PREFIX}.{pair}.ref.refA.{target}")
    listing = git(repo, "ls-tree", "--name-only", WMT23_COMMIT, "txt/system-outputs/")
    systems = {}
    for path in listing.split():
        name = Path(path).name
        if name.startswith(f"{PREFIX}.{pair}.hyp.") and ".ref" not in name:
            system = name.removeprefix(f"{PREFIX}.{pair}.hyp.").removesuffix(f".{target}")
            systems[system] = lines(repo, path)
    return sources, references, systems


class SharedChrF:
    """chrF (polypick's utility), each (hypothesis, reference) pair scored once for the four
    selections of a segment: the same figures, a quarter of the time."""

    name = "chrf"
    needs_judge = False
    cross_lingual = False

    def __init__(self) -> None:
        self.chrf = ChrF()
        self.cells: dict[tuple[str, str], float | None] = {}

    async def matrix(
        self, context: SelectionContext, hypotheses: list[str], references: list[str]
    ) -> Matrix:
        pairs = {(h, r) for h in hypotheses for r in references} - set(self.cells)
        if pairs:
            hs = sorted({h for h, _ in pairs})
            rs = sorted({r for _, r in pairs})
            rows = await self.chrf.matrix(context, hs, rs)
            for h, row in zip(hs, rows, strict=True):
                self.cells.update({(h, r): v for r, v in zip(rs, row, strict=True)})
        return [[self.cells[h, r] for r in references] for h in hypotheses]


def instruction(source_text: str, target: str) -> str:
    name = next(n for n, code in NAMES.items() if code == target).capitalize()
    return f"Translate the following text into {name}:\n{source_text}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wmt23", type=Path, required=True, help="a clone of wmt23-news-systems")
    parser.add_argument("--segments", type=int, default=60, help="segments per pair")
    parser.add_argument("--pairs", default=",".join(PAIRS))
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    chrf = CHRF()
    rows = []
    for pair in args.pairs.split(","):
        target = pair.split("-")[1]
        sources, references, systems = read_pair(args.wmt23, pair)
        # the first segments that every system translated (and that are not blank)
        keep = [
            i
            for i in range(len(sources))
            if sources[i].strip()
            and all(i < len(out) and out[i].strip() for out in systems.values())
        ][: args.segments]
        refs = [[references[i] for i in keep]]
        single = {
            s: chrf.corpus_score([out[i] for i in keep], refs).score for s, out in systems.items()
        }
        chosen: dict[str, list[str]] = {}
        moved: dict[str, int] = {}
        utility = SharedChrF()
        for prompt_kind in ("bare", "instruction"):
            for fidelity in (True, False):
                picks = []
                for i in keep:
                    pool = [out[i] for out in systems.values()]
                    prompt = (
                        sources[i] if prompt_kind == "bare" else instruction(sources[i], target)
                    )
                    options = {} if fidelity else {"language_fidelity": False}
                    chosen_one = select(prompt, pool, "mbr", utility=utility, **options)
                    picks.append(chosen_one.text)
                chosen[f"{prompt_kind}/{'default' if fidelity else 'off'}"] = picks
            on, off = chosen[f"{prompt_kind}/default"], chosen[f"{prompt_kind}/off"]
            moved[prompt_kind] = sum(a != b for a, b in zip(on, off, strict=True))
        score = {k: chrf.corpus_score(v, refs).score for k, v in chosen.items()}
        rows.append(
            [
                pair,
                str(len(keep)),
                str(len(systems)),
                f"{score['bare/default']:.1f}",
                f"{score['bare/off']:.1f}",
                f"{score['instruction/default']:.1f}",
                f"{score['instruction/off']:.1f}",
                f"{moved['bare']}/{moved['instruction']}",
                f"{max(single.values()):.1f}",
                f"{statistics.mean(single.values()):.1f}",
            ]
        )
        print(" ".join(rows[-1]), flush=True)
    headers = [
        "pair", "segments", "systems", "bare: default", "bare: fidelity off",
        "instruction: default", "instruction: fidelity off", "choices changed",
        "best system", "mean system",
    ]  # fmt: skip
    print(format_table(headers, rows, args.markdown))


if __name__ == "__main__":
    main()
