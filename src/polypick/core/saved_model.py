"""Fitted records (policies, controllers) saved as JSON files and read back with a clear error."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from polypick.errors import ConfigurationError

__all__ = ["load_model", "save_model"]

M = TypeVar("M", bound=BaseModel)


def save_model(record: BaseModel, path: str | Path) -> None:
    """Write ``record`` to ``path`` as indented JSON."""
    Path(path).write_text(record.model_dump_json(indent=1) + "\n", encoding="utf-8")


def load_model(kind: type[M], path: str | Path, *, what: str, refit: str) -> M:
    """Read a ``kind`` written by :func:`save_model`; a file this version cannot read is a
    :class:`ConfigurationError` naming ``what`` it should be and how to ``refit`` it."""
    try:
        return kind.model_validate_json(Path(path).read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ConfigurationError(
            f"{path} is not {what} this version of polypick reads ({exc.__class__.__name__}); "
            f"refit it with {refit}"
        ) from exc
