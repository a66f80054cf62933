"""A scripted, continuation-capable backend for tests and offline examples.

:class:`FunctionStepper` writes answers one step at a time from a function
``fn(prompt, steps_so_far, params) -> next step`` (``None`` when the answer is finished), so a
test can script exactly which steps a search sees — the step-wise counterpart of
:class:`polypick.testing.ScriptedChat`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from polypick.core.protocol import ModelRequest
from polypick.core.types import Completion, Message, SamplingParams, Step, Usage, prompt_text
from polypick.search.steps import join_steps, split_steps

__all__ = ["FunctionStepper", "StepCall", "StepFunction"]

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

    async def continue_answer(self, request: ModelRequest, partial: str) -> Step:
        """One step after ``partial`` (the :class:`~polypick.core.capabilities.Continuation`
        capability)."""
        steps = split_steps(partial, self.delimiter)
        return self.next_step(request.messages, steps, request.params)

    async def generate(self, request: ModelRequest) -> list[Completion]:
        """A whole answer: steps until ``fn`` returns ``None`` (at most 1000)."""
        messages, params = request.messages, request.params
        steps: list[str] = []
        usage = Usage()
        for _ in range(1000):
            step = self.next_step(messages, steps, params)
            usage = usage + step.usage
            if step.ended:
                break
            steps.append(step.text)
        text = join_steps(steps, self.delimiter)
        return [Completion(text=text, finish_reason="stop", usage=usage, model=self.name)]
