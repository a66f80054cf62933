"""Deterministic request keys, written as provider ``custom_id`` values.

A request is known by where it comes from and what it says: the prompt's position in the
dataset, the role of the model (``sample`` or ``judge``), an ordinal that tells identical
requests of one prompt apart (N stochastic samples without seeds are the same request N times),
and a digest of the request body. A rerun of the same job rebuilds the same keys in the same
order, which is what lets it find the results of an interrupted run in the job store.

The written form fits both providers' rules for ``custom_id`` (Anthropic: ``[a-zA-Z0-9_-]``,
at most 64 characters).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from polypick.errors import ConfigurationError

__all__ = ["ROLES", "RequestKey", "Role", "request_digest"]

Role = Literal["sample", "judge"]
ROLES: tuple[Role, ...] = ("sample", "judge")
DIGEST_CHARS = 24  # 96 bits: collisions are out of reach for any dataset
_DIGEST = re.compile(f"[0-9a-f]{{{DIGEST_CHARS}}}")
_PATTERN = re.compile(rf"p(\d+)-(sample|judge)-(\d+)-({_DIGEST.pattern})")


def request_digest(body: Mapping[str, Any]) -> str:
    """A short hex digest of a request body, independent of key order."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()[:DIGEST_CHARS]


@dataclass(frozen=True, order=True)
class RequestKey:
    """Which request this is: prompt position, role, ordinal among identical ones, digest."""

    prompt: int
    role: Role
    ordinal: int
    digest: str

    def __post_init__(self) -> None:
        if self.prompt < 0 or self.ordinal < 0 or self.role not in ROLES:
            raise ConfigurationError(f"invalid request key {self!r}")
        if not _DIGEST.fullmatch(self.digest):
            raise ConfigurationError(f"a request digest is {DIGEST_CHARS} hex digits")

    @property
    def custom_id(self) -> str:
        return f"p{self.prompt}-{self.role}-{self.ordinal}-{self.digest}"

    @classmethod
    def parse(cls, custom_id: str) -> RequestKey:
        """The key a ``custom_id`` was written from."""
        match = _PATTERN.fullmatch(custom_id)
        if match is None:
            raise ConfigurationError(
                f"{custom_id!r} is not a polypick batch custom_id "
                "(expected p<prompt>-<sample|judge>-<ordinal>-<digest>)"
            )
        prompt, role, ordinal, digest = match.groups()
        return cls(int(prompt), role, int(ordinal), digest)  # type: ignore[arg-type]
