"""Running systems over items: the async core every evaluation task shares.

For each system and each item not finished in the store, the system's :class:`BestOfN` answers
the item's prompt and the task's scorer scores the answer; the record is written at once, so an
interrupted run resumes where it stopped. A failing item (no candidate survived, the judge gave
no verdict) is recorded with its error and retried by the next run; it never stops the others.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, Field

from polypick.cache import cache_scope
from polypick.core.protocol import ChatModel
from polypick.core.types import PromptInput, Selection
from polypick.engine.bestofn import BestOfN
from polypick.errors import PolypickError
from polypick.eval.items import EvalItem, ItemRecord, Task
from polypick.eval.systems import System

__all__ = ["Progress", "Scored", "Scorer", "run_systems"]


class Scored(BaseModel):
    """A scorer's verdict on one answer; ``score=None`` with an ``error`` when it has none."""

    model_config = ConfigDict(frozen=True)

    score: float | None
    error: str | None = None
    details: dict[str, Any] = Field(default_factory=dict)
    requests: int = 0
    tokens: int = 0


Scorer = Callable[[EvalItem, Selection, ChatModel | None], Awaitable[Scored]]
"""``score(item, selection, judge)``: ``judge`` is the run's judge (cached), if any."""
Prepare = Callable[[EvalItem], PromptInput]


class Progress(Protocol):
    """What the run reports as it goes (the CLI draws a progress bar from it)."""

    def start(self, total: int, done: int) -> None: ...

    def advance(self, record: ItemRecord) -> None: ...


def _record(task: Task, system: System, item: EvalItem, **fields: Any) -> ItemRecord:
    return ItemRecord(
        task=task,
        system=system.name,
        n=system.n,
        item=item.id,
        language=item.language,
        category=item.category,
        **fields,
    )


def _error_text(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}"
    causes = getattr(exc, "exceptions", ())
    if causes:  # TooFewCandidatesError: the causes say what went wrong
        text += " <- " + "; ".join(f"{type(c).__name__}: {c}" for c in causes[:3])
    return text


async def _one(
    task: Task,
    system: System,
    bon: BestOfN,
    item: EvalItem,
    prepare: Prepare,
    score: Callable[[EvalItem, Selection], Awaitable[Scored]],
) -> ItemRecord:
    started = time.monotonic()
    try:
        with cache_scope():  # one cache call per item: its judge calls replay on a rerun
            selection = await bon.ainvoke(prepare(item))
            scored = await score(item, selection)
    except PolypickError as exc:
        return _record(task, system, item, error=_error_text(exc))
    usage = selection.usage
    return _record(
        task,
        system,
        item,
        output=selection.text,
        score=scored.score,
        error=scored.error,
        details=scored.details,
        generation_tokens=usage.generation.total_tokens,
        selection_tokens=usage.selection.total_tokens + scored.tokens,
        requests=usage.generation.requests + usage.selection.requests + scored.requests,
        latency_s=round(time.monotonic() - started, 3),
    )


async def run_systems(
    task: Task,
    items: Sequence[EvalItem],
    systems: Sequence[System],
    *,
    llm: ChatModel,
    judge: ChatModel | None,
    scoring_judge: ChatModel | None = None,
    prepare: Prepare,
    score: Scorer,
    finished: dict[tuple[str, str], ItemRecord],
    save: Callable[[ItemRecord], None],
    max_concurrency: int = 4,
    progress: Progress | None = None,
) -> list[ItemRecord]:
    """Every (system, item) record, in system then item order: ``finished`` ones as they are,
    the others computed now and passed to ``save`` as each completes. ``judge`` goes to the
    systems' selectors; ``scoring_judge`` (default: ``judge``) to the scorer."""
    bons = {system.name: system.build(llm, judge) for system in systems}
    pending = [(s, i) for s in systems for i in items if (s.name, i.id) not in finished]
    if progress is not None:
        progress.start(len(systems) * len(items), len(systems) * len(items) - len(pending))
    gate = asyncio.Semaphore(max_concurrency)
    grader = scoring_judge or judge

    def scorer(item: EvalItem, selection: Selection) -> Awaitable[Scored]:
        return score(item, selection, grader)

    async def run(system: System, item: EvalItem) -> ItemRecord:
        async with gate:
            record = await _one(task, system, bons[system.name], item, prepare, scorer)
        save(record)
        if progress is not None:
            progress.advance(record)
        return record

    fresh = await asyncio.gather(*(run(s, i) for s, i in pending))
    results = {**finished, **{(r.system, r.item): r for r in fresh}}
    return [results[(s.name, i.id)] for s in systems for i in items]
