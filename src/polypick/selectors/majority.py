"""Majority vote over normalised final answers (self-consistency).

Cost: no model calls. Each candidate's answer is extracted (pluggable), candidates with the same
answer form a group, and the largest group wins; its representative is the group's greedy
candidate if it has one, else its earliest. A candidate's score is its group's vote share;
candidates with no extractable answer score ``None`` and never win while any answer exists.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from polypick.selectors.answers import AnswerExtractor, extract_answer
from polypick.selectors.base import SelectionContext, Selector, Verdict, fallback_index

__all__ = ["MajoritySelector", "vote"]


def vote(answers: Sequence[str | None], greedy: Sequence[bool]) -> Verdict:
    """Pick the most common answer; ties go to the group holding the greedy sample, then the
    group whose first member came earliest."""
    counts = Counter(a for a in answers if a is not None)
    total = sum(counts.values())
    if not counts:
        first_greedy = next((i for i, g in enumerate(greedy) if g), 0)
        return Verdict(index=first_greedy, scores=tuple(None for _ in answers), fallback=True)
    top = max(counts.values())
    leaders = {a for a, c in counts.items() if c == top}
    members = [i for i, a in enumerate(answers) if a in leaders]
    winner = next((i for i in members if greedy[i]), members[0])
    scores = tuple(None if a is None else counts[a] / total for a in answers)
    return Verdict(index=winner, scores=scores)


class MajoritySelector(Selector):
    """Vote over final answers; ``extract`` maps a candidate's text to its answer."""

    name = "majority"
    needs_judge = False

    def __init__(self, extract: AnswerExtractor = extract_answer) -> None:
        self.extract = extract

    def planned_calls(self, n: int) -> int:
        """No model calls."""
        return 0

    async def select(self, context: SelectionContext) -> Verdict:
        answers = [self.extract(c.text) for c in context.candidates]
        verdict = vote(answers, [c.greedy for c in context.candidates])
        if verdict.fallback:
            verdict = verdict.model_copy(update={"index": fallback_index(context.candidates)})
        context.recorder.event(
            "majority.vote", answers=answers, winner=verdict.index, fallback=verdict.fallback
        )
        return verdict
