"""Scripted samplers and pairwise judges shared by the MBR and tournament tests."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from polypick import Temperature
from polypick.core.types import Message, SamplingParams
from polypick.selectors.prompting import unmark
from polypick.testing import Reply, ScriptedChat

SEEDED = Temperature(seed=0)  # sample i gets seed i: the scripts answer by seed
SHOWN = re.compile(r'<candidate label="([AB])">\n(.*?)\n</candidate>', re.DOTALL)


def sampler(texts: Sequence[str]) -> ScriptedChat:
    """A sampling model whose sample i (seed i) answers ``texts[i]``."""
    return ScriptedChat(lambda messages, params: texts[params.seed or 0], name="sampler")


def judging(fn: Callable[[str, str], Reply]) -> ScriptedChat:
    """A judge answering ``fn(response_a, response_b)``."""

    def respond(messages: Sequence[Message], params: SamplingParams) -> Reply:
        found = dict([(k, unmark(v)) for k, v in SHOWN.findall(messages[1].content)])
        return fn(found["A"], found["B"])

    return ScriptedChat(respond, name="judge")


def verdict(winner: str) -> str:
    """A pairwise judge's JSON reply naming ``winner`` ("A" or "B")."""
    return f'{{"reasoning": "because", "winner": "{winner}"}}'
