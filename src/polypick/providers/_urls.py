"""URLs as they may be shown or stored: without the credentials some users embed in them."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

__all__ = ["without_credentials"]


def without_credentials(url: str | None) -> str | None:
    """``url`` without ``user:secret@`` (``None`` stays ``None``)."""
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc))
