"""CHOPS, Checklisted One-Pass Selection (Khairi et al. 2025, arXiv 2506.20544).

One judge call writes a checklist for this prompt; one long-context call then sees every
candidate at once, under shuffled neutral labels in delimited blocks, and names the best. With
``permutations=k`` there are ``k`` such calls under balanced orders and the majority wins, so
the judge's position bias cannot decide alone. Cost: ``1 + k`` judge calls (``k`` with a
supplied checklist), plus re-asks of unreadable replies, plus ``k`` per extra group when the
candidates exceed ``max_context_chars`` and are judged in a knockout of groups instead of being
truncated. Trace events: ``chops.checklist``, ``chops.vote``, ``chops.tally``,
``chops.degraded``, ``chops.fallback``. See docs/selectors/chops.md for the full rules.
"""

from __future__ import annotations

import asyncio
import random
import re
from collections import Counter
from collections.abc import Sequence

from polypick.core.types import Message, SamplingParams
from polypick.errors import ConfigurationError
from polypick.selectors._prompting import (
    DATA_NOTICE,
    LabelStyle,
    ask_parsed,
    block,
    conversation_text,
    json_field,
    json_objects,
    language_item,
    make_labels,
    parse_label,
    permutation_orders,
)
from polypick.selectors.base import SelectionContext, Verdict, best_index

__all__ = [
    "GENERIC_CHECKLIST",
    "ChopsSelector",
    "build_checklist",
    "checklist_messages",
    "pack_groups",
    "parse_checklist",
    "selection_messages",
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
    body = block("conversation", conversation_text(prompt)) + "\n\n" + CHECKLIST_TASK
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
    """The one-pass selection prompt: ``shown[j]`` is the candidate labelled ``labels[j]``."""
    parts = [block("conversation", conversation_text(prompt))]
    if checklist:
        parts.append(block("checklist", "\n".join(f"- {item}" for item in checklist)))
    parts += [block("candidate", text, id=label) for text, label in zip(shown, labels, strict=True)]
    parts.append(SELECT_TASK.format(ids=", ".join(labels)))
    return [
        Message(role="system", content=SELECT_SYSTEM),
        Message(role="user", content="\n\n".join(parts)),
    ]


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


def _chars(messages: Sequence[Message]) -> int:
    return sum(len(m.content) for m in messages)


class ChopsSelector:
    """Checklisted one-pass selection: an LLM judge reads all candidates at once.

    Args:
        checklist: ``True`` to have the judge write one per prompt (one call), ``False`` for
            none, or your own items (no call).
        permutations: judge calls per group, each under another order; the majority wins.
        max_context_chars: the most characters of prompt plus candidates one call may carry;
            beyond it candidates are judged in groups (characters, not tokens: the judge's
            tokenizer is unknown; about 4 characters make a token in English, fewer in CJK).
        language_fidelity: never pick an off-language candidate over one in the prompt's
            language.
        labels: ``"numbers"`` (1, 2, ...) or ``"letters"`` (A, B, ...).
        seed: seeds the shuffles, for reproducible orders.
        max_tokens: the judge's reply budget per call.
    """

    name = "chops"
    needs_judge = True

    def __init__(
        self,
        checklist: bool | Sequence[str] = True,
        permutations: int = 1,
        max_context_chars: int = 48_000,
        language_fidelity: bool = True,
        labels: LabelStyle = "numbers",
        seed: int | None = None,
        max_tokens: int = 384,
    ) -> None:
        if isinstance(checklist, str):
            raise ConfigurationError("checklist must be True, False or a list of items")
        if isinstance(permutations, bool) or not isinstance(permutations, int) or permutations < 1:
            raise ConfigurationError(f"permutations must be a whole number >= 1: {permutations!r}")
        if max_context_chars < 1:
            raise ConfigurationError("max_context_chars must be positive")
        if labels not in ("numbers", "letters"):
            raise ConfigurationError(f"labels must be 'numbers' or 'letters', got {labels!r}")
        self.write_checklist = checklist is True
        self.checklist = () if isinstance(checklist, bool) else tuple(checklist)
        self.permutations = permutations
        self.max_context_chars = max_context_chars
        self.language_fidelity = language_fidelity
        self.labels: LabelStyle = labels
        self.seed = seed
        self.params = SamplingParams(temperature=0.0, max_tokens=max_tokens)

    def planned_calls(self, n: int) -> int:
        """One checklist call (unless given) and one call per permutation, when all fit."""
        return int(self.write_checklist) + (self.permutations if n > 1 else 0)

    async def select(self, context: SelectionContext) -> Verdict:
        checklist = await self._checklist(context)
        language = context.language if self.language_fidelity else None
        rng = random.Random(self.seed)
        scores: list[float | None] = [None] * len(context.candidates)
        pool, level, fallback = list(range(len(context.candidates))), 0, False
        while len(pool) > 1:  # one round unless degraded; each round shrinks the pool
            groups = self._groups(context, pool, checklist)
            if len(groups) == len(pool):  # not even two candidates fit in one call
                context.recorder.event("chops.fallback", reason="too long to compare", pool=pool)
                return Verdict(
                    index=self._fallback(context, pool, language),
                    scores=tuple(scores),
                    fallback=True,
                )
            if len(groups) > 1:
                context.recorder.event(
                    "chops.degraded", round=level, groups=groups, limit=self.max_context_chars
                )
            results = await asyncio.gather(
                *(self._judge_group(context, g, checklist, rng, language) for g in groups)
            )
            for group, (_, shares) in zip(groups, results, strict=True):
                for member, share in zip(group, shares or (), strict=False):
                    scores[member] = level + share
            pool, fallback = [w for w, _ in results], any(s is None for _, s in results)
            level += 1
        return Verdict(index=pool[0], scores=tuple(scores), fallback=fallback)

    def _groups(
        self, context: SelectionContext, pool: list[int], checklist: Sequence[str]
    ) -> list[list[int]]:
        widest = max(make_labels(len(pool), self.labels), key=len)
        fixed = _chars(selection_messages(context.prompt, [], [], checklist))
        # a candidate's block, its separator, and its id in the instructions' list of ids
        costs = [
            len(block("candidate", context.candidates[i].text, id=widest)) + len(widest) + 4
            for i in pool
        ]
        return [[pool[p] for p in g] for g in pack_groups(costs, self.max_context_chars - fixed)]

    async def _checklist(self, context: SelectionContext) -> tuple[str, ...]:
        items, source = list(self.checklist), "user" if self.checklist else "none"
        if self.write_checklist:
            assert context.judge is not None, "BestOfN supplies a judge to selectors that need one"
            reply = await context.ask(
                context.judge,
                checklist_messages(context.prompt),
                self.params.model_copy(update={"max_tokens": 256}),
                stage="chops.checklist",
                json_schema=_CHECKLIST_SCHEMA,
            )
            parsed = None if reply is None else parse_checklist(reply.text)
            items, source = (parsed, "judge") if parsed else (list(GENERIC_CHECKLIST), "generic")
        checklist = build_checklist(items, context.language)
        context.recorder.event("chops.checklist", source=source, items=list(checklist))
        return checklist

    async def _judge_group(
        self,
        context: SelectionContext,
        group: list[int],
        checklist: Sequence[str],
        rng: random.Random,
        language: str | None,
    ) -> tuple[int, list[float] | None]:
        """The group's winner and vote shares (``[]``: alone, no call; ``None``: no vote)."""
        if len(group) == 1:
            return group[0], []
        orders = permutation_orders(len(group), self.permutations, rng)
        picks = await asyncio.gather(
            *(self._choose(context, [group[p] for p in order], checklist) for order in orders)
        )
        votes = [group.index(p) for p in picks if p is not None]
        if not votes:
            context.recorder.event("chops.fallback", reason="no readable vote", group=group)
            return self._fallback(context, group, language), None
        shares = tally(votes, len(group))
        members = [context.candidates[i] for i in group]
        winner = group[best_index(shares, members, language) or 0]
        context.recorder.event("chops.tally", group=group, shares=shares, winner=winner)
        return winner, shares

    def _fallback(self, context: SelectionContext, group: list[int], language: str | None) -> int:
        # the greedy candidate, else the earliest; with fidelity, among in-language ones first
        members = [context.candidates[i] for i in group]
        return group[best_index([0.0] * len(group), members, language) or 0]

    async def _choose(
        self, context: SelectionContext, shown: list[int], checklist: Sequence[str]
    ) -> int | None:
        """One selection call over ``shown`` (in that order); the chosen candidate or ``None``."""
        labels = make_labels(len(shown), self.labels)
        texts = [context.candidates[i].text for i in shown]
        label, reply = await ask_parsed(
            context,
            selection_messages(context.prompt, texts, labels, checklist),
            self.params,
            lambda text: parse_label(text, labels),
            stage="chops.select",
            reminder=REMINDER.format(ids=", ".join(labels)),
            json_schema=_select_schema(labels),
        )
        chosen = None if label is None else shown[labels.index(label)]
        reasoning = None if reply is None else json_field(reply.text, "reasoning")
        context.recorder.event(
            "chops.vote",
            shown=shown,
            label=label,
            candidate=chosen,
            reasoning=reasoning[:1000] if isinstance(reasoning, str) else None,
        )
        return chosen


_ITEMS = {"type": "array", "items": {"type": "string", "maxLength": MAX_ITEM_CHARS}}
_CHECKLIST_SCHEMA = {
    "type": "object",
    "properties": {"checklist": {**_ITEMS, "minItems": 1, "maxItems": MAX_ITEMS}},
    "required": ["checklist"],
}


def _select_schema(labels: Sequence[str]) -> dict[str, object]:
    # the reasoning is bounded so that a small judge cannot ramble through its token budget
    reasoning = {"type": "string", "maxLength": MAX_REASONING_CHARS}
    best = {"type": "string", "enum": list(labels)}
    properties = {"reasoning": reasoning, "best": best}
    return {"type": "object", "properties": properties, "required": ["reasoning", "best"]}
