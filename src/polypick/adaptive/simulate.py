"""A simulated model whose per-prompt success probability is known, for tests and benchmarks.

Prompt ``i`` is answered correctly with probability ``p[i]``; wrong answers are drawn from
``wrong_answers`` values with Zipf weights (1, 1/2, 1/3, ...), so a hard prompt's wrong answers
can outvote its right one, as real models' do. A simulated verifier scores correct samples
higher than wrong ones on average, with noise. Every draw is a deterministic function of
``(seed, prompt, sample)``, so a run replays exactly.

It plugs into :class:`~polypick.testing.ScriptedChat` (:meth:`Simulator.responder`, which reads
the sample number from the sampling plan's seed) and into the fitter (:meth:`Simulator.dev_set`).
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from polypick.adaptive.fit import DevExample
from polypick.core.types import Message, SamplingParams, prompt_text

__all__ = ["Simulator"]

_SAMPLE = re.compile(r"^\(sample (\d+)\)")


class Simulator:
    """Simulated answers for ``len(p)`` prompts.

    Args:
        p: each prompt's probability of a correct sample.
        wrong_answers: how many distinct wrong answers a prompt has.
        verifier_gap: how much higher a correct sample's mean verifier score is (0: useless).
        seed: the base of every draw.
    """

    def __init__(
        self,
        p: Sequence[float],
        *,
        wrong_answers: int = 4,
        verifier_gap: float = 0.25,
        seed: int = 0,
    ) -> None:
        if any(not 0.0 <= x <= 1.0 for x in p):
            raise ValueError("success probabilities must lie in [0, 1]")
        self.p = tuple(p)
        self.wrong_answers = wrong_answers
        self.verifier_gap = verifier_gap
        self.seed = seed
        self.prompts = tuple(f"Question {i}: what is the hidden number?" for i in range(len(p)))
        self._index = {text: i for i, text in enumerate(self.prompts)}

    def correct(self, prompt: int) -> str:
        """The right answer of prompt ``prompt``."""
        return str(1000 + prompt)

    def answer(self, prompt: int, sample: int) -> str:
        """The answer of sample ``sample`` of prompt ``prompt``."""
        rng = random.Random(f"{self.seed}:{prompt}:{sample}")
        if rng.random() < self.p[prompt]:
            return self.correct(prompt)
        weights = [1.0 / (j + 1) for j in range(self.wrong_answers)]
        j = rng.choices(range(self.wrong_answers), weights)[0]
        return str(2000 + 10 * prompt + j)

    def text(self, prompt: int, sample: int) -> str:
        """The sample's full text, as the simulated model writes it."""
        return f"(sample {sample}) Answer: {self.answer(prompt, sample)}"

    def score(self, prompt: int, sample: int) -> float:
        """The simulated verifier's score of a sample, in [0, 1]."""
        rng = random.Random(f"{self.seed}:{prompt}:{sample}:verifier")
        good = self.answer(prompt, sample) == self.correct(prompt)
        mean = 0.5 + (self.verifier_gap / 2 if good else -self.verifier_gap / 2)
        return min(1.0, max(0.0, rng.gauss(mean, 0.2)))

    def verifier(self, prompt: str, answer: str) -> float:
        """The verifier as a ``(prompt, answer) -> float`` callable."""
        found = _SAMPLE.match(answer)
        if found is None or prompt not in self._index:
            return 0.0
        return self.score(self._index[prompt], int(found.group(1)))

    def responder(self, messages: Sequence[Message], params: SamplingParams) -> str:
        """A :class:`~polypick.testing.ScriptedChat` responder; sample ``k`` has seed ``k``."""
        if params.seed is None:
            raise ValueError("the simulator needs a seeded sampling plan (seed=0)")
        return self.text(self._index[prompt_text(messages)], params.seed)

    def dev_set(self, samples: int) -> list[DevExample]:
        """Every prompt with ``samples`` answers, the truth and the verifier's scores."""
        return [
            DevExample(
                answers=tuple(self.answer(i, k) for k in range(samples)),
                correct=self.correct(i),
                scores=tuple(self.score(i, k) for k in range(samples)),
            )
            for i in range(len(self.p))
        ]
