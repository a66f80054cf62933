"""Background uvicorn runner and the request pipeline shared by the fake servers."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp

from ._faults import Fault, FaultPlan, expose_transport, respond_with_fault
from ._raw import BodyParser, json_body, loggable

Responder = Callable[[dict[str, Any], int], str]
"""Scripts answers: called with the parsed request JSON and the choice index.

It runs on the server's event loop, so it should return quickly.
"""

_S = TypeVar("_S", bound="ServerRunner")


class ServerRunner:
    """Serves an ASGI app with uvicorn on 127.0.0.1 (ephemeral port) in a daemon thread.

    Use as a context manager or call ``stop()``; ``start()`` blocks until it serves.
    ``lifespan=True`` runs the app's startup and shutdown handlers (apps that hold
    connections need it to close them; the fake servers hold none).
    """

    def __init__(self, app: ASGIApp, *, lifespan: bool = False) -> None:
        config = uvicorn.Config(
            expose_transport(app),
            host="127.0.0.1",
            port=0,
            http="h11",
            ws="none",
            loop="asyncio",
            lifespan="on" if lifespan else "off",
            log_config=None,
            log_level="warning",
            access_log=False,
            proxy_headers=False,
            timeout_graceful_shutdown=2,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._run, name="polypick-fake-server", daemon=True)
        self._error: BaseException | None = None
        self._port = 0

    def _run(self) -> None:
        try:
            self._server.run()
        except BaseException as exc:  # uvicorn reports bind failures with SystemExit
            self._error = exc

    def start(self, timeout: float = 10.0) -> None:
        """Start serving and block until the socket accepts connections."""
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError("fake server failed to start") from self._error
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(f"fake server not up after {timeout}s")
            time.sleep(0.005)
        self._port = int(self._server.servers[0].sockets[0].getsockname()[1])

    def _stopping(self) -> bool:
        return self._server.should_exit

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>``, without a trailing slash."""
        return f"http://127.0.0.1:{self._port}"

    def stop(self, timeout: float = 5.0) -> None:
        """Shut the server down and join its thread; idempotent."""
        if not self._thread.is_alive():
            return
        self._server.should_exit = True
        self._thread.join(timeout)
        if self._thread.is_alive():
            self._server.force_exit = True
            self._thread.join(timeout)
        if self._thread.is_alive():
            raise RuntimeError("fake server thread did not stop")

    def __enter__(self: _S) -> _S:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


@dataclass(frozen=True)
class RequestRecord:
    """One request received by a fake server; ``body`` is the parsed JSON or None."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any
    timestamp: float


@dataclass(frozen=True)
class Call:
    """What a provider handler sees of one request; ``path`` holds the path parameters."""

    seq: int
    body: dict[str, Any]
    headers: dict[str, str]
    fault: Fault | None
    path: dict[str, str] = field(default_factory=dict)


@dataclass
class ApiError(Exception):
    """Raised by handlers to answer with the provider's error shape."""

    status: int
    message: str
    err_type: str | None = None
    param: str | None = None
    code: str | int | None = None


Handler = Callable[[Call], "dict[str, Any] | bytes | Response"]
"""Answers one request: a JSON object, raw bytes (file contents, JSONL results), or a ready
response (an event stream)."""
StreamingHandler = Handler
"""A handler that may answer with a response already shaped (server-sent events)."""


class FakeServer(ServerRunner):
    """Base of the fake provider servers: request log, faults, latency, answer texts.

    Starts serving on construction; ``base_url`` has no ``/v1`` suffix.
    """

    _request_id_header: ClassVar[str] = "x-request-id"

    def __init__(self, *, latency_s: float = 0.0, responder: Responder | None = None) -> None:
        self._lock = threading.Lock()
        self._faults = FaultPlan()
        self._log: list[RequestRecord] = []
        self._seq = 0
        self._latency_s = latency_s
        self._responder = responder
        super().__init__(Starlette(routes=self._routes()))
        self.start()

    def _routes(self) -> list[Route]:
        raise NotImplementedError

    def _error_payload(self, err: ApiError) -> dict[str, Any]:
        raise NotImplementedError

    def script(self, faults: Sequence[Fault]) -> None:
        """Queue faults, consumed one per incoming request (any endpoint) in arrival order."""
        self._faults.script(faults)

    def fault_rate(
        self, p: float, kinds: Sequence[Fault] | None = None, seed: int | None = None
    ) -> None:
        """Give each unscripted request probability ``p`` of a random fault from ``kinds``."""
        self._faults.set_rate(p, kinds, seed)

    def clear_faults(self) -> None:
        """Drop queued faults and switch random faults off."""
        self._faults.clear()

    @property
    def pending_faults(self) -> int:
        """Scripted faults not yet consumed."""
        return self._faults.pending

    def set_latency(self, seconds: float) -> None:
        """Delay every response by ``seconds`` (concurrent requests overlap)."""
        with self._lock:
            self._latency_s = seconds

    def set_responder(self, responder: Responder | None) -> None:
        """Script answer texts; None restores the default deterministic answers."""
        with self._lock:
            self._responder = responder

    @property
    def requests(self) -> list[RequestRecord]:
        """Snapshot of the requests received since start or the last ``reset_log()``."""
        with self._lock:
            return list(self._log)

    @property
    def request_count(self) -> int:
        """Number of requests received since start or the last ``reset_log()``."""
        with self._lock:
            return len(self._log)

    def reset_log(self) -> None:
        """Forget recorded requests (answer numbering keeps counting)."""
        with self._lock:
            self._log.clear()

    def _answer(
        self, call: Call, index: int, temperature: float, max_tokens: int | None
    ) -> tuple[str, bool]:
        """Answer text for one choice and whether it was cut short by a token limit."""
        with self._lock:
            responder = self._responder
        if responder is not None:
            text = responder(call.body, index)
        else:
            seed = call.body.get("seed")
            suffix = "" if seed is None else f", seed={seed}"
            text = f"answer {call.seq}.{index} (t={temperature:g}{suffix})"
        text, cut = clip_words(text, max_tokens)
        if call.fault is not None and call.fault.kind == "length":
            return clip_words(text, max(1, count_tokens(text) // 2))[0], True
        return text, cut

    def _route(
        self,
        path: str,
        handler: StreamingHandler,
        method: str = "POST",
        parse: BodyParser = json_body,
    ) -> Route:
        async def endpoint(request: Request) -> Response:
            return await self._serve(request, handler, parse)

        return Route(path, endpoint, methods=[method])

    def _error_response(
        self, err: ApiError, seq: int, fault: Fault | None = None, http_status: int | None = None
    ) -> Response:
        headers = {self._request_id_header: f"req_fake_{seq}"}
        if fault is not None and isinstance(fault.retry_after, str):
            headers["retry-after"] = fault.retry_after
        elif fault is not None and fault.retry_after is not None:
            headers["retry-after"] = f"{fault.retry_after:g}"
        if fault is not None and fault.retry_after_ms is not None:
            headers["retry-after-ms"] = f"{fault.retry_after_ms:g}"
        content = json.dumps(self._error_payload(err))
        status = err.status if http_status is None else http_status
        return Response(content, status, headers, media_type="application/json")

    async def _serve(
        self, request: Request, handler: StreamingHandler, parse: BodyParser
    ) -> Response:
        # Seq and fault are taken before the first await so they follow arrival order.
        with self._lock:
            self._seq += 1
            seq, latency = self._seq, self._latency_s
        fault = self._faults.next()
        raw = await request.body()
        headers = {k.lower(): v for k, v in request.headers.items()}
        body = parse(raw, headers.get("content-type", ""))
        record = RequestRecord(
            request.method, request.url.path, headers, loggable(body), time.time()
        )
        with self._lock:
            self._log.append(record)

        def fail(fault: Fault) -> Response:
            message = fault.message or f"Injected fault: HTTP {fault.status_code}"
            message = message.replace("{api_key}", _request_key(headers))
            if fault.kind == "error_body":  # HTTP 200, the error's status in its body
                err = ApiError(fault.status_code, message, code=fault.status_code)
                return self._error_response(err, seq, fault, http_status=200)
            return self._error_response(ApiError(fault.status_code, message), seq, fault)

        def succeed() -> Response:
            try:
                if request.method == "POST" and not isinstance(body, dict):
                    raise ApiError(400, "Request body must be a JSON object.")
                path = {k: str(v) for k, v in request.path_params.items()}
                call = Call(seq, body if isinstance(body, dict) else {}, headers, fault, path)
                payload = handler(call)
            except ApiError as err:
                return self._error_response(err, seq)
            ok = {self._request_id_header: f"req_fake_{seq}"}
            if isinstance(payload, Response):  # a streamed answer, already shaped
                payload.headers.update(ok)
                return payload
            if isinstance(payload, bytes):
                return Response(payload, 200, ok, media_type="application/octet-stream")
            return Response(json.dumps(payload), 200, ok, media_type="application/json")

        stopping = self._stopping
        return await respond_with_fault(request, fault, latency, fail, succeed, stopping)


def _request_key(headers: dict[str, str]) -> str:
    """The API key a request carried (``Authorization: Bearer`` or ``x-api-key``)."""
    scheme, _, key = headers.get("authorization", "").partition(" ")
    return key.strip() if scheme.lower() == "bearer" else headers.get("x-api-key", "")


def count_tokens(text: str) -> int:
    """Whitespace token count, the fake servers' stand-in for a tokenizer."""
    return len(text.split())


def clip_words(text: str, limit: int | None) -> tuple[str, bool]:
    """Cut ``text`` to ``limit`` whitespace tokens; the flag says whether it was cut."""
    words = text.split()
    if limit is None or len(words) <= limit:
        return text, False
    return " ".join(words[: max(limit, 0)]), True


def text_of(content: object) -> str:
    """Text of a message content: a string or a list of blocks carrying ``text``."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = [b.get("text", "") for b in content if isinstance(b, dict)]
        return " ".join(p for p in parts if isinstance(p, str))
    return ""


def positive_int(body: dict[str, Any], name: str) -> int | None:
    """Optional positive integer request parameter."""
    value = body.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ApiError(400, f"{name}: expected a positive integer, got {value!r}", param=name)
    return value


def number_param(body: dict[str, Any], name: str, default: float, low: float, high: float) -> float:
    """Optional number request parameter constrained to ``[low, high]``."""
    value = body.get(name)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise ApiError(400, f"{name}: range: {low:g}..{high:g}", param=name)
    return float(value)
