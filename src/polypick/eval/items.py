"""What an evaluation reads (an item) and what it writes per prompt and system (a record)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["EvalItem", "ItemRecord", "Task"]

Task = Literal["winrate", "accuracy", "translation"]


class EvalItem(BaseModel):
    """One prompt of an evaluation set.

    Fields (as in a JSONL object or a TSV header):
        id: unique within the set; the line number when absent.
        prompt: what the system is asked; for translation, the text to translate.
        reference: the reference answer (win-rate) or reference translation (translation).
        answer: the correct final answer of a verifiable task (accuracy), e.g. ``42``.
        language: ISO 639-1 code of the prompt (for translation: of the target); detected from
            the prompt (the reference, for translation) when absent.
        category: any grouping label, e.g. ``hard_prompt`` or ``creative_writing``.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    prompt: str
    reference: str | None = None
    answer: str | None = None
    language: str | None = None
    category: str | None = None


class ItemRecord(BaseModel):
    """The outcome of one system on one item: one line of ``records.jsonl``.

    ``score`` is the figure the tables average: the win-rate score (1, ½ or 0), accuracy (1 or
    0), or for translation the sentence chrF (the tables use corpus chrF from ``details``).
    ``None`` with an ``error`` means the item failed for this system.
    """

    model_config = ConfigDict(frozen=True)

    task: Task
    system: str
    n: int
    item: str
    language: str | None = None
    category: str | None = None
    output: str = ""
    score: float | None = None
    error: str | None = None
    details: dict[str, Any] = Field(default_factory=dict)
    generation_tokens: int = 0
    selection_tokens: int = 0
    requests: int = 0
    latency_s: float = 0.0

    @property
    def ok(self) -> bool:
        """Whether this record has a score (failed items are retried by a rerun)."""
        return self.score is not None and self.error is None
