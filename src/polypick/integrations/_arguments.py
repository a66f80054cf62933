"""Constructor arguments of the framework classes: an unknown one is refused, naming the valid
one its user most likely meant — by spelling (``selecter``), or by the name other libraries use
for the same thing (``num_samples``, ``judge_model``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from polypick.engine.settings import SYNONYMS as SETTING_SYNONYMS
from polypick.engine.settings import check_names

__all__ = ["check_arguments"]

SYNONYMS = {**SETTING_SYNONYMS, "model": "llm", "chat_model": "llm"}
"""Names other libraries use, and the argument that means the same here."""


def check_arguments(given: Mapping[str, Any], known: Iterable[str], kind: str) -> None:
    """Refuse names of ``given`` not in ``known``, saying which valid name was meant."""
    check_names(given, sorted(set(known)), kind, SYNONYMS)
