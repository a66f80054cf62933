"""Pointwise LLM judge: the judge rates each candidate alone; the highest rating wins.

Cost: ``N * samples`` judge calls (concurrent), plus at most one re-ask per rating that could not
be read. The judge is asked for JSON ``{"reasoning": ..., "score": 1-10}``. Reading the answer
(:func:`parse_score`) tries, in order: a JSON object with a ``score`` (or ``rating``) field, a
``score: 7`` / ``rating = 7`` phrase, ``[[7]]``, and ``7/10``; anything outside the scale is
rejected. The documented fallback:

1. a rating that cannot be read is asked for once more, with a reminder of the format;
2. if it still cannot be read, or the judge call fails after retries, that rating is missing
   and the failure is listed in ``Selection.selection_failures``; a candidate's score is the
   mean of its readable ratings, ``None`` if it has none;
3. if no candidate has a score, the greedy candidate (else the first) is returned and the
   result's trace says ``judge.fallback``.

Hardening: the conversation and the answer sit in delimited blocks the answer cannot break out
of, and the judge is told they are data, not instructions. For a non-English prompt the judge
is told that the answer must be in the prompt's language, and (``language_fidelity``) a
candidate detected in another language never wins over one in the prompt's language.

Position bias does not arise (each call sees one candidate), but rating noise does: with
``samples=k`` every candidate is rated ``k`` times, at ``temperature`` 0.7 unless set, and the
ratings are averaged. Ties go to the greedy candidate, then the earliest.
"""

from __future__ import annotations

import asyncio
import re
from statistics import fmean

from polypick.core.types import Candidate, Message, SamplingParams
from polypick.errors import ConfigurationError
from polypick.selectors.base import (
    SelectionContext,
    Selector,
    Verdict,
    scored_verdict,
)
from polypick.selectors.prompting import (
    DATA_NOTICE,
    ask_parsed,
    conversation_text,
    data_block,
    frame,
    json_objects,
    language_item,
    seal_for,
)
from polypick.selectors.prompting import block as _block  # pairwise.py imports it from here

__all__ = ["JudgeSelector", "judge_messages", "parse_score"]

SYSTEM = (
    "You are an impartial expert judge. Rate how well the assistant's answer serves the user's "
    "request: correctness, helpfulness, completeness, clarity, and whether it is written in the "
    "language the user wrote in. " + DATA_NOTICE
)
INSTRUCTIONS = (
    "Rate the answer from {low} (useless) to {high} (excellent). Reply with only a JSON object: "
    '{{"reasoning": "<one or two sentences>", "score": <integer {low}-{high}>}}'
)
REQUIREMENT = "Requirement: {item}. An answer in another language fails the request: rate it low."
REMINDER = (
    "Your reply could not be read. Reply with only a JSON object with your reasoning and the "
    'score: {"reasoning": "<one or two sentences>", "score": <a whole number>}.'
)

_KEYED = re.compile(
    r"\b(?:score|rating)\b[^\w-]{0,3}[:=]?\s*(-?\d+(?:\.\d+)?)(\s*/\s*\d+)?", re.IGNORECASE
)
_BRACKETS = re.compile(r"\[\[\s*(-?\d+(?:\.\d+)?)\s*\]\]")
_OUT_OF = re.compile(r"(-?\d+(?:\.\d+)?)\s*/\s*(\d+)")


def judge_messages(
    prompt: tuple[Message, ...], answer: str, low: int, high: int, language: str | None = None
) -> list[Message]:
    """The messages sent to the judge for one candidate; ``language`` is the prompt's."""
    conversation = conversation_text(prompt)
    data = [_block("conversation", conversation), data_block("answer", answer)]
    parts = [frame(seal_for(conversation, answer), data)]
    item = language_item(language)
    if item is not None:
        parts.append(REQUIREMENT.format(item=item))
    parts.append(INSTRUCTIONS.format(low=low, high=high))
    body = "\n\n".join(parts)
    return [Message(role="system", content=SYSTEM), Message(role="user", content=body)]


def parse_score(text: str, low: float = 1, high: float = 10) -> float | None:
    """Read a rating in ``[low, high]`` from a judge's reply, or ``None`` if there is none."""
    for data in json_objects(text):
        for key in ("score", "rating"):
            value = data.get(key)
            if isinstance(value, int | float) and not isinstance(value, bool):
                return float(value) if low <= value <= high else None
            if isinstance(value, str):
                return _in_range(value, low, high)
    keyed = _KEYED.search(text)
    if keyed:
        out_of = keyed.group(2)
        if out_of and float(out_of.strip().lstrip("/")) != high:
            return None  # "Score: 4/5" is on another scale than ours
        return _in_range(keyed.group(1), low, high)
    bracketed = _BRACKETS.search(text)
    if bracketed:
        return _in_range(bracketed.group(1), low, high)
    match = _OUT_OF.search(text)
    if match and float(match.group(2)) == high:
        return _in_range(match.group(1), low, high)
    return None


def _in_range(raw: str, low: float, high: float) -> float | None:
    try:
        value = float(raw.strip())
    except ValueError:
        return None
    return value if low <= value <= high else None


class JudgeSelector(Selector):
    """Rate every candidate with an LLM judge and keep the best-rated one.

    Args:
        scale: the rating scale, ``(low, high)``.
        max_tokens: the judge's reply budget.
        samples: ratings per candidate, averaged (against rating noise).
        temperature: the judge's temperature; ``None``: 0 for one sample, 0.7 for several
            (identical greedy ratings would average to nothing).
        language_fidelity: never pick an off-language candidate over one in the prompt's
            language.
    """

    name = "judge"
    needs_judge = True

    def __init__(
        self,
        scale: tuple[int, int] = (1, 10),
        max_tokens: int = 256,
        *,
        samples: int = 1,
        temperature: float | None = None,
        language_fidelity: bool = True,
    ) -> None:
        if isinstance(samples, bool) or not isinstance(samples, int) or samples < 1:
            raise ConfigurationError(f"samples must be a whole number >= 1, got {samples!r}")
        self.low, self.high = scale
        self.samples = samples
        self.language_fidelity = language_fidelity
        if temperature is None:
            temperature = 0.0 if samples == 1 else 0.7
        self.params = SamplingParams(temperature=temperature, max_tokens=max_tokens)
        self.schema = {
            "type": "object",
            "properties": {
                # bounded, so a small judge cannot ramble through its whole token budget
                "reasoning": {"type": "string", "maxLength": 400},
                "score": {"type": "integer", "minimum": self.low, "maximum": self.high},
            },
            "required": ["reasoning", "score"],
        }

    def planned_calls(self, n: int) -> int:
        """Judge calls for ``n`` candidates, re-asks of unreadable replies aside."""
        return n * self.samples

    async def select(self, context: SelectionContext) -> Verdict:
        scores = await asyncio.gather(
            *(self._rate(context, i, c) for i, c in enumerate(context.candidates))
        )
        return scored_verdict(context, scores, fidelity=self.language_fidelity, label="judge")

    async def _rate(
        self, context: SelectionContext, index: int, candidate: Candidate
    ) -> float | None:
        messages = judge_messages(
            context.prompt, candidate.text, self.low, self.high, context.language
        )
        replies = await asyncio.gather(
            *(
                ask_parsed(
                    context,
                    messages,
                    self.params,
                    lambda text: parse_score(text, self.low, self.high),
                    label="judge",
                    reminder=REMINDER,
                    json_schema=self.schema,
                    candidate=index,
                )
                for _ in range(self.samples)
            )
        )
        ratings = [rating for rating, _ in replies if rating is not None]
        score = fmean(ratings) if ratings else None
        context.recorder.event("judge.score", candidate=index, score=score, ratings=ratings)
        return score
