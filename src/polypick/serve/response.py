"""Writing a :class:`~polypick.Selection` as an OpenAI ``chat.completion`` or as stream chunks.

The answer is the selected candidate; ``usage`` is every upstream call's tokens (the samples and
the judge's calls: what the upstream billed); the top-level ``polypick`` field is the best-of-N
record, which OpenAI clients keep as an extra field and may ignore. Pure.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from dataclasses import dataclass
from typing import Any

from polypick.core.types import Candidate, Selection, ToolCall, Usage

__all__ = ["Envelope", "chunks", "completion", "record", "split_text", "usage"]

_FINISH_REASONS = frozenset({"stop", "length", "tool_calls", "content_filter"})
_WORDS_PER_CHUNK = 4
_TOKEN = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True)
class Envelope:
    """What every object of one answer shares: its id, creation time and model name."""

    id: str
    created: int
    model: str

    @classmethod
    def new(cls, model: str) -> Envelope:
        return cls(f"chatcmpl-{uuid.uuid4().hex}", int(time.time()), model)

    def wrap(self, kind: str, **fields: Any) -> dict[str, Any]:
        head = {"id": self.id, "object": kind, "created": self.created, "model": self.model}
        return {**head, **fields}


def usage(selection: Selection) -> dict[str, int]:
    """Tokens of every upstream call, samples and selection together."""
    return _tokens(selection.usage.total)


def _tokens(spent: Usage) -> dict[str, int]:
    return {
        "prompt_tokens": spent.prompt_tokens,
        "completion_tokens": spent.completion_tokens,
        "total_tokens": spent.total_tokens,
    }


def record(
    selection: Selection, *, n: int, sampling: str, return_candidates: bool = False
) -> dict[str, Any]:
    """The best-of-N record: what was asked, what came back, what failed, what was chosen."""
    spent = selection.usage
    found: dict[str, Any] = {
        "n": n,
        "selector": _selected_by(selection),
        "sampling": sampling,
        "llm": selection.llm,
        "candidates": len(selection.candidates),
        "chosen": selection.index,
        "scores": list(selection.scores),
        "failures": [_failure(c) for c in selection.failures],
        "selection_failures": [
            {"stage": f.stage, "candidate": f.candidate, "error": f.error.message}
            for f in selection.selection_failures
        ],
        "language": selection.language,
        "off_language": list(selection.off_language),
        "usage": {
            stage: {"requests": spent_on.requests, **_tokens(spent_on)}
            for stage, spent_on in (
                ("generation", spent.generation),
                ("selection", spent.selection),
            )
        },
        "latency_s": round(selection.latency_s, 3),
    }
    if return_candidates:
        found["candidate_details"] = [_candidate(c) for c in selection.candidates]
    return found


def _selected_by(selection: Selection) -> str:
    """The selector that chose: the configured one, unless the core replaced it (candidates
    that call tools are chosen by a vote on the calls, which the trace records)."""
    replaced = (e.data.get("by") for e in selection.trace if e.event == "selection.tool_calls")
    return str(next(replaced, selection.selector))


def _failure(candidate: Candidate) -> dict[str, Any]:
    error = candidate.error
    assert error is not None  # failures always carry their error
    return {
        "sample": candidate.sample,
        "type": error.type,
        "message": error.message,
        "status_code": error.status_code,
        "attempts": candidate.attempts,
    }


def _candidate(candidate: Candidate) -> dict[str, Any]:
    return {
        "text": candidate.text,
        "tool_calls": [_call(i, call)["function"] for i, call in enumerate(candidate.tool_calls)],
        "temperature": candidate.temperature,
        "greedy": candidate.greedy,
        "finish_reason": candidate.finish_reason,
        "language": candidate.language,
        "flags": list(candidate.flags),
    }


def completion(envelope: Envelope, selection: Selection, best_of_n: dict[str, Any]) -> Any:
    """The ``chat.completion`` object answering with the selected candidate."""
    best = selection.best
    choice = {
        "index": 0,
        "message": {"role": "assistant", **_message(best)},
        "logprobs": None,
        "finish_reason": _finish_reason(best),
    }
    return envelope.wrap(
        "chat.completion", choices=[choice], usage=usage(selection), polypick=best_of_n
    )


def chunks(
    envelope: Envelope, selection: Selection, best_of_n: dict[str, Any], *, include_usage: bool
) -> list[dict[str, Any]]:
    """The ``chat.completion.chunk`` objects streaming the selected candidate, in order."""
    best = selection.best
    message = _message(best)
    deltas: list[dict[str, Any]] = [{"role": "assistant", "content": ""}]
    if message["refusal"] is not None:
        deltas.append({"refusal": message["refusal"]})
    deltas += [{"content": piece} for piece in split_text(message["content"] or "")]
    deltas += [
        {"tool_calls": [{"index": i, **call}]}
        for i, call in enumerate(message.get("tool_calls", []))
    ]
    extra = {"usage": None} if include_usage else {}
    out = [envelope.wrap("chat.completion.chunk", choices=[_delta(d)], **extra) for d in deltas]
    last = _delta({}, _finish_reason(best))
    out.append(envelope.wrap("chat.completion.chunk", choices=[last], **extra, polypick=best_of_n))
    if include_usage:
        out.append(envelope.wrap("chat.completion.chunk", choices=[], usage=usage(selection)))
    return out


def _delta(delta: dict[str, Any], finish_reason: str | None = None) -> dict[str, Any]:
    return {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}


def split_text(text: str, words: int = _WORDS_PER_CHUNK) -> list[str]:
    """``text`` in pieces of ``words`` words (with their spacing) that join back to it."""
    tokens = _TOKEN.findall(text)
    return ["".join(tokens[i : i + words]) for i in range(0, len(tokens), words)]


def _message(candidate: Candidate) -> dict[str, Any]:
    refused = candidate.finish_reason == "refusal"  # OpenAIChat keeps a refusal as the text
    text = candidate.text if candidate.text or not candidate.tool_calls else None
    message: dict[str, Any] = {
        "content": None if refused else text,
        "refusal": candidate.text if refused else None,
    }
    if candidate.tool_calls:
        message["tool_calls"] = [_call(i, call) for i, call in enumerate(candidate.tool_calls)]
    return message


def _call(index: int, call: ToolCall) -> dict[str, Any]:
    arguments = json.dumps(call.arguments, ensure_ascii=False)
    return {
        "id": call.id or f"call_{index}",
        "type": "function",
        "function": {"name": call.name, "arguments": arguments},
    }


def _finish_reason(candidate: Candidate) -> str:
    if candidate.tool_calls:
        return "tool_calls"
    reason = candidate.finish_reason
    return reason if reason in _FINISH_REASONS else "stop"
