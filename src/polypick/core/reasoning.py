"""Sampling reasoning models: diversity without temperature.

OpenAI's reasoning models (the gpt-5 family, o-series) accept only their default temperature,
and Anthropic's models keep theirs at 1 while they think. Their samples differ by other means:

- **seed** — every sample gets its own (``seed + i``) when a base ``seed`` is given;
- **reasoning effort** — the samples cycle through ``efforts`` (``low``, ``medium``, ``high``):
  a short and a long line of thought reach different answers, and cost differently;
- **prompt variants** — where given, each sample adds one of ``variants`` to the system prompt
  ("Check the answer by a second method.", "Work backwards from the goal.") and the samples
  cycle through them.

``hedged=True`` is hedged sampling's analogue: the first sample is the most direct answer — the
lowest effort of ``efforts``, no variant — the safe fallback that greedy decoding is for other
models; the others cycle through every effort and variant.
"""

from __future__ import annotations

from pydantic import Field, field_validator

from polypick.core.sampling import _PlanBase
from polypick.core.types import SamplingParams

__all__ = ["Reasoning"]


class Reasoning(_PlanBase):
    """A sampling plan for reasoning models (see the module).

    Args:
        efforts: reasoning efforts, cycled over the samples, least first.
        variants: instructions added to the system prompt, cycled over the samples.
        hedged: the first sample at the lowest effort, without a variant.
        temperature: the models' default; sent only to backends that accept it.
        seed, top_p, min_p, max_tokens, stop: as for every plan (``max_tokens`` includes the
            reasoning on OpenAI's models: leave room for it).
    """

    efforts: tuple[str, ...] = Field(default=("low", "medium", "high"), min_length=1)
    variants: tuple[str, ...] = ()
    hedged: bool = False
    temperature: float = Field(default=1.0, ge=0.0)

    @field_validator("efforts", "variants")
    @classmethod
    def _words(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not item.strip() for item in value):
            raise ValueError("must not contain empty strings")
        return tuple(item.strip() for item in value)

    @property
    def name(self) -> str:
        parts = ["hedged"] if self.hedged else []
        parts.append("efforts=" + ",".join(self.efforts))
        if self.variants:
            parts.append(f"variants={len(self.variants)}")
        return f"reasoning({', '.join(parts)})"

    def plan(self, n: int, language: str | None = None) -> list[SamplingParams]:
        plan = []
        for i in range(n):
            if self.hedged and i == 0:
                effort, variant = self.efforts[0], None
            else:
                j = i - 1 if self.hedged else i
                effort = self.efforts[j % len(self.efforts)]
                variant = self.variants[j % len(self.variants)] if self.variants else None
            params = self._params(self.temperature, i)
            plan.append(
                params.model_copy(update={"reasoning_effort": effort, "prompt_variant": variant})
            )
        return plan
