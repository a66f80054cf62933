"""The strategy-choosing controller's parts of ``benchmarks/compute_optimal.py``.

A dev set of real outputs is collected with :func:`polypick.search.collect_dev_set` (every
strategy of the menu at every budget, on labelled prompts, after a 2-answer probe), the
controller is fitted per difficulty bin and 2-fold cross-validated with
:func:`polypick.search.fit_controller`, and its cross-validated accuracy is set against
best-of-N weighted at equal budget and at equal accuracy:

- on the step-level simulator (``StepSimulator``: known pass rates, a process verifier with
  known noise; 4 steps, so a budget of B is B answers' worth of steps);
- on the embedded SmolLM2-135M: addition prompts, sampled for real, scored by an arithmetic
  checker (a process verifier that recomputes every ``a + b = c`` a step writes, without
  knowing the question's answer), one step per line (the paper's delimiter).
"""

from __future__ import annotations

import ast
import asyncio
import json
import operator
import random
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from polypick.providers import LocalChat
from polypick.search import (
    BEST_OF_N,
    PAPER_DELIMITER,
    DevPrompt,
    ProcessVerifier,
    SearchSettings,
    StepSimulator,
    StrategyChoice,
    budget_to_reach,
    collect_dev_set,
    fit_controller,
)

Curve = list[tuple[float, float]]
PROBE = 2
SIM_MENU = (
    BEST_OF_N,
    StrategyChoice(kind="beam", width=2),
    StrategyChoice(kind="beam", width=4),
    StrategyChoice(kind="lookahead", k=1, width=2),
)  # the step simulator has no revision model: revisions are measured on the embedded model
SIM_BUDGETS = (4, 8, 16)
SIM_BON_BUDGETS = (32, 64)
LOCAL_MENU = (
    BEST_OF_N,
    StrategyChoice(kind="beam", width=2),
    StrategyChoice(kind="revision", ratio=1.0),
)
LOCAL_BUDGETS = (4, 8)
LOCAL_BON_BUDGETS = (16,)

_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul}
_EQUATION = re.compile(r"\d+(?:\s*[-+*×x]\s*\d+)*(?:\s*=\s*\d+(?:\s*[-+*×x]\s*\d+)*)+")


def _value(text: str) -> int | None:
    """The value of an integer expression with + - * (``None`` if it is not one)."""

    def walk(node: ast.AST) -> int:
        if isinstance(node, ast.Constant) and isinstance(node.value, int):
            return node.value
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return int(_OPS[type(node.op)](walk(node.left), walk(node.right)))
        raise ValueError(text)

    try:
        return walk(ast.parse(text.strip().replace("×", "*").replace("x", "*"), mode="eval").body)
    except (SyntaxError, ValueError, RecursionError):
        return None


def arithmetic_check(prompt: str, steps: list[str]) -> list[float]:
    """A process verifier for arithmetic: per step, 1 if every equation it writes holds, 0 if
    one does not, 0.5 if it writes none. It recomputes, it does not know the answer."""
    scores = []
    for step in steps:
        found = _EQUATION.findall(step)
        if not found:
            scores.append(0.5)
            continue
        holds = []
        for equation in found:
            values = [_value(side) for side in equation.split("=")]
            holds.append(None not in values and len(set(values)) == 1)
        scores.append(1.0 if all(holds) else 0.0)
    return scores


def addition_prompts(count: int, seed: int) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    pairs = [(rng.randint(2, 30), rng.randint(2, 30)) for _ in range(count)]
    prompts = [f"What is {a} + {b}? Think step by step, one step per line." for a, b in pairs]
    return prompts, [str(a + b) for a, b in pairs]


def report(
    title: str, dev: Sequence[DevPrompt], menu: Sequence[StrategyChoice],
    budgets: Sequence[int], bon_budgets: Sequence[int], difficulties: Sequence[str],
) -> dict[str, Curve]:  # fmt: skip
    """Fit and cross-validate the controller on ``dev`` per difficulty measure; print its
    choices, its accuracy against best-of-N at equal budget, and the budgets at equal
    accuracy. Returns the curves for the plot."""
    print(f"\n## {title}: the strategy-choosing controller ({len(dev)} prompts)\n")
    all_budgets = sorted({*budgets, *bon_budgets})
    bon = [
        (float(b), sum(bool(p.right(BEST_OF_N.name, b)) for p in dev) / len(dev))
        for b in all_budgets
    ]
    for choice in menu:
        row = [
            f"{sum(bool(p.right(choice.name, b)) for p in dev) / len(dev):.3f}"
            if all(p.right(choice.name, b) is not None for p in dev)
            else "-"
            for b in budgets
        ]
        print(f"- {choice.name}, alone, at budgets {list(budgets)}: {', '.join(row)}")
    print(f"- best-of-N weighted at {all_budgets}: " + ", ".join(f"{a:.3f}" for _, a in bon))
    curves: dict[str, Curve] = {"best-of-N weighted": bon}
    for difficulty in difficulties:
        policy = fit_controller(
            dev,
            menu=menu,
            budgets=budgets,
            probe=PROBE,
            difficulty=difficulty,
            bins=4,  # type: ignore[arg-type]
        )
        label = f"controller, {difficulty} difficulty" + (
            " (needs the truth: an upper reference)" if difficulty == "oracle" else ""
        )
        print(f"\n### {label}\n")
        cells = ", ".join(f"bin {e.bin} @{e.budget}: {e.choice}" for e in policy.table)
        print(f"- fitted on all prompts: {cells}")
        curve = []
        for point in policy.cross_validation:
            curve.append((float(point.budget), point.controller))
            needed = budget_to_reach(bon, point.controller)
            equal = (
                f"best-of-N needs {needed:.1f} for that ({needed / point.budget:.2f}x)"
                if needed is not None
                else f"best-of-N never reaches it up to {all_budgets[-1]}"
            )
            print(
                f"- budget {point.budget}: controller {point.controller:.3f} (2-fold CV) vs "
                f"best-of-N {point.best_of_n:.3f}; {equal}; chose {point.chosen}"
            )
        for budget, accuracy in bon[len(budgets) - 1 :]:
            needed = budget_to_reach(curve, accuracy)
            if needed is not None:
                print(
                    f"- the controller reaches best-of-N@{budget:g} ({accuracy:.3f}) at budget "
                    f"{needed:.1f}: {budget / needed:.1f}x less compute"
                )
        curves[label] = curve
    return curves


def simulator_dev(prompts: int, draw_p: Callable[[int, int], list[float]]) -> list[DevPrompt]:
    sim = StepSimulator.from_pass_rates(draw_p(prompts, 5), steps=4, seed=17)
    settings = SearchSettings(detect_language=False, retry=0)
    truths = [sim.correct(i) for i in range(prompts)]
    return asyncio.run(
        collect_dev_set(
            list(sim.prompts), truths, sim.stepper(), sim.verifier(), menu=SIM_MENU,
            budgets=SIM_BUDGETS, probe=PROBE, settings=settings,
            best_of_n_budgets=SIM_BON_BUDGETS,
        )
    )  # fmt: skip


def local_dev(count: int, path: Path | None) -> list[DevPrompt]:
    """The embedded model's dev set, collected for real (or read back from ``path``, which
    keeps every prompt as soon as it is done, so an interrupted run resumes)."""
    done = []
    if path is not None and path.exists():
        done = [DevPrompt.model_validate_json(line) for line in path.read_text().splitlines()]
    prompts, truths = addition_prompts(count, seed=11)
    settings = SearchSettings(
        temperature=0.7, max_step_tokens=24, max_continuations=2, delimiter=PAPER_DELIMITER,
        detect_language=False, retry=0,
    )  # fmt: skip
    verifier = ProcessVerifier(arithmetic_check, aggregate="min", delimiter=PAPER_DELIMITER)
    started = time.monotonic()

    def keep(index: int, item: DevPrompt) -> None:
        if path is not None:
            with path.open("a") as handle:
                handle.write(item.model_dump_json() + "\n")
        print(f"  prompt {len(done) + index + 1}/{count}: {time.monotonic() - started:.0f} s")

    todo = len(done)
    done += asyncio.run(
        collect_dev_set(
            prompts[todo:], truths[todo:], LocalChat(max_tokens=48), verifier, menu=LOCAL_MENU,
            budgets=LOCAL_BUDGETS, probe=PROBE, settings=settings,
            best_of_n_budgets=LOCAL_BON_BUDGETS, max_rounds=4, on_prompt=keep,
        )
    )  # fmt: skip
    return done[:count]


def dump(dev: Sequence[DevPrompt]) -> str:
    return json.dumps([p.model_dump() for p in dev])
