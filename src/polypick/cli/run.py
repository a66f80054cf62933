"""``polypick run PROMPT``: sample N candidates, show progress, then the candidates and the answer.

``--json`` prints the whole Selection instead of the table. ``--base-url`` points an
``openai:MODEL`` or ``anthropic:MODEL`` spec at another server speaking that API (a local vLLM,
llama.cpp or Ollama server, say), as ``polypick serve --base-url`` does.
"""

from __future__ import annotations

import argparse
import sys

from polypick.core.protocol import ChatModel
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
    run.add_argument(
        "--base-url",
        help="the server of an openai: or anthropic: --llm, e.g. http://localhost:8000/v1",
    )
    run.add_argument("--judge", help="model spec of the judge, e.g. openai:gpt-4o or local")
    run.add_argument(
        "--judge-base-url",
        help="the judge's server (default: --base-url when the judge has the --llm's provider)",
    )
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


def model_at(spec: str, base_url: str | None, option: str) -> str | ChatModel:
    """The model ``spec`` names, on ``base_url`` when one is given."""
    if base_url is None:
        return spec
    kind, _, name = spec.strip().partition(":")
    if kind == "openai" and name:
        from polypick.providers.openai import OpenAIChat

        return OpenAIChat(name, base_url=base_url)
    if kind == "anthropic" and name:
        from polypick.providers.anthropic import AnthropicChat

        return AnthropicChat(name, base_url=base_url)
    raise ConfigurationError(
        f"{option} applies to openai:MODEL and anthropic:MODEL, not {spec!r}; e.g. "
        f"--llm openai:MODEL {option} http://localhost:8000/v1"
    )


def _kind(spec: str) -> str:
    return spec.strip().partition(":")[0]


def _run(args: argparse.Namespace) -> int:
    prompt = sys.stdin.read() if args.prompt == "-" else args.prompt
    judge_base_url = args.judge_base_url
    if judge_base_url is None and args.judge and _kind(args.judge) == _kind(args.llm):
        judge_base_url = args.base_url
    bon = BestOfN(
        llm=model_at(args.llm, args.base_url, "--base-url"),
        n=args.n,
        sampling=sampling_from_args(args),
        selector=args.selector,
        judge=model_at(args.judge, judge_base_url, "--judge-base-url") if args.judge else None,
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
