"""Shared test doubles: an arithmetic problem whose steps a verifier can check exactly."""

from __future__ import annotations

import itertools

from polypick import SamplingParams
from polypick.search import FunctionStepper

PROMPT = "What is 17 + 25? Think step by step."
RIGHT = ["17 + 25 = 17 + 20 + 5", "17 + 20 = 37", "37 + 5 = 42", "Answer: 42"]
WRONG = ["17 + 25 = 17 + 20 + 4", "17 + 20 = 37", "37 + 4 = 41", "Answer: 41"]


def arithmetic_stepper(bad_every: int = 2) -> FunctionStepper:
    """Writes a 4-step solution; of every ``bad_every`` sampled on-track steps, only the first
    is right (deterministic): unguided, a solution is right 1 time in ``bad_every ** 4``.

    Once a solution went wrong it stays wrong, and its final answer is 41 instead of 42.
    """
    counter = itertools.count()

    def step(prompt: str, steps: list[str], params: SamplingParams) -> str | None:
        if len(steps) == len(RIGHT):
            return None
        on_track = steps == RIGHT[: len(steps)]
        good = on_track and (params.temperature == 0.0 or next(counter) % bad_every == 0)
        return (RIGHT if good else WRONG)[len(steps)]

    return FunctionStepper(step)


def step_truth(prompt: str, steps: list[str]) -> list[float]:
    """A process verifier that knows the truth: 1 for a step on the right path, else 0."""
    return [1.0 if steps[: i + 1] == RIGHT[: i + 1] else 0.0 for i in range(len(steps))]


def outcome_truth(prompt: str, answer: str) -> float:
    """An outcome verifier that knows the truth."""
    return 1.0 if answer.strip().endswith("42") else 0.0
