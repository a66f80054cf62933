"""The ``polypick`` command line: one module per command, each adding its own parser.

A command module exposes ``register(commands)``, which adds a sub-parser and sets ``handler`` to a
function taking the parsed arguments and returning the exit status.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from polypick.core.redact import redact
from polypick.errors import ConfigurationError, PolypickError

__all__ = ["main"]

# Each module keeps its heavy imports inside its handler, so `polypick run` needs no extra of
# `serve` or `eval`.
_COMMANDS = ("run", "eval", "serve", "calibrate")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="polypick", description="Sample several answers from an LLM and pick the best one."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name in _COMMANDS:
        importlib.import_module(f"polypick.cli.{name}").register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``polypick`` command; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        status: int = args.handler(args)
    except ConfigurationError as exc:
        print(f"polypick: {redact(str(exc))}", file=sys.stderr)
        return 2
    except PolypickError as exc:
        print(f"polypick: {redact(str(exc))}", file=sys.stderr)
        for cause in getattr(exc, "exceptions", ()):
            print(f"  - {redact(str(cause))}", file=sys.stderr)
        return 1
    return status
