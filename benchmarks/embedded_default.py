"""Wall time of ``make run``'s main job: ``polypick run`` with the embedded model.

It reads the command from the Makefile's ``run`` target (so it times exactly what ``make run``
runs, after installation), expands the Makefile's variables, runs it ``--runs`` times in a row
and prints each run's wall and CPU time and the medians; ``--compare-without-judge`` also times
the same command without its ``--judge`` option, interleaved with it. Model loading is included:
each run is a fresh process, as it is for a user.

    .venv/bin/python benchmarks/embedded_default.py [--runs 5] [--compare-without-judge]
"""

from __future__ import annotations

import argparse
import re
import resource
import shlex
import statistics
import subprocess
import time
from collections.abc import Mapping
from pathlib import Path

__all__ = ["expand", "makefile_variables", "recipe", "run_command", "without_judge"]

ROOT = Path(__file__).resolve().parents[1]
_ASSIGNMENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*(?:\?=|:=|=)\s*(.*)$")
_REFERENCE = re.compile(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")


def makefile_variables(text: str) -> dict[str, str]:
    """Simple ``NAME = value`` assignments (``=``, ``:=``, ``?=``; the first one wins, as
    ``?=`` does), unexpanded."""
    variables: dict[str, str] = {}
    for line in text.splitlines():
        match = _ASSIGNMENT.match(line)
        if match and not line.startswith("\t"):
            variables.setdefault(match.group(1), match.group(2).strip())
    return variables


def recipe(text: str, target: str) -> list[str]:
    """The recipe lines of ``target`` (tab-indented lines after ``target:``), tab removed."""
    lines = text.splitlines()
    header = re.compile(rf"^{re.escape(target)}\s*:(?!=)")
    for position, line in enumerate(lines):
        if header.match(line):
            body = []
            for following in lines[position + 1 :]:
                if not following.startswith("\t"):
                    break
                body.append(following[1:])
            return body
    raise ValueError(f"the Makefile has no target {target!r}")


def expand(text: str, variables: Mapping[str, str], depth: int = 10) -> str:
    """Replace ``$(NAME)`` references, recursively; unknown names expand to nothing (as make
    does)."""
    for _ in range(depth):
        expanded = _REFERENCE.sub(lambda m: variables.get(m.group(1), ""), text)
        if expanded == text:
            return expanded
        text = expanded
    raise ValueError(f"variable references nest deeper than {depth} levels: {text!r}")


def run_command(makefile: str) -> list[str]:
    """The argv of the ``polypick`` line of the ``run`` target."""
    variables = makefile_variables(makefile)
    for line in recipe(makefile, "run"):
        argv = shlex.split(expand(line, variables))
        if argv and Path(argv[0]).name == "polypick":
            return argv
    raise ValueError("the Makefile's run target has no polypick command")


def without_judge(argv: list[str]) -> list[str]:
    """``argv`` without its ``--judge VALUE`` (or ``--judge=VALUE``): the model judges itself
    only when a selector needs it, so this is the cost of sampling alone."""
    out: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--judge":
            skip = True
        elif not arg.startswith("--judge="):
            out.append(arg)
    return out


def timed_run(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, of the child) of one run; output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(f"{shlex.join(argv)} failed ({done.returncode}):\n{done.stderr}")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(runs: int, compare: bool) -> None:
    argv = run_command((ROOT / "Makefile").read_text(encoding="utf-8"))
    commands = {"make run": argv}
    if compare and without_judge(argv) != argv:
        commands["without --judge"] = without_judge(argv)
    for name, command in commands.items():
        print(f"{name}: {shlex.join(command)}")
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for index in range(runs):  # interleaved, so load changes hit both alike
        for name, command in commands.items():
            wall, cpu = timed_run(command)
            results[name].append((wall, cpu))
            print(f"  run {index + 1}, {name}: {wall:.2f} s wall, {cpu:.2f} s CPU", flush=True)
    for name, pairs in results.items():
        wall = statistics.median(w for w, _ in pairs)
        cpu = statistics.median(c for _, c in pairs)
        print(f"{name}, median of {runs}: {wall:.2f} s wall, {cpu:.2f} s CPU")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--compare-without-judge",
        action="store_true",
        help="also time the same command without --judge, interleaved",
    )
    args = parser.parse_args()
    main(args.runs, args.compare_without_judge)
