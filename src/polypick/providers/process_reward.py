"""A process reward model (PRM) behind an HTTP endpoint: one score per step of a solution.

A PRM reads the question and a solution whose every step is followed by a step token, and
scores each step at its token: the probability that the step is right. Served by vLLM's pooling
runner with the ``STEP`` pooler, ``POST {url}/pooling`` returns one row per step token of the
input, each row the softmaxed label probabilities at that token (vLLM's "Reward Usages" and
"Pooling Models" pages). How the steps are laid out is the model's own convention, from its
model card; :class:`StepFormat` holds it, with two built in:

- :data:`QWEN_PRM` — ``Qwen/Qwen2.5-Math-PRM-7B`` / ``-72B`` (``Qwen2ForProcessRewardModel``,
  served as is): a chat with the card's system prompt, the question as the user turn, and the
  steps as the assistant turn, each followed by ``<extra_0>``; a row is
  ``[P(wrong), P(right)]``.
- :data:`MATH_SHEPHERD` — ``peiyi9979/math-shepherd-mistral-7b-prm``, served with
  ``--pooler-config '{"pooling_type": "STEP", "step_tag_id": 12902, "returned_token_ids": [648,
  387]}'`` (the ids of ``ки``, ``+`` and ``-``): plain text, the question then
  ``Step 1: ... ки`` lines; a row is ``[P(+), P(-)]``.

``format="polypick"`` is a plain shape for your own PRM service: ``POST {url}`` with
``{"model", "prompt", "steps": [...]}``, answered by ``{"scores": [one number per step]}``.

The step token is removed from the steps' own text (the PRM would read it as a step's end),
and when the question itself holds step tokens their extra rows come first and are passed
over: the last rows are the steps'. A reply with fewer rows than steps is an
``InvalidResponseError`` that says what to check on the server.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from polypick.errors import ConfigurationError, InvalidResponseError
from polypick.providers._scorer_http import ScorerClient

__all__ = ["MATH_SHEPHERD", "QWEN_PRM", "ProcessRewardEndpoint", "StepFormat"]

_AGGREGATES: Mapping[str, Callable[[Sequence[float]], float]] = {
    "last": lambda scores: scores[-1],
    "min": min,
    "prod": math.prod,
    "mean": lambda scores: math.fsum(scores) / len(scores),
}


@dataclass(frozen=True)
class StepFormat:
    """How one PRM wants a solution laid out, and how to read its rows.

    Attributes:
        name: for messages and ``repr``.
        after_step: the text written after every step; it holds the step token (``<extra_0>``,
            `` ки``).
        between: the text between one step's ``after_step`` and the next step.
        chat: send ``messages`` (rendered by the server's chat template) or plain ``input``.
        system: the system turn of a chat, if the model card uses one.
        label: a prefix before each step, with ``{i}`` for its number from 1.
        question_end: plain input only: the text between the question and the first step.
        positive: which entry of a row is the probability that the step is right.
    """

    name: str
    after_step: str
    between: str = ""
    chat: bool = True
    system: str | None = None
    label: str = ""
    question_end: str = " "
    positive: int = 1

    @property
    def tag(self) -> str:
        """The step token itself."""
        return self.after_step.strip()

    def solution(self, steps: Sequence[str]) -> str:
        """The steps laid out for the PRM: each labelled, followed by ``after_step``."""
        parts = [
            self.label.format(i=i) + step.replace(self.tag, "").strip() + self.after_step
            for i, step in enumerate(steps, 1)
        ]
        return self.between.join(parts)

    def body(self, model: str | None, prompt: str, steps: Sequence[str]) -> dict[str, Any]:
        """The ``/pooling`` request for ``steps`` as the answer to ``prompt``."""
        if not self.chat:
            return {"model": model, "input": prompt + self.question_end + self.solution(steps)}
        system = [{"role": "system", "content": self.system}] if self.system else []
        turns = [
            *system,
            {"role": "user", "content": prompt},
            {"role": "assistant", "content": self.solution(steps)},
        ]
        return {"model": model, "messages": turns}

    def read(self, data: object, count: int) -> list[float]:
        """The step scores in ``data`` (a reply's ``data[0].data``): the positive label of
        each of the last ``count`` rows."""
        if not isinstance(data, list) or len(data) < count:
            rows = len(data) if isinstance(data, list) else 0
            raise InvalidResponseError(
                f"the {self.name} reward model returned {rows} step rows for {count} steps: "
                f"serve it with the STEP pooler and step_tag_id set to the token of "
                f"{self.tag!r} (vLLM's --pooler-config), and check the model name"
            )
        scores = []
        for row in data[len(data) - count :]:
            value = row[self.positive] if isinstance(row, list) else row
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise InvalidResponseError(f"the reward model returned the step row {row!r}")
            scores.append(float(value))
        return scores


QWEN_PRM = StepFormat(
    name="Qwen2.5-Math-PRM",
    after_step="<extra_0>",
    system="Please reason step by step, and put your final answer within \\boxed{}.",
    positive=1,
)
"""``Qwen/Qwen2.5-Math-PRM-7B`` and ``-72B``, as their model card lays solutions out."""

MATH_SHEPHERD = StepFormat(
    name="Math-Shepherd",
    after_step=" ки",
    between="\n",
    chat=False,
    label="Step {i}: ",
    positive=0,
)
"""``peiyi9979/math-shepherd-mistral-7b-prm``, as its model card lays solutions out."""


class ProcessRewardEndpoint:
    """A process reward model over HTTP: ``await prm.score_steps(prompt, steps)`` gives one
    score per step (the :class:`~polypick.core.capabilities.StepScorer` capability), and
    ``await prm(prompt, answer)`` one score for a whole answer (split at ``delimiter``, the
    step scores combined by ``aggregate``), so it serves as a process verifier in
    :mod:`polypick.search` and as a reward function anywhere one is taken.

    Args:
        url: the vLLM server's root (``http://localhost:8000``), or your service's URL
            (``format="polypick"``).
        model: the served model name (vLLM refuses requests for a model it does not serve).
        format: a :class:`StepFormat` (:data:`QWEN_PRM`, :data:`MATH_SHEPHERD`, your own) or
            ``"polypick"``.
        aggregate: how step scores make an answer's score: ``last`` (Snell et al.'s best),
            ``min``, ``prod`` or ``mean``.
        delimiter: where a whole answer is split into steps when it is scored as one.
        task: vLLM's pooling ``task`` to ask for (``"token_classify"``); ``None`` leaves it to
            the server's default for the model.
        api_key: sent as a bearer token; defaults to ``POLYPICK_REWARD_API_KEY`` if set.
        timeout: seconds allowed for one request.
    """

    requests_per_score = 1
    """Every score is one request (the :class:`~polypick.core.capabilities.RemoteScorer`
    capability: it counts as usage)."""

    def __init__(
        self,
        url: str,
        *,
        model: str | None = None,
        format: StepFormat | Literal["polypick"] = QWEN_PRM,
        aggregate: Literal["last", "min", "prod", "mean"] = "last",
        delimiter: str = "\n\n",
        task: str | None = None,
        api_key: str | None = None,
        timeout: float = 60.0,
    ) -> None:
        if format != "polypick" and not isinstance(format, StepFormat):
            raise ConfigurationError(
                f"unknown PRM format {format!r}; use QWEN_PRM, MATH_SHEPHERD, a StepFormat "
                "or 'polypick'"
            )
        if isinstance(format, StepFormat) and not model:
            raise ConfigurationError("a vLLM PRM endpoint needs model='<served model name>'")
        if aggregate not in _AGGREGATES:
            raise ConfigurationError(
                f"unknown step aggregation {aggregate!r}; use one of {', '.join(_AGGREGATES)}"
            )
        if not delimiter:
            raise ConfigurationError("the step delimiter must not be empty, e.g. '\\n\\n'")
        self._client = ScorerClient(url, api_key=api_key, timeout=timeout)
        self.url = self._client.url
        self.model = model
        self.format = format
        self._aggregate = aggregate
        self.delimiter = delimiter
        self.task = task

    @property
    def aggregate(self) -> str:
        return self._aggregate

    def __repr__(self) -> str:
        name = self.format if isinstance(self.format, str) else self.format.name
        return f"ProcessRewardEndpoint({self.url!r}, format={name!r}, model={self.model!r})"

    async def aclose(self) -> None:
        await self._client.aclose()

    async def score_steps(self, prompt: str, steps: Sequence[str]) -> list[float]:
        """One score per step of ``steps`` (a solution so far) to ``prompt``: one request."""
        if not steps:
            raise ConfigurationError("a process reward model needs at least one step to score")
        if self.format == "polypick":
            body = {"model": self.model, "prompt": prompt, "steps": list(steps)}
            reply = await self._client.post("", body)
            scores = _field(reply, "scores")
            if not isinstance(scores, list) or len(scores) != len(steps):
                raise InvalidResponseError(
                    f"the PRM service answered {str(reply)[:200]!r}; it must answer "
                    f'{{"scores": [one number per step]}} ({len(steps)} steps)'
                )
            return [_number(s) for s in scores]
        body = self.format.body(self.model, prompt, steps)
        if self.task is not None:
            body["task"] = self.task
        reply = await self._client.post("/pooling", body)
        data = _field(_first(_field(reply, "data")), "data")
        return [_number(s) for s in self.format.read(data, len(steps))]

    async def __call__(self, prompt: str, answer: str) -> float:
        """A whole answer's score: its steps (split at ``delimiter``) scored, then combined."""
        steps = [part.strip() for part in answer.split(self.delimiter) if part.strip()]
        scores = await self.score_steps(prompt, steps or [answer])
        return _AGGREGATES[self._aggregate](scores)


def _field(reply: object, name: str) -> object:
    if not isinstance(reply, dict) or name not in reply:
        raise InvalidResponseError(f"the PRM endpoint answered {str(reply)[:200]!r}, no {name!r}")
    return reply[name]


def _first(items: object) -> object:
    if not isinstance(items, list) or not items:
        raise InvalidResponseError(f"the PRM endpoint answered data={str(items)[:200]!r}")
    return items[0]


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidResponseError(f"the PRM endpoint returned the score {value!r}")
    return float(value)
