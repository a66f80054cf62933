"""``BestOfNBatch``: the callable class Ray Data runs in each actor.

Ray Data runs an ``async`` ``__call__`` on one event loop per actor and may hand it several
batches at once; every row of every batch waits on one semaphore, so an actor never has more
than ``max_in_flight`` prompts in flight however Ray batches the rows.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from polypick.core.types import PromptInput
from polypick.engine.bestofn import BestOfN
from polypick.engine.settings import Settings
from polypick.errors import ConfigurationError
from polypick.integrations.ray.columns import (
    OUTPUT_COLUMNS,
    check_free,
    error_row,
    prefixed,
    selection_row,
)
from polypick.providers import ModelSpec

__all__ = ["BestOfNBatch", "ModelFactory", "build"]

Batch = dict[str, np.ndarray]
ModelFactory = Callable[[], ModelSpec]
"""A function that builds a model, called where the model is used (in each actor)."""


def build(model: ModelSpec | ModelFactory) -> ModelSpec:
    """``model``, or what it builds when it is a function (a plain function, a method or a
    ``functools.partial``; model objects that happen to be callable are left alone)."""
    if isinstance(model, functools.partial) or inspect.isfunction(model) or inspect.ismethod(model):
        return model()
    return model


class BestOfNBatch:
    """Best-of-N over the rows of a Ray Data batch; pass the class to ``ds.map_batches``.

    Args:
        llm: as for :class:`~polypick.BestOfN`, or a function that builds the model
            (``functools.partial(OpenAIChat, model=..., base_url=...)``), called in each actor:
            model objects hold connections and cannot be sent to another process. A judge in
            the settings may be such a function too.
        settings: a :class:`~polypick.Settings`.
        prompt_column: the column holding each row's prompt: a string, or a list of chat
            messages (role/content dicts).
        max_in_flight: most prompts this actor runs at once.
        output_prefix: prepended to the output column names (see ``OUTPUT_COLUMNS``).
        options: any :class:`~polypick.Settings` field by name (``n``, ``sampling``,
            ``selector``, ``judge``, ``deadline``, ``cache`` ...); it overrides ``settings``.

    Rows whose call fails keep their error in the ``error`` column instead of failing the batch.
    """

    def __init__(
        self,
        *,
        llm: ModelSpec | ModelFactory,
        settings: Settings | None = None,
        prompt_column: str = "prompt",
        max_in_flight: int = 8,
        output_prefix: str = "",
        **options: Any,
    ) -> None:
        if isinstance(max_in_flight, bool) or not isinstance(max_in_flight, int):
            raise ConfigurationError(f"max_in_flight must be a whole number, got {max_in_flight!r}")
        if max_in_flight < 1:
            raise ConfigurationError(f"max_in_flight must be >= 1, got {max_in_flight}")
        chosen = Settings.of(settings, **options)
        judge = None if chosen.judge is None else build(chosen.judge)
        self.bon = BestOfN(build(llm), settings=chosen.replace(judge=judge))
        self.prompt_column = prompt_column
        self.output_prefix = output_prefix
        self.max_in_flight = max_in_flight
        # created on first use, inside the actor's event loop
        self._limit: asyncio.Semaphore | None = None

    async def __call__(self, batch: Batch) -> Batch:
        check_free(batch, self.output_prefix, self.prompt_column)
        if self._limit is None:
            self._limit = asyncio.Semaphore(self.max_in_flight)
        prompts = batch[self.prompt_column]
        rows = await asyncio.gather(*(self._row(_prompt(p)) for p in prompts))
        outputs = {
            self.output_prefix + name: _column([row[self.output_prefix + name] for row in rows])
            for name in OUTPUT_COLUMNS
        }
        return {**batch, **outputs}

    async def _row(self, prompt: PromptInput) -> dict[str, Any]:
        assert self._limit is not None
        async with self._limit:
            try:
                selection = await self.bon.ainvoke(prompt)
            except Exception as exc:
                return prefixed(error_row(exc), self.output_prefix)
        return prefixed(selection_row(selection), self.output_prefix)


def _prompt(value: object) -> PromptInput:
    """A cell as a prompt: Ray hands list cells over as NumPy arrays."""
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, str | Mapping | Sequence):
        return value  # to_messages checks the rest and says what is wrong
    raise ConfigurationError(f"cannot read {value!r} as a prompt; use a string or chat messages")


def _column(values: list[Any]) -> np.ndarray:
    # An object column, so None, strings and dicts keep their Python types.
    column = np.empty(len(values), dtype=object)
    column[:] = values
    return column
