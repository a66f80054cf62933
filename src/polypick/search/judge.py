"""An LLM as a step-level judge: a process verifier backed by any chat model.

The judge sees the request and the numbered steps of a (partial) solution, each in a delimited
block it is told is data, and replies with JSON: one probability-like score in ``[0, 1]`` per
step (``rate="each"``), or one for the newest step given the earlier ones (``rate="last"``, a
cheaper reply). Calls go through the call's gateway (retries, deadline) with stage ``verifier``,
so their tokens and requests are counted in ``Selection.usage.selection``. A reply that cannot
be read is a ``VerifierReplyError``: that prefix stays unscored (its cost still counted) and the
search carries on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from polypick.core.capabilities import validate
from polypick.core.gateway import CallOutcome, Gateway
from polypick.core.protocol import ChatModel, ModelRequest
from polypick.core.retry import RetryPolicy
from polypick.core.trace import Recorder
from polypick.core.types import Message, SamplingParams, Usage
from polypick.providers import ModelSpec, resolve_model
from polypick.search.steps import Aggregate, aggregate
from polypick.search.verifiers import ProcessVerifier, Scored, VerifierReplyError
from polypick.selectors.prompting import DATA_NOTICE, block, json_objects

__all__ = ["LLMStepJudge", "parse_step_scores", "step_judge_messages"]

SYSTEM = (
    "You check solutions step by step. For a step, give the probability (0 to 1) that it is "
    "correct and leads towards a correct final answer. " + DATA_NOTICE
)
EACH = 'Rate every step. Reply with only JSON: {{"scores": [<{count} numbers from 0 to 1>]}}'
LAST = 'Rate only the last step. Reply with only JSON: {{"score": <a number from 0 to 1>}}'


def step_judge_messages(
    prompt: str, steps: Sequence[str], rate: Literal["each", "last"]
) -> list[Message]:
    """What the judge is sent for one (partial) solution."""
    parts = [block("conversation", prompt)]
    parts += [block("answer", step, step=str(i)) for i, step in enumerate(steps, 1)]
    parts.append(EACH.format(count=len(steps)) if rate == "each" else LAST.format())
    return [
        Message(role="system", content=SYSTEM),
        Message(role="user", content="\n\n".join(parts)),
    ]


def _unit(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if 0.0 <= value <= 1.0 else None


def parse_step_scores(text: str, count: int, rate: Literal["each", "last"]) -> list[float] | None:
    """The judge's scores, one per step (``rate="last"``: the last step's score repeated, since
    it judges the solution so far); ``None`` when the reply does not have them."""
    for data in json_objects(text):
        if rate == "last":
            score = _unit(data.get("score"))
            if score is not None:
                return [score] * count
            continue
        raw = data.get("scores")
        if isinstance(raw, list) and len(raw) == count:
            scores = [_unit(v) for v in raw]
            if all(s is not None for s in scores):
                return [s for s in scores if s is not None]
    return None


class LLMStepJudge(ProcessVerifier):
    """A process verifier that asks an LLM to rate the steps of a solution.

    Args:
        judge: a model spec (``"local"``, ``"openai:gpt-4o"``) or backend.
        rate: ``"each"`` step, or only the ``"last"`` one (every step then carries its score,
            so use it with ``aggregate="last"``).
        aggregate: how step scores make one score (``last``, ``min``, ``prod``, ``mean``).
        delimiter: splits whole answers into steps when used as an outcome verifier.
        max_tokens: the judge's reply budget.
    """

    def __init__(
        self,
        judge: ModelSpec,
        *,
        rate: Literal["each", "last"] = "each",
        aggregate: Aggregate = "last",
        delimiter: str = "\n\n",
        max_tokens: int = 256,
    ) -> None:
        super().__init__(aggregate=aggregate, delimiter=delimiter)
        self.judge: ChatModel = resolve_model(judge)
        self.rate: Literal["each", "last"] = rate
        self.params = SamplingParams(temperature=0.0, max_tokens=max_tokens)
        validate(self.judge, self.params)

    def __repr__(self) -> str:
        return f"LLMStepJudge(judge={self.judge.name!r}, rate={self.rate!r})"

    def schema(self, count: int) -> dict[str, Any]:
        """The JSON schema of the reply, for backends that constrain decoding."""
        unit = {"type": "number", "minimum": 0, "maximum": 1}
        if self.rate == "last":
            return {"type": "object", "properties": {"score": unit}, "required": ["score"]}
        scores = {"type": "array", "items": unit, "minItems": count, "maxItems": count}
        return {"type": "object", "properties": {"scores": scores}, "required": ["scores"]}

    async def score_steps(self, prompt: str, steps: Sequence[str]) -> list[float]:
        outcome = await self.measure(prompt, steps, Gateway(Recorder(), RetryPolicy()))
        if outcome.value is None:
            raise outcome.error or VerifierReplyError("no reply", usage=Usage())
        return list(outcome.value.steps)

    async def measure(
        self, prompt: str, steps: Sequence[str], gateway: Gateway
    ) -> CallOutcome[Scored]:
        """One judge call through ``gateway`` (billed to the ``selection`` account)."""
        messages = step_judge_messages(prompt, steps, self.rate)
        request = ModelRequest(
            tuple(messages), self.params, 1, "verifier", json_schema=self.schema(len(steps))
        )
        outcome = await gateway.generate(self.judge, request, label="search.verifier")
        if not outcome.value:
            return CallOutcome(
                None, outcome.error, outcome.attempts, outcome.sent, outcome.latency_s
            )
        reply = outcome.value[0]
        usage = Usage(requests=outcome.sent) + (Usage() if reply.cached else reply.usage)
        scores = parse_step_scores(reply.text, len(steps), self.rate)
        if scores is None:
            error = VerifierReplyError(
                f"the step judge's reply has no usable scores: {reply.text[:200]!r}",
                usage=usage,
                provider=self.judge.name,
            )
            return CallOutcome(None, error, outcome.attempts, outcome.sent, outcome.latency_s)
        scored = Scored(tuple(scores), aggregate(scores, self.aggregate), usage)
        return CallOutcome(scored, None, outcome.attempts, outcome.sent, outcome.latency_s)
