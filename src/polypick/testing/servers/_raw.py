"""The fake batch servers' request pipeline: like ``FakeServer``'s, with the same request log,
faults and latency, but bodies may be multipart forms (file uploads) and answers raw bytes (file
contents, JSONL results), and handlers see the path parameters."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ._faults import Fault, respond_with_fault
from ._runner import ApiError, FakeServer, RequestRecord


@dataclass(frozen=True)
class RawCall:
    """What a batch endpoint sees of one request: JSON or form fields, and path parameters."""

    seq: int
    body: dict[str, Any]
    headers: dict[str, str]
    path: dict[str, str]


RawHandler = Callable[[RawCall], "dict[str, Any] | bytes"]


class RawEndpoints(FakeServer):
    """Adds ``_raw_route`` to a fake server; handlers run under ``self._batch_lock``."""

    _batch_lock: threading.RLock

    def _raw_route(self, path: str, handler: RawHandler, method: str = "POST") -> Route:
        async def endpoint(request: Request) -> Response:
            return await self._serve_raw(request, handler)

        return Route(path, endpoint, methods=[method])

    async def _serve_raw(self, request: Request, handler: RawHandler) -> Response:
        """Like ``FakeServer._serve``, but bodies may be multipart and answers raw bytes."""
        with self._lock:
            self._seq += 1
            seq, latency = self._seq, self._latency_s
        fault = self._faults.next()
        raw = await request.body()
        headers = {k.lower(): v for k, v in request.headers.items()}
        body = _parse_body(raw, headers.get("content-type", ""))
        logged = {k: v for k, v in (body or {}).items() if not isinstance(v, bytes)}
        record = RequestRecord(request.method, request.url.path, headers, logged, time.time())
        with self._lock:
            self._log.append(record)

        def fail(fault: Fault) -> Response:
            err = ApiError(fault.status_code, f"Injected fault: HTTP {fault.status_code}")
            return self._error_response(err, seq, fault)

        def succeed() -> Response:
            params = {k: str(v) for k, v in request.path_params.items()}
            try:
                if body is None:
                    raise ApiError(400, "The request body must be a JSON object or a form.")
                self._check_key(headers)
                call = RawCall(seq, body, headers, params)
                with self._batch_lock:
                    payload = handler(call)
            except ApiError as err:
                return self._error_response(err, seq)
            ok = {self._request_id_header: f"req_fake_{seq}"}
            if isinstance(payload, bytes):
                return Response(payload, 200, ok, media_type="application/octet-stream")
            return Response(json.dumps(payload), 200, ok, media_type="application/json")

        return await respond_with_fault(request, fault, latency, fail, succeed, self._stopping)

    def _check_key(self, headers: dict[str, str]) -> None:
        if not headers.get("authorization") and not headers.get("x-api-key"):
            raise ApiError(401, "No API key was provided.")


def _parse_body(raw: bytes, content_type: str) -> dict[str, Any] | None:
    """A JSON object, or the fields of a multipart form (file fields as bytes plus a name);
    ``None`` for anything else."""
    if not raw:
        return {}
    if content_type.startswith("multipart/form-data"):
        head = f"Content-Type: {content_type}\r\n\r\n".encode()
        message = BytesParser(policy=HTTP).parsebytes(head + raw)
        fields: dict[str, Any] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            data = part.get_payload(decode=True)
            if isinstance(name, str) and isinstance(data, bytes):
                filename = part.get_filename()
                fields[name] = data if filename else data.decode()
                if filename:
                    fields[f"{name}.filename"] = filename
        return fields
    try:
        body = json.loads(raw)
    except ValueError:
        return None
    return body if isinstance(body, dict) else None
