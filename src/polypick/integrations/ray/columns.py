"""The columns a best-of-N row gains (pure functions: a result in, column values out)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from polypick.core.types import Selection
from polypick.errors import ConfigurationError

__all__ = ["OUTPUT_COLUMNS", "check_free", "error_row", "prefixed", "selection_row"]

OUTPUT_COLUMNS = ("answer", "selection", "usage", "failures", "error")
"""``answer``: the selected text; ``selection``: the whole :class:`Selection` as JSON;
``usage``: requests and tokens the row cost; ``failures``: failed samples plus failed judge
calls; ``error``: why the row has no answer (``None`` when it has one)."""


def selection_row(selection: Selection) -> dict[str, Any]:
    """The output columns of a row that has a selection."""
    total = selection.usage.total
    return {
        "answer": selection.text,
        "selection": selection.model_dump_json(),
        "usage": {
            "requests": total.requests,
            "prompt_tokens": total.prompt_tokens,
            "completion_tokens": total.completion_tokens,
        },
        "failures": len(selection.failures) + len(selection.selection_failures),
        "error": None,
    }


def error_row(error: Exception) -> dict[str, Any]:
    """The output columns of a row whose call failed: the error is kept, not raised, so one
    bad prompt does not cost the rows around it."""
    causes = getattr(error, "exceptions", ())
    return {
        "answer": None,
        "selection": None,
        "usage": None,  # what the failed call spent is not known here
        "failures": max(1, len(causes)),
        "error": f"{type(error).__name__}: {error}",
    }


def check_free(columns: Iterable[str], prefix: str, prompt_column: str) -> None:
    """Refuse a batch whose columns would be overwritten by the output, or lack the prompt."""
    present = set(columns)
    if prompt_column not in present:
        raise ConfigurationError(
            f"the dataset has no {prompt_column!r} column (it has {sorted(present)}); "
            "pass prompt_column= the column holding the prompts"
        )
    taken = sorted(present & {prefix + name for name in OUTPUT_COLUMNS})
    if taken:
        raise ConfigurationError(
            f"the dataset already has the output column(s) {taken}; pass output_prefix= "
            "(e.g. 'bon_') so they are not overwritten"
        )


def prefixed(row: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    return {prefix + name: value for name, value in row.items()}
