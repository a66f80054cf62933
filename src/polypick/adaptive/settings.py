"""The less common knobs of :class:`~polypick.adaptive.AdaptiveBestOfN`."""

from __future__ import annotations

from dataclasses import dataclass

from polypick.core.language import LanguageDetector
from polypick.core.retry import RetryPolicy
from polypick.errors import ConfigurationError
from polypick.selectors.answers import AnswerExtractor, extract_answer

__all__ = ["AdaptiveSettings"]


@dataclass(frozen=True)
class AdaptiveSettings:
    """The less common knobs of :class:`AdaptiveBestOfN`.

    Attributes:
        stop_agreement: stop sampling a prompt once its leader holds this share of the votes.
        step: samples a chosen prompt gets per allocation round.
        max_samples: most samples for any one prompt.
        round_share: the share of a batch's prompts served per allocation round (at least
            ``max_concurrency`` prompts): smaller is closer to exact greedy, in more rounds.
        max_concurrency: prompts sampled at the same time.
        retry: the retry policy, or the number of retries per request.
        extract: maps a sample's text to its final answer.
        detect_language: detect the language of each prompt (for the sampling plan's language
            profile) and of every sample, as ``BestOfN`` does; ``False`` to skip, or a
            detector.
    """

    stop_agreement: float = 0.8
    step: int = 2
    max_samples: int = 32
    round_share: float = 0.1
    max_concurrency: int = 8
    retry: RetryPolicy | int = 2
    extract: AnswerExtractor = extract_answer
    detect_language: bool | LanguageDetector = True

    def __post_init__(self) -> None:
        if self.step < 1 or self.max_concurrency < 1 or not 0.0 < self.stop_agreement <= 1.0:
            raise ConfigurationError("step and max_concurrency must be >= 1, stop_agreement 0..1")
        if not 0.0 < self.round_share <= 1.0:
            raise ConfigurationError(f"round_share must be in (0, 1], got {self.round_share!r}")
