"""When a best-of-N call has sampled enough: the rules of ``BestOfN(..., early_stop=...)``.

A rule looks at the answers drawn so far (extracted as a vote extracts them) and, for the
confidence rule, at each answer's confidence, and says whether to stop drawing. The deciding
logic is pure; :mod:`polypick.engine.stopping` runs the waves.

- :class:`Agreement` — the Beta-posterior rule of Adaptive-Consistency (Aggarwal et al. 2023),
  as its_hub's Beta self-consistency applies it: with ``a`` votes for the leading answer and
  ``b`` for the runner-up, the leader's share of the two is ``Beta(a + 1, b + 1)`` under a
  uniform prior; stop once the probability that it exceeds one half reaches ``threshold``.
- :class:`Supermajority` — stop once one answer holds ``share`` of the answers drawn.
- :class:`Confidence` — DeepConf's online mode (Fu et al. 2025): the first ``warmup`` samples
  set a confidence threshold (the answers' lowest-group confidence at the ``keep`` percentile);
  later samples whose running confidence falls under it are cancelled where the backend streams
  log-probabilities; sampling stops once the confidence-weighted vote gives one answer
  ``threshold`` of the weight.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from polypick.core.types import Candidate
from polypick.errors import ConfigurationError
from polypick.selectors.answers import AnswerExtractor, extract_answer
from polypick.selectors.confidence import (
    Measure,
    answer_confidence,
    top_rows,
    weighted_vote_share,
)

__all__ = [
    "Agreement",
    "Confidence",
    "StopRule",
    "StopSpec",
    "Supermajority",
    "beta_agreement",
    "calibrate_threshold",
    "resolve_stop",
]


def beta_agreement(votes: Sequence[int]) -> float:
    """The posterior probability that the most voted answer's share exceeds the runner-up's:
    ``P(X > 1/2)`` for ``X ~ Beta(a + 1, b + 1)``, ``a`` and ``b`` the two largest counts.

    For whole ``a`` and ``b`` this is exactly ``P(Binomial(a + b + 1, 1/2) <= a)``, so no
    numerical integration is needed."""
    ranked = sorted((v for v in votes if v > 0), reverse=True)
    if not ranked:
        return 0.5
    a = ranked[0]
    b = ranked[1] if len(ranked) > 1 else 0
    trials = a + b + 1
    # sum_{i<=a} C(trials, i) / 2^trials, in logs: a few hundred votes overflow floats otherwise
    logs = [
        math.lgamma(trials + 1) - math.lgamma(i + 1) - math.lgamma(trials - i + 1)
        for i in range(a + 1)
    ]
    peak = max(logs)
    log_sum = peak + math.log(sum(math.exp(v - peak) for v in logs))
    return min(1.0, math.exp(log_sum - trials * math.log(2.0)))


def calibrate_threshold(confidences: Sequence[float], keep: float) -> float:
    """DeepConf's online threshold: the confidence under which the least confident
    ``1 - keep`` of the warm-up answers fall (``keep=0.9`` cancels what the least confident
    tenth of the warm-up would have been)."""
    if not confidences:
        raise ValueError("no warm-up confidences")
    if not 0.0 < keep <= 1.0:
        raise ValueError(f"keep must be in (0, 1], got {keep}")
    ranked = sorted(confidences)
    position = (1.0 - keep) * (len(ranked) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ranked) - 1)
    return ranked[low] + (ranked[high] - ranked[low]) * (position - low)


class StopRule(BaseModel):
    """A rule for stopping a call's sampling early.

    Attributes:
        min_samples: draw at least this many before the rule is consulted.
        wave: how many samples each later wave draws (concurrently).
        extract: maps a candidate's text to the answer the rule counts.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    name: str = "stop"
    min_samples: int = Field(default=3, ge=1)
    wave: int = Field(default=2, ge=1)
    extract: AnswerExtractor = extract_answer

    def __init__(self, **fields: Any) -> None:
        try:
            super().__init__(**fields)
        except Exception as exc:  # pydantic's errors, said in one line
            raise ConfigurationError(f"invalid {type(self).__name__}: {exc}") from None

    @property
    def logprobs(self) -> int | None:
        """Token log-probabilities the rule reads (``None``: none)."""
        return None

    def confidence(self, candidate: Candidate) -> float | None:
        """The confidence the rule gives a finished sample (``None``: it reads none)."""
        return None

    def first_wave(self, n: int) -> int:
        """How many of ``n`` samples the first wave draws."""
        return min(n, self.min_samples)

    def cancel_threshold(self, warmup: Sequence[Candidate]) -> float | None:
        """The group confidence under which later samples are cancelled while they stream
        (``None``: never cancel)."""
        return None

    def decide(
        self, answers: Sequence[str | None], confidences: Sequence[float | None]
    ) -> str | None:
        """Why sampling may stop now, or ``None`` to go on."""
        raise NotImplementedError


class Agreement(StopRule):
    """Stop once the Beta posterior says the leading answer beats the runner-up with
    probability ``threshold`` (see :func:`beta_agreement`)."""

    name: str = "agreement"
    threshold: float = Field(default=0.95, gt=0.5, lt=1.0)

    def decide(
        self, answers: Sequence[str | None], confidences: Sequence[float | None]
    ) -> str | None:
        counts = Counter(a for a in answers if a is not None)
        probability = beta_agreement(list(counts.values()))
        if probability >= self.threshold:
            return f"P(leader beats runner-up) = {probability:.3f} >= {self.threshold}"
        return None


class Supermajority(StopRule):
    """Stop once one answer holds ``share`` of the answers drawn (answers that could not be
    extracted count against every answer)."""

    name: str = "supermajority"
    share: float = Field(default=2 / 3, gt=0.5, le=1.0)

    def decide(
        self, answers: Sequence[str | None], confidences: Sequence[float | None]
    ) -> str | None:
        counts = Counter(a for a in answers if a is not None)
        if not counts or not answers:
            return None
        top = max(counts.values())
        if top / len(answers) >= self.share:
            return f"{top} of {len(answers)} answers agree (>= {self.share:.2f})"
        return None


class Confidence(StopRule):
    """DeepConf's online mode (see the module): warm up, calibrate, cancel unconfident samples
    where the backend streams, stop once the confidence-weighted leader holds ``threshold``.

    Attributes:
        warmup: samples drawn in full first; they set the cancelling threshold.
        keep: the share of warm-up-like answers a later sample must beat to go on.
        threshold: the leader's share of the confidence-weighted vote that stops sampling.
        window: the tokens of one confidence group.
        top_logprobs: the alternatives per token read.
        measure: how a finished answer's confidence is taken for the vote.
        online: cancel unconfident samples while they stream (backends that stream
            log-probabilities, such as ``OpenAIChat``); elsewhere samples are drawn whole.
    """

    name: str = "confidence"
    min_samples: int = Field(default=4, ge=1)
    warmup: int = Field(default=4, ge=1)
    keep: float = Field(default=0.9, gt=0.0, le=1.0)
    threshold: float = Field(default=0.95, gt=0.5, le=1.0)
    window: int = Field(default=16, ge=1)
    top_logprobs: int = Field(default=5, ge=1, le=20)
    measure: Measure = "lowest"
    online: bool = True

    @property
    def logprobs(self) -> int | None:
        return self.top_logprobs

    def confidence(self, candidate: Candidate) -> float | None:
        rows = top_rows(candidate)
        return None if rows is None else answer_confidence(rows, self.measure, self.window)

    def first_wave(self, n: int) -> int:
        return min(n, max(self.min_samples, self.warmup))

    def cancel_threshold(self, warmup: Sequence[Candidate]) -> float | None:
        if not self.online:
            return None
        lowest = [
            answer_confidence(rows, "lowest", self.window)
            for rows in (top_rows(c) for c in warmup if c.ok)
            if rows is not None
        ]
        known = [c for c in lowest if c is not None]
        return calibrate_threshold(known, self.keep) if known else None

    def decide(
        self, answers: Sequence[str | None], confidences: Sequence[float | None]
    ) -> str | None:
        shares = weighted_vote_share(answers, confidences)
        if not shares:
            return None
        leader = max(shares.values())
        if leader >= self.threshold:
            return f"the leading answer holds {leader:.3f} of the confidence (>= {self.threshold})"
        return None


StopSpec = StopRule | str | None
"""What ``early_stop=`` accepts: ``None`` (draw all ``n``), a rule, or a rule's name
(``"agreement"``, ``"supermajority"``, ``"confidence"``) with its defaults."""

_NAMED: dict[str, type[StopRule]] = {
    "agreement": Agreement,
    "supermajority": Supermajority,
    "confidence": Confidence,
}


def resolve_stop(spec: Any) -> StopRule | None:
    """The rule for ``early_stop=``, or a :class:`ConfigurationError` naming what is accepted."""
    if spec is None or isinstance(spec, StopRule):
        return spec
    if isinstance(spec, str) and spec in _NAMED:
        return _NAMED[spec]()
    raise ConfigurationError(
        f"early_stop={spec!r} is not a stopping rule; use None, one of {sorted(_NAMED)}, or a rule "
        "such as polypick.Agreement(threshold=0.9)"
    )
