"""Accuracy against samples per prompt: best-of-N, majority, weighted and the adaptive policy.

Part 1 (simulator, the truth is known): every prompt has a known success probability ``p``
drawn from a Beta mixture (40% easy Beta(8, 1), 30% medium Beta(3, 3), 30% hard Beta(1, 4));
wrong answers come from 8 values with Zipf weights; a simulated verifier scores correct samples
0.25 higher on average (noise 0.2). A policy is fitted on a dev set of other prompts (2-fold
cross-validated), saved as JSON and loaded by ``AdaptiveBestOfN``, which runs for real over a
scripted model replaying the simulator. Uniform baselines use the same samples.

Part 2 (the embedded SmolLM2-135M): generated addition prompts, 8 samples each through
``BestOfN``; majority@k over the first k samples against ``AdaptiveBestOfN`` replaying those
same samples (sample i of a prompt is the seeded plan's i-th, so the replay is exact).

    .venv/bin/python benchmarks/compute_optimal.py               # both parts, ~7 min on 2 cores
    .venv/bin/python benchmarks/compute_optimal.py --skip-local

The plot goes to docs/img/compute_optimal.png (matplotlib, Agg backend).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

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
from polypick.core.types import prompt_text
from polypick.selectors.answers import extract_answer
from polypick.testing import ScriptedChat

ROOT = Path(__file__).resolve().parents[1]
PLOT = ROOT / "docs" / "img" / "compute_optimal.png"
UNIFORM = (1, 2, 4, 8, 16)
ADAPTIVE = (4, 5, 6, 7, 8, 10, 12, 16)
FIT_BUDGETS = (4, 6, 8, 12, 16, 24, 32)
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
        run = make(budget).run_batch(list(prompts))
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


def simulator_part(prompts: int, policy_path: Path) -> dict[str, Curve]:
    dev_sim = Simulator(draw_p(prompts, 1), wrong_answers=8, seed=100)
    sim = Simulator(draw_p(prompts, 2), wrong_answers=8, seed=7)
    dev = dev_sim.dev_set(max(FIT_BUDGETS))
    fit_policy(dev, FIT_BUDGETS).save(policy_path)
    blind = fit_policy([e.model_copy(update={"scores": None}) for e in dev], FIT_BUDGETS)
    policy = Policy.load(policy_path)
    for score in policy.cross_validation:
        print(
            f"  2-fold CV @ {score.budget:2d}: policy {score.policy:.3f}, "
            f"majority {score.majority:.3f}"
        )
    test = sim.dev_set(16)
    truth = [sim.correct(i) for i in range(len(sim.p))]
    settings = AdaptiveSettings(max_samples=32)

    def make(verifier: bool, fitted: Policy | None) -> Callable[[int], AdaptiveBestOfN]:
        return lambda budget: AdaptiveBestOfN(
            ScriptedChat(sim.responder),
            ComputeBudget(generations=budget),
            verifier=sim.verifier if verifier else None,
            policy=fitted,
            sampling=PLAN,
            settings=settings,
        )

    return {
        "majority": uniform_curve(test, "majority", UNIFORM),
        "weighted (verifier)": uniform_curve(test, "weighted", UNIFORM),
        "best-of-N (verifier)": uniform_curve(test, "best_of_n", UNIFORM),
        "adaptive, vote only": adaptive_curve(make(False, None), sim.prompts, truth),
        "adaptive policy, no verifier": adaptive_curve(make(False, blind), sim.prompts, truth),
        "adaptive policy + verifier": adaptive_curve(make(True, policy), sim.prompts, truth),
    }


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


def plot(panels: Sequence[tuple[str, dict[str, Curve]]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(panels), figsize=(6.5 * len(panels), 4.6), squeeze=False)
    for ax, (title, curves) in zip(axes[0], panels, strict=True):
        for name, curve in curves.items():
            style = "-o" if name.startswith("adaptive") else "--s"
            ax.plot([s for s, _ in curve], [a for _, a in curve], style, label=name, ms=4)
        ax.set_xscale("log", base=2)
        ax.set_xlabel("samples per prompt (average)")
        ax.set_ylabel("accuracy")
        ax.set_title(title)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    PLOT.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(PLOT, dpi=110)
    print(f"\nplot: {PLOT.relative_to(ROOT)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prompts", type=int, default=1000, help="simulated prompts (dev, test)")
    parser.add_argument("--local-prompts", type=int, default=16)
    parser.add_argument("--local-samples", type=int, default=8)
    parser.add_argument("--skip-local", action="store_true")
    parser.add_argument("--policy", type=Path, help="where to save the fitted policy (JSON)")
    args = parser.parse_args()
    policy_path = args.policy or Path(tempfile.mkdtemp()) / "policy.json"
    print("# compute-optimal benchmark\n\nsimulator: fitting the policy")
    sim = simulator_part(args.prompts, policy_path)
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
    if not args.skip_local:
        local = local_part(args.local_prompts, args.local_samples)
        report(
            f"Embedded SmolLM2-135M, {args.local_prompts} addition prompts",
            local,
            [("adaptive, vote only", "majority")],
        )
        panels.append(("Embedded SmolLM2-135M: addition", local))
    plot(panels)


if __name__ == "__main__":
    main()
