"""Fake OpenAI Batch API: files and batches over the fake Chat Completions server."""

from __future__ import annotations

import json
import time
from typing import Any

from starlette.routing import Route

from ._batch import BatchLifecycle, FakeBatch
from ._runner import ApiError, Call, Responder
from .openai import FakeOpenAIServer

_ENDPOINT = "/v1/chat/completions"
_UNANSWERED = {
    "expired": ("batch_expired", "This request could not be executed before the completion "
                "window expired."),
    "cancelled": ("batch_cancelled", "This request was not executed because the batch was "
                  "cancelled."),
}  # fmt: skip


class FakeOpenAIBatchServer(BatchLifecycle, FakeOpenAIServer):
    """The fake OpenAI server plus the Files and Batch APIs, on 127.0.0.1.

    Upload a JSONL file with ``purpose="batch"``, create a batch over it and poll it through the
    real SDK (``base_url + "/v1"``). A batch goes ``validating`` → ``in_progress`` →
    ``finalizing`` → ``completed`` one step per tick (``step_s`` seconds, or ``advance()`` when
    ``step_s`` is None), answering ``items_per_step`` items per tick (all at once by default)
    with the fake chat logic; an invalid input file fails validation (``failed``, with
    ``errors``), ``expire()`` and ``cancel`` end it early. Successful lines go to the output
    file, failed ones (``fail_items``, invalid bodies, expired or cancelled items) to the error
    file. ``uploads`` and ``batches`` count what was submitted.
    """

    def __init__(
        self,
        *,
        step_s: float | None = 0.02,
        items_per_step: int | None = None,
        responder: Responder | None = None,
        latency_s: float = 0.0,
        model: str = "fake-gpt",
    ) -> None:
        self._init_batches(step_s, items_per_step)
        self._files: dict[str, dict[str, Any]] = {}
        self._contents: dict[str, bytes] = {}
        self._meta: dict[str, dict[str, Any]] = {}  # per batch: its input and result files
        super().__init__(latency_s=latency_s, responder=responder, model=model)

    @property
    def uploads(self) -> int:
        """Files uploaded with ``purpose="batch"``."""
        with self._batch_lock:
            return sum(1 for f in self._files.values() if f["purpose"] == "batch")

    def _routes(self) -> list[Route]:
        return [
            *super()._routes(),
            self._raw_route("/v1/files", self._upload),
            self._raw_route("/v1/files/{file_id}", self._file, "GET"),
            self._raw_route("/v1/files/{file_id}/content", self._content, "GET"),
            self._raw_route("/v1/batches", self._create, "POST"),
            self._raw_route("/v1/batches", self._list, "GET"),
            self._raw_route("/v1/batches/{batch_id}", self._retrieve, "GET"),
            self._raw_route("/v1/batches/{batch_id}/cancel", self._cancel_route),
        ]

    # -- files ---------------------------------------------------------------------------

    def _store_file(self, data: bytes, filename: str, purpose: str) -> dict[str, Any]:
        file_id = f"file-fake{len(self._files) + 1}"
        self._contents[file_id] = data
        info = {
            "id": file_id,
            "object": "file",
            "bytes": len(data),
            "created_at": int(time.time()),
            "filename": filename,
            "purpose": purpose,
            "status": "processed",
        }
        self._files[file_id] = info
        return info

    def _upload(self, call: Call) -> dict[str, Any]:
        data, purpose = call.body.get("file"), call.body.get("purpose")
        if not isinstance(data, bytes):
            raise ApiError(400, "'file' is a required multipart field.", param="file")
        if purpose != "batch":
            raise ApiError(400, f"This fake only accepts purpose 'batch', got {purpose!r}.")
        return self._store_file(data, str(call.body.get("file.filename", "upload")), purpose)

    def _file(self, call: Call) -> dict[str, Any]:
        file_id = call.path["file_id"]
        if file_id not in self._files:
            raise ApiError(404, f"No such File object: {file_id}")
        return self._files[file_id]

    def _content(self, call: Call) -> bytes:
        self._file(call)
        return self._contents[call.path["file_id"]]

    # -- batches -------------------------------------------------------------------------

    def _create(self, call: Call) -> dict[str, Any]:
        body = call.body
        file_id = body.get("input_file_id")
        if body.get("endpoint") != _ENDPOINT:
            raise ApiError(400, f"This fake serves only endpoint {_ENDPOINT}.", param="endpoint")
        if body.get("completion_window") != "24h":
            raise ApiError(400, "completion_window must be '24h'.", param="completion_window")
        if not isinstance(file_id, str) or self._files.get(file_id, {}).get("purpose") != "batch":
            raise ApiError(400, f"Invalid input_file_id {file_id!r}.", param="input_file_id")
        items, errors = _read_input(self._contents[file_id])
        batch = FakeBatch(
            id=f"batch_fake{len(self._batches) + 1}",
            items=items,
            headers={"authorization": call.headers.get("authorization", "")},
            created=time.time(),
            errors=errors,
        )
        self._meta[batch.id] = {"input_file_id": file_id, "metadata": body.get("metadata")}
        self._add_batch(batch)
        return self._render(batch)

    def _list_fields(self) -> dict[str, Any]:
        return {"object": "list"}

    def _answer_item(
        self, batch: FakeBatch, custom_id: str, body: dict[str, Any], failure: int | None
    ) -> dict[str, Any]:
        request_id = f"req_fake_item{self._item_seq}"
        try:
            if failure is not None:
                raise ApiError(failure, f"Injected item failure: HTTP {failure}")
            payload = self._chat(Call(self._next_seq(), body, batch.headers, None))
            status = 200
        except ApiError as err:
            payload, status = self._error_payload(err), err.status
        response = {"status_code": status, "request_id": request_id, "body": payload}
        return {"id": f"batch_req_{self._item_seq}", "custom_id": custom_id,
                "response": response, "error": None}  # fmt: skip

    def _unanswered_item(self, batch: FakeBatch, custom_id: str, end: str) -> dict[str, Any]:
        code, message = _UNANSWERED[end]
        return {"id": f"batch_req_{custom_id}", "custom_id": custom_id, "response": None,
                "error": {"code": code, "message": message}}  # fmt: skip

    def _finish(self, batch: FakeBatch, end: str) -> None:
        super()._finish(batch, end)
        ok = [o for o in batch.outcomes.values() if _succeeded(o)]
        bad = [o for o in batch.outcomes.values() if not _succeeded(o)]
        meta = self._meta[batch.id]
        for key, lines in (("output_file_id", ok), ("error_file_id", bad)):
            if lines:
                data = "".join(json.dumps(line) + "\n" for line in lines).encode()
                name = f"{batch.id}_{key.split('_')[0]}.jsonl"
                meta[key] = self._store_file(data, name, "batch_output")["id"]

    def _render(self, batch: FakeBatch) -> dict[str, Any]:
        meta = self._meta.get(batch.id, {})
        status = batch.end if batch.phase == "ended" else batch.phase
        ok = sum(1 for o in batch.outcomes.values() if _succeeded(o))
        stamps = {f"{k}_at": int(v) for k, v in batch.stamps.items() if k not in ("ended",)}
        stamps.pop("validating_at", None)
        errors = {"object": "list", "data": batch.errors} if batch.errors else None
        model = next((b.get("model") for _, b in batch.items if isinstance(b, dict)), None)
        return {
            "id": batch.id,
            "object": "batch",
            "endpoint": _ENDPOINT,
            "errors": errors,
            "input_file_id": meta.get("input_file_id", ""),
            "completion_window": "24h",
            "status": status,
            "output_file_id": meta.get("output_file_id"),
            "error_file_id": meta.get("error_file_id"),
            "created_at": int(batch.created),
            "expires_at": int(batch.created) + 86400,
            **stamps,
            "request_counts": {
                "total": len(batch.items),
                "completed": ok,
                "failed": len(batch.outcomes) - ok,
            },
            "metadata": meta.get("metadata"),
            "model": model,
        }


def _succeeded(line: dict[str, Any]) -> bool:
    response = line.get("response")
    return isinstance(response, dict) and response.get("status_code") == 200


def _read_input(data: bytes) -> tuple[list[tuple[str, dict[str, Any]]], list[dict[str, Any]]]:
    """The input file's items, and the validation errors that fail the batch (as OpenAI does)."""
    items: list[tuple[str, dict[str, Any]]] = []
    errors: list[dict[str, Any]] = []
    models: set[str] = set()
    seen: set[str] = set()

    def error(code: str, line: int, message: str) -> None:
        errors.append({"code": code, "line": line, "message": message, "param": None})

    lines = data.decode(errors="replace").split("\n")
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            line = json.loads(text)
        except ValueError:
            error("invalid_json_line", number, "This line is not parseable as valid JSON.")
            continue
        custom_id = line.get("custom_id") if isinstance(line, dict) else None
        body = line.get("body") if isinstance(line, dict) else None
        if not isinstance(custom_id, str) or not isinstance(body, dict):
            error("invalid_request", number, "Each line needs a custom_id and a body.")
        elif line.get("method") != "POST" or line.get("url") != _ENDPOINT:
            error("mismatched_endpoint", number, f"Each line must be POST {_ENDPOINT}.")
        elif custom_id in seen:
            error("duplicate_custom_id", number, f"The custom_id {custom_id!r} is repeated.")
        else:
            items.append((custom_id, body))
            seen.add(custom_id)
            models.add(str(body.get("model")))
    if len(models) > 1:
        error("mismatched_model", 0, f"A batch may use only one model, got {sorted(models)}.")
    if not items and not errors:
        error("empty_file", 0, "The input file has no requests.")
    return items, errors
