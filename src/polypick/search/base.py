"""The base of every search strategy: shared settings, the sync/async surface, the cost bound.

A strategy is configured once and immutable afterwards; each call gets its own
:class:`~polypick.search._run.SearchRun`, so nothing about a call is kept on the strategy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from polypick.core.capabilities import StepScorer, validate
from polypick.core.deadline import check_deadline, deadline_at
from polypick.core.language import LanguageDetector, resolve_detector
from polypick.core.protocol import ChatModel
from polypick.core.retry import RetryPolicy
from polypick.core.sync import run_sync
from polypick.core.trace import Recorder
from polypick.core.types import (
    Message,
    PromptInput,
    SamplingParams,
    Selection,
    TraceEvent,
    prompt_text,
    to_messages,
)
from polypick.engine.selection import detect_languages
from polypick.errors import ConfigurationError
from polypick.providers import ModelSpec, resolve_model
from polypick.providers.process_reward import ProcessRewardEndpoint
from polypick.providers.reward_endpoint import RewardEndpoint
from polypick.search._run import SearchRun, Solution, check_whole
from polypick.search._select import build_selection, nothing_finished
from polypick.search.continuation import continuer_for
from polypick.search.steps import DOUBLE_NEWLINE, Vote, split_steps
from polypick.search.verifiers import Verifier
from polypick.selectors.answers import AnswerExtractor, extract_answer

__all__ = ["SearchCost", "SearchSettings", "SearchStrategy"]


@dataclass(frozen=True)
class SearchCost:
    """Upper bounds on what one call of a strategy spends (before retries)."""

    generations: int
    verifier_calls: int


@dataclass(frozen=True)
class SearchSettings:
    """The less often changed knobs of every search strategy.

    Attributes:
        delimiter: where one step ends and the next begins: a stop sequence for the model and
            where whole answers are split for a process verifier. ``"\\n\\n"``
            (:data:`~polypick.search.steps.DOUBLE_NEWLINE`, search-and-learn's and Qwen2.5-Math's
            paragraphs) by default; ``"\\n"`` (:data:`~polypick.search.steps.PAPER_DELIMITER`)
            is Snell et al.'s one step per line.
        temperature: sampling temperature of the steps (or answers) that are searched over.
        max_step_tokens: the reply budget of one continuation (of one answer, for the
            strategies that sample whole answers).
        max_continuations: how often a step the token limit cut off is continued (each time
            with another ``max_step_tokens``) before its beam is given up as cut off; a cut
            step is never closed with a delimiter as if the model had ended it.
        vote: ``"weighted"`` (sum of verifier scores per canonical answer, the paper's best) or
            ``"best"`` (the single highest score).
        extract: maps a solution's text to its canonical final answer, for the weighted vote.
        retry: the retry policy of every model and verifier call, or the number of retries.
        deadline: seconds the whole search may take. When it passes nothing new is started,
            calls in flight are cancelled, and the best found so far is returned (finished
            solutions, else the best partial ones); a ``search.deadline`` trace event says so.
            Only when nothing at all was found is it an error.
        detect_language: detect the language of the prompt and of every solution, as
            ``BestOfN`` does (``Selection.language``, ``off_language``); ``False`` to skip, or
            a detector.
    """

    delimiter: str = DOUBLE_NEWLINE
    temperature: float = 0.8
    max_step_tokens: int | None = 256
    max_continuations: int = 3
    vote: Vote = "weighted"
    extract: AnswerExtractor = extract_answer
    retry: RetryPolicy | int = 2
    deadline: float | None = None
    detect_language: bool | LanguageDetector = True

    def __post_init__(self) -> None:
        check_deadline(self.deadline)
        split_steps("x", self.delimiter)  # an empty delimiter fails here, with how to fix it
        check_whole("max_continuations", self.max_continuations, 0)

    @property
    def detector(self) -> LanguageDetector | None:
        return resolve_detector(self.detect_language)

    @property
    def policy(self) -> RetryPolicy:
        if isinstance(self.retry, RetryPolicy):
            return self.retry
        return RetryPolicy(max_retries=check_whole("retry", self.retry, 0))


class SearchStrategy:
    """Base of the search strategies: the model, the verifier, and ``arun``/``run``.

    Subclasses implement :meth:`_search`, which returns the solutions to choose among.
    """

    name = "search"
    needs_continuation = True

    def __init__(
        self,
        llm: ModelSpec,
        verifier: Verifier,
        *,
        settings: SearchSettings | None = None,
    ) -> None:
        if not callable(verifier) and not isinstance(verifier, StepScorer):
            raise ConfigurationError(
                "verifier must be a function (prompt, answer) -> float, a ProcessVerifier, "
                "an LLMStepJudge, a RewardEndpoint or a ProcessRewardEndpoint"
            )
        settings = settings or SearchSettings()
        if settings.vote not in ("weighted", "best"):
            raise ConfigurationError(f"unknown vote {settings.vote!r}; use 'weighted' or 'best'")
        self.llm: ChatModel = resolve_model(llm)
        if self.needs_continuation:
            continuer_for(self.llm)  # fail now, before any request, if it cannot continue
        self.verifier = verifier
        self.delimiter = settings.delimiter
        self.settings = settings
        self.retry = settings.policy
        self.detector = settings.detector
        self.params = SamplingParams(
            temperature=settings.temperature,
            max_tokens=settings.max_step_tokens,
            stop=(self.delimiter,) if self.needs_continuation else (),
        )
        validate(self.llm, self.params)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(llm={self.llm.name!r})"

    def cost(self) -> SearchCost:
        """Upper bounds on generations and verifier calls of one call."""
        raise NotImplementedError

    async def _search(self, run: SearchRun) -> list[Solution]:
        raise NotImplementedError

    def choose_index(self, solutions: Sequence[Solution]) -> int | None:
        """The chosen solution, for strategies with their own rule; ``None``: the vote decides."""
        return None

    def open_run(
        self, messages: Sequence[Message], recorder: Recorder, deadline: float | None = None
    ) -> SearchRun:
        """The state of one call of this strategy (its gateway, usage, failures, trace)."""
        return SearchRun(
            self.llm,
            self.verifier,
            messages,
            delimiter=self.delimiter,
            policy=self.retry,
            recorder=recorder,
            deadline=deadline,
            max_continuations=self.settings.max_continuations,
        )

    async def arun(
        self, prompt: PromptInput, *, on_event: Callable[[TraceEvent], None] | None = None
    ) -> Selection:
        """Search for the best answer to ``prompt`` and return the :class:`Selection`."""
        messages = to_messages(prompt)
        recorder = Recorder(on_event)
        language, _ = await detect_languages(self.detector, prompt_text(messages), [])
        seconds = self.settings.deadline
        # after detection: the detector's one-time load must not eat the deadline
        deadline = deadline_at(seconds)
        recorder.event(
            "search.start",
            strategy=self.name,
            llm=self.llm.name,
            language=language,
            deadline=seconds,
        )
        run = self.open_run(messages, recorder, deadline)
        solutions = await self._search(run)
        if not solutions:
            raise nothing_finished(run, self.name, seconds)
        return await build_selection(
            run,
            solutions,
            name=self.name,
            vote=self.settings.vote,
            extract=self.settings.extract,
            index=self.choose_index(solutions) if run.chooser is None else run.chooser(solutions),
            detector=self.detector,
            language=language,
        )

    def run(
        self, prompt: PromptInput, *, on_event: Callable[[TraceEvent], None] | None = None
    ) -> Selection:
        """Sync :meth:`arun`."""
        return run_sync(self.arun(prompt, on_event=on_event))

    async def aclose(self) -> None:
        """Close the model's connections (and a reward server's) for the running event loop."""
        await self.llm.aclose()
        if isinstance(self.verifier, RewardEndpoint | ProcessRewardEndpoint):
            await self.verifier.aclose()

    def close(self) -> None:
        """Close the connections used by :meth:`run`."""
        run_sync(self.aclose())
