"""The data that flows through polypick: messages, sampling parameters, candidates and the result.

Everything here is a pydantic model so that a :class:`Selection` serialises to JSON as a whole.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from typing import Any, Literal, cast

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    computed_field,
    model_serializer,
)

from polypick.core.language import same_language
from polypick.core.redact import redact
from polypick.errors import ConfigurationError

__all__ = [
    "CACHED",
    "INJECTION",
    "Candidate",
    "Completion",
    "EarlyStop",
    "ErrorInfo",
    "Logprobs",
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
    """The decoding parameters of one sample. ``temperature == 0`` means greedy decoding.

    ``max_tokens`` caps what the model writes: for reasoning models that includes their
    reasoning (OpenAI's ``max_completion_tokens``), except with a thinking budget, which
    Anthropic's backend adds on top. ``reasoning_effort`` asks a reasoning model to think more
    or less (``"low"``, ``"medium"``, ``"high"`` ...; ``"none"``: not at all); backends without
    reasoning controls refuse it. ``prompt_variant`` is an instruction added to the system
    prompt of this sample only (prompt-variant diversity).
    """

    temperature: float = Field(ge=0.0)
    top_p: float | None = Field(default=None, gt=0.0, le=1.0)
    min_p: float | None = Field(default=None, ge=0.0, le=1.0)
    seed: int | None = None
    max_tokens: int | None = Field(default=None, ge=1)
    stop: tuple[str, ...] = ()
    reasoning_effort: str | None = Field(default=None, min_length=1)
    prompt_variant: str | None = Field(default=None, min_length=1)

    @model_serializer(mode="wrap")
    def _without_unset_additions(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> Any:
        # Fields added after the first release are left out while unset, so cache keys and
        # stored results written before them still match what is written now.
        data = handler(self)
        if isinstance(data, dict):
            for name in _ADDED_PARAMS:
                if data.get(name) is None:
                    data.pop(name, None)
        return data

    @property
    def greedy(self) -> bool:
        return self.temperature == 0.0

    def without_seed(self) -> SamplingParams:
        return self.model_copy(update={"seed": None})


_ADDED_PARAMS = ("reasoning_effort", "prompt_variant")


class Usage(_Record):
    """Requests sent and tokens billed.

    ``reasoning_tokens`` is the part of ``completion_tokens`` a reasoning model spent thinking
    (billed as output, never shown as the answer); it is already counted in
    ``completion_tokens`` and ``total_tokens``.
    """

    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    reasoning_tokens: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            requests=self.requests + other.requests,
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            reasoning_tokens=self.reasoning_tokens + other.reasoning_tokens,
        )


class UsageReport(_Record):
    """Usage of one call, split between generating candidates and selecting among them.

    ``by_model`` is each model's share of the total (samples and selection-stage calls alike),
    by model name: the breakdown of a pool of models, or of a sampled model and its judge.
    """

    generation: Usage = Usage()
    selection: Usage = Usage()
    by_model: dict[str, Usage] = Field(default_factory=dict)

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


class Logprobs(_Record):
    """Token log-probabilities of one answer, position by position (natural log).

    Column-wise, so a selector reads them as arrays: ``logprobs[i]`` is the log-probability of
    ``tokens[i]``, the token the model chose at position ``i``; ``top_logprobs[i]`` holds the
    ``k`` most likely tokens at that position (``top_tokens[i]``), most likely first — the chosen
    token among them when it is one of the ``k``. Servers may return fewer than ``k`` at a
    position, so rows can be shorter. Values are the model's own distribution, before
    temperature or truncation (what OpenAI, vLLM and llama.cpp report); a probability too small
    to report is ``-9999.0``, as in OpenAI's API. Two parts of one answer (streamed chunks)
    join with ``+``.
    """

    tokens: tuple[str, ...] = ()
    logprobs: tuple[float, ...] = ()
    top_tokens: tuple[tuple[str, ...], ...] = ()
    top_logprobs: tuple[tuple[float, ...], ...] = ()

    def __len__(self) -> int:
        return len(self.tokens)

    def __add__(self, other: Logprobs) -> Logprobs:
        return Logprobs(
            tokens=self.tokens + other.tokens,
            logprobs=self.logprobs + other.logprobs,
            top_tokens=self.top_tokens + other.top_tokens,
            top_logprobs=self.top_logprobs + other.top_logprobs,
        )

    @property
    def k(self) -> int:
        """The most alternatives given at any position (``0``: the chosen tokens' only)."""
        return max((len(row) for row in self.top_logprobs), default=0)

    @property
    def text(self) -> str:
        """The chosen tokens joined: the text they cover."""
        return "".join(self.tokens)


class Completion(_Record):
    """What a provider returns for one choice of one request; ``text`` may be empty when the
    model answered with tool calls.

    ``reasoning`` is what a reasoning model wrote before its answer (OpenAI-compatible servers'
    ``reasoning_content``, Anthropic's thinking blocks), kept apart from ``text`` so that no
    judge reads it; ``reasoning_blocks`` are the provider's own thinking blocks, signatures
    intact, for a caller to pass back unchanged in a tool-use turn. ``logprobs`` are there when
    the request asked for them and the backend gives them.
    """

    text: str
    tool_calls: tuple[ToolCall, ...] = ()
    finish_reason: str | None = None
    usage: Usage = Usage()
    model: str | None = None
    reasoning: str | None = None
    reasoning_blocks: tuple[dict[str, Any], ...] = ()
    logprobs: Logprobs | None = None
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
    the request that produced the sample, so shared requests are visible. ``model`` names the
    model that drew it (pools mix several). ``reasoning``, ``reasoning_blocks`` and
    ``logprobs`` are the completion's (see :class:`Completion`): judges read ``text`` only.
    """

    text: str
    tool_calls: tuple[ToolCall, ...] = ()
    params: SamplingParams | None = Field(
        default=None, description="how it was sampled; None for candidates given to select()"
    )
    model: str | None = Field(default=None, description="the model that drew it")
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
    reasoning: str | None = Field(default=None, description="never shown to a judge")
    reasoning_blocks: tuple[dict[str, Any], ...] = ()
    logprobs: Logprobs | None = None

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


class EarlyStop(_Record):
    """What a stop rule (``BestOfN(..., early_stop=...)``) did in one call.

    Attributes:
        rule: the rule's name.
        reason: why sampling stopped early; ``None`` when all ``planned`` samples were drawn.
        planned: ``n``, the samples a call without the rule draws.
        drawn: the samples sent (succeeded, failed, or cancelled).
        cancelled: samples cut off while they were generating (online termination).
        samples_saved: ``planned - drawn``.
        requests_saved: the requests the full plan would have sent, less those sent.
        tokens_saved: an estimate: the samples not drawn times the mean tokens of those drawn,
            plus the tokens cancelled samples would have gone on to generate.
    """

    rule: str
    reason: str | None = None
    planned: int
    drawn: int
    cancelled: int = 0
    samples_saved: int = 0
    requests_saved: int = 0
    tokens_saved: int = 0


class Selection(_Record):
    """The result of a best-of-N call: the chosen answer and everything that led to it.

    Attributes:
        text: the selected candidate's text.
        language: the prompt's detected language (ISO 639-1), if any; each candidate has its own.
        answer_language: the language the answer was expected in, if known, and
            ``answer_language_source`` how that was decided: ``"explicit"`` (the settings),
            ``"instruction"`` (the prompt names it), ``"task"`` (a translation: the candidates'
            most common language other than the prompt's), ``"candidates"`` (most candidates
            agree on another language than the prompt's) or ``"prompt"`` (the prompt's own);
            ``off_language`` lists the candidates confidently detected in another one.
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
    answer_language: str | None = None
    answer_language_source: str | None = None
    failures: tuple[Candidate, ...] = ()
    selection_failures: tuple[SelectionFailure, ...] = ()
    usage: UsageReport = UsageReport()
    latency_s: float = 0.0
    trace: tuple[TraceEvent, ...] = ()
    early_stop: EarlyStop | None = Field(
        default=None, description="what adaptive stopping saved, when a stop rule was set"
    )

    @property
    def best(self) -> Candidate:
        return self.candidates[self.index]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def off_language(self) -> tuple[int, ...]:
        """Candidates confidently detected in another language than the expected answer
        language (the prompt's, when nothing else was decided)."""
        expected = self.answer_language or self.language
        if expected is None:
            return ()
        return tuple(
            i
            for i, c in enumerate(self.candidates)
            if c.language is not None and not same_language(c.language, expected)
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
