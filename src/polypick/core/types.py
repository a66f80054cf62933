"""The data that flows through polypick: messages, sampling parameters, candidates and the result.

Everything here is a pydantic model so that a :class:`Selection` serialises to JSON as a whole.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from typing import Any, Literal, cast

from pydantic import BaseModel, ConfigDict, Field, computed_field

from polypick.core.redact import redact
from polypick.errors import ConfigurationError

__all__ = [
    "CACHED",
    "INJECTION",
    "Candidate",
    "Completion",
    "ErrorInfo",
    "Message",
    "PromptInput",
    "SamplingParams",
    "Selection",
    "SelectionFailure",
    "Step",
    "ToolCall",
    "TraceEvent",
    "Usage",
    "UsageReport",
    "prompt_text",
    "to_messages",
]

Role = Literal["system", "user", "assistant"]

CACHED = "cached"
"""The flag of a candidate whose completion came from a sample cache (``Completion.cached``)."""
INJECTION = "injection"
"""The flag of a candidate whose text looks aimed at the judge."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class _Record(BaseModel):
    # Results carry computed fields in their JSON; reading that JSON back ignores them.
    model_config = ConfigDict(frozen=True, extra="ignore")


class Message(_Frozen):
    """One chat message."""

    role: Role
    content: str


PromptInput = str | Message | Mapping[str, Any] | Sequence[Message | Mapping[str, Any]]
"""What ``invoke`` accepts: a string, or :class:`Message` objects or role/content dicts."""


def to_messages(prompt: PromptInput) -> tuple[Message, ...]:
    """Normalise a prompt into chat messages, rejecting empty or malformed input."""
    if isinstance(prompt, str):
        items: Sequence[Message | Mapping[str, Any]] = [{"role": "user", "content": prompt}]
    elif isinstance(prompt, Message | Mapping):
        items = [prompt]
    elif isinstance(prompt, Sequence):
        items = cast(Sequence[Message | Mapping[str, Any]], prompt)
    else:
        raise ConfigurationError(
            f"cannot read {prompt!r} as a prompt; pass a string or a list of chat messages"
        )
    messages = tuple(_to_message(item) for item in items)
    if not messages:
        raise ConfigurationError("the prompt has no messages; pass a string or a list of messages")
    if not any(m.role == "user" and m.content.strip() for m in messages):
        raise ConfigurationError("the prompt is empty; give at least one non-empty user message")
    for index, message in enumerate(messages):
        _check_unicode(message.content, index)
    return messages


def _check_unicode(text: str, index: int) -> None:
    # A lone surrogate (text decoded with errors="surrogateescape", a broken "\ud8xx" escape)
    # cannot be sent as UTF-8: refuse it here rather than have every request fail.
    if text.isascii():
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ConfigurationError(
            f"message {index} holds {text[exc.start]!r} at character {exc.start}, a lone "
            "surrogate that cannot be sent as UTF-8; decode the input with errors='replace' "
            "or remove the character"
        ) from None


def prompt_text(messages: Sequence[Message]) -> str:
    """The prompt's own text: its last user message (whose language is the prompt's)."""
    return next((m.content for m in reversed(messages) if m.role == "user"), "")


def _to_message(item: Message | Mapping[str, Any]) -> Message:
    if isinstance(item, Message):
        return item
    if not isinstance(item, Mapping) or "role" not in item or "content" not in item:
        raise ConfigurationError(
            f"cannot read {item!r} as a chat message; use {{'role': 'user', 'content': '...'}}"
        )
    if item["role"] not in ("system", "user", "assistant"):
        raise ConfigurationError(
            f"unknown message role {item['role']!r}; use 'system', 'user' or 'assistant'"
        )
    if not isinstance(item["content"], str):
        raise ConfigurationError("message content must be a string")
    return Message(role=item["role"], content=item["content"])


class SamplingParams(_Frozen):
    """The decoding parameters of one sample. ``temperature == 0`` means greedy decoding."""

    temperature: float = Field(ge=0.0)
    top_p: float | None = Field(default=None, gt=0.0, le=1.0)
    min_p: float | None = Field(default=None, ge=0.0, le=1.0)
    seed: int | None = None
    max_tokens: int | None = Field(default=None, ge=1)
    stop: tuple[str, ...] = ()

    @property
    def greedy(self) -> bool:
        return self.temperature == 0.0

    def without_seed(self) -> SamplingParams:
        return self.model_copy(update={"seed": None})


class Usage(_Record):
    """Requests sent and tokens billed."""

    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            requests=self.requests + other.requests,
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
        )


class UsageReport(_Record):
    """Usage of one call, split between generating candidates and selecting among them."""

    generation: Usage = Usage()
    selection: Usage = Usage()

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total(self) -> Usage:
        return self.generation + self.selection


class ToolCall(_Record):
    """A tool call a model asked for: the tool's name and its arguments."""

    name: str
    arguments: dict[str, Any] = Field(default_factory=dict)
    id: str | None = None

    def key(self) -> str:
        """A canonical form for comparing calls: name plus arguments with sorted keys."""
        return self.name + json.dumps(self.arguments, sort_keys=True, ensure_ascii=False)


class Completion(_Record):
    """What a provider returns for one choice of one request; ``text`` may be empty when the
    model answered with tool calls."""

    text: str
    tool_calls: tuple[ToolCall, ...] = ()
    finish_reason: str | None = None
    usage: Usage = Usage()
    model: str | None = None
    cached: bool = Field(
        default=False,
        description="served from a sample cache (polypick.cache), not drawn from the model now; "
        "usage is then what it cost when it was drawn",
    )


class ErrorInfo(_Record):
    """A failure, kept as data so that a :class:`Selection` stays serialisable."""

    type: str
    message: str
    status_code: int | None = None
    attempts: int = 1

    @classmethod
    def from_exception(cls, exc: BaseException, attempts: int = 1) -> ErrorInfo:
        return cls(
            type=type(exc).__name__,
            message=redact(str(exc)),
            status_code=getattr(exc, "status_code", None),
            attempts=attempts,
        )


class Candidate(_Record):
    """One sample: its text, how it was sampled, and what it cost.

    ``usage`` is this sample's share of its request: when one request returned several choices,
    the prompt tokens (billed once) sit on the first of them and the completion tokens are
    spread over all, so summing candidates always gives the billed total. ``request`` numbers
    the request that produced the sample, so shared requests are visible.
    """

    text: str
    tool_calls: tuple[ToolCall, ...] = ()
    params: SamplingParams | None = Field(
        default=None, description="how it was sampled; None for candidates given to select()"
    )
    greedy: bool = False
    sample: int = Field(default=0, description="position in the sampling plan")
    request: int | None = Field(default=None, description="which request produced this sample")
    language: str | None = None
    finish_reason: str | None = None
    usage: Usage = Usage()
    latency_s: float = 0.0
    attempts: int = 1
    error: ErrorInfo | None = None
    flags: tuple[str, ...] = Field(
        default=(), description="what checks found, e.g. 'injection' for text aimed at the judge"
    )

    @computed_field  # type: ignore[prop-decorator]
    @property
    def temperature(self) -> float | None:
        return None if self.params is None else self.params.temperature

    @property
    def ok(self) -> bool:
        return self.error is None


class SelectionFailure(_Record):
    """A selection-stage call (a judge or reward call) that failed."""

    stage: str
    candidate: int | None = None
    error: ErrorInfo


class TraceEvent(_Record):
    """One thing that happened during a call, ``t`` seconds after it started."""

    t: float
    event: str
    data: dict[str, Any] = Field(default_factory=dict)


class Selection(_Record):
    """The result of a best-of-N call: the chosen answer and everything that led to it.

    Attributes:
        text: the selected candidate's text.
        language: the prompt's detected language (ISO 639-1), if any; each candidate has its own,
            and ``off_language`` lists the candidates written in another one.
        index: the selected candidate's position in ``candidates``.
        candidates: the samples that succeeded, in sampling-plan order.
        scores: one score per candidate from the selector (``None`` where it has none).
        failures: the samples that failed, each with its error.
        selection_failures: judge or reward calls that failed.
        usage: requests and tokens, for generation and selection separately.
        trace: what happened, in order.
    """

    text: str
    index: int
    candidates: tuple[Candidate, ...]
    scores: tuple[float | None, ...]
    selector: str
    llm: str
    language: str | None = None
    failures: tuple[Candidate, ...] = ()
    selection_failures: tuple[SelectionFailure, ...] = ()
    usage: UsageReport = UsageReport()
    latency_s: float = 0.0
    trace: tuple[TraceEvent, ...] = ()

    @property
    def best(self) -> Candidate:
        return self.candidates[self.index]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def off_language(self) -> tuple[int, ...]:
        """Candidates detected in another language than the prompt (language fidelity)."""
        if self.language is None:
            return ()
        return tuple(
            i
            for i, c in enumerate(self.candidates)
            if c.language is not None and c.language != self.language
        )


@dataclasses.dataclass(frozen=True)
class Step:
    """One continuation of a partial answer: the new text (the delimiter excluded) and its cost.

    ``ended`` is ``True`` when the model finished its answer, ``False`` when it stopped at the
    delimiter or ran out of tokens, ``None`` when the backend cannot tell.
    """

    text: str
    ended: bool | None = None
    finish_reason: str | None = None
    usage: Usage = dataclasses.field(default_factory=Usage)
