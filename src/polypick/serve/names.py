"""Model names that configure best-of-N: ``bon-N[-SELECTOR][-SAMPLING]/MODEL``.

``bon-5/gpt-4o-mini`` asks for 5 candidates, ``bon-8-chops/gpt-4o-mini`` for 8 chosen by CHOPS,
``bon-4-majority-0.9/gpt-4o-mini`` for 4 at temperature 0.9 chosen by a majority vote, and
``bon-3-mbr-greedy/local`` for 3 greedy ones chosen by MBR. The selector and the sampling may come
in either order; ``MODEL`` is the served name, which may itself contain slashes. Pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from polypick.errors import UnknownNameError
from polypick.selectors import selectors
from polypick.serve.config import Options, selector_names
from polypick.serve.errors import invalid

__all__ = ["GRAMMAR", "model_id", "parse_model"]

PREFIX = "bon"
GRAMMAR = "bon-N[-SELECTOR][-SAMPLING]/MODEL"
_NAMED_SAMPLING = ("hedged", "greedy")


def model_id(served: str, n: int, *parts: str) -> str:
    """The model name asking for ``n`` candidates and ``parts`` (selector, sampling)."""
    return "-".join([PREFIX, str(n), *parts]) + "/" + served


def parse_model(model: str, served: Sequence[str]) -> tuple[str, Options]:
    """The served model a name refers to, and the settings its prefix gives."""
    if model in served:
        return model, Options()
    prefix, slash, base = model.partition("/")
    if not slash or not prefix.startswith(PREFIX + "-") or base not in served:
        raise UnknownNameError("model", model, [*served, GRAMMAR.replace("MODEL", served[0])])
    words = prefix.split("-")[1:]
    if not words[0].isdecimal() or int(words[0]) < 1:
        raise invalid(f"model {model!r}: N must be a whole number >= 1, as in {GRAMMAR}", "model")
    found: dict[str, Any] = {"n": int(words[0])}
    for word in words[1:]:
        kind = "selector" if word in selectors else "sampling" if _is_sampling(word) else None
        if kind is None or kind in found:
            problem = f"unknown part {word!r}" if kind is None else f"a second {kind} {word!r}"
            raise invalid(
                f"model {model!r}: {problem}; write {GRAMMAR}, e.g. "
                f"{model_id(base, 5, 'chops', 'hedged')}; selectors: "
                f"{', '.join(selector_names())}; sampling: hedged, greedy or a temperature",
                "model",
            )
        found[kind] = word
    return base, Options(**found)


def _is_sampling(word: str) -> bool:
    if word in _NAMED_SAMPLING:
        return True
    try:
        return float(word) >= 0
    except ValueError:
        return False
