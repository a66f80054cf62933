"""The three tasks: how an item becomes a prompt, how an answer is scored, what the tables show.

- ``winrate``: the answer against the item's reference, judged in both orders
  (:mod:`polypick.eval.judge`); the figure is the mean score (win 1, tie ½, loss 0).
- ``accuracy``: the final answer extracted with polypick's language-aware extractor and compared
  with the item's ``answer``; the figure is the share correct.
- ``translation``: the item's prompt translated into its language; each answer's sentence chrF
  is recorded, and the figure is corpus chrF against the references (sacrebleu).
"""

from __future__ import annotations

import importlib
import importlib.util
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from polypick.core.protocol import ChatModel
from polypick.core.types import Message, PromptInput, Selection, to_messages
from polypick.errors import ConfigurationError, MissingDependencyError
from polypick.eval.items import EvalItem, ItemRecord, Task
from polypick.eval.judge import JUDGE_MAX_TOKENS, judge_against_reference
from polypick.eval.runner import Scored, Scorer
from polypick.eval.tables import Statistic, mean_statistic
from polypick.selectors import extract_answer, normalize_answer
from polypick.selectors.prompting import language_name

__all__ = [
    "TaskSpec",
    "accuracy_task",
    "answers_match",
    "corpus_chrf_statistic",
    "translation_prompt",
    "translation_task",
    "winrate_task",
]


@dataclass(frozen=True)
class TaskSpec:
    """What a task needs from the runner and the tables."""

    task: Task
    prepare: Callable[[EvalItem], PromptInput]
    score: Scorer
    statistic: Statistic
    figure: str
    """The tables' column name, e.g. ``win-rate``."""
    percent: bool = True
    """Whether the figure is a share in [0, 1], shown as a percentage."""
    needs_judge: bool = False


def _prompt(item: EvalItem) -> PromptInput:
    return item.prompt


def winrate_task(*, judge_max_tokens: int = JUDGE_MAX_TOKENS) -> TaskSpec:
    """Win-rate against the items' references, judged by the run's judge."""

    async def score(item: EvalItem, selection: Selection, judge: ChatModel | None) -> Scored:
        assert item.reference is not None  # the loader requires it for this task
        assert judge is not None  # needs_judge: the run supplies one
        judgment = await judge_against_reference(
            judge,
            to_messages(item.prompt),
            selection.text,
            item.reference,
            language=item.language,
            max_tokens=judge_max_tokens,
        )
        error = None
        if judgment.score is None:
            error = "the judge gave no verdict in either order: " + "; ".join(judgment.errors)
        return Scored(
            score=judgment.score,
            error=error,
            details={"outcomes": list(judgment.outcomes), "judge_errors": list(judgment.errors)},
            requests=judgment.requests,
            tokens=judgment.tokens,
        )

    return TaskSpec("winrate", _prompt, score, mean_statistic, "win-rate", needs_judge=True)


def answers_match(predicted: str | None, expected: str) -> bool:
    """Whether an extracted answer equals the expected one: as numbers when both are numbers
    (``42.0`` is ``42``), else as normalised text."""
    if predicted is None:
        return False
    wanted = extract_answer(expected) or normalize_answer(expected)
    try:
        return math.isclose(float(predicted), float(wanted), rel_tol=1e-9, abs_tol=1e-9)
    except ValueError:
        return normalize_answer(predicted) == normalize_answer(wanted)


def accuracy_task() -> TaskSpec:
    """Accuracy on a verifiable task: the extracted final answer against the item's ``answer``."""

    async def score(item: EvalItem, selection: Selection, judge: ChatModel | None) -> Scored:
        assert item.answer is not None  # the loader requires it for this task
        predicted = extract_answer(selection.text)
        correct = answers_match(predicted, item.answer)
        return Scored(score=float(correct), details={"extracted": predicted})

    return TaskSpec("accuracy", _prompt, score, mean_statistic, "accuracy")


def translation_prompt(item: EvalItem) -> PromptInput:
    """The instruction to translate the item's text into its language."""
    if item.language is None:
        raise ConfigurationError(
            f"item {item.id!r}: no target language; add a 'language' field or a reference "
            "whose language can be detected"
        )
    target = language_name(item.language)
    return [
        Message(
            role="user",
            content=f"Translate the following text into {target}. Reply with the translation "
            f"only.\n\n{item.prompt}",
        )
    ]


def _chrf() -> object:
    if importlib.util.find_spec("sacrebleu") is None:
        raise MissingDependencyError("chrF scoring of translations", "multilingual")
    return importlib.import_module("sacrebleu.metrics").CHRF()


def corpus_chrf_statistic(records: Sequence[ItemRecord]) -> Callable[[Sequence[int]], float]:
    """Corpus chrF (0-100) of the records' outputs against their references over a resample.

    chrF's corpus score is a function of the summed per-sentence n-gram statistics, so each
    sentence's statistics are extracted once and a resample only sums them; these are
    sacrebleu's own (underscored) methods, the ones its paired bootstrap uses.
    """
    metric = _chrf()
    hypotheses = [r.output for r in records]
    references = [str(r.details.get("reference", "")) for r in records]
    stats = metric._extract_corpus_statistics(hypotheses, [references])  # type: ignore[attr-defined]

    def score(indices: Sequence[int]) -> float:
        totals = [sum(column) for column in zip(*(stats[i] for i in indices), strict=True)]
        return float(metric._compute_score_from_stats(totals).score)  # type: ignore[attr-defined]

    return score


def translation_task() -> TaskSpec:
    """Translation quality: corpus chrF against the items' references."""
    metric = _chrf()

    async def score(item: EvalItem, selection: Selection, judge: ChatModel | None) -> Scored:
        assert item.reference is not None  # the loader requires it for this task
        sentence = metric.sentence_score(selection.text, [item.reference])  # type: ignore[attr-defined]
        return Scored(score=float(sentence.score), details={"reference": item.reference})

    return TaskSpec(
        "translation", translation_prompt, score, corpus_chrf_statistic, "chrF", percent=False
    )
