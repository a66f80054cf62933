"""The pure logic of step-wise search: steps, score aggregation, pruning and budgets.

Nothing here calls a model, so every function is tested on its own (property tests in
``tests/search/test_steps.py``). Snell et al. (2024, arXiv 2408.03314) split a solution into
steps at a delimiter and turn a process verifier's per-step scores into one score with
``last`` (best in the paper), ``min`` or ``prod``; ``mean`` is offered too.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Literal

from polypick.errors import ConfigurationError

__all__ = [
    "AGGREGATES",
    "DOUBLE_NEWLINE",
    "PAPER_DELIMITER",
    "Aggregate",
    "Vote",
    "aggregate",
    "choose",
    "join_steps",
    "rank",
    "split_budget",
    "split_steps",
    "top_k",
]

Aggregate = Literal["last", "min", "prod", "mean"]

PAPER_DELIMITER = "\n"
"""Snell et al.'s step delimiter: one line is one step (PRM800K's convention)."""
DOUBLE_NEWLINE = "\n\n"
"""Hugging Face search-and-learn's (and Qwen2.5-Math's) delimiter: a paragraph is one step."""


def _prod(scores: Sequence[float]) -> float:
    return math.prod(scores)


AGGREGATES: Mapping[str, Callable[[Sequence[float]], float]] = {
    "last": lambda scores: scores[-1],
    "min": min,
    "prod": _prod,
    "mean": lambda scores: math.fsum(scores) / len(scores),
}
"""Step-score aggregations by name."""


def aggregate(scores: Sequence[float], how: Aggregate = "last") -> float:
    """One score for a solution from its per-step scores.

    Raises:
        ConfigurationError: for an unknown aggregation.
        ValueError: for an empty list of scores.
    """
    if how not in AGGREGATES:
        raise ConfigurationError(
            f"unknown step aggregation {how!r}; use one of {', '.join(AGGREGATES)}"
        )
    if not scores:
        raise ValueError("cannot aggregate an empty list of step scores")
    return AGGREGATES[how](scores)


def split_steps(text: str, delimiter: str = "\n\n") -> list[str]:
    """The non-blank steps of ``text``, split at ``delimiter``, surrounding whitespace kept off."""
    if not delimiter:
        raise ConfigurationError("the step delimiter must not be empty, e.g. '\\n\\n' or '\\n'")
    return [part.strip() for part in text.split(delimiter) if part.strip()]


def join_steps(steps: Sequence[str], delimiter: str = "\n\n") -> str:
    """The inverse of :func:`split_steps` for steps that hold no delimiter."""
    return delimiter.join(steps)


def rank(scores: Sequence[float | None]) -> list[int]:
    """Indices from best to worst score; unscored (``None`` or NaN) last, ties by position."""

    def key(index: int) -> tuple[int, float, int]:
        score = scores[index]
        missing = score is None or math.isnan(score)
        return (1 if missing else 0, 0.0 if missing else -float(score or 0.0), index)

    return sorted(range(len(scores)), key=key)


def top_k(scores: Sequence[float | None], k: int) -> list[int]:
    """The indices of the ``k`` best scores, best first (see :func:`rank`)."""
    return rank(scores)[: max(0, k)]


def split_budget(budget: int, ratio: float) -> tuple[int, int]:
    """``(chains, length)`` for ``budget`` generations at a sequential:parallel ``ratio``.

    ``ratio`` is ``length / chains``: ``1`` splits evenly (16 -> 4 chains of 4), a large value is
    fully sequential (one chain), a small one fully parallel (chains of one attempt). The product
    never exceeds the budget and both parts are at least 1.
    """
    if isinstance(budget, bool) or not isinstance(budget, int) or budget < 1:
        raise ConfigurationError(f"budget must be a whole number >= 1, got {budget!r}")
    if not ratio > 0 or math.isinf(ratio):
        raise ConfigurationError(f"ratio must be a positive finite number, got {ratio!r}")
    length = min(budget, max(1, round(math.sqrt(budget * ratio))))
    return budget // length, length


Vote = Literal["weighted", "best"]
"""How the final answer is chosen: ``weighted`` sums verifier scores per canonical answer
(weighted best-of-N); ``best`` takes the single highest score."""


def choose(
    answers: Sequence[str | None], scores: Sequence[float | None], vote: Vote = "weighted"
) -> int:
    """The index of the chosen solution.

    ``weighted``: the answer group with the largest sum of (non-negative) scores wins, and its
    best-scored member represents it; when no answer has positive weight it falls back to
    ``best``. Ties (between groups, or scores) go to the best-scored solution, then the earliest.
    """
    if not answers:
        raise ValueError("there is nothing to choose from")
    if vote not in ("weighted", "best"):
        raise ConfigurationError(f"unknown vote {vote!r}; use 'weighted' or 'best'")
    order = rank(scores)
    if vote == "best":
        return order[0]
    totals: dict[str, float] = {}
    for answer, score in zip(answers, scores, strict=True):
        if answer is not None and score is not None and not math.isnan(score):
            totals[answer] = totals.get(answer, 0.0) + max(0.0, score)
    if not totals or max(totals.values()) <= 0.0:
        return order[0]
    top = max(totals.values())
    return next(i for i in order if answers[i] is not None and totals.get(answers[i] or "") == top)
