"""A scripted backend for tests: answers come from a list or a function, never from a network."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from polypick.core.protocol import ModelRequest, Stage
from polypick.core.types import Completion, Message, SamplingParams, Usage

__all__ = ["Reply", "ScriptedCall", "ScriptedChat"]

Reply = str | Exception
"""A scripted answer: its text, or an exception to raise for that request."""
Responder = Callable[[Sequence[Message], SamplingParams], Reply]


@dataclass(frozen=True)
class ScriptedCall:
    """One request a :class:`ScriptedChat` received."""

    messages: tuple[Message, ...]
    params: SamplingParams
    n: int
    json_schema: Mapping[str, Any] | None = None
    stage: Stage = "sample"


class ScriptedChat:
    """A :class:`~polypick.core.protocol.ChatModel` that replies from a script.

    Args:
        script: replies consumed in order (a string, or an exception to raise), or a function
            ``fn(messages, params) -> reply`` called for every completion.
        name: the backend's name in results.
        max_n: how many completions one request may return (``1``: no ``n`` support).
        latency_s: seconds each request takes, to exercise concurrency.

    Token usage counts whitespace-separated words, billing the prompt once per request.
    """

    def __init__(
        self,
        script: Iterable[Reply] | Responder,
        *,
        name: str = "scripted",
        max_n: int = 1,
        latency_s: float = 0.0,
    ) -> None:
        self._responder: Responder | None = script if callable(script) else None
        self._queue: list[Reply] = [] if callable(script) else list(script)
        self._name = name
        self._max_n = max_n
        self.latency_s = latency_s
        self.calls: list[ScriptedCall] = []

    @property
    def name(self) -> str:
        return f"scripted:{self._name}"

    @property
    def max_n(self) -> int:
        return self._max_n

    async def aclose(self) -> None:
        """Nothing to release."""

    def _next(self, messages: Sequence[Message], params: SamplingParams) -> Reply:
        if self._responder is not None:
            return self._responder(messages, params)
        if not self._queue:
            raise RuntimeError("ScriptedChat ran out of scripted replies; add more to the script")
        return self._queue.pop(0)

    async def generate(self, request: ModelRequest) -> list[Completion]:
        messages, params, n = request.messages, request.params, request.n
        self.calls.append(ScriptedCall(messages, params, n, request.json_schema, request.stage))
        if self.latency_s:
            await asyncio.sleep(self.latency_s)
        replies = [self._next(messages, params) for _ in range(min(n, self._max_n))]
        for reply in replies:
            if isinstance(reply, Exception):
                raise reply
        prompt_tokens = sum(len(m.content.split()) for m in messages)
        return [
            Completion(
                text=str(reply),
                finish_reason="stop",
                usage=Usage(
                    prompt_tokens=prompt_tokens if i == 0 else 0,
                    completion_tokens=len(str(reply).split()),
                ),
                model=self.name,
            )
            for i, reply in enumerate(replies)
        ]
