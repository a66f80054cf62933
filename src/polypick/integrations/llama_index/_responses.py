"""A query engine's ``Response`` carries the selection of the ``BestOfN`` calls behind it.

LlamaIndex builds a query's ``Response`` from the synthesizer's text and the source nodes; the
LLM's own response, where ``BestOfN`` puts its record, is not kept. So the record takes another
way: LlamaIndex's instrumentation announces every query (``QueryStartEvent``) and its response
(``QueryEndEvent``); between the two, each ``BestOfN`` answer notes its selection in the query
it serves (found through a context variable, which follows the query into its async tasks), and
the response gets them in its ``metadata``: ``"polypick"``, the selection behind the answer (the
last call), and ``"polypick_calls"``, every call's in order (refining synthesizers make several).

A streaming engine calls the LLM only when its stream is read, after the query has ended: its
``StreamingResponse`` gets the record as soon as the first piece of the answer is read.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Generator, Iterator
from contextvars import ContextVar
from typing import Any

from llama_index.core.base.response.schema import StreamingResponse
from llama_index.core.instrumentation.event_handlers import BaseEventHandler
from llama_index.core.instrumentation.events import BaseEvent
from llama_index.core.instrumentation.events.query import QueryEndEvent, QueryStartEvent
from llama_index_instrumentation import get_dispatcher

__all__ = ["install", "note"]

_QUERIES: ContextVar[tuple[list[dict[str, Any]], ...]] = ContextVar(
    "polypick_llama_index_queries", default=()
)
"""The selections noted for each open query, innermost last."""
_installed = threading.Lock()
_done: list[bool] = []


def note(selection: dict[str, Any]) -> None:
    """Record ``selection`` (a Selection as JSON) for the queries being answered, if any."""
    for noted in _QUERIES.get():
        noted.append(selection)


class _SelectionsToResponses(BaseEventHandler):
    """Opens a record per query, and puts it in the query's response when it ends."""

    @classmethod
    def class_name(cls) -> str:
        return "PolypickSelectionsToResponses"

    def handle(self, event: BaseEvent, **kwargs: Any) -> None:
        if isinstance(event, QueryStartEvent):
            _QUERIES.set((*_QUERIES.get(), []))
        elif isinstance(event, QueryEndEvent) and _QUERIES.get():
            *outer, noted = _QUERIES.get()
            _QUERIES.set(tuple(outer))
            response = event.response
            if isinstance(response, StreamingResponse) and not noted:
                response.response_gen = _noting(response, response.response_gen)
            _attach(response, noted)


def _attach(response: Any, noted: list[dict[str, Any]]) -> None:
    metadata = getattr(response, "metadata", None)
    if noted and (metadata is None or isinstance(metadata, dict)):
        extra = {"polypick": noted[-1], "polypick_calls": list(noted)}
        response.metadata = {**(metadata or {}), **extra}


def _noting(response: StreamingResponse, pieces: Iterator[str]) -> Generator[str, None, None]:
    """``pieces``, read as a query of its own: what ``BestOfN`` notes goes to ``response``."""
    noted: list[dict[str, Any]] = []
    token = _QUERIES.set((*_QUERIES.get(), noted))
    try:
        for piece in pieces:
            _attach(response, noted)
            yield piece
    finally:
        with contextlib.suppress(ValueError):  # closed in another context: nothing to undo
            _QUERIES.reset(token)
        _attach(response, noted)


def install() -> None:
    """Listen to LlamaIndex's query events (once per process)."""
    with _installed:
        if not _done:
            get_dispatcher().add_event_handler(_SelectionsToResponses())
            _done.append(True)
