"""The less common knobs of :class:`~polypick.adaptive.AdaptiveBestOfN`."""

from __future__ import annotations

from dataclasses import dataclass

from polypick.core.retry import RetryPolicy
from polypick.selectors.answers import AnswerExtractor, extract_answer

__all__ = ["AdaptiveSettings"]


@dataclass(frozen=True)
class AdaptiveSettings:
    """The less common knobs of :class:`AdaptiveBestOfN`.

    Attributes:
        stop_agreement: stop sampling a prompt once its leader holds this share of the votes.
        step: samples a chosen prompt gets per allocation round.
        max_samples: most samples for any one prompt.
        max_concurrency: prompts sampled at the same time.
        retry: the retry policy, or the number of retries per request.
        extract: maps a sample's text to its final answer.
    """

    stop_agreement: float = 0.8
    step: int = 2
    max_samples: int = 32
    max_concurrency: int = 8
    retry: RetryPolicy | int = 2
    extract: AnswerExtractor = extract_answer
