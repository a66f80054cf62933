"""Judge calls and judge tokens (prompt + completion) per prompt for every selector, at N = 5, 16.

Each selector runs through ``BestOfN`` over a scripted sampler and a scripted judge that answers
whatever each judge call asks for (a rating, a pairwise winner, a checklist, a choice, a
translation), so the figures are the calls and tokens the selector itself makes — no network,
no model, fully repeatable. Tokens are whitespace-separated words of the judge prompts and
replies (real tokenisers give larger, proportional numbers); they show how cost grows with N.

    .venv/bin/python benchmarks/selection_cost.py [--markdown]
"""

from __future__ import annotations

import argparse
import asyncio

from _common import format_table

from polypick import BestOfN, Selection, Temperature
from polypick.core.protocol import ModelRequest
from polypick.core.types import Completion, SamplingParams, Usage
from polypick.selectors import (
    JudgeSelector,
    MajoritySelector,
    Selector,
    WeightedMajoritySelector,
)
from polypick.selectors.chops import ChopsSelector
from polypick.selectors.mbr import MBRSelector
from polypick.selectors.tournament import TournamentSelector
from polypick.selectors.xmbr import XMBRSelector
from polypick.testing import ScriptedChat

PROMPT = "¿Cuáles son las tres causas principales de la Revolución Francesa? Explica brevemente."
ANSWER = (
    "Las causas principales fueron la crisis económica del Estado, la desigualdad entre los "
    "estamentos y la difusión de las ideas ilustradas. Respuesta número {i}."
)


class SchemaJudge:
    """A judge that reads each call's JSON schema and answers in kind; counts words as tokens."""

    name = "scripted:judge"
    max_n = 1

    def validate(self, params: SamplingParams) -> None:
        """Accepts everything."""

    async def aclose(self) -> None:
        """Nothing to release."""

    async def generate(self, request: ModelRequest) -> list[Completion]:
        messages = request.messages
        properties = (request.json_schema or {}).get("properties", {})
        if "checklist" in properties:
            reply = '{"checklist": ["Names three causes", "Explains each briefly"]}'
        elif "best" in properties:
            reply = f'{{"reasoning": "most complete", "best": "{properties["best"]["enum"][0]}"}}'
        elif "winner" in properties:
            reply = '{"reasoning": "clearer", "winner": "A"}'
        elif "score" in properties:
            reply = '{"reasoning": "solid", "score": 7}'
        else:  # a translation or an evidence sample
            reply = "The main causes were the fiscal crisis, inequality and Enlightenment ideas."
        prompt_tokens = sum(len(m.content.split()) for m in messages)
        usage = Usage(prompt_tokens=prompt_tokens, completion_tokens=len(reply.split()))
        return [Completion(text=reply, usage=usage)]


def selectors() -> dict[str, Selector]:
    return {
        "chops (checklist + 1 call)": ChopsSelector(),
        "chops, 3 permutations": ChopsSelector(permutations=3),
        "judge (pointwise)": JudgeSelector(),
        "weighted_majority (judge)": WeightedMajoritySelector(),
        "tournament, knockout": TournamentSelector("knockout", seed=0),
        "tournament, round robin": TournamentSelector("round_robin", seed=0),
        "mbr, LLM utility": MBRSelector(utility="judge"),
        "mbr, chrF": MBRSelector(utility="chrf"),
        "xmbr, embedding (M=3)": XMBRSelector(evidence=3, utility="embedding"),
        "xmbr, LLM utility (M=3)": XMBRSelector(evidence=3, utility="judge"),
        "majority": MajoritySelector(),
    }


async def measure(selector: Selector, n: int) -> Selection:
    sampler = ScriptedChat(lambda messages, params: ANSWER.format(i=params.seed))
    judge = SchemaJudge()
    plan = Temperature(temperature=0.7, seed=0)
    # X-MBR translates the prompt and samples its evidence with the sampling model.
    bon = BestOfN(
        sampler, n=n, sampling=plan, selector=selector, judge=judge, detect_language=False
    )
    return await bon.ainvoke(PROMPT)


async def main(markdown: bool) -> None:
    sizes = (5, 16)
    headers = ["selector"]
    for n in sizes:
        headers += [f"N={n} calls", f"N={n} judge tokens (prompt + completion)"]
    rows = []
    for name, selector in selectors().items():
        row = [name]
        for n in sizes:
            usage = (await measure(selector, n)).usage.selection
            row.append(str(usage.requests))
            row.append(
                f"{usage.total_tokens:,} ({usage.prompt_tokens:,} + {usage.completion_tokens:,})"
            )
        rows.append(row)
    print(format_table(headers, rows, markdown))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    asyncio.run(main(parser.parse_args().markdown))
