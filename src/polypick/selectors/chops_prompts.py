"""CHOPS's prompts and pure helpers: the checklist and selection messages, parsing the judge's
checklist, the vote tally, packing candidates into groups that fit one call, and the JSON schemas
the judge's replies follow. :class:`~polypick.selectors.chops.ChopsSelector` does the calls."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from polypick.core.types import Message
from polypick.selectors.prompting import (
    DATA_NOTICE,
    block,
    conversation_text,
    data_block,
    frame,
    json_objects,
    language_item,
    seal_for,
)

__all__ = [
    "CHECKLIST_SCHEMA",
    "CHECKLIST_SYSTEM",
    "CHECKLIST_TASK",
    "GENERIC_CHECKLIST",
    "MAX_ITEMS",
    "MAX_ITEM_CHARS",
    "MAX_REASONING_CHARS",
    "REMINDER",
    "SELECT_SYSTEM",
    "SELECT_TASK",
    "build_checklist",
    "checklist_messages",
    "message_chars",
    "pack_groups",
    "parse_checklist",
    "select_schema",
    "selection_messages",
    "selection_seal",
    "tally",
]

GENERIC_CHECKLIST = (
    "The answer does what the user asked, completely",
    "The answer is correct: facts, reasoning and any calculations are right",
    "The answer follows every explicit instruction and constraint in the request",
    "The answer is clear, well organised and no longer than it needs to be",
)
"""The checklist used when the judge's checklist cannot be read or its call fails."""

MAX_ITEMS, MAX_ITEM_CHARS, MAX_REASONING_CHARS = 8, 200, 500
CHECKLIST_SYSTEM = "You write short evaluation checklists for answers to a user's request. " + (
    DATA_NOTICE
)
CHECKLIST_TASK = (
    "Write 3 to 6 concise, verifiable yes/no criteria that an excellent answer to this request "
    'meets. Reply with only a JSON object: {"checklist": ["<criterion>", ...]}'
)
SELECT_SYSTEM = (
    "You are an impartial expert judge. You compare several candidate answers to the same "
    "request and name the single best one. Each candidate is enclosed in its own "
    '<candidate id="..."> block, and only that id identifies it. ' + DATA_NOTICE
)
SELECT_TASK = (
    "Check every candidate against the checklist and the request, then name the best. Their "
    "order is random and says nothing about quality; length alone is not quality. Reply with "
    'only a JSON object: {{"reasoning": "<a short comparison>", "best": "<id>"}}, where <id> is '
    "one of: {ids}."
)
REMINDER = (
    'Your reply could not be read. Reply with only a JSON object like {{"reasoning": "...", '
    '"best": "<id>"}}, where <id> is one of: {ids}.'
)
_PLACEHOLDER = re.compile(r"<[^<>]*>|\.\.\.")
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)])\s+(.+?)\s*$", re.MULTILINE)


def checklist_messages(prompt: Sequence[Message]) -> list[Message]:
    """The messages asking the judge for a checklist for ``prompt``."""
    conversation = conversation_text(prompt)
    data = frame(seal_for(conversation), [block("conversation", conversation)])
    body = data + "\n\n" + CHECKLIST_TASK
    return [Message(role="system", content=CHECKLIST_SYSTEM), Message(role="user", content=body)]


def parse_checklist(text: str) -> list[str] | None:
    """Checklist items from a reply (JSON ``checklist`` list, else bullet lines), or ``None``."""
    raw: list[object] = []
    for data in json_objects(text):
        if isinstance(data.get("checklist"), list):
            raw = list(data["checklist"])
            break
    else:
        raw = list(_BULLET.findall(text))
    items = list(dict.fromkeys(s.strip()[:MAX_ITEM_CHARS] for s in raw if isinstance(s, str)))
    # small judges echo the template's "<criterion>" placeholder: not a criterion
    items = [s for s in items if s and not _PLACEHOLDER.fullmatch(s)][:MAX_ITEMS]
    return items or None


def build_checklist(items: Sequence[str], language: str | None) -> tuple[str, ...]:
    """``items`` plus, for a non-English prompt, the language requirement (always, first)."""
    required = language_item(language)
    if required is None:
        return tuple(items)
    return (required, *(s for s in items if s.rstrip(". ") != required))


def selection_messages(
    prompt: Sequence[Message], shown: Sequence[str], labels: Sequence[str], checklist: Sequence[str]
) -> list[Message]:
    """The one-pass selection prompt: ``shown[j]`` is the candidate labelled ``labels[j]``
    (labels from :func:`selection_seal`, for labels no candidate can guess)."""
    conversation = conversation_text(prompt)
    parts = [block("conversation", conversation)]
    if checklist:
        parts.append(block("checklist", "\n".join(f"- {item}" for item in checklist)))
    pairs = zip(shown, labels, strict=True)
    parts += [data_block("candidate", text, id=label) for text, label in pairs]
    data = frame(selection_seal(prompt, shown), parts)
    body = data + "\n\n" + SELECT_TASK.format(ids=", ".join(labels))
    return [Message(role="system", content=SELECT_SYSTEM), Message(role="user", content=body)]


def selection_seal(prompt: Sequence[Message], shown: Sequence[str]) -> str:
    """The seal of a selection call over ``shown``, in that order (its frame, and the seed of
    ``"codes"`` labels)."""
    return seal_for(conversation_text(prompt), *shown)


def tally(votes: Sequence[int], n: int) -> list[float]:
    """Each of ``n`` candidates' share of ``votes`` (candidate indices); all zero if none."""
    counts = Counter(votes)
    return [counts[i] / len(votes) if votes else 0.0 for i in range(n)]


def pack_groups(costs: Sequence[int], room: int) -> list[list[int]]:
    """Split positions ``0..n-1``, in order, into runs whose costs add up to at most ``room``;
    a position too big to share gets a run of its own."""
    groups: list[list[int]] = []
    used = 0
    for i, cost in enumerate(costs):
        if not groups or used + cost > room:
            groups.append([])
            used = 0
        groups[-1].append(i)
        used += cost
    return groups


def message_chars(messages: Sequence[Message]) -> int:
    return sum(len(m.content) for m in messages)


_ITEMS = {"type": "array", "items": {"type": "string", "maxLength": MAX_ITEM_CHARS}}
CHECKLIST_SCHEMA = {
    "type": "object",
    "properties": {"checklist": {**_ITEMS, "minItems": 1, "maxItems": MAX_ITEMS}},
    "required": ["checklist"],
}


def select_schema(labels: Sequence[str]) -> dict[str, object]:
    # the reasoning is bounded so that a small judge cannot ramble through its token budget
    reasoning = {"type": "string", "maxLength": MAX_REASONING_CHARS}
    best = {"type": "string", "enum": list(labels)}
    properties = {"reasoning": reasoning, "best": best}
    return {"type": "object", "properties": properties, "required": ["reasoning", "best"]}
