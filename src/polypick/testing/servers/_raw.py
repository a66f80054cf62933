"""How the fake servers read request bodies: JSON for the provider endpoints; JSON or
multipart forms (file uploads) for the batch endpoints. Uploaded files stay out of the log."""

from __future__ import annotations

import json
from collections.abc import Callable
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

__all__ = ["BodyParser", "form_or_json_body", "json_body", "loggable"]

BodyParser = Callable[[bytes, str], Any]
"""Reads a request body from its bytes and content type; ``None`` when it cannot. A POST whose
body is not read into a dict is refused."""


def json_body(raw: bytes, content_type: str) -> Any:
    """The JSON value of a body, or ``None`` when it is empty or not JSON."""
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return None


def form_or_json_body(raw: bytes, content_type: str) -> dict[str, Any] | None:
    """A JSON object, or the fields of a multipart form (file fields as bytes plus a name);
    ``{}`` for no body and ``None`` for anything else."""
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
    body = json_body(raw, content_type)
    return body if isinstance(body, dict) else None


def loggable(body: Any) -> Any:
    """A parsed body for the request log: uploaded files (bytes) left out."""
    if isinstance(body, dict):
        return {k: v for k, v in body.items() if not isinstance(v, bytes)}
    return body
