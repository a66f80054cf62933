"""The ASGI application: routes, the optional server key, error answers, and shutdown."""

from __future__ import annotations

import asyncio
import contextlib
import hmac
from collections.abc import AsyncIterator, Awaitable, Callable

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from polypick.core.language import default_detector
from polypick.core.redact import get_logger, redact_data, remember_secret
from polypick.providers import ModelSpec, resolve_model
from polypick.serve.budget import MeteredChat
from polypick.serve.endpoints import (
    ServeState,
    chat_completions,
    health,
    list_models,
    retrieve_model,
)
from polypick.serve.errors import ApiFailure, failure_for, unauthorized
from polypick.serve.pool import BestOfNPool
from polypick.serve.settings import ServeSettings

__all__ = ["create_app"]

logger = get_logger("polypick.serve")
Handler = Callable[[Request, ServeState], Awaitable[Response]]


def create_app(
    settings: ServeSettings | None = None,
    *,
    llm: ModelSpec | None = None,
    judge: ModelSpec | None = None,
) -> Starlette:
    """The ``polypick serve`` application, to run with any ASGI server (with lifespan on, so
    that the models' connections are closed at shutdown).

    Args:
        settings: the server's settings; the embedded local model by default.
        llm: a model to sample instead of ``settings.llm``: a backend such as ``OpenAIChat``, or
            a LangChain or LlamaIndex model. The client's tools and tool turns reach only an
            OpenAI-compatible upstream (``openai:MODEL`` in ``settings``).
        judge: a model to judge with instead of ``settings.judge``.

    Raises:
        ConfigurationError: for invalid settings, before anything is served.
    """
    settings = settings or ServeSettings()
    if settings.api_key is not None:
        remember_secret(settings.api_key.get_secret_value())
    upstream = settings.upstream() if llm is None else resolve_model(llm)
    judging = settings.judge_model(upstream) if judge is None else resolve_model(judge)
    if judging is None and settings.bon.judge is not None:
        judging = resolve_model(settings.bon.judge)
    retry = settings.bon.retry if settings.retries is None else settings.retries
    # every upstream request, sample or judge call, counts against its client request's budget
    metered = MeteredChat(upstream)
    metered_judge = metered if judging in (None, upstream) else MeteredChat(judging)
    judges = judging is not None or settings.bon.judge is not None
    operator = settings.bon.replace(judge=metered_judge if judges else None, retry=retry)
    pool = BestOfNPool(metered, operator, settings.pool_size)
    state = ServeState(settings, upstream, judging, pool)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if settings.bon.detect_language is not False:
            # load the language model now (about a second), not during the first request
            await asyncio.to_thread(default_detector(), "warming up the language detector")
        try:
            yield
        finally:
            await upstream.aclose()
            if judging is not None and judging is not upstream:
                await judging.aclose()

    def route(path: str, handler: Handler, method: str) -> Route:
        return Route(path, _guarded(handler, state), methods=[method])

    app = Starlette(
        routes=[
            route("/v1/chat/completions", chat_completions, "POST"),
            route("/v1/models", list_models, "GET"),
            route("/v1/models/{model:path}", retrieve_model, "GET"),
            Route("/health", health, methods=["GET"]),
        ],
        exception_handlers={HTTPException: _http_error},
        lifespan=lifespan,
    )
    app.state.serve = state
    return app


def _guarded(handler: Handler, state: ServeState) -> Callable[[Request], Awaitable[Response]]:
    """``handler`` behind the server key, with every error answered in OpenAI's shape."""

    async def endpoint(request: Request) -> Response:
        if not _authorized(request, state):
            return error_response(unauthorized())
        try:
            return await handler(request, state)
        except Exception as exc:  # every failure becomes an answer the client understands
            failure = failure_for(exc)
            if failure.status == 500:
                logger.exception("unexpected error while serving %s", request.url.path)
            else:
                logger.info("%s %d: %s", request.url.path, failure.status, failure.message)
            return error_response(failure)

    return endpoint


def _authorized(request: Request, state: ServeState) -> bool:
    key = state.settings.api_key
    if key is None:
        return True
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    expected = key.get_secret_value().encode()
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), expected)


def error_response(failure: ApiFailure) -> Response:
    body = redact_data(failure.body())  # upstream text may quote a key: it stays here
    return JSONResponse(body, failure.status, headers=failure.headers())


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    message = (
        f"no {request.method} {request.url.path} here; this server answers "
        "POST /v1/chat/completions, GET /v1/models and GET /v1/models/{model}"
    )
    return error_response(ApiFailure(status, message, "invalid_request_error", "unknown_url"))
