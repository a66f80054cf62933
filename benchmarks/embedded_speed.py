"""Tokens per second of the embedded model, in this environment and, optionally, in another one.

Built to compare two builds of llama-cpp-python (say, compiled for the build machine's CPU and
compiled the way ``make`` builds it): each run is a fresh process that loads SmolLM2-135M the
way ``LocalChat`` does (extra buffer types off unless ``--extra-buffer-types``), reads a fixed
prompt (prompt processing, "pp") and generates a fixed number of tokens greedily, end-of-text
ignored ("tg"). Runs of the two environments alternate, and the medians are printed with their
ratio, so a busy machine slows both alike.

    .venv/bin/python benchmarks/embedded_speed.py [--runs 7] [--tokens 128]
    .venv/bin/python benchmarks/embedded_speed.py --against /tmp/native/bin/python
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROMPT = (
    "Explain in a few sentences why the sky is blue, and then why sunsets are red. "
    "Use simple words, as if you were talking to a curious child who asks many questions. "
) * 3


def measure(tokens: int, extra_buffer_types: bool, threads: int) -> dict[str, object]:
    """One run in this process: load, read the prompt, generate ``tokens`` tokens."""
    from llama_cpp import Llama

    from polypick.providers.local import default_model_path, load_cpu_backends
    from polypick.providers.local import extra_buffer_types as setting

    load_cpu_backends()
    with setting(extra_buffer_types):
        llama = Llama(
            model_path=str(default_model_path()), n_ctx=2048, n_threads=threads, verbose=False
        )
    prompt = llama.tokenize(PROMPT.encode())
    start = time.perf_counter()
    llama.eval(prompt)
    pp = time.perf_counter() - start
    start = time.perf_counter()
    for generated, _ in enumerate(llama.generate(prompt, temp=0.0, reset=False), start=1):
        if generated == tokens:
            break
    tg = time.perf_counter() - start
    result = {
        "pp": len(prompt) / pp,
        "tg": tokens / tg,
        "use_extra_bufts": bool(llama.model_params.use_extra_bufts),
    }
    llama.close()
    return result


def run(python: str, args: argparse.Namespace) -> dict[str, float]:
    command = [python, __file__, "--worker", "--tokens", str(args.tokens), "--threads"]
    command += [str(args.threads)] + (["--extra-buffer-types"] if args.extra_buffer_types else [])
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tokens", type=int, default=128)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--extra-buffer-types", action="store_true")
    parser.add_argument("--against", help="the Python of another environment (the baseline)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(measure(args.tokens, args.extra_buffer_types, args.threads)))
        return
    contenders = {"this": sys.executable}
    if args.against:
        contenders["baseline"] = str(Path(args.against))
    results: dict[str, list[dict[str, float]]] = {name: [] for name in contenders}
    for _ in range(args.runs):
        for name, python in contenders.items():
            results[name].append(run(python, args))
    medians = {}
    for name, python in contenders.items():
        pp = statistics.median(r["pp"] for r in results[name])
        tg = statistics.median(r["tg"] for r in results[name])
        medians[name] = (pp, tg)
        extra = {bool(r["use_extra_bufts"]) for r in results[name]}
        print(
            f"{name:8} {python}: prompt {pp:7.1f} tok/s, generation {tg:6.1f} tok/s "
            f"(median of {args.runs}; use_extra_bufts={sorted(extra)})"
        )
    if "baseline" in medians:
        (pp, tg), (base_pp, base_tg) = medians["this"], medians["baseline"]
        print(f"this / baseline: prompt {pp / base_pp:.2f}x, generation {tg / base_tg:.2f}x")


if __name__ == "__main__":
    main()
