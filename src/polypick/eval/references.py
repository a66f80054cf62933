"""Reference answers from a reference model, for sets that have none (m-ArenaHard-v2.0 ships
prompts only; the seed paper judged against Gemini's answers).

Each missing reference is the reference model's greedy answer. They go through the run's sample
cache, so a rerun asks for none again, and are written to ``references.jsonl`` for inspection.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from polypick.cache import SampleCache
from polypick.core.sampling import Temperature
from polypick.core.sync import run_sync
from polypick.engine.bestofn import BestOfN
from polypick.errors import BatchError
from polypick.eval.items import EvalItem
from polypick.providers import ModelSpec

__all__ = ["afill_references", "fill_references"]


async def afill_references(
    items: Sequence[EvalItem],
    reference_llm: ModelSpec,
    out: str | Path,
    *,
    max_tokens: int | None = None,
    max_concurrency: int = 4,
) -> list[EvalItem]:
    """``items`` with every missing reference filled by ``reference_llm``'s greedy answer.

    Raises:
        BatchError: when some references could not be generated (items without a reference
            cannot be judged); the rest are in the cache, so a rerun only retries those.
    """
    missing = [item for item in items if item.reference is None]
    if not missing:
        return list(items)
    directory = _directory(out)
    with SampleCache(directory / "cache.sqlite") as cache:
        plan = Temperature(temperature=0.0, max_tokens=max_tokens)
        async with BestOfN(
            reference_llm, n=1, sampling=plan, selector="majority", cache=cache
        ) as bon:
            try:
                selections = await bon.abatch(
                    [item.prompt for item in missing], max_concurrency=max_concurrency
                )
            except BatchError as exc:
                raise BatchError(
                    f"{exc.message}: reference answers from {bon.llm.name} are missing; "
                    "rerun to retry them",
                    exc.exceptions,
                    exc.results,
                ) from None
    answers = {item.id: sel.text for item, sel in zip(missing, selections, strict=True)}
    _save(directory / "references.jsonl", answers)
    return [
        item
        if item.reference is not None
        else item.model_copy(update={"reference": answers[item.id]})
        for item in items
    ]


def fill_references(
    items: Sequence[EvalItem], reference_llm: ModelSpec, out: str | Path, **options: Any
) -> list[EvalItem]:
    """Sync :func:`afill_references` (same arguments)."""
    return run_sync(afill_references(items, reference_llm, out, **options))


def _directory(out: str | Path) -> Path:
    directory = Path(out)
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def _save(path: Path, answers: dict[str, str]) -> None:
    rows = [{"id": i, "reference": text} for i, text in answers.items()]
    text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    path.write_text(text, encoding="utf-8")
