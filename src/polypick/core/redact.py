"""Secrets kept out of everything polypick shows: error messages, log lines, traces, the
``Selection``, the command line's output and ``polypick serve``'s answers.

An upstream may echo a key back ("Incorrect API key provided: sk-..."), a URL may carry a
password, a log line may quote a header. Two kinds of secret are replaced by ``[redacted]``:

- the keys polypick was given: every provider records its key with :func:`remember_secret`
  when it is built, and ``polypick serve`` its own;
- text shaped like a key of a known kind (``sk-...``, ``sk-ant-...``, ``AIza...``, ``hf_...``,
  ``ghp_...``, ``AKIA...``, ``Bearer <token>``, ``api_key=<value>``, ``user:password@`` in a
  URL), wherever it came from.

:func:`redact` is applied where upstream text enters polypick's errors (the providers' error
mapping) and again where anything leaves it (error records, trace events, log records, the
command line, serve's error answers), so a path that forgets one still has the other.
Candidates' texts are answers and are left as they are.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Mapping
from typing import Any

__all__ = ["REDACTED", "RedactingFilter", "get_logger", "redact", "redact_data", "remember_secret"]

REDACTED = "[redacted]"
MIN_SECRET_CHARS = 8
"""Shorter values are never treated as secrets: redacting them would garble ordinary text."""

# Kinds of key recognisable by their shape; a group named "keep..." is left in place.
_SHAPES = (
    r"\bsk-(?:ant-|proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{16,}",  # OpenAI, Anthropic
    r"\bAIza[0-9A-Za-z_\-]{35}",  # Google
    r"\bhf_[A-Za-z0-9]{30,}",  # Hugging Face
    r"\b(?:gsk|xai|pplx|csk)[_-][A-Za-z0-9]{30,}",  # Groq, xAI, Perplexity, Cerebras
    r"\bgh[pousr]_[A-Za-z0-9]{30,}|\bgithub_pat_[A-Za-z0-9_]{40,}",  # GitHub
    r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b",  # AWS access key ids
    r"\bxox[abprs]-[A-Za-z0-9\-]{10,}",  # Slack
    r"(?P<keep1>\b[Bb]earer\s+)[A-Za-z0-9._~+/=\-]{12,}",
    r"(?P<keep2>\b(?:api[_-]?key|apikey|x-api-key|secret|token|password)[\"']?\s*[:=]\s*[\"']?)"
    r"[^\s\"',;&]{8,}",
    r"(?P<keep3>://[^/\s:@]+:)[^/\s@]+(?=@)",  # a URL's password
)
_SHORTEST = 7
"""The fewest characters any secret can take: ``://u:p@``, a URL's one-letter password."""
_SHAPE = re.compile("|".join(f"(?:{shape})" for shape in _SHAPES), re.IGNORECASE)
# Every shape above contains one of these (case-folded, as the shapes match regardless of
# case). A text without any skips the pattern, which tries every shape at every position:
# 40 µs for a few lines of ordinary text, against 2 µs for this search.
_MARKERS = (
    "sk-", "aiza", "hf_", "gsk", "xai", "pplx", "csk", "ghp_", "gho_", "ghu_", "ghs_", "ghr_",
    "github_pat_", "akia", "asia", "xox", "bearer", "api_key", "api-key", "apikey", "secret",
    "token", "password", "://",
)  # fmt: skip
_MARKER = re.compile("|".join(re.escape(marker) for marker in _MARKERS))

_lock = threading.Lock()
_secrets: frozenset[str] = frozenset()
_known: re.Pattern[str] | None = None


def remember_secret(value: str | None) -> None:
    """Redact ``value`` from now on, wherever it appears (values under
    :data:`MIN_SECRET_CHARS` characters are ignored)."""
    global _secrets, _known
    if not value or len(value) < MIN_SECRET_CHARS or value in _secrets:
        return
    with _lock:
        _secrets = _secrets | {value}
        longest_first = sorted(_secrets, key=len, reverse=True)
        _known = re.compile("|".join(re.escape(s) for s in longest_first))


def _keep(match: re.Match[str]) -> str:
    kept = next((value for value in match.groupdict().values() if value), "")
    return kept + REDACTED


def redact(text: str) -> str:
    """``text`` with every remembered secret and every key-shaped string replaced."""
    if len(text) < _SHORTEST:  # no remembered secret or key shape fits
        return text
    known = _known
    if known is not None:
        text = known.sub(REDACTED, text)
    if _MARKER.search(text.casefold()) is None:
        return text
    return _SHAPE.sub(_keep, text)


_SCALARS = frozenset({int, float, bool})


def redact_data(value: Any) -> Any:
    """``value`` with :func:`redact` applied to every string in it (dicts, lists, tuples)."""
    if value is None or type(value) in _SCALARS:  # most of a trace event: numbers and flags
        return value
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, Mapping):
        return {key: redact_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(redact_data(item) for item in value)
    return value


class RedactingFilter(logging.Filter):
    """Redacts a record's message, and its traceback, before any handler sees them."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = redact(record.getMessage()), None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def get_logger(name: str) -> logging.Logger:
    """``logging.getLogger(name)`` with a :class:`RedactingFilter` (polypick's loggers)."""
    logger = logging.getLogger(name)
    if not any(isinstance(f, RedactingFilter) for f in logger.filters):
        logger.addFilter(RedactingFilter())
    return logger
