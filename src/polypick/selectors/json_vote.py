"""Selection among structured answers: a vote on their canonical JSON.

When every sample is meant to be one JSON value (LangChain's ``with_structured_output``, an
agent's ``response_format``), two samples agree when they say the same thing, whatever their
key order or spacing: each candidate's key is its text parsed as JSON and written back with
sorted keys and no spacing (a candidate that answered with tool calls instead has the key of its
canonical calls). The most common key wins (self-consistency over structured answers); ties go to
the greedy sample, then the earliest. A candidate that is not JSON has no vote and never wins
while another has. No model calls.
"""

from __future__ import annotations

import json

from polypick.core.types import Candidate
from polypick.selectors.base import SelectionContext, Selector, Verdict, fallback_index
from polypick.selectors.majority import vote

__all__ = ["JsonVoteSelector", "canonical_json", "structured_key"]


def canonical_json(value: object) -> str:
    """``value`` as JSON with sorted keys and no spacing: equal values, equal text."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def structured_key(candidate: Candidate) -> str | None:
    """What a candidate answers, canonically: its JSON, else its tool calls, else ``None``."""
    try:
        return "json:" + canonical_json(json.loads(candidate.text))
    except ValueError:
        pass
    if candidate.tool_calls:
        return "tools:" + "|".join(call.key() for call in candidate.tool_calls)
    return None


class JsonVoteSelector(Selector):
    """Majority vote over canonical JSON answers (see the module documentation)."""

    name = "json_vote"
    needs_judge = False
    handles_tool_calls = True

    def planned_calls(self, n: int) -> int:
        """No model calls."""
        return 0

    async def select(self, context: SelectionContext) -> Verdict:
        keys = [structured_key(c) for c in context.candidates]
        verdict = vote(keys, [c.greedy for c in context.candidates])
        if verdict.fallback:
            verdict = verdict.model_copy(update={"index": fallback_index(context.candidates)})
        context.recorder.event("json_vote.vote", keys=keys, winner=verdict.index)
        return verdict
