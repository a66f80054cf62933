"""Accuracy against samples per prompt: best-of-N, majority, weighted, the adaptive policy, and
step-wise search (beam search, DVTS, lookahead).

Part 1 (simulator, the truth is known): every prompt has a known success probability ``p``
drawn from a Beta mixture (40% easy Beta(8, 1), 30% medium Beta(3, 3), 30% hard Beta(1, 4));
wrong answers come from 8 values with Zipf weights; a simulated verifier scores correct samples
0.25 higher on average (noise 0.2). Policies are fitted on a dev set of other prompts (a stage
per checkpoint, 8 bins, 2-fold cross-validated), saved as JSON and loaded by
``AdaptiveBestOfN``, which runs for real over a scripted model replaying the simulator. Uniform
baselines use the same samples and verifier scores. A ceiling (each prompt's budget fixed
knowing its true ``p``) shows what difficulty-aware allocation could reach at best.

Part 2 (step-level simulator): the same ``p`` mixture, 4 steps per answer, a process verifier
with known noise (20% of wrong steps deceive it); ``VerifiedBestOfN``, ``BeamSearch``, ``DVTS``
and ``Lookahead`` run over ``StepSimulator.stepper()``. Cost is generated steps / 4.

Part 3 (the embedded SmolLM2-135M): generated addition prompts, 8 samples each through
``BestOfN``; majority@k over the first k samples against ``AdaptiveBestOfN`` replaying those
same samples (sample i of a prompt is the seeded plan's i-th, so the replay is exact).

Parts 4 and 5 (the strategy-choosing controller, ``benchmarks/_controller.py``): a dev set of
real outputs — every strategy of a menu (best-of-N weighted, beam search widths, lookahead,
revision ratios) at every budget after a 2-answer probe — on the step-level simulator (400
prompts) and on the embedded SmolLM2-135M (16 addition prompts scored by an arithmetic checker,
one step per line; ~30 min on 2 busy cores, kept in ``--local-dev`` as it goes), the controller
fitted per difficulty bin (oracle, verifier, agreement) and 2-fold cross-validated, against
best-of-N weighted at equal budget and at equal accuracy.

    .venv/bin/python benchmarks/compute_optimal.py               # all parts, ~40 min on 2 cores
    .venv/bin/python benchmarks/compute_optimal.py --skip-local  # parts 1, 2 and 4, ~9 min
    .venv/bin/python benchmarks/compute_optimal.py --skip-local --skip-steps \
        --test-seeds 5 13 --plot /tmp/other.png                  # part 1 on other test prompts
    .venv/bin/python benchmarks/compute_optimal.py --controller-only \
        --local-dev /tmp/local_dev.jsonl                         # parts 4 and 5

The plot goes to docs/img/compute_optimal.png (matplotlib, Agg backend).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

import _controller

from polypick import BestOfN, Message, SamplingParams, Temperature
from polypick.adaptive import (
    AdaptiveBestOfN,
    AdaptiveSettings,
    ComputeBudget,
    DevExample,
    Policy,
    Simulator,
    fit_policy,
)
from polypick.adaptive.strategies import STRATEGIES, Strategy, pick
from polypick.core.types import prompt_text
from polypick.search import (
    DVTS,
    BeamSearch,
    Lookahead,
    SearchSettings,
    SearchStrategy,
    StepSimulator,
    VerifiedBestOfN,
)
from polypick.selectors.answers import extract_answer
from polypick.testing import ScriptedChat

ROOT = Path(__file__).resolve().parents[1]
PLOT = ROOT / "docs" / "img" / "compute_optimal.png"
UNIFORM = (1, 2, 4, 8, 16)
ADAPTIVE = (3, 4, 5, 6, 7, 8, 10, 12, 16)
# the policy's checkpoints: every sample count up to 8, then coarser
FIT_BUDGETS = (2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32)
FIRST_ROUND = 2
BINS = 8
PLAN = Temperature(temperature=0.7, seed=0)
Curve = list[tuple[float, float]]  # (samples per prompt, accuracy)


def draw_p(count: int, seed: int) -> list[float]:
    """Success probabilities from the easy / medium / hard Beta mixture."""
    rng = random.Random(seed)
    shapes = [(0.4, 8.0, 1.0), (0.3, 3.0, 3.0), (0.3, 1.0, 4.0)]
    out = []
    for _ in range(count):
        u, acc = rng.random(), 0.0
        for weight, a, b in shapes:
            acc += weight
            if u < acc:
                out.append(rng.betavariate(a, b))
                break
    return out


def uniform_curve(dev: Sequence[DevExample], strategy: str, budgets: Sequence[int]) -> Curve:
    return [
        (float(k), sum(e.solved(strategy, k) for e in dev) / len(dev))  # type: ignore[arg-type]
        for k in budgets
    ]


def adaptive_curve(
    make: Callable[[int], AdaptiveBestOfN], prompts: Sequence[str], truth: Sequence[str]
) -> Curve:
    curve = []
    for budget in ADAPTIVE:
        adaptive = make(budget)
        if budget < adaptive.first_round:
            continue
        run = adaptive.run_batch(list(prompts))
        right = sum(p.answer == t for p, t in zip(run.report.prompts, truth, strict=True))
        curve.append((run.report.mean_samples, right / len(truth)))
    return curve


def samples_to_reach(curve: Curve, target: float) -> float | None:
    """The samples per prompt at which ``curve`` first reaches ``target`` (linear between)."""
    previous = None
    for samples, accuracy in curve:
        if accuracy >= target:
            if previous is None or previous[1] >= target:
                return samples
            (s0, a0) = previous
            return s0 + (samples - s0) * (target - a0) / (accuracy - a0)
        previous = (samples, accuracy)
    return None


def _best_budget(right: Sequence[int], size: int, price: float) -> int:
    """The budget (index into ``right``, 0 = 1 sample) worth most at ``price`` per sample."""
    return max(range(len(right)), key=lambda k: right[k] - price * size * (k + 1))


def oracle_samples(p: Sequence[float], test: Sequence[DevExample], strategy: Strategy) -> float:
    """A ceiling, not a method: the fewest samples per prompt that reach ``strategy``@16 when
    each prompt's budget is fixed in advance knowing its true ``p`` (20 quantile bins of ``p``,
    each bin's budget picked on these same test prompts' outcomes)."""
    order = sorted(range(len(p)), key=lambda i: p[i])
    bins = [order[b * len(order) // 20 : (b + 1) * len(order) // 20] for b in range(20)]
    right = [[sum(test[i].solved(strategy, k) for i in m) for k in range(1, 33)] for m in bins]
    target = sum(e.solved(strategy, 16) for e in test)
    best = 16.0
    for step in range(2001):  # a Lagrangian sweep over the price of one sample
        ks = [_best_budget(r, len(m), step / 2000) for r, m in zip(right, bins, strict=True)]
        solved = sum(r[k] for r, k in zip(right, ks, strict=True))
        samples = sum((k + 1) * len(m) for k, m in zip(ks, bins, strict=True)) / len(p)
        if solved >= target:
            best = min(best, samples)
    return best


def simulator_part(
    prompts: int, policy_path: Path, test_seeds: tuple[int, int] = (2, 7)
) -> dict[str, Curve]:
    dev_sim = Simulator(draw_p(prompts, 1), wrong_answers=8, seed=100)
    p_seed, sample_seed = test_seeds  # other test draws check that a ratio is not luck
    sim = Simulator(draw_p(prompts, p_seed), wrong_answers=8, seed=sample_seed)
    dev = dev_sim.dev_set(max(FIT_BUDGETS))
    fit_policy(dev, FIT_BUDGETS, first_round=FIRST_ROUND, statistic="verifier", bins=BINS).save(
        policy_path
    )
    unscored = [e.model_copy(update={"scores": None}) for e in dev]
    blind = fit_policy(unscored, FIT_BUDGETS, first_round=FIRST_ROUND, bins=BINS)
    policy = Policy.load(policy_path)
    for score in policy.cross_validation:
        print(
            f"  2-fold CV @ {score.budget:2d}: policy {score.policy:.3f}, "
            f"majority {score.majority:.3f}"
        )
    test = sim.dev_set(16)
    ceiling = sim.dev_set(32)
    for strategy in STRATEGIES:
        needed = oracle_samples(sim.p, ceiling, strategy)
        print(f"  ceiling: {strategy}@16 with the true p known: {needed:.2f} samples/prompt")
    truth = [sim.correct(i) for i in range(len(sim.p))]

    def make(verifier: bool, fitted: Policy | None) -> Callable[[int], AdaptiveBestOfN]:
        return lambda budget: AdaptiveBestOfN(
            ScriptedChat(sim.responder),
            ComputeBudget(generations=budget),
            first_round=None if fitted else 4,
            verifier=sim.verifier if verifier else None,
            policy=fitted,
            sampling=PLAN,
            # a policy re-bins after every sample; the vote alone moves in pairs (no ties)
            settings=AdaptiveSettings(max_samples=32, step=1 if fitted else 2),
        )

    return {
        "majority": uniform_curve(test, "majority", UNIFORM),
        "weighted (verifier)": uniform_curve(test, "weighted", UNIFORM),
        "best-of-N (verifier)": uniform_curve(test, "best_of_n", UNIFORM),
        "adaptive, vote only": adaptive_curve(make(False, None), sim.prompts, truth),
        "adaptive policy, no verifier": adaptive_curve(make(False, blind), sim.prompts, truth),
        "adaptive policy + verifier": adaptive_curve(make(True, policy), sim.prompts, truth),
    }


STEP_BUDGETS = (4, 8, 16)
STEPS = 4
SEARCH = SearchSettings(detect_language=False, retry=0)


async def _step_accuracy(
    sim: StepSimulator, make: Callable[[], SearchStrategy]
) -> tuple[float, float]:
    """(samples per prompt, accuracy) of one strategy: samples are generated steps / STEPS."""
    sim.reset()
    right = 0
    for i, prompt in enumerate(sim.prompts):
        sel = await make().arun(prompt)
        right += extract_answer(sel.text) == sim.correct(i)
    return sum(sim.generated.values()) / len(sim.prompts) / STEPS, right / len(sim.prompts)


async def _uniform_steps(sim: StepSimulator) -> dict[str, Curve]:
    """Majority, weighted and best-of-N over the first k of 16 whole answers per prompt."""
    sim.reset()
    votes = {"majority": "majority", "weighted (PRM)": "weighted", "best-of-N (PRM)": "best_of_n"}
    right = {name: [0] * len(UNIFORM) for name in votes}
    for i, prompt in enumerate(sim.prompts):
        sel = await VerifiedBestOfN(sim.stepper(), sim.verifier(), n=16, settings=SEARCH).arun(
            prompt
        )
        answers = [extract_answer(c.text) for c in sel.candidates]
        for name, strategy in votes.items():
            for j, k in enumerate(UNIFORM):
                chosen = pick(strategy, answers[:k], sel.scores[:k])  # type: ignore[arg-type]
                right[name][j] += answers[chosen] == sim.correct(i)
    total = len(sim.prompts)
    return {
        name: [(float(k), r / total) for k, r in zip(UNIFORM, hits, strict=True)]
        for name, hits in right.items()
    }


def step_part(prompts: int) -> dict[str, Curve]:
    """Part 3: step-wise search against a process verifier on the step-level simulator."""
    sim = StepSimulator.from_pass_rates(draw_p(prompts, 3), steps=STEPS, seed=11)
    verifier = sim.verifier()
    searches: dict[str, Callable[[int], SearchStrategy]] = {
        "beam search (width 4)": lambda n: BeamSearch(
            sim.stepper(), verifier, n, 4, settings=SEARCH
        ),
        "DVTS (width 4)": lambda n: DVTS(sim.stepper(), verifier, n, 4, settings=SEARCH),
        "lookahead k=1 (width 4)": lambda n: Lookahead(
            sim.stepper(), verifier, n, 4, k=1, settings=SEARCH
        ),
    }

    async def run() -> dict[str, Curve]:
        curves = await _uniform_steps(sim)
        for name, make in searches.items():
            curves[name] = [await _step_accuracy(sim, partial(make, n)) for n in STEP_BUDGETS]
        return curves

    return asyncio.run(run())


def arithmetic_prompts(count: int, seed: int = 3) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    pairs = [(rng.randint(2, 20), rng.randint(2, 20)) for _ in range(count)]
    prompts = [f"What is {a} + {b}? Answer with a number." for a, b in pairs]
    return prompts, [str(a + b) for a, b in pairs]


def local_part(count: int, samples: int) -> dict[str, Curve]:
    prompts, truth = arithmetic_prompts(count)
    plan = Temperature(temperature=0.7, seed=0, max_tokens=40)
    bon = BestOfN(llm="local", n=samples, sampling=plan, selector="majority", detect_language=False)
    started = time.monotonic()
    selections = asyncio.run(bon.abatch(prompts, max_concurrency=1))
    print(f"  sampled {count} x {samples} in {time.monotonic() - started:.0f} s")
    texts = {p: [c.text for c in s.candidates] for p, s in zip(prompts, selections, strict=True)}
    dev = [
        DevExample(answers=tuple(extract_answer(t) for t in texts[p]), correct=truth[i])
        for i, p in enumerate(prompts)
    ]

    def replay(messages: Sequence[Message], params: SamplingParams) -> str:
        return texts[prompt_text(messages)][params.seed or 0]

    curve = []
    for budget in (2, 3, 4, 5, 6, 8):
        adaptive = AdaptiveBestOfN(
            ScriptedChat(replay),
            ComputeBudget(generations=budget),
            first_round=2,
            sampling=plan,
            settings=AdaptiveSettings(max_samples=samples),
        )
        run = adaptive.run_batch(prompts)
        right = sum(p.answer == t for p, t in zip(run.report.prompts, truth, strict=True))
        curve.append((run.report.mean_samples, right / count))
    ks = [k for k in UNIFORM if k <= samples]
    return {"majority": uniform_curve(dev, "majority", ks), "adaptive, vote only": curve}


def report(title: str, curves: dict[str, Curve], targets: Sequence[tuple[str, str]]) -> None:
    print(f"\n## {title}\n")
    for name, curve in curves.items():
        points = ", ".join(f"{s:.2f}: {a:.3f}" for s, a in curve)
        print(f"- {name}: {points}")
    for adaptive, baseline in targets:
        target = curves[baseline][-1]
        needed = samples_to_reach(curves[adaptive], target[1])
        if needed is None:
            best = max(curves[adaptive], key=lambda point: point[1])
            print(
                f"- {adaptive} never reaches {baseline}@{target[0]:g} = {target[1]:.3f} "
                f"(best {best[1]:.3f} at {best[0]:.2f} samples/prompt)"
            )
        else:
            print(
                f"- {adaptive} reaches {baseline}@{target[0]:g} = {target[1]:.3f} with "
                f"{needed:.2f} samples/prompt: ratio {target[0] / needed:.2f}x"
            )


def plot(panels: Sequence[tuple[str, dict[str, Curve]]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    columns = min(3, len(panels))
    rows = (len(panels) + columns - 1) // columns
    fig, axes = plt.subplots(rows, columns, figsize=(6.5 * columns, 4.6 * rows), squeeze=False)
    for ax in axes.flat[len(panels) :]:
        ax.set_visible(False)
    for ax, (title, curves) in zip(axes.flat, panels, strict=False):
        for name, curve in curves.items():
            searched = name.startswith(("adaptive", "beam", "DVTS", "lookahead", "controller"))
            style = "-o" if searched else "--s"
            ax.plot([s for s, _ in curve], [a for _, a in curve], style, label=name, ms=4)
        ax.set_xscale("log", base=2)
        stepwise = title.startswith("Step-level")
        ax.set_xlabel(
            "budget: answers' worth of generation per prompt"
            if "controller" in title
            else f"generated steps / {STEPS} per prompt (average)"
            if stepwise
            else "samples per prompt (average)"
        )
        ax.set_ylabel("accuracy")
        ax.set_title(title)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    print(f"\nplot: {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prompts", type=int, default=1000, help="simulated prompts (dev, test)")
    parser.add_argument("--step-prompts", type=int, default=300, help="step-level prompts")
    parser.add_argument("--local-prompts", type=int, default=16)
    parser.add_argument("--local-samples", type=int, default=8)
    parser.add_argument("--skip-local", action="store_true")
    parser.add_argument("--skip-steps", action="store_true", help="skip the step-level part")
    parser.add_argument("--plot", type=Path, default=PLOT, help="where the PNG goes")
    parser.add_argument(
        "--test-seeds",
        type=int,
        nargs=2,
        default=(2, 7),
        metavar=("P_SEED", "SAMPLE_SEED"),
        help="the test prompts' draw: seeds of their p and of their samples",
    )
    parser.add_argument("--policy", type=Path, help="where to save the fitted policy (JSON)")
    parser.add_argument("--controller-only", action="store_true", help="parts 4 and 5 only")
    parser.add_argument("--skip-controller", action="store_true", help="skip parts 4 and 5")
    parser.add_argument("--controller-prompts", type=int, default=400)
    parser.add_argument("--local-controller-prompts", type=int, default=16)
    parser.add_argument(
        "--local-dev", type=Path, help="JSONL of the embedded model's dev set (read, extended)"
    )
    args = parser.parse_args()
    if args.controller_only:
        plot(controller_parts(args), args.plot)
        return
    policy_path = args.policy or Path(tempfile.mkdtemp()) / "policy.json"
    print("# compute-optimal benchmark\n\nsimulator: fitting the policy")
    sim = simulator_part(args.prompts, policy_path, tuple(args.test_seeds))
    print(f"  policy saved to {policy_path}")
    report(
        f"Simulator ({args.prompts} test prompts)",
        sim,
        [
            ("adaptive, vote only", "majority"),
            ("adaptive policy, no verifier", "majority"),
            ("adaptive policy + verifier", "majority"),
            ("adaptive policy + verifier", "weighted (verifier)"),
            ("adaptive policy + verifier", "best-of-N (verifier)"),
        ],
    )
    panels = [("Simulator: known per-prompt success probability", sim)]
    if not args.skip_steps:
        started = time.monotonic()
        steps = step_part(args.step_prompts)
        print(f"\nstep-level simulator: {time.monotonic() - started:.0f} s")
        report(
            f"Step-level simulator ({args.step_prompts} prompts, {STEPS} steps, process verifier)",
            steps,
            [
                ("beam search (width 4)", "weighted (PRM)"),
                ("beam search (width 4)", "best-of-N (PRM)"),
                ("DVTS (width 4)", "weighted (PRM)"),
                ("lookahead k=1 (width 4)", "weighted (PRM)"),
            ],
        )
        panels.append(("Step-level simulator: search against a process verifier", steps))
    if not args.skip_local:
        local = local_part(args.local_prompts, args.local_samples)
        report(
            f"Embedded SmolLM2-135M, {args.local_prompts} addition prompts",
            local,
            [("adaptive, vote only", "majority")],
        )
        panels.append(("Embedded SmolLM2-135M: addition", local))
    if not args.skip_controller:
        panels += controller_parts(args)
    plot(panels, args.plot)


def controller_parts(args: argparse.Namespace) -> list[tuple[str, dict[str, Curve]]]:
    """Parts 4 and 5: the strategy-choosing controller on the simulator and the embedded model."""
    panels = []
    started = time.monotonic()
    dev = _controller.simulator_dev(args.controller_prompts, draw_p)
    print(f"\nstep-level simulator dev set: {time.monotonic() - started:.0f} s")
    sim = _controller.report(
        "Step-level simulator (labelled: simulated model and PRM)",
        dev,
        _controller.SIM_MENU,
        _controller.SIM_BUDGETS,
        _controller.SIM_BON_BUDGETS,
        ("oracle", "verifier", "agreement"),
    )
    panels.append(("Simulator: controller vs best-of-N (2-fold CV)", sim))
    if not args.skip_local:
        local_dev = _controller.local_dev(args.local_controller_prompts, args.local_dev)
        local = _controller.report(
            "Embedded SmolLM2-135M (labelled: real outputs, arithmetic checker)",
            local_dev,
            _controller.LOCAL_MENU,
            _controller.LOCAL_BUDGETS,
            _controller.LOCAL_BON_BUDGETS,
            ("oracle", "verifier", "agreement"),
        )
        panels.append(("SmolLM2-135M: controller vs best-of-N (2-fold CV)", local))
    return panels


if __name__ == "__main__":
    main()
