"""Constructor arguments of the framework classes: an unknown one is refused, naming the valid
one its user most likely meant — by spelling (``selecter``), or by the name other libraries use
for the same thing (``num_samples``, ``judge_model``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from polypick.engine.settings import check_names
from polypick.errors import ConfigurationError

__all__ = ["check_arguments"]

SYNONYMS = {
    "num_samples": "n",
    "n_samples": "n",
    "samples": "n",
    "num_candidates": "n",
    "best_of": "n",
    "k": "n",
    "judge_model": "judge",
    "judge_llm": "judge",
    "strategy": "selector",
    "selection": "selector",
    "model": "llm",
    "chat_model": "llm",
}
"""Names other libraries use, and the argument that means the same here."""


def check_arguments(given: Mapping[str, Any], known: Iterable[str], kind: str) -> None:
    """Refuse names of ``given`` not in ``known``, saying which valid name was meant."""
    valid = sorted(set(known))
    for name in given:
        meant = SYNONYMS.get(name)
        if name not in valid and meant in valid:
            raise ConfigurationError(
                f"unknown {kind} {name!r}; did you mean {meant!r}? (valid: {', '.join(valid)})"
            )
    check_names(given, valid, kind)
