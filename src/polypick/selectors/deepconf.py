"""DeepConf's offline mode: keep the most confident answers, then vote weighted by confidence.

Deep Think with Confidence (Fu et al. 2025, arXiv 2508.15260) reads each sample's token
log-probabilities (see :mod:`polypick.selectors.confidence`): a sample's confidence is, by
default, the mean of its least confident tenth of token windows ("bottom 10 % group
confidence"). The least confident samples are dropped (``keep=0.9`` keeps nine in ten), and
the survivors vote on their extracted final answers, each vote weighted by its confidence.
``keep=1.0`` is the plain confidence-weighted vote.

Cost: no model calls — the log-probabilities come with the samples. The backend must return
them (``BestOfN`` asks for ``top_logprobs`` alternatives per token and refuses, before anything is
sent, a backend that has none). Scores are each candidate's confidence, ``None`` for those
filtered out; a candidate without an extractable answer can win only when none has one, and
then the most confident does.
"""

from __future__ import annotations

from polypick.errors import ConfigurationError
from polypick.selectors.answers import AnswerExtractor, extract_answer
from polypick.selectors.base import SelectionContext, Selector, Verdict
from polypick.selectors.confidence import (
    Measure,
    answer_confidence,
    keep_most_confident,
    measured,
)
from polypick.selectors.weighted_majority import weighted_vote

__all__ = ["DeepConfSelector", "deepconf_vote"]


def deepconf_vote(
    answers: list[str | None],
    confidences: list[float | None],
    greedy: list[bool],
    keep: float,
) -> Verdict:
    """The verdict for answers with confidences: filter to the ``keep`` share, weighted vote."""
    kept = keep_most_confident(confidences, keep)
    scores = tuple(confidences[i] if i in kept else None for i in range(len(answers)))
    shown = [answers[i] for i in kept]
    if any(a is not None for a in shown):
        verdict = weighted_vote(shown, [confidences[i] for i in kept], [greedy[i] for i in kept])
        if not verdict.fallback:
            return Verdict(index=kept[verdict.index], scores=scores)
    known = [(c, i) for i, c in zip(kept, (confidences[i] for i in kept), strict=True)]
    best = max(known, key=lambda pair: (-1.0 if pair[0] is None else pair[0], -pair[1]))[1]
    return Verdict(index=best, scores=scores, fallback=all(c is None for c, _ in known))


class DeepConfSelector(Selector):
    """DeepConf's confidence-filtered, confidence-weighted vote.

    Args:
        keep: the share of candidates kept, the most confident first (``1.0``: no filter).
        measure: ``"bottom"`` (default), ``"lowest"``, ``"tail"`` or ``"mean"`` confidence.
        window: tokens per confidence group.
        top_logprobs: alternatives per token requested from the backend (1 to 20).
        extract: maps a candidate's text to its final answer.
    """

    name = "deepconf"

    def __init__(
        self,
        keep: float = 0.9,
        measure: Measure = "bottom",
        window: int = 16,
        top_logprobs: int = 5,
        extract: AnswerExtractor = extract_answer,
    ) -> None:
        if not 0.0 < keep <= 1.0:
            raise ConfigurationError(f"keep must be in (0, 1], got {keep!r}; 0.9 keeps 90 %")
        if measure not in ("bottom", "lowest", "tail", "mean"):
            raise ConfigurationError(
                f"measure must be 'bottom', 'lowest', 'tail' or 'mean', got {measure!r}"
            )
        if isinstance(window, bool) or not isinstance(window, int) or window < 1:
            raise ConfigurationError(f"window must be a whole number >= 1, got {window!r}")
        if not isinstance(top_logprobs, int) or not 1 <= top_logprobs <= 20:
            raise ConfigurationError(f"top_logprobs must be 1 to 20, got {top_logprobs!r}")
        self.keep = keep
        self.measure: Measure = measure
        self.window = window
        self.needs_logprobs = top_logprobs
        self.extract = extract

    def planned_calls(self, n: int) -> int:
        """No model calls."""
        return 0

    async def select(self, context: SelectionContext) -> Verdict:
        confidences = measured(
            context.candidates,
            lambda rows: answer_confidence(rows, self.measure, self.window),
            self.name,
        )
        answers = [self.extract(c.text) for c in context.candidates]
        greedy = [c.greedy for c in context.candidates]
        verdict = deepconf_vote(answers, confidences, greedy, self.keep)
        context.recorder.event(
            "deepconf.vote",
            answers=answers,
            confidences=[None if c is None else round(c, 4) for c in confidences],
            kept=[i for i, s in enumerate(verdict.scores) if s is not None],
            winner=verdict.index,
        )
        return verdict
