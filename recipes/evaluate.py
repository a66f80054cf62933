"""Win-rate of best-of-N against reference answers, through the Python API.

The same evaluation as ``polypick eval winrate``, as a script you can adapt: the greedy
baseline and hedged sampling + a selector at each N, judged against the references in both
orders, with per-language tables, bootstrap CIs, and resumable results in --out.

    python recipes/evaluate.py                               # built-in demo set, embedded model
    python recipes/evaluate.py --data arena.jsonl --llm openai:gpt-4o-mini \
        --judge openai:gpt-4o -n 1,3,5 --selector chops --out runs/arena

Data: JSONL/TSV with ``prompt`` and ``reference`` (and optional ``id``, ``language``,
``category``); see docs/evaluation.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence

from polypick.core.sampling import Hedged
from polypick.eval import (
    EvalItem,
    evaluate,
    load_items,
    parse_counts,
    render_text,
    standard_systems,
    winrate_task,
)

DEMO = [
    EvalItem(id="1", prompt="Name a primary colour.", reference="Red.", language="en",
             category="easy"),
    EvalItem(id="2", prompt="Nombra un color primario.", reference="Rojo.", language="es",
             category="easy"),
]  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="a .jsonl/.tsv file with prompt and reference fields")
    parser.add_argument("--llm", default="local")
    parser.add_argument("--judge", help="judge model spec (default: --llm)")
    parser.add_argument("-n", default="1,3", help="sample counts, e.g. 1,3,5")
    parser.add_argument("--selector", default="chops")
    parser.add_argument("--max-tokens", type=int, default=64)
    parser.add_argument("--judge-max-tokens", type=int, default=128)
    parser.add_argument("--out", help="output directory (default: a temporary one)")
    args = parser.parse_args(argv)
    items = load_items(args.data, "winrate") if args.data else DEMO
    systems = standard_systems(
        parse_counts(args.n),
        Hedged(max_tokens=args.max_tokens, seed=0),
        args.selector.split(","),
    )
    out = args.out or tempfile.mkdtemp(prefix="polypick-eval-")
    task = winrate_task(judge_max_tokens=args.judge_max_tokens)
    report = evaluate(task, items, systems, llm=args.llm, judge=args.judge or args.llm, out=out)
    print(render_text(report, by=("all", "language", "category")))
    print("files: " + ", ".join(f"{k}={v}" for k, v in report.files.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
