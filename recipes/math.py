"""MGSM-style accuracy: greedy vs majority@N vs hedged sampling with other selectors.

Final answers are extracted in any language and script (``Answer: 42``, ``答案是 42``,
``الجواب هو ٤٢``) and compared with the expected ones; accuracy per language with bootstrap CIs.

    python recipes/math.py                                  # built-in demo set, embedded model
    python recipes/math.py --data mgsm.jsonl --llm openai:gpt-4o-mini -n 1,5,9 \
        --selectors majority,weighted_majority --judge openai:gpt-4o

Data: JSONL/TSV with ``prompt`` and ``answer`` (and optional ``id``, ``language``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence

from polypick.core.sampling import Hedged
from polypick.eval import (
    EvalItem,
    accuracy_task,
    evaluate,
    load_items,
    parse_counts,
    render_text,
    standard_systems,
)

INSTRUCTION = " Think step by step, then give the final number after 'Answer:'."
DEMO = [
    EvalItem(id="en-1", prompt="Tom has 3 apples and buys 4 more. How many apples does he have?",
             answer="7", language="en"),
    EvalItem(id="es-1", prompt="Ana tiene 10 euros y gasta 4. ¿Cuántos euros le quedan?",
             answer="6", language="es"),
    EvalItem(id="de-1", prompt="Ein Buch kostet 5 Euro. Was kosten 3 Bücher?", answer="15",
             language="de"),
]  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="a .jsonl/.tsv file with prompt and answer fields")
    parser.add_argument("--llm", default="local")
    parser.add_argument("--judge", help="judge for selectors that need one")
    parser.add_argument("-n", default="1,3", help="sample counts, e.g. 1,5,9")
    parser.add_argument("--selectors", default="majority")
    parser.add_argument("--max-tokens", type=int, default=128)
    parser.add_argument("--out", help="output directory (default: a temporary one)")
    args = parser.parse_args(argv)
    items = load_items(args.data, "accuracy") if args.data else DEMO
    items = [i.model_copy(update={"prompt": i.prompt + INSTRUCTION}) for i in items]
    systems = standard_systems(
        parse_counts(args.n),
        Hedged(max_tokens=args.max_tokens, seed=0),
        args.selectors.split(","),
    )
    out = args.out or tempfile.mkdtemp(prefix="polypick-math-")
    report = evaluate(accuracy_task(), items, systems, llm=args.llm, judge=args.judge, out=out)
    print(render_text(report))
    print(f"results: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
