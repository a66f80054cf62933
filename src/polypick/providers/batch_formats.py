"""The batch APIs' line formats, as pure functions: building input, reading results.

OpenAI takes a JSONL file of ``{"custom_id", "method", "url", "body"}`` lines and answers with an
output file (successes) and an error file (HTTP errors per request, and requests the batch never
ran: ``batch_expired``, ``batch_cancelled``). Anthropic takes ``{"custom_id", "params"}``
requests and answers with JSONL results of type ``succeeded``, ``errored``, ``canceled`` or
``expired``. Both are read into :class:`ItemOutcome`: the response body, or an
:class:`ItemError` that says whether another attempt may help.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from polypick.core.batching import ItemError, ItemOutcome
from polypick.errors import RETRYABLE_STATUS, InvalidResponseError
from polypick.providers.sdk_errors import ANTHROPIC_STATUS

__all__ = [
    "CHAT_ENDPOINT",
    "anthropic_outcome",
    "anthropic_requests",
    "decode_jsonl",
    "encode_jsonl",
    "openai_input",
    "openai_outcome",
]

CHAT_ENDPOINT = "/v1/chat/completions"


def encode_jsonl(records: Iterable[Mapping[str, Any]]) -> bytes:
    """One compact JSON object per line, UTF-8, newline-terminated."""
    lines = (json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)
    return "".join(lines).encode()


def decode_jsonl(data: bytes | str) -> list[dict[str, Any]]:
    """The objects of a JSONL text; blank lines are skipped, anything else malformed raises."""
    text = data.decode() if isinstance(data, bytes) else data
    records = []
    # only "\n" ends a line: str.splitlines() would also split inside strings at U+2028 etc.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise InvalidResponseError(f"line {number} of a batch file is not JSON: {exc}") from exc
        if not isinstance(record, dict):
            raise InvalidResponseError(f"line {number} of a batch file is not a JSON object")
        records.append(record)
    return records


def openai_input(items: Sequence[tuple[str, Mapping[str, Any]]]) -> bytes:
    """The JSONL input file of an OpenAI batch of chat completions."""
    return encode_jsonl(
        {"custom_id": custom_id, "method": "POST", "url": CHAT_ENDPOINT, "body": dict(body)}
        for custom_id, body in items
    )


def anthropic_requests(items: Sequence[tuple[str, Mapping[str, Any]]]) -> list[dict[str, Any]]:
    """The ``requests`` of an Anthropic Message Batch."""
    return [{"custom_id": custom_id, "params": dict(body)} for custom_id, body in items]


def openai_outcome(line: Mapping[str, Any]) -> ItemOutcome:
    """Read one line of an OpenAI batch's output or error file."""
    custom_id = str(line.get("custom_id", ""))
    response = line.get("response")
    if isinstance(response, Mapping):
        status = response.get("status_code")
        body = response.get("body")
        if status == 200 and isinstance(body, dict):
            return ItemOutcome(custom_id, body=body)
        code = int(status) if isinstance(status, int) else 0
        error = _error_object(body)
        return ItemOutcome(
            custom_id,
            error=ItemError(
                message=str(error.get("message") or f"HTTP {code}"),
                code=str(error.get("code") or error.get("type") or "http_error"),
                status_code=code,
                retryable=_retryable(code),
            ),
        )
    error = _error_object(line)
    return ItemOutcome(
        custom_id,
        error=ItemError(
            message=str(error.get("message") or "the batch returned no result for this request"),
            code=str(error.get("code") or "batch_error"),
        ),
    )


def anthropic_outcome(line: Mapping[str, Any]) -> ItemOutcome:
    """Read one result of an Anthropic Message Batch."""
    custom_id = str(line.get("custom_id", ""))
    result = line.get("result")
    result = result if isinstance(result, Mapping) else {}
    kind = str(result.get("type", "missing"))
    if kind == "succeeded" and isinstance(result.get("message"), dict):
        return ItemOutcome(custom_id, body=result["message"])
    if kind == "errored":
        error = _error_object(result.get("error"))
        code = str(error.get("type") or "api_error")
        status = ANTHROPIC_STATUS.get(code, 500)  # unknown types: treat as a server error
        message = str(error.get("message") or code)
        item_error = ItemError(message, code, status_code=status, retryable=_retryable(status))
        return ItemOutcome(custom_id, error=item_error)
    message = f"the batch ended with this request {kind}"
    return ItemOutcome(custom_id, error=ItemError(message, code=kind))


def _retryable(status: int) -> bool:
    return status in RETRYABLE_STATUS or status >= 500


def _error_object(container: object) -> dict[str, Any]:
    """The ``error`` object inside a response body or a result, or ``{}``."""
    if isinstance(container, Mapping):
        error = container.get("error")
        if isinstance(error, Mapping):
            inner = error.get("error")  # Anthropic nests {"type": "error", "error": {...}}
            return dict(inner) if isinstance(inner, Mapping) else dict(error)
    return {}
