"""The step-wise tree search shared by beam search, DVTS and lookahead.

One loop covers the three (Snell et al., 2024, section 5): the ``n`` beams are split into
``subtrees`` independent groups (1 for beam search, ``n / width`` for DVTS). Every round each
live beam is extended by one sampled step, each extension is scored by the verifier (after
``lookahead`` greedy steps, for lookahead search), and each group keeps its ``keep`` best
unfinished beams (``group_size / width``), each expanded into ``width`` beams for the next round.
A beam is finished when the model ends its answer (identical finished beams of a group count
once); a group stops once it has ``keep`` finished beams, and the search after ``max_rounds``.
A step the token limit cut off is continued before it is scored (:meth:`SearchRun.step`); one
still cut off after ``max_continuations`` ends its beam as a cut-off answer, which is returned
only when its group finished nothing better.
Groups never see each other's beams or scores. When the deadline passes, the round it cut short
is dropped and the search ends with what the earlier rounds found.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from polypick.core.types import SamplingParams
from polypick.search._run import SearchRun, Solution, cut_off
from polypick.search.continuation import Step
from polypick.search.steps import top_k

__all__ = ["Beam", "TreeShape", "tree_search"]


@dataclass(frozen=True)
class TreeShape:
    """The knobs of one tree search."""

    n: int
    width: int
    subtrees: int = 1
    max_rounds: int = 40
    lookahead: int = 0

    @property
    def group_size(self) -> int:
        return self.n // self.subtrees

    @property
    def keep(self) -> int:
        return max(1, self.group_size // self.width)


@dataclass(frozen=True)
class Beam:
    """A partial answer in one group, with its latest score."""

    steps: tuple[str, ...]
    group: int
    score: float | None = None
    ended: bool = False
    cut: bool = False


def extend(beam: Beam, step: Step | None) -> Beam | None:
    """``beam`` after ``step``: finished when the model ended or wrote nothing, given up (and
    marked ``cut``) when the step is still cut off by the token limit; ``None`` when the call
    failed or nothing was ever written."""
    if step is None:
        return None
    text = step.text.strip()
    if not text:
        return Beam(beam.steps, beam.group, beam.score, ended=True) if beam.steps else None
    if cut_off(step.finish_reason):
        return Beam((*beam.steps, text), beam.group, None, ended=True, cut=True)
    return Beam((*beam.steps, text), beam.group, None, ended=bool(step.ended))


async def _rollout(
    run: SearchRun, steps: tuple[str, ...], k: int, params: SamplingParams
) -> list[str]:
    """``steps`` followed by up to ``k`` greedy steps (for scoring only)."""
    path = list(steps)
    for _ in range(k):
        step = await run.step(path, params)
        if step is None or not step.text.strip():
            break
        path.append(step.text.strip())
        if step.ended:
            break
    return path


async def _score(
    run: SearchRun, beams: list[Beam], shape: TreeShape, params: SamplingParams
) -> list[Beam]:
    """Score beams that have a new step; finished beams with no new step keep their score."""
    fresh = [i for i, b in enumerate(beams) if b.score is None]
    greedy = params.model_copy(update={"temperature": 0.0, "seed": None})
    if shape.lookahead:
        paths = await asyncio.gather(
            *(
                _rollout(run, beams[i].steps, 0 if beams[i].ended else shape.lookahead, greedy)
                for i in fresh
            )
        )
    else:
        paths = [list(beams[i].steps) for i in fresh]
    scores = await run.score_all(paths)
    scored = list(beams)
    for i, score in zip(fresh, scores, strict=True):
        b = beams[i]
        value = score if score is not None else float("nan")
        scored[i] = Beam(b.steps, b.group, value, b.ended, b.cut)
    return scored


def _next_round(beams: Sequence[Beam], shape: TreeShape, finished: Sequence[int]) -> list[Beam]:
    """Each open group's ``keep`` best unfinished beams, each expanded ``width`` times."""
    live: list[Beam] = []
    for group in range(shape.subtrees):
        if finished[group] >= shape.keep:
            continue
        members = [b for b in beams if b.group == group and not b.ended]
        kept = [members[i] for i in top_k([b.score for b in members], shape.keep)]
        live += [b for b in kept for _ in range(shape.width)][: shape.group_size]
    return live


async def tree_search(run: SearchRun, params: SamplingParams, shape: TreeShape) -> list[Solution]:
    """Run the search and return every finished solution (or, for groups that finished none
    within ``max_rounds``, their best partial one)."""
    live = [Beam((), g) for g in range(shape.subtrees) for _ in range(shape.group_size)]
    solutions: list[Solution] = []
    finished = [0] * shape.subtrees
    best_open: dict[int, Beam] = {}  # each group's best unfinished beam of the last round
    given_up: dict[int, list[Beam]] = {}  # beams whose last step stayed cut off
    seen: set[tuple[tuple[str, ...], int]] = set()
    for round_number in range(shape.max_rounds):
        if not live or run.expired():
            break
        steps = await asyncio.gather(*(run.step(b.steps, params) for b in live))
        grown = [b for b in (extend(b, s) for b, s in zip(live, steps, strict=True)) if b]
        scored = await _score(run, grown, shape, params)
        if run.timed_out:  # a round the deadline cut short is incomplete: keep the last whole one
            break
        for beam in scored:
            if beam.cut:  # a fallback only: the model never finished it
                given_up.setdefault(beam.group, []).append(beam)
                run.recorder.event("search.step.cut", group=beam.group, steps=len(beam.steps))
                continue
            # Copies of one beam that all end with an empty step are one solution, not several
            # votes for it.
            if beam.ended and (beam.steps, beam.group) not in seen:
                seen.add((beam.steps, beam.group))
                finished[beam.group] += 1
                solutions.append(Solution(beam.steps, beam.score, params, True, beam.group))
        live = _next_round(scored, shape, finished)
        best_open.update({b.group: b for b in reversed(live)})  # each group's best comes first
        run.recorder.event(
            "search.round", round=round_number, live=len(live), finished=sum(finished)
        )
    for group in range(shape.subtrees):
        fallback = [b for b in (best_open.get(group), *given_up.get(group, ())) if b and b.steps]
        if not finished[group] and fallback:
            beam = fallback[top_k([b.score for b in fallback], 1)[0]]
            solutions.append(Solution(beam.steps, beam.score, params, False, group))
    return solutions
