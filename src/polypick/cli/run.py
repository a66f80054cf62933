"""``polypick run PROMPT``: sample N candidates, show progress, then the candidates and the answer.

``--json`` prints the whole Selection instead of the table.
"""

from __future__ import annotations

import argparse
import sys

from polypick.core.sampling import Hedged, SamplingPlan, Temperature, Temperatures, resolve_sampling
from polypick.engine.bestofn import BestOfN
from polypick.errors import ConfigurationError

__all__ = ["register"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``run`` command to the ``polypick`` parser."""
    run = commands.add_parser("run", help="answer one prompt with best-of-N")
    run.add_argument("prompt", help="the prompt; '-' reads it from standard input")
    run.add_argument("-n", type=int, default=5, help="number of candidates (default: 5)")
    run.add_argument(
        "--llm", default="local", help="model spec: local, openai:MODEL, anthropic:MODEL"
    )
    run.add_argument(
        "--sampling",
        default="hedged",
        help="hedged, greedy, a temperature (0.7) or temperatures (0.3,0.7,1.0); default: hedged",
    )
    run.add_argument("--temperature", type=float, help="temperature of the stochastic samples")
    run.add_argument(
        "--selector",
        help="chops, judge, mbr, xmbr, tournament, majority, weighted_majority "
        "(default: chops with a --judge, else mbr with chrF)",
    )
    run.add_argument("--judge", help="model spec of the judge, e.g. openai:gpt-4o or local")
    run.add_argument("--max-tokens", type=int, help="reply budget per candidate")
    run.add_argument("--seed", type=int, help="base seed; sample i uses seed + i")
    run.add_argument("--deadline", type=float, help="seconds the whole call may take")
    run.add_argument("--json", action="store_true", help="print the Selection as JSON")
    run.set_defaults(handler=_run)


def sampling_from_args(args: argparse.Namespace) -> SamplingPlan:
    """The plan named by ``--sampling``, with ``--temperature``, ``--max-tokens``, ``--seed``."""
    plan = resolve_sampling(args.sampling)
    options = {
        "max_tokens": args.max_tokens,
        "seed": args.seed,
        "temperature": args.temperature,
    }
    options = {k: v for k, v in options.items() if v is not None}
    if isinstance(plan, Temperatures):
        if "temperature" in options:
            raise ConfigurationError("--temperature does not combine with a list of temperatures")
    elif not isinstance(plan, Hedged | Temperature):
        return plan
    # construct, rather than model_copy or model_validate: the constructor turns a negative
    # --temperature into a ConfigurationError that says how to fix it
    return type(plan)(**{**plan.model_dump(), **options}) if options else plan


def _run(args: argparse.Namespace) -> int:
    prompt = sys.stdin.read() if args.prompt == "-" else args.prompt
    bon = BestOfN(
        llm=args.llm,
        n=args.n,
        sampling=sampling_from_args(args),
        selector=args.selector,
        judge=args.judge,
        deadline=args.deadline,
    )
    if args.json:
        with bon:
            print(bon.invoke(prompt).model_dump_json(indent=2))
        return 0
    from polypick.cli.render import render, run_with_progress

    with bon:
        selection = run_with_progress(bon, prompt)
    render(selection)
    return 0
