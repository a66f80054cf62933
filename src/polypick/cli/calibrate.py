"""``polypick calibrate``: fit a temperature profile on a dev set (see polypick.eval.calibrate).

    polypick calibrate --data dev.jsonl --llm local -n 4 --temperatures 0.3,0.7,1.1 \\
        --task translation --out profile.json

The dev set is a ``.jsonl`` or ``.tsv`` file of items with ``prompt``, ``reference`` and
``language`` (as ``polypick eval`` reads them); the profile is written to ``--out`` with the
measurements and this command beside it, and ``BestOfN(sampling="profile.json")`` loads it.
"""

from __future__ import annotations

import argparse
import shlex
from typing import Any

from polypick.errors import ConfigurationError

__all__ = ["register"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``calibrate`` command to the ``polypick`` parser."""
    cmd = commands.add_parser("calibrate", help="fit a temperature profile on a dev set")
    cmd.add_argument("--data", required=True, help="dev set: .jsonl or .tsv with references")
    cmd.add_argument("--llm", default="local", help="model spec (default: local)")
    cmd.add_argument("-n", type=int, default=4, help="samples per pool (default: 4)")
    cmd.add_argument("--temperatures", default="0.3,0.5,0.7,0.9,1.1")
    cmd.add_argument("--task", help="a task label for the profile's entries, e.g. translation")
    cmd.add_argument("--max-tokens", type=int, help="reply budget per sample")
    cmd.add_argument("--limit", type=int, help="read only the first LIMIT items")
    cmd.add_argument("--seed", type=int, default=0)
    cmd.add_argument("--name", default="calibrated", help="the profile's name")
    cmd.add_argument("--out", required=True, help="where to write the profile (.json)")
    cmd.add_argument("--note", help="where the dev set came from, kept in the profile")
    cmd.set_defaults(handler=_calibrate)


def _calibrate(args: argparse.Namespace) -> int:
    from polypick.eval.calibrate import calibrate
    from polypick.eval.datasets import load_items
    from polypick.eval.items import Task

    try:
        temperatures = [float(t) for t in args.temperatures.split(",") if t.strip()]
    except ValueError:
        raise ConfigurationError(
            f"--temperatures takes numbers separated by commas, got {args.temperatures!r}"
        ) from None
    from polypick.core.language import default_detector

    kind: Task = "translation" if args.task == "translation" else "winrate"
    items = load_items(
        args.data, kind, detect=default_detector(), limit=args.limit, required=["reference"]
    )
    result = calibrate(
        args.llm,
        items,
        temperatures=temperatures,
        n=args.n,
        task=args.task,
        max_tokens=args.max_tokens,
        seed=args.seed,
        name=args.name,
    )
    given = [f"--{k.replace('_', '-')}={v}" for k, v in vars(args).items() if _shown(k, v)]
    command = shlex.join(["polypick", "calibrate", *given])
    provenance = {"command": command, "data": args.data, "items": len(items)}
    if args.note:
        provenance["note"] = args.note
    result.save(args.out, **provenance)
    for m in result.measurements:
        print(
            f"{m.language:>8}  T={m.temperature:<4g}  best {m.best:6.2f}  worst {m.worst:6.2f}"
            f"  mean {m.mean:6.2f}  ({m.items} items)"
        )
    print(f"profile written to {args.out}: {result.profile.model_dump(mode='json')}")
    return 0


def _shown(name: str, value: Any) -> bool:
    return name not in ("command", "handler", "note") and value is not None
