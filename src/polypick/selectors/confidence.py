"""A model's confidence in its own answer, from token log-probabilities: pure functions.

Every measure here reads the ``k`` most likely tokens at each position of an answer (the
``top_logprobs`` an OpenAI-compatible server or the embedded model returns) and nothing else, so
it costs no model call.

- **Token confidence** (DeepConf, Fu et al. 2025, arXiv 2508.15260): the negative mean
  log-probability of the top-``k`` tokens at a position. A peaked distribution (the model is
  sure) puts the alternatives far below zero and scores high; a flat one scores low.
- **Group confidence**: the mean token confidence over a sliding window of ``window`` tokens;
  an answer's **lowest group** confidence is the minimum over its windows, its **bottom-share**
  confidence the mean of its lowest ``share`` of windows, its **tail** confidence the mean over
  its last ``window`` tokens, its **mean** confidence the mean over all its tokens.
- **Self-certainty** (Kang et al. 2025, arXiv 2502.18581): the mean, over positions, of the
  KL divergence of the model's distribution from the uniform one. Only the top ``k`` are known,
  so the divergence is taken over them, renormalised: ``-log k - mean(log q)``. It is ``0`` for
  a flat top-``k`` and grows as the distribution sharpens.
- **Filtering and the weighted vote** (DeepConf's offline mode): keep the most confident share
  of answers, then vote with each kept answer weighted by its confidence.

Log-probabilities below :data:`FLOOR` are read as :data:`FLOOR`: OpenAI reports a probability too
small to state as ``-9999.0``, which would otherwise swamp every mean it enters.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Literal

from polypick.core.types import Candidate
from polypick.errors import ConfigurationError

__all__ = [
    "FLOOR",
    "Measure",
    "answer_confidence",
    "bottom_share",
    "group_confidences",
    "keep_most_confident",
    "measured",
    "missing_logprobs",
    "self_certainty",
    "token_confidences",
    "top_rows",
    "weighted_vote_share",
]

FLOOR = -30.0
"""The lowest log-probability read (a probability of about 1e-13)."""

Measure = Literal["bottom", "lowest", "tail", "mean"]
"""Which DeepConf confidence of a whole answer: ``bottom`` (the mean of its lowest 10 % of
groups, DeepConf's best offline measure), ``lowest`` (its least confident group), ``tail`` (its
last ``window`` tokens) or ``mean`` (all its tokens)."""

TopRows = Sequence[Sequence[float]]
"""The ``k`` most likely tokens' log-probabilities, one row per position of an answer."""


def _floor(value: float) -> float:
    return value if value > FLOOR else FLOOR


def token_confidences(top: TopRows) -> list[float]:
    """Each position's token confidence: minus the mean of its top-``k`` log-probabilities.

    Positions with no alternatives given are skipped (they say nothing about the spread)."""
    return [-sum(_floor(v) for v in row) / len(row) for row in top if row]


def group_confidences(confidences: Sequence[float], window: int) -> list[float]:
    """The mean token confidence of every window of ``window`` consecutive positions (one
    window, the whole answer, when it is shorter)."""
    if window < 1:
        raise ValueError(f"window must be >= 1, got {window}")
    if not confidences:
        return []
    if len(confidences) <= window:
        return [sum(confidences) / len(confidences)]
    total = sum(confidences[:window])
    groups = [total / window]
    for end in range(window, len(confidences)):
        total += confidences[end] - confidences[end - window]
        groups.append(total / window)
    return groups


def bottom_share(groups: Sequence[float], share: float = 0.1) -> float:
    """The mean of the lowest ``share`` of ``groups`` (at least one)."""
    if not groups:
        raise ValueError("no groups")
    count = max(1, math.ceil(len(groups) * share))
    return sum(sorted(groups)[:count]) / count


def answer_confidence(top: TopRows, measure: Measure = "bottom", window: int = 16) -> float | None:
    """One answer's confidence by ``measure`` (see :data:`Measure`), from its top-``k`` rows;
    ``None`` when no position has alternatives."""
    confidences = token_confidences(top)
    if not confidences:
        return None
    if measure == "mean":
        return sum(confidences) / len(confidences)
    if measure == "tail":
        tail = confidences[-window:]
        return sum(tail) / len(tail)
    groups = group_confidences(confidences, window)
    if measure == "lowest":
        return min(groups)
    return bottom_share(groups, 0.1)


def self_certainty(top: TopRows) -> float | None:
    """The mean KL divergence of each position's top-``k`` distribution (renormalised) from the
    uniform one; ``None`` when no position has two alternatives or more."""
    divergences = []
    for row in top:
        if len(row) < 2:
            continue
        values = [_floor(v) for v in row]
        peak = max(values)
        log_total = peak + math.log(sum(math.exp(v - peak) for v in values))
        # KL(U || q) = sum_j (1/k) log((1/k) / q_j) = -log k - mean_j log q_j
        mean_log_q = sum(v - log_total for v in values) / len(values)
        divergences.append(max(0.0, -math.log(len(values)) - mean_log_q))
    if not divergences:
        return None
    return sum(divergences) / len(divergences)


def keep_most_confident(confidences: Sequence[float | None], share: float) -> list[int]:
    """The positions of the most confident ``share`` of answers (at least one), in their
    original order; answers without a confidence are kept only when none has one. Ties at the
    cut are all kept, so equally confident answers are never told apart by position."""
    if not 0.0 < share <= 1.0:
        raise ValueError(f"share must be in (0, 1], got {share}")
    known = [(c, i) for i, c in enumerate(confidences) if c is not None]
    if not known:
        return list(range(len(confidences)))
    count = max(1, math.ceil(len(known) * share))
    cut = sorted((c for c, _ in known), reverse=True)[count - 1]
    return [i for c, i in known if c >= cut]


def weighted_vote_share(
    answers: Sequence[str | None], weights: Sequence[float | None]
) -> dict[str, float]:
    """Each answer's share of the total weight (weights below zero count as zero); empty when
    no answer has weight."""
    totals: dict[str, float] = defaultdict(float)
    for answer, weight in zip(answers, weights, strict=True):
        if answer is not None and weight is not None and weight > 0.0:
            totals[answer] += weight
    grand = sum(totals.values())
    if grand <= 0.0:
        return {}
    return {answer: total / grand for answer, total in totals.items()}


def missing_logprobs(selector: str, candidates: int) -> ConfigurationError:
    """The error for candidates that carry no token log-probabilities (or no alternatives)."""
    return ConfigurationError(
        f"the {selector} selector reads token log-probabilities with the top alternatives per "
        f"token, and {candidates} candidate(s) have none: sample a backend that returns them "
        "(the embedded model, llm='local'; vLLM, SGLang or llama.cpp servers through "
        "OpenAIChat; OpenAI chat models such as gpt-4.1, not reasoning models), or choose a "
        "selector that reads text, such as 'majority'"
    )


def measured(
    candidates: Sequence[Candidate], measure: Callable[[TopRows], float | None], selector: str
) -> list[float | None]:
    """``measure`` of every candidate's top-``k`` rows; the :func:`missing_logprobs` error when
    any candidate has no log-probabilities, or none has alternatives to measure."""
    rows = [top_rows(c) for c in candidates]
    lacking = sum(r is None for r in rows)
    if lacking:
        raise missing_logprobs(selector, lacking)
    values = [measure(r or ()) for r in rows]
    if values and all(v is None for v in values):
        raise missing_logprobs(selector, len(values))
    return values


def top_rows(candidate: Candidate) -> TopRows | None:
    """The candidate's top-``k`` log-probability rows, or ``None`` when it has none."""
    logprobs = candidate.logprobs
    return None if logprobs is None else logprobs.top_logprobs
