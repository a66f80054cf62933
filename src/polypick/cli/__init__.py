"""The ``polypick`` command line.

``polypick run PROMPT`` samples N candidates, shows progress, then a table of the candidates and
the selected answer with its usage and wall time; ``--json`` prints the whole Selection instead.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from polypick.core.bestofn import BestOfN
from polypick.core.sampling import Hedged, SamplingPlan, Temperature, Temperatures, resolve_sampling
from polypick.errors import ConfigurationError, PolypickError

__all__ = ["main"]

EXAMPLE_PROMPT = "¿Cuál es la capital de Francia? Responde en una frase."


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="polypick", description="Sample several answers from an LLM and pick the best one."
    )
    commands = parser.add_subparsers(dest="command", required=True)
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
    return parser


def _sampling(args: argparse.Namespace) -> SamplingPlan:
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
    # validate, rather than model_copy: a negative --temperature must be refused here
    return type(plan).model_validate({**plan.model_dump(), **options}) if options else plan


def _run(args: argparse.Namespace) -> int:
    prompt = sys.stdin.read() if args.prompt == "-" else args.prompt
    bon = BestOfN(
        llm=args.llm,
        n=args.n,
        sampling=_sampling(args),
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


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``polypick`` command; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except ConfigurationError as exc:
        print(f"polypick: {exc}", file=sys.stderr)
        return 2
    except PolypickError as exc:
        print(f"polypick: {exc}", file=sys.stderr)
        for cause in getattr(exc, "exceptions", ()):
            print(f"  - {cause}", file=sys.stderr)
        return 1
