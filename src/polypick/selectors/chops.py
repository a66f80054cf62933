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
from collections.abc import Sequence

from polypick.core.types import SamplingParams
from polypick.errors import ConfigurationError, InvalidResponseError
from polypick.selectors.base import SelectionContext, Selector, Verdict, best_index
from polypick.selectors.chops_prompts import (
    CHECKLIST_SCHEMA,
    GENERIC_CHECKLIST,
    REMINDER,
    build_checklist,
    checklist_messages,
    message_chars,
    pack_groups,
    parse_checklist,
    select_schema,
    selection_messages,
    selection_seal,
    tally,
)
from polypick.selectors.prompting import (
    LabelStyle,
    ask_parsed,
    data_block,
    echoes,
    json_field,
    make_labels,
    parse_label,
    permutation_orders,
)

__all__ = ["ChopsSelector"]


class ChopsSelector(Selector):
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
        labels: ``"codes"`` (default: four characters derived from everything the call shows,
            e.g. ``K7QX``, which no candidate can guess, so a forged verdict names nobody),
            ``"numbers"`` (1, 2, ...) or ``"letters"`` (A, B, ...).
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
        labels: LabelStyle = "codes",
        seed: int | None = None,
        max_tokens: int = 384,
    ) -> None:
        if isinstance(checklist, str):
            raise ConfigurationError("checklist must be True, False or a list of items")
        if isinstance(permutations, bool) or not isinstance(permutations, int) or permutations < 1:
            raise ConfigurationError(f"permutations must be a whole number >= 1: {permutations!r}")
        if max_context_chars < 1:
            raise ConfigurationError("max_context_chars must be positive")
        if labels not in ("codes", "numbers", "letters"):
            raise ConfigurationError(
                f"labels must be 'codes', 'numbers' or 'letters', got {labels!r}"
            )
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
        widest = max(make_labels(len(pool), self.labels, "widest"), key=len)
        fixed = message_chars(selection_messages(context.prompt, [], [], checklist))
        # a candidate's block, its separator, and its id in the instructions' list of ids
        costs = [
            len(data_block("candidate", context.candidates[i].text, id=widest)) + len(widest) + 4
            for i in pool
        ]
        return [[pool[p] for p in g] for g in pack_groups(costs, self.max_context_chars - fixed)]

    async def _checklist(self, context: SelectionContext) -> tuple[str, ...]:
        items, source = list(self.checklist), "user" if self.checklist else "none"
        if self.write_checklist:
            assert context.judge is not None, "BestOfN supplies a judge to selectors that need one"
            messages = checklist_messages(context.prompt)
            reply = await context.ask(
                context.judge,
                messages,
                self.params.model_copy(update={"max_tokens": 256}),
                label="chops.checklist",
                json_schema=CHECKLIST_SCHEMA,
            )
            echoed = reply is not None and echoes(reply.text, messages)
            if echoed:
                context.fail("chops.checklist", InvalidResponseError("the judge echoed its prompt"))
            parsed = None if reply is None or echoed else parse_checklist(reply.text)
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
        texts = [context.candidates[i].text for i in shown]
        labels = make_labels(len(shown), self.labels, selection_seal(context.prompt, texts))
        label, reply = await ask_parsed(
            context,
            selection_messages(context.prompt, texts, labels, checklist),
            self.params,
            lambda text: parse_label(text, labels),
            label="chops.select",
            reminder=REMINDER.format(ids=", ".join(labels)),
            json_schema=select_schema(labels),
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
