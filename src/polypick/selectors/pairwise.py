"""Pairwise LLM judge: which of two responses serves the user better?

The shared primitive behind MBR's judge utility (Khairi et al. 2025, arXiv 2506.20544, the MBR
baseline of section A3) and the pairwise tournament. The judge sees the conversation and two
responses under neutral labels ("Response A", "Response B"), each in a delimited block its text
cannot break out of, and answers JSON ``{"reasoning": ..., "winner": "A" | "B" | "tie"}``
(the schema is passed as ``json_schema``, so backends that constrain decoding follow it). For
non-English prompts the judge is told that an answer in another language fails the user.

The result is P(first better than second): 1, 0, or 0.5 for a tie. LLM judges favour a position,
so by default the pair is judged in both orders and the two verdicts are averaged: a judge that
always answers "A" then scores every pair 0.5 and decides nothing.

Cost: one judge call per order — 2 per pair with ``both_orders`` (the default), 1 without — plus at
most one re-ask per order whose answer cannot be read. The documented fallback:

1. an unreadable answer (:func:`parse_winner` finds no verdict) is asked for once more, with a
   reminder of the format;
2. if it is still unreadable, or the call fails after retries, that order gives no verdict and the
   failure is recorded (``context.fail``) and listed in ``Selection.selection_failures``;
3. if no order gave a verdict the preference is ``None``: callers ignore the pair.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Iterable, Sequence
from typing import Any, Literal, TypeVar

from polypick.core.types import Message, SamplingParams
from polypick.errors import ConfigurationError
from polypick.selectors.base import SelectionContext
from polypick.selectors.prompting import (
    DATA_NOTICE,
    ask_parsed,
    block,
    conversation_text,
    data_block,
    frame,
    json_objects,
    language_name,
    seal_for,
)

__all__ = [
    "REMINDER",
    "compare",
    "gather_limited",
    "pairwise_messages",
    "pairwise_schema",
    "parse_winner",
    "prefer",
]

Winner = Literal["A", "B", "tie"]
Label = int | str
T = TypeVar("T")

SYSTEM = (
    "You are an impartial expert judge. Compare two responses to the user's request and decide "
    "which serves the user better: correctness, helpfulness, completeness and clarity. Their "
    "order and labels say nothing about their quality, and a response is not better for being "
    "longer. " + DATA_NOTICE
)
LANGUAGE = (
    " The user wrote in {name}: a response that is not written in {name} fails the user, "
    "whatever its content."
)
CROSS_LINGUAL = (
    " The two responses may be written in different languages: compare what they say, not the "
    "language they are written in."
)
INSTRUCTIONS = (
    'Which response is better? Answer "tie" only if they are equally good. Reply with only a JSON '
    'object: {"reasoning": "<one or two sentences>", "winner": "<A, B or tie>"}'
)
REMINDER = (
    "Your reply could not be read. Reply with only a JSON object with your reasoning and the "
    'winner: {"reasoning": "<one or two sentences>", "winner": "<A, B or tie>"}.'
)
REASONING_CHARS = 400

_WINNER_FIELD = re.compile(r'"winner"\s*:\s*"([^"]{1,20})"', re.IGNORECASE)
_BRACKETS = re.compile(r"\[\[\s*(A|B|C|tie)\s*\]\]", re.IGNORECASE)
_WINNER_PHRASE = re.compile(
    r"\bwinner\b\s*(?:is\s*)?[:=]?\s*(?:response\s+)?\b(A|B|tie)\b", re.IGNORECASE
)


def pairwise_schema(reasoning_chars: int = REASONING_CHARS) -> dict[str, Any]:
    """The JSON schema of a pairwise verdict; the reasoning is bounded so a small judge cannot
    ramble through its whole token budget before naming the winner."""
    return {
        "type": "object",
        "properties": {
            "reasoning": {"type": "string", "maxLength": reasoning_chars},
            "winner": {"type": "string", "enum": ["A", "B", "tie"]},
        },
        "required": ["reasoning", "winner"],
    }


def pairwise_messages(
    prompt: Sequence[Message],
    first: str,
    second: str,
    *,
    language: str | None = None,
    cross_lingual: bool = False,
) -> list[Message]:
    """The messages that ask the judge to compare ``first`` (Response A) with ``second`` (B)."""
    system = SYSTEM
    if cross_lingual:
        system += CROSS_LINGUAL
    elif language is not None and language != "en":
        system += LANGUAGE.format(name=language_name(language))
    conversation = conversation_text(prompt)
    data = [
        block("conversation", conversation),
        "Response A:\n" + data_block("candidate", first, label="A"),
        "Response B:\n" + data_block("candidate", second, label="B"),
    ]
    body = frame(seal_for(conversation, first, second), data) + "\n\n" + INSTRUCTIONS
    return [Message(role="system", content=system), Message(role="user", content=body)]


def _as_winner(raw: str) -> Winner | None:
    value = raw.strip().strip(".").lower().removeprefix("response").strip()
    if value in ("a", "b"):
        return "A" if value == "a" else "B"
    return "tie" if value in ("tie", "draw", "equal", "both", "neither") else None


def parse_winner(text: str) -> Winner | None:
    """Read a verdict from a judge's reply, or ``None`` if there is none.

    Tries, in order: a JSON object's ``winner`` field, a ``"winner": "A"`` fragment of broken
    JSON, ``[[A]]`` / ``[[B]]`` / ``[[C]]`` (tie, as in MT-Bench), ``winner: A`` / ``the winner
    is Response B``, and a bare ``A`` / ``B`` / ``tie`` reply.
    """
    for data in json_objects(text):
        if isinstance(data.get("winner"), str):
            return _as_winner(data["winner"])
    field = _WINNER_FIELD.search(text)
    if field:
        return _as_winner(field.group(1))
    bracketed = _BRACKETS.search(text)
    if bracketed:
        letter = bracketed.group(1).upper()
        return "tie" if letter in ("C", "TIE") else _as_winner(letter)
    phrase = _WINNER_PHRASE.search(text)
    if phrase:
        return _as_winner(phrase.group(1))
    return _as_winner(text) if len(text.strip()) <= 12 else None


async def gather_limited(awaitables: Iterable[Awaitable[T]], limit: int | None) -> list[T]:
    """``asyncio.gather`` with at most ``limit`` awaitables running at once (``None``: no cap)."""
    if limit is None:
        return list(await asyncio.gather(*awaitables))
    gate = asyncio.Semaphore(limit)

    async def run(awaitable: Awaitable[T]) -> T:
        async with gate:
            return await awaitable

    return list(await asyncio.gather(*(run(a) for a in awaitables)))


async def compare(
    context: SelectionContext,
    first: str,
    second: str,
    *,
    labels: tuple[Label, Label] = ("first", "second"),
    both_orders: bool = True,
    cross_lingual: bool = False,
    max_tokens: int = 256,
    stage: str = "pairwise",
) -> float | None:
    """P(``first`` is better than ``second``) from the judge, or ``None`` if it gave no verdict.

    ``labels`` name the two texts in the trace (candidate indices, or e.g. ``"e0"`` for
    evidence). With ``both_orders=False`` ``first`` is shown as Response A, so callers should
    alternate positions. ``cross_lingual`` tells the judge to ignore the responses' languages.
    """
    if context.judge is None:
        raise ConfigurationError("pairwise comparison needs a judge model; pass judge=...")
    params = SamplingParams(temperature=0.0, max_tokens=max_tokens)
    schema = pairwise_schema()
    shown = [(first, second)] + ([(second, first)] if both_orders else [])
    candidate = labels[0] if isinstance(labels[0], int) else None
    verdicts = await asyncio.gather(
        *(
            ask_parsed(
                context,
                pairwise_messages(
                    context.prompt, a, b, language=context.language, cross_lingual=cross_lingual
                ),
                params,
                parse_winner,
                label=stage,
                reminder=REMINDER,
                json_schema=schema,
                candidate=candidate,
            )
            for a, b in shown
        )
    )
    winners = [winner for winner, _ in verdicts]
    # order 0 shows `first` as A, order 1 shows it as B: map both to P(first wins)
    votes = [
        0.5 if w == "tie" else float((w == "A") == (order == 0))
        for order, w in enumerate(winners)
        if w is not None
    ]
    p = sum(votes) / len(votes) if votes else None
    context.recorder.event(
        f"{stage}.preference", a=labels[0], b=labels[1], verdicts=list(winners), p=p
    )
    return p


async def prefer(
    context: SelectionContext,
    a: int,
    b: int,
    *,
    both_orders: bool = True,
    max_tokens: int = 256,
    stage: str = "pairwise",
) -> float | None:
    """P(candidate ``a`` is better than candidate ``b``) in [0, 1] (0.5: a tie), or ``None``.

    Cost: 2 judge calls with ``both_orders`` (1 without), plus at most one re-ask per order.
    """
    return await compare(
        context,
        context.candidates[a].text,
        context.candidates[b].text,
        labels=(a, b),
        both_orders=both_orders,
        max_tokens=max_tokens,
        stage=stage,
    )
