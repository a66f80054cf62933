"""Scripted models for the evaluation tests: a system that answers from a table and a judge that
prefers the answer holding a marker word, optionally with a position bias."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from polypick.core.types import Message, SamplingParams
from polypick.selectors.prompting import unmark
from polypick.testing import ScriptedChat

Responder = Callable[[Sequence[Message], SamplingParams], str]
_BLOCK = re.compile(r'<candidate label="([AB])">\n(.*?)\n</candidate>', re.DOTALL)


def shown(messages: Sequence[Message]) -> dict[str, str]:
    """The two answers a pairwise judge request shows, by label."""
    return dict([(k, unmark(v)) for k, v in _BLOCK.findall(messages[-1].content)])


def marker_judge(marker: str = "GOOD", *, bias: str | None = None) -> ScriptedChat:
    """Prefers the response containing ``marker``; a tie when both or neither do. With
    ``bias="A"`` it always answers A (a pure position bias)."""

    def reply(messages: Sequence[Message], params: SamplingParams) -> str:
        if bias is not None:
            return json.dumps({"reasoning": "first", "winner": bias})
        blocks = shown(messages)
        has = {label: marker in text for label, text in blocks.items()}
        winner = "tie" if has["A"] == has["B"] else ("A" if has["A"] else "B")
        return json.dumps({"reasoning": "checked", "winner": winner})

    return ScriptedChat(reply, name="judge")


def table_model(answers: Mapping[str, str], *, stochastic: str | None = None) -> ScriptedChat:
    """Answers each prompt from ``answers`` (keyed by the last user message); samples drawn at a
    temperature above 0 answer ``stochastic`` instead, when given."""

    def reply(messages: Sequence[Message], params: SamplingParams) -> str:
        if stochastic is not None and params.temperature > 0:
            return stochastic
        return answers[messages[-1].content]

    return ScriptedChat(reply, name="system")


def write_jsonl(path: Path, rows: Sequence[Mapping[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path
