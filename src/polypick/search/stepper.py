"""A scripted, continuation-capable backend for tests and offline examples.

:class:`FunctionStepper` writes answers one step at a time from a function
``fn(prompt, steps_so_far, params) -> next step`` (``None`` when the answer is finished), so a
test can script exactly which steps a search sees — the step-wise counterpart of
:class:`polypick.testing.ScriptedChat`.

It honours ``max_tokens`` as a real backend does, counting whitespace-separated words as
tokens: a step longer than the limit is cut off (``finish_reason="length"``) and the rest of it
is written when the cut partial answer is continued; a whole answer longer than the limit is
cut off too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from polypick.core.protocol import ModelRequest
from polypick.core.types import Completion, Message, SamplingParams, Step, Usage, prompt_text
from polypick.search.steps import join_steps, split_steps

__all__ = ["FunctionStepper", "StepCall", "StepFunction", "cut_words"]

_WORD = re.compile(r"\S+")


def cut_words(text: str, limit: int | None) -> tuple[str, str]:
    """``text`` split after its ``limit``-th word: ``(head, rest)``, ``head + rest == text``."""
    if limit is None:
        return text, ""
    ends = [m.end() for m in _WORD.finditer(text)]
    if len(ends) <= limit:
        return text, ""
    at = ends[limit - 1] if limit > 0 else 0
    return text[:at], text[at:]


StepFunction = Callable[[str, list[str], SamplingParams], "str | None"]
"""``fn(prompt, steps_so_far, params) -> the next step, or None when the answer is done``."""


@dataclass(frozen=True)
class StepCall:
    """One continuation a :class:`FunctionStepper` answered."""

    prompt: str
    steps: tuple[str, ...]
    params: SamplingParams


class FunctionStepper:
    """A :class:`~polypick.ChatModel` whose answers come step by step from ``fn``.

    Args:
        fn: writes the next step; see :data:`StepFunction`.
        delimiter: how steps are joined into an answer and read back from a partial one.
        name: the backend's name in results.

    Token usage counts whitespace-separated words.
    """

    def __init__(self, fn: StepFunction, *, delimiter: str = "\n\n", name: str = "stepper") -> None:
        self.fn = fn
        self.delimiter = delimiter
        self._name = name
        self.calls: list[StepCall] = []
        self._unwritten: dict[tuple[str, str], str] = {}  # (prompt, partial) -> rest of a cut step

    @property
    def name(self) -> str:
        return f"stepper:{self._name}"

    def validate(self, params: SamplingParams) -> None:
        """Accepts every parameter."""

    async def aclose(self) -> None:
        """Nothing to release."""

    def next_step(
        self, messages: Sequence[Message], steps: list[str], params: SamplingParams
    ) -> Step:
        """Write one step after ``steps``; an empty, ended step when ``fn`` says it is done."""
        prompt = prompt_text(messages)
        self.calls.append(StepCall(prompt, tuple(steps), params))
        text = self.fn(prompt, list(steps), params)
        words = Usage(
            prompt_tokens=len(prompt.split()), completion_tokens=len((text or "").split())
        )
        if text is None:
            return Step("", True, "stop", words)
        return Step(text, False, "stop", words)

    def _limited(self, prompt: str, partial: str, step: Step, limit: int | None) -> Step:
        """``step`` cut to ``limit`` words; the rest is kept for the continuation."""
        head, rest = cut_words(step.text, limit)
        if not rest:
            return step
        self._unwritten[(prompt, partial + head)] = rest
        usage = step.usage.model_copy(update={"completion_tokens": len(head.split())})
        return Step(head, False, "length", usage)

    async def continue_answer(self, request: ModelRequest, partial: str) -> Step:
        """One step after ``partial`` (the :class:`~polypick.core.capabilities.Continuation`
        capability); the rest of a step this stepper cut off, when ``partial`` ends inside it."""
        prompt, limit = prompt_text(request.messages), request.params.max_tokens
        rest = self._unwritten.pop((prompt, partial), None)
        if rest is not None:
            usage = Usage(prompt_tokens=len(prompt.split()), completion_tokens=len(rest.split()))
            return self._limited(prompt, partial, Step(rest, False, "stop", usage), limit)
        steps = split_steps(partial, self.delimiter)
        step = self.next_step(request.messages, steps, request.params)
        return self._limited(prompt, partial, step, limit)

    async def generate(self, request: ModelRequest) -> list[Completion]:
        """A whole answer: steps until ``fn`` returns ``None`` (at most 1000), cut off at
        ``max_tokens`` words."""
        messages, params = request.messages, request.params
        steps: list[str] = []
        usage = Usage()
        for _ in range(1000):
            step = self.next_step(messages, steps, params)
            usage = usage + step.usage
            if step.ended:
                break
            steps.append(step.text)
        text, rest = cut_words(join_steps(steps, self.delimiter), params.max_tokens)
        if rest:
            usage = usage.model_copy(update={"completion_tokens": len(text.split())})
        finish = "length" if rest else "stop"
        return [Completion(text=text, finish_reason=finish, usage=usage, model=self.name)]
