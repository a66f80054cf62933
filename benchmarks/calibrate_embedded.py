"""The embedded model's temperature profile: ``polypick calibrate`` on a Tatoeba dev set.

Builds a translation dev set from LASER's Tatoeba test sets (English sentences and their German,
French, Spanish and Portuguese translations, read with git from a clone of
facebookresearch/LASER at a pinned commit; the set is written to a temporary file, never to this
repository), then runs ``polypick calibrate`` with the embedded model (SmolLM2-135M) and chrF
against the references. The result is ``src/polypick/core/embedded_profile.json``.

    git clone https://github.com/facebookresearch/LASER /tmp/LASER
    .venv/bin/python benchmarks/calibrate_embedded.py --laser /tmp/LASER \\
        [--items 10] [--out src/polypick/core/embedded_profile.json]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from _common import git_show

from polypick.cli import main as polypick

LASER_COMMIT = "74bc6ae7ffb7cba670fe0f428d0ede9f666fb821"
TARGETS = {"deu": ("de", "German"), "fra": ("fr", "French"), "spa": ("es", "Spanish"),
           "por": ("pt", "Portuguese")}  # fmt: skip


def show(laser: Path, path: str) -> list[str]:
    return git_show(laser, LASER_COMMIT, path).splitlines()


def dev_set(laser: Path, items: int) -> list[dict[str, str]]:
    rows = []
    for iso3, (code, name) in TARGETS.items():
        base = f"data/tatoeba/v1/tatoeba.{iso3}-eng"
        english, foreign = show(laser, f"{base}.eng"), show(laser, f"{base}.{iso3}")
        # sentences of 6 to 14 words: long enough for chrF to tell translations apart
        pairs = [(e, f) for e, f in zip(english, foreign, strict=True) if 6 <= len(e.split()) <= 14]
        for k, (source, target) in enumerate(pairs[:items]):
            prompt = f"Translate into {name}: {source}"
            rows.append({"id": f"{code}-{k}", "prompt": prompt, "reference": target,
                         "language": code})  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laser", type=Path, required=True)
    parser.add_argument("--items", type=int, default=10, help="items per language")
    parser.add_argument("--out", default="src/polypick/core/embedded_profile.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "tatoeba-dev.jsonl"
        rows = dev_set(args.laser, args.items)
        note = (
            f"{len(rows)} Tatoeba sentence pairs (LASER data/tatoeba/v1 at {LASER_COMMIT}), "
            f"English into {', '.join(n for _, n in TARGETS.values())}, {args.items} each, "
            "built by benchmarks/calibrate_embedded.py"
        )
        data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
        polypick(
            ["calibrate", "--data", str(data), "--llm", "local", "-n", "4",
             "--temperatures", "0.3,0.6,0.9,1.2", "--task", "translation", "--max-tokens", "48",
             "--name", "embedded", "--out", args.out, "--note", note]
        )  # fmt: skip


if __name__ == "__main__":
    main()
