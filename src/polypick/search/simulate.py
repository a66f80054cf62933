"""A step-level simulated model and process verifier whose truth is known, for tests and
benchmarks of step-wise search.

Prompt ``i`` is solved in ``steps`` steps; each sampled step is right with probability
``q[i]`` and a solution is right only if every step is, so its pass@1 is ``q[i] ** steps``
(:meth:`StepSimulator.from_pass_rates` picks ``q`` for a given pass@1). A step after a wrong one
is wrong too (errors carry on); the last step states the final answer: the right one, or one of
``wrong_answers`` wrong values with Zipf weights (1, 1/2, 1/3 ...), as in the answer-level
:class:`~polypick.adaptive.Simulator`.

The process verifier scores a prefix from a Gaussian whose mean is ``verifier_gap`` higher when
it *believes* every step so far is right (noise ``verifier_noise``, clipped to [0, 1]); the
score of a prefix is fixed, so a search re-scoring it sees the same number. Its errors are not
only noise: a share ``deceptive`` of wrong steps are convincing (the verifier believes them
right, consistently), the systematic error that lets search over-optimise a real process reward
model (Snell et al., 2024, section 5).

Every draw is a deterministic function of ``(seed, prompt, prefix, k)`` where ``k`` counts the
earlier continuations of that prefix (:meth:`StepSimulator.reset` starts the count over, so
each strategy can be run on the same draws); a greedy (temperature 0) continuation is always the
prefix's first. So the ``j``-th whole answer sampled for a prompt starts with the same step as
the ``j``-th first step of a beam search: every strategy draws from the same samples.
"""

from __future__ import annotations

import math
import random
import re
from collections import Counter
from collections.abc import Sequence

from polypick.core.types import SamplingParams
from polypick.search.stepper import FunctionStepper
from polypick.search.steps import Aggregate
from polypick.search.verifiers import ProcessVerifier

__all__ = ["StepSimulator"]

_STEP = re.compile(r"^step \d+ (ok|slip) #")


class StepSimulator:
    """Simulated step-wise answers for ``len(q)`` prompts.

    Args:
        q: each prompt's probability that one sampled step is right.
        steps: steps per answer.
        wrong_answers: how many distinct wrong final answers a prompt has.
        verifier_gap: how much higher a right prefix's mean score is (0: a useless verifier).
        verifier_noise: the standard deviation of a score.
        deceptive: the share of wrong steps the verifier takes for right ones.
        seed: the base of every draw.
    """

    def __init__(
        self,
        q: Sequence[float],
        *,
        steps: int = 4,
        wrong_answers: int = 8,
        verifier_gap: float = 0.25,
        verifier_noise: float = 0.2,
        deceptive: float = 0.2,
        seed: int = 0,
    ) -> None:
        if any(not 0.0 <= x <= 1.0 for x in q):
            raise ValueError("step success probabilities must lie in [0, 1]")
        if steps < 1 or wrong_answers < 1:
            raise ValueError("steps and wrong_answers must be >= 1")
        self.q = tuple(q)
        self.steps = steps
        self.wrong_answers = wrong_answers
        self.verifier_gap = verifier_gap
        self.verifier_noise = verifier_noise
        self.deceptive = deceptive
        self.seed = seed
        self.prompts = tuple(f"Problem {i}: find the hidden number." for i in range(len(q)))
        self._index = {text: i for i, text in enumerate(self.prompts)}
        self._continued: Counter[tuple[int, tuple[str, ...]]] = Counter()
        self.generated: Counter[int] = Counter()
        """Steps written per prompt (the search's generation cost)."""

    @classmethod
    def from_pass_rates(
        cls, p: Sequence[float], *, steps: int = 4, seed: int = 0, deceptive: float = 0.2
    ) -> StepSimulator:
        """A simulator whose prompts have pass@1 ``p`` (``q = p ** (1 / steps)``)."""
        q = [x ** (1.0 / steps) for x in p]
        return cls(q, steps=steps, seed=seed, deceptive=deceptive)

    def correct(self, prompt: int) -> str:
        """The right final answer of prompt ``prompt``."""
        return str(1000 + prompt)

    def is_right(self, steps: Sequence[str]) -> bool:
        """Whether every step of a (partial) solution is right."""
        return all(_STEP.match(s) is not None and " ok #" in s for s in steps)

    def next_step(self, prompt: str, steps: list[str], params: SamplingParams) -> str | None:
        """The :class:`FunctionStepper` function: the next step, ``None`` once finished."""
        i = self._index[prompt]
        if len(steps) >= self.steps:
            return None
        key = (i, tuple(steps))
        k = 0 if params.temperature == 0.0 else self._continued[key]
        self._continued[key] += params.temperature != 0.0
        rng = random.Random(f"{self.seed}:{i}:{'|'.join(steps)}:{k}")
        good = self.is_right(steps) and rng.random() < self.q[i]
        self.generated[i] += 1
        text = f"step {len(steps) + 1} {'ok' if good else 'slip'} #{rng.randrange(10**6)}"
        if len(steps) + 1 < self.steps:
            return text
        if good:
            return f"{text}\nAnswer: {self.correct(i)}"
        weights = [1.0 / (j + 1) for j in range(self.wrong_answers)]
        j = rng.choices(range(self.wrong_answers), weights)[0]
        return f"{text}\nAnswer: {2000 + 10 * i + j}"

    def stepper(self) -> FunctionStepper:
        """A continuation-capable model writing this simulator's steps."""
        return FunctionStepper(self.next_step, name="step-simulator")

    async def score_steps(self, prompt: str, steps: list[str]) -> list[float]:
        """One score per step: step ``j``'s is that of the prefix ending at it."""
        i = self._index[prompt]
        return [self._score(i, steps[: j + 1]) for j in range(len(steps))]

    def verifier(self, aggregate: Aggregate = "last") -> ProcessVerifier:
        """The simulated process verifier (``last`` is the paper's best aggregation)."""
        return ProcessVerifier(self.score_steps, aggregate=aggregate)

    def _convincing(self, prompt: int, step: str) -> bool:
        if " ok #" in step:
            return True
        return random.Random(f"{self.seed}:{prompt}:{step}:deceptive").random() < self.deceptive

    def _score(self, prompt: int, prefix: Sequence[str]) -> float:
        rng = random.Random(f"{self.seed}:{prompt}:{'|'.join(prefix)}:verifier")
        believed = all(self._convincing(prompt, step) for step in prefix)
        shift = self.verifier_gap / 2 if believed else -self.verifier_gap / 2
        score = rng.gauss(0.5 + shift, self.verifier_noise)
        return min(1.0, max(0.0, score)) if math.isfinite(score) else 0.5

    def reset(self) -> None:
        """Start over: the next run sees the same draws as the first one, and no costs."""
        self._continued.clear()
        self.generated.clear()
