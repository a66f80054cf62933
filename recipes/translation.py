"""Translation with MBR and X-MBR: corpus chrF against references, per system, with CIs.

Systems: greedy; hedged sampling + MBR with chrF; + MBR with multilingual embeddings
(multilingual-e5-small, offline); + X-MBR (evidence sampled in a pivot language, compared by
embeddings). The figure is corpus chrF (sacrebleu) with a bootstrap over sentences.

    python recipes/translation.py                       # built-in demo pairs, embedded model
    python recipes/translation.py --data wmt.jsonl --llm openai:gpt-4o-mini -n 5

Data: JSONL/TSV with ``prompt`` (the source text), ``reference`` (its translation) and
``language`` (the target's ISO 639-1 code; detected from the reference when absent).
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
    translation_task,
)

SELECTORS = "mbr,mbr:embedding,xmbr"
DEMO = [
    EvalItem(id="1", prompt="The weather is nice today.", reference="Hoy hace buen tiempo.",
             language="es"),
    EvalItem(id="2", prompt="Where is the train station?", reference="Où est la gare ?",
             language="fr"),
    EvalItem(id="3", prompt="I would like a coffee, please.",
             reference="Ich hätte gern einen Kaffee, bitte.", language="de"),
]  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="a .jsonl/.tsv file of prompt/reference/language rows")
    parser.add_argument("--llm", default="local")
    parser.add_argument("-n", default="3", help="sample counts, e.g. 3,5")
    parser.add_argument("--selectors", default=SELECTORS, help=f"default: {SELECTORS}")
    parser.add_argument("--max-tokens", type=int, default=64)
    parser.add_argument("--out", help="output directory (default: a temporary one)")
    args = parser.parse_args(argv)
    items = load_items(args.data, "translation") if args.data else DEMO
    systems = standard_systems(
        parse_counts(args.n),
        Hedged(task="translation", max_tokens=args.max_tokens, seed=0),
        args.selectors.split(","),
    )
    out = args.out or tempfile.mkdtemp(prefix="polypick-translation-")
    report = evaluate(translation_task(), items, systems, llm=args.llm, out=out)
    print(render_text(report))
    print(f"results: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
