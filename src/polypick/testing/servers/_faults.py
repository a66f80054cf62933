"""Fault script model, and its application to requests, shared by the fake servers."""

from __future__ import annotations

import asyncio
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

_TRANSPORT_KEY = "polypick.transport"

FaultKind = Literal[
    "ok",
    "status",
    "reset",
    "delay",
    "malformed_json",
    "truncated",
    "wrong_choices",
    "empty_content",
    "length",
    "refusal",
    "error_body",
    "trickle",
    "raw_body",
]


@dataclass(frozen=True)
class Fault:
    """One misbehaviour injected into a single request.

    Build instances with the constructors (``Fault.status(500)``, ``Fault.reset()``, ...)
    rather than directly. Transport faults (``status``, ``reset``, ``delay``,
    ``malformed_json``, ``truncated``, ``error_body``, ``trickle``, ``raw_body``) are applied by
    the shared
    request pipeline; content
    faults (``wrong_choices``, ``empty_content``, ``length``, ``refusal``) shape an
    otherwise successful response and are interpreted by each provider.
    """

    kind: FaultKind
    status_code: int = 0
    retry_after: float | str | None = None
    retry_after_ms: float | None = None
    seconds: float = 0.0
    choices: int = 0
    message: str | None = None
    body: str | None = None

    @classmethod
    def status(
        cls,
        code: int,
        *,
        retry_after: float | str | None = None,
        retry_after_ms: float | None = None,
        message: str | None = None,
    ) -> Fault:
        """Answer with HTTP ``code`` and the provider's error body.

        ``retry_after`` sets a ``Retry-After`` header: seconds, or any text as it is sent
        (``"soon"``, a malformed date); ``retry_after_ms`` a ``retry-after-ms`` header
        (milliseconds). ``message`` is the error's message; ``{api_key}`` in it becomes the
        key the request carried, as servers that echo a wrong key do.
        """
        if not 400 <= code <= 599:
            raise ValueError(f"fault status must be a 4xx/5xx code, got {code}")
        return cls(
            "status",
            status_code=code,
            retry_after=retry_after,
            retry_after_ms=retry_after_ms,
            message=message,
        )

    @classmethod
    def error_body(cls, code: int = 502, *, message: str | None = None) -> Fault:
        """Answer HTTP 200 with the provider's error body instead of a result, carrying
        ``code`` as its status, as gateways do for an error met once the model had started
        (OpenRouter: https://openrouter.ai/docs/api/reference/errors-and-debugging)."""
        if not 400 <= code <= 599:
            raise ValueError(f"the error's code must be a 4xx/5xx code, got {code}")
        return cls("error_body", status_code=code, message=message)

    @classmethod
    def raw_body(cls, body: str) -> Fault:
        """Answer HTTP 200 with exactly ``body`` as JSON, whatever the request asked."""
        return cls("raw_body", body=body)

    @classmethod
    def trickle(cls, seconds_per_byte: float) -> Fault:
        """Answer normally, but send the body one byte every ``seconds_per_byte``: each read
        is quick, the whole response is not."""
        if seconds_per_byte <= 0:
            raise ValueError("seconds_per_byte must be > 0")
        return cls("trickle", seconds=seconds_per_byte)

    @classmethod
    def ok(cls) -> Fault:
        """No fault: answer this request normally (to interleave successes in a script)."""
        return cls("ok")

    @classmethod
    def reset(cls) -> Fault:
        """Drop the connection without sending any response bytes."""
        return cls("reset")

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        """Wait ``seconds`` before answering normally (unless the client gives up first)."""
        if seconds < 0:
            raise ValueError("delay must be >= 0")
        return cls("delay", seconds=seconds)

    @classmethod
    def malformed_json(cls) -> Fault:
        """Answer 200 with a well-framed body that is not valid JSON."""
        return cls("malformed_json")

    @classmethod
    def truncated(cls) -> Fault:
        """Announce the full Content-Length, send half of the body, then close."""
        return cls("truncated")

    @classmethod
    def wrong_choices(cls, k: int) -> Fault:
        """OpenAI only: return exactly ``k`` choices whatever ``n`` asked for."""
        if k < 0:
            raise ValueError("k must be >= 0")
        return cls("wrong_choices", choices=k)

    @classmethod
    def empty_content(cls) -> Fault:
        """Succeed with empty content (``""`` for OpenAI, no blocks for Anthropic)."""
        return cls("empty_content")

    @classmethod
    def length(cls) -> Fault:
        """Cut the answer short and report finish_reason/stop_reason as length-limited."""
        return cls("length")

    @classmethod
    def refusal(cls) -> Fault:
        """Refuse: OpenAI sets ``message.refusal`` with null content; Anthropic ``refusal``."""
        return cls("refusal")


DEFAULT_RANDOM_FAULTS: tuple[Fault, ...] = (
    Fault.status(500),
    Fault.status(503),
    Fault.status(429),
    Fault.reset(),
)


class FaultPlan:
    """Thread-safe source of faults: scripted faults first, then random ones at a rate."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queue: deque[Fault] = deque()
        self._rate = 0.0
        self._kinds: tuple[Fault, ...] = DEFAULT_RANDOM_FAULTS
        self._rng = random.Random()

    def script(self, faults: Sequence[Fault]) -> None:
        """Append ``faults`` to the queue; each is consumed by one request in arrival order."""
        with self._lock:
            self._queue.extend(faults)

    def clear(self) -> None:
        """Drop queued faults and disable random faults."""
        with self._lock:
            self._queue.clear()
            self._rate = 0.0

    def set_rate(self, p: float, kinds: Sequence[Fault] | None, seed: int | None) -> None:
        """Inject a fault drawn from ``kinds`` into each unscripted request with probability p."""
        if not 0.0 <= p <= 1.0:
            raise ValueError(f"fault rate must be in [0, 1], got {p}")
        chosen = tuple(kinds) if kinds is not None else DEFAULT_RANDOM_FAULTS
        if p > 0 and not chosen:
            raise ValueError("kinds must not be empty when p > 0")
        with self._lock:
            self._rate = p
            self._kinds = chosen
            self._rng = random.Random(seed)

    @property
    def pending(self) -> int:
        """Number of scripted faults not yet consumed."""
        with self._lock:
            return len(self._queue)

    def next(self) -> Fault | None:
        """The fault for the next arriving request, or None for a clean request."""
        with self._lock:
            if self._queue:
                fault = self._queue.popleft()
                return None if fault.kind == "ok" else fault
            if self._rate > 0 and self._rng.random() < self._rate:
                return self._rng.choice(self._kinds)
            return None


def expose_transport(app: ASGIApp) -> ASGIApp:
    """Wrap ``app`` so that ``SeveredResponse`` can reach the connection's transport."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            # uvicorn's h11 `send` is a bound method of the request cycle owning the transport.
            scope[_TRANSPORT_KEY] = getattr(getattr(send, "__self__", None), "transport", None)
        await app(scope, receive, send)

    return wrapped


class SeveredResponse(Response):
    """Closes the connection instead of completing the response.

    With ``full_body`` None nothing at all is sent (a reset). Otherwise the headers announce
    ``len(full_body)`` bytes but only the first half is sent before the connection closes.
    """

    def __init__(
        self, full_body: bytes | None = None, headers: Mapping[str, str] | None = None
    ) -> None:
        self._reset = full_body is None
        full = full_body or b""
        super().__init__(
            full[: len(full) // 2],
            headers={**(headers or {}), "content-length": str(len(full))},
            media_type="application/json",
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        transport = scope.get(_TRANSPORT_KEY)
        if not isinstance(transport, asyncio.Transport):
            raise RuntimeError("connection faults need expose_transport() under uvicorn's h11")
        if self._reset:
            transport.abort()
        else:
            await send({"type": "http.response.start", "status": 200, "headers": self.raw_headers})
            await send({"type": "http.response.body", "body": self.body, "more_body": True})
            transport.close()
        # Returning before uvicorn notices the disconnect would make it log and send a 500.
        while (await receive())["type"] != "http.disconnect":
            pass


class TrickledResponse(Response):
    """Sends its body one byte at a time, ``seconds`` apart; stops when the client leaves or
    the server stops."""

    def __init__(
        self,
        body: bytes,
        headers: Mapping[str, str],
        seconds: float,
        stopping: Callable[[], bool],
    ) -> None:
        super().__init__(body, headers=dict(headers))
        self._seconds = seconds
        self._stopping = stopping

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": self.raw_headers})
        body = bytes(self.body)
        for i in range(len(body)):
            if self._stopping():
                break
            try:
                await send(
                    {"type": "http.response.body", "body": body[i : i + 1], "more_body": True}
                )
            except OSError:  # the client left
                return
            await asyncio.sleep(self._seconds)
        await send({"type": "http.response.body", "body": b"", "more_body": False})


async def sleep_interruptibly(
    request: Request, seconds: float, stopping: Callable[[], bool]
) -> bool:
    """Sleep ``seconds``; return True early if the client disconnects or the server stops.

    Ending early keeps abandoned slow requests from stalling shutdown.
    """
    deadline = time.monotonic() + seconds
    while (remaining := deadline - time.monotonic()) > 0:
        if stopping() or await request.is_disconnected():
            return True
        await asyncio.sleep(min(remaining, 0.05))
    return False


async def respond_with_fault(
    request: Request,
    fault: Fault | None,
    latency_s: float,
    fail: Callable[[Fault], Response],
    succeed: Callable[[], Response],
    stopping: Callable[[], bool],
) -> Response:
    """Apply the shared latency and transport faults around a provider's handling.

    ``fail`` renders a ``status`` fault in the provider's error shape; ``succeed`` handles
    the request normally (content faults are the provider's business). When the client
    leaves or the server stops during a delay, the connection is dropped.
    """
    gone = await sleep_interruptibly(request, latency_s, stopping)
    if not gone and fault is not None and fault.kind == "delay":
        gone = await sleep_interruptibly(request, fault.seconds, stopping)
    if gone:
        return SeveredResponse()
    if fault is not None and fault.kind in ("status", "error_body"):
        return fail(fault)
    if fault is not None and fault.kind == "raw_body":
        return Response(fault.body, 200, media_type="application/json")
    if fault is not None and fault.kind == "reset":
        return SeveredResponse()
    response = succeed()
    if fault is not None and fault.kind == "trickle" and response.status_code == 200:
        return TrickledResponse(bytes(response.body), response.headers, fault.seconds, stopping)
    if fault is None or fault.kind not in ("malformed_json", "truncated"):
        return response
    if response.status_code != 200:
        return response
    headers = {k: v for k, v in response.headers.items() if k != "content-length"}
    data = bytes(response.body)
    if fault.kind == "malformed_json":
        # Half a JSON object is never valid JSON, yet the framing stays correct.
        return Response(data[: len(data) // 2], 200, headers)
    return SeveredResponse(data, headers)
