"""A small registry of named factories, imported lazily.

Providers and selectors are found by name through a :class:`Registry`, never through an if-chain.
Entries may be registered as objects or as ``"module:attribute"`` strings, so that naming a
backend does not import its SDK until it is used.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from typing import Generic, TypeVar

from polypick.errors import ConfigurationError, UnknownNameError

__all__ = ["Registry"]

T = TypeVar("T")


class Registry(Generic[T]):
    """Maps names to factories of ``T``."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._entries: dict[str, T | str] = {}

    def register(self, name: str, entry: T | str, *, replace: bool = False) -> None:
        """Add ``entry`` as ``name``; a string entry is ``"module:attribute"``, imported on use."""
        if name in self._entries and not replace:
            raise ConfigurationError(
                f"{self.kind} {name!r} is already registered; pass replace=True to override it"
            )
        self._entries[name] = entry

    def decorator(self, name: str) -> Callable[[T], T]:
        """Register the decorated object under ``name``."""

        def add(entry: T) -> T:
            self.register(name, entry)
            return entry

        return add

    def get(self, name: str) -> T:
        try:
            entry = self._entries[name]
        except KeyError:
            raise UnknownNameError(self.kind, name, self.names()) from None
        if isinstance(entry, str):
            module_name, _, path = entry.partition(":")
            resolved: T = functools.reduce(  # type: ignore[assignment]
                getattr, path.split("."), importlib.import_module(module_name)
            )
            self._entries[name] = resolved
            return resolved
        return entry

    def names(self) -> list[str]:
        return sorted(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries
