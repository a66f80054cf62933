"""The HTTP endpoints: chat completions, the model list, and a health check."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Coroutine, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from polypick.core.protocol import ChatModel
from polypick.core.redact import get_logger
from polypick.core.types import Selection
from polypick.serve.body import parse_json, read_body
from polypick.serve.budget import Meter, check_plan
from polypick.serve.config import resolve_key, selector_names
from polypick.serve.errors import Refused, invalid
from polypick.serve.names import model_id, parse_model
from polypick.serve.pool import BestOfNPool
from polypick.serve.request import ChatRequest, read_request
from polypick.serve.response import Envelope, chunks, completion, record
from polypick.serve.settings import ServeSettings
from polypick.serve.upstream import ClientRequest, PassThroughOpenAIChat

__all__ = ["ServeState", "chat_completions", "health", "list_models", "retrieve_model"]

logger = get_logger("polypick.serve")
T = TypeVar("T")
_INLINE_BYTES = 64 * 1024


@dataclass
class ServeState:
    """What the endpoints share: settings, models, the ``BestOfN`` pool, requests in progress."""

    settings: ServeSettings
    llm: ChatModel
    judge: ChatModel | None
    pool: BestOfNPool
    active: int = 0

    @property
    def served(self) -> tuple[str, ...]:
        return (self.settings.served_name(),)


class ClientGone(Exception):
    """The client closed the connection before its answer was ready."""


async def chat_completions(request: Request, state: ServeState) -> Response:
    """``POST /v1/chat/completions``: best-of-N over the upstream, as one chat completion,
    within the operator's limits (see :class:`~polypick.serve.ServeSettings`)."""
    limit = state.settings.max_concurrent_requests
    if state.active >= limit:
        raise Refused.busy(limit)
    state.active += 1
    try:
        return await _complete(request, state)
    finally:
        state.active -= 1


async def _complete(request: Request, state: ServeState) -> Response:
    settings = state.settings
    chat = read_request(await _json(request, settings))
    _, named = parse_model(chat.model, state.served)
    key = resolve_key(
        named, chat.options, chat.fields, settings.bon, settings.max_n, settings.max_tokens
    )
    _check_upstream(chat, state.llm)
    bon = state.pool.get(key)
    check_plan(bon, chat.messages, settings.max_upstream_calls, settings.max_request_tokens)
    meter = Meter(settings.max_upstream_calls)
    client = ClientRequest(chat.messages, chat.raw_messages, chat.passed, meter)
    try:
        selection = await until_disconnected(request, bon.ainvoke(chat.messages, context=client))
    except ClientGone:
        logger.info("client left before its answer was ready; its upstream calls were cancelled")
        return Response(status_code=499)  # nginx's "client closed request"; nobody reads it
    best_of_n = record(
        selection,
        n=key.n,
        sampling=bon.sampling.name,
        return_candidates=chat.options.return_candidates,
    )
    logger.info(
        "%s: chose %d of %d candidates (%d failed) by %s, %d upstream requests",
        chat.model,
        selection.index,
        len(selection.candidates),
        len(selection.failures),
        best_of_n["selector"],
        meter.used,
    )
    return _answer(chat, selection, best_of_n)


def _answer(chat: ChatRequest, selection: Selection, best_of_n: dict[str, Any]) -> Response:
    envelope = Envelope.new(chat.model)
    if not chat.stream:
        return JSONResponse(completion(envelope, selection, best_of_n))
    events = chunks(envelope, selection, best_of_n, include_usage=chat.include_usage)
    return StreamingResponse(_sse(events), media_type="text/event-stream")


async def _json(request: Request, settings: ServeSettings) -> Any:
    raw = await read_body(request, settings.max_body_bytes, settings.read_timeout)
    if len(raw) <= _INLINE_BYTES:
        return parse_json(raw, settings.max_json_depth)
    # a large body takes tens of milliseconds to parse: not on the loop every request shares
    return await asyncio.to_thread(parse_json, raw, settings.max_json_depth)


def _check_upstream(chat: ChatRequest, llm: ChatModel) -> None:
    if chat.passed and not isinstance(llm, PassThroughOpenAIChat):
        field = next(iter(chat.passed))
        raise invalid(
            f"'{field}' needs an OpenAI-compatible upstream (--llm openai:MODEL); this server "
            f"samples {llm.name}, which takes plain messages only",
            field,
        )


async def until_disconnected(request: Request, work: Coroutine[Any, Any, T]) -> T:
    """Run ``work``; if the client disconnects first, cancel it (and every upstream call)."""
    task = asyncio.ensure_future(work)
    watch = asyncio.ensure_future(_disconnected(request))
    try:
        await asyncio.wait((task, watch), return_when=asyncio.FIRST_COMPLETED)
    finally:
        for pending in (task, watch):
            pending.cancel()
        await asyncio.gather(task, watch, return_exceptions=True)
    if not task.cancelled():
        return task.result()
    raise ClientGone


async def _disconnected(request: Request) -> None:
    # After the body, the server's next message for this request is its disconnect.
    while (await request.receive())["type"] != "http.disconnect":
        pass


async def _sse(events: Sequence[dict[str, Any]]) -> AsyncIterator[str]:
    for event in events:
        yield f"data: {json.dumps(event, ensure_ascii=False)}\n\n"
    yield "data: [DONE]\n\n"


def _model_ids(state: ServeState) -> list[str]:
    served = state.served[0]
    n = state.settings.bon.n
    return [served, model_id(served, n), *(model_id(served, n, s) for s in selector_names())]


def _model(name: str) -> dict[str, Any]:
    return {"id": name, "object": "model", "created": 0, "owned_by": "polypick"}


async def list_models(request: Request, state: ServeState) -> Response:
    """``GET /v1/models``: the served model, and examples of best-of-N names for it."""
    return JSONResponse({"object": "list", "data": [_model(m) for m in _model_ids(state)]})


async def retrieve_model(request: Request, state: ServeState) -> Response:
    """``GET /v1/models/{model}``: any name a request may use, or 404."""
    name = request.path_params["model"]
    parse_model(name, state.served)
    return JSONResponse(_model(name))


async def health(request: Request) -> Response:
    """``GET /health``: up (no key needed)."""
    return JSONResponse({"status": "ok"})
