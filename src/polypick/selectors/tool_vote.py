"""Selection among candidates that call tools: a vote on the canonical calls.

When a model can answer with tool calls (LangChain ``bind_tools``, ``with_structured_output``,
agents), candidates are actions rather than prose, and judging prose does not apply. The policy:
each candidate's key is its tool calls in canonical form — each call's name plus its arguments
with sorted keys, in the order the model gave them; a candidate with no tool call has the key of
its normalised text. The most common key wins (self-consistency over actions); ties go to the
greedy sample, then the earliest. No model calls.

``BestOfN`` applies this policy automatically whenever any surviving candidate calls a tool and
the configured selector does not declare ``handles_tool_calls = True``; the trace says so.
"""

from __future__ import annotations

from polypick.core.types import Candidate
from polypick.selectors.answers import normalize_answer
from polypick.selectors.base import SelectionContext, Selector, Verdict
from polypick.selectors.majority import vote

__all__ = ["ToolCallVoteSelector", "action_key"]


def action_key(candidate: Candidate) -> str:
    """The canonical form of what a candidate does: its tool calls, else its text."""
    if candidate.tool_calls:
        return "tools:" + "|".join(call.key() for call in candidate.tool_calls)
    return "text:" + normalize_answer(candidate.text)


class ToolCallVoteSelector(Selector):
    """Majority vote over canonical tool calls (see the module documentation)."""

    name = "tool_vote"
    needs_judge = False
    handles_tool_calls = True

    def planned_calls(self, n: int) -> int:
        """No model calls."""
        return 0

    async def select(self, context: SelectionContext) -> Verdict:
        keys = [action_key(c) for c in context.candidates]
        verdict = vote(keys, [c.greedy for c in context.candidates])
        context.recorder.event("tool_vote.vote", keys=keys, winner=verdict.index)
        return verdict
