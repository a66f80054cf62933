"""Accuracy against tokens for majority@N, confidence-weighted votes and adaptive stopping, on
real samples from the embedded model (SmolLM2-135M).

Questions are generated here, with their answers: sums and differences of small numbers asked in
eight languages, and short factual questions (capitals, colours, days) in several. Each question
is sampled once with ``n`` samples and token log-probabilities (``top_logprobs=5``); majority@N
(the baseline), DeepConf's confidence-weighted vote (with and without its filter) and
self-certainty's Borda vote all choose among those same samples, so the vote is the only
difference between them. Adaptive stopping runs live: a second ``BestOfN`` call with the same
seeded plan and ``early_stop="agreement"`` (or ``early_stop=Confidence(...)``) draws the same
samples in waves and stops early. Each question is asked once per strategy, so the figures are
per-prompt means over the questions (accuracy, tokens, samples); ratios are to majority@N in the
same run.

    .venv/bin/python benchmarks/confidence.py [--n 8] [--questions 6] [--markdown]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import format_ratio, format_table, ratio

from polypick import BestOfN, Confidence, Hedged, Selection
from polypick.core.types import Message
from polypick.providers import LocalChat
from polypick.selectors import (
    DeepConfSelector,
    MajoritySelector,
    SelectionContext,
    Selector,
    SelfCertaintySelector,
    extract_answer,
    normalize_answer,
)

__all__ = ["Question", "is_correct", "questions"]

_ARITHMETIC = {
    "en": "What is {a} {op} {b}? Reply with 'The answer is N'.",
    "fr": "Combien font {a} {op} {b} ? Répondez par « La réponse est N ».",
    "es": "¿Cuánto es {a} {op} {b}? Responde con 'La respuesta es N'.",
    "de": "Was ist {a} {op} {b}? Antworte mit 'Die Antwort ist N'.",
    "pt": "Quanto é {a} {op} {b}? Responda com 'A resposta é N'.",
    "it": "Quanto fa {a} {op} {b}? Rispondi con 'La risposta è N'.",
    "ru": "Сколько будет {a} {op} {b}? Ответь: 'Ответ: N'.",
    "zh": "{a} {op} {b} 等于多少？请回答“答案是 N”。",
}
_FACTS = [
    ("en", "What is the capital of France? Answer in one word.", "paris"),
    ("fr", "Quelle est la capitale de l'Italie ? Réponds en un mot.", "rome"),
    ("es", "¿Cuál es la capital de España? Responde con una palabra.", "madrid"),
    ("de", "Was ist die Hauptstadt von Deutschland? Antworte mit einem Wort.", "berlin"),
    ("en", "What colour is the sky on a clear day? Answer in one word.", "blue"),
    ("en", "Which day comes after Monday? Answer in one word.", "tuesday"),
    ("it", "Qual è la capitale della Francia? Rispondi con una parola.", "parigi"),
    ("pt", "Qual é a capital de Portugal? Responda com uma palavra.", "lisboa"),
]


@dataclass(frozen=True)
class Question:
    """A generated question, its language and its known answer."""

    prompt: str
    language: str
    answer: str
    numeric: bool


def questions(count: int, seed: int = 0) -> list[Question]:
    """``count`` questions, arithmetic and short factual ones alternating, languages in turn."""
    rng = random.Random(seed)
    languages = sorted(_ARITHMETIC)
    made: list[Question] = []
    for i in range(count):
        if i % 3 == 2:
            language, prompt, answer = _FACTS[(i // 3) % len(_FACTS)]
            made.append(Question(prompt, language, answer, numeric=False))
            continue
        a, b = rng.randint(2, 20), rng.randint(2, 20)
        op = "+" if rng.random() < 0.6 else "-"
        value = a + b if op == "+" else a - b
        language = languages[i % len(languages)]
        made.append(
            Question(
                _ARITHMETIC[language].format(a=a, op=op, b=b), language, str(value), numeric=True
            )
        )
    return made


def is_correct(question: Question, text: str) -> bool:
    """Whether ``text`` gives the known answer: the extracted number for arithmetic, the word
    anywhere in the text for factual questions."""
    if question.numeric:
        return extract_answer(text) == question.answer
    return question.answer in normalize_answer(text)


@dataclass
class Tally:
    correct: int = 0
    tokens: int = 0
    samples: int = 0


def _offline() -> dict[str, Selector]:
    return {
        "majority@N (baseline)": MajoritySelector(),
        "confidence-weighted vote": DeepConfSelector(keep=1.0, measure="bottom"),
        "DeepConf, top 50 % kept": DeepConfSelector(keep=0.5, measure="bottom"),
        "self-certainty Borda vote": SelfCertaintySelector(vote=True),
    }


async def _offline_choices(
    selection: Selection, messages: Sequence[Message], llm: LocalChat
) -> dict[str, str]:
    chosen = {}
    for name, selector in _offline().items():
        context = SelectionContext(messages, selection.candidates, llm=llm, judge=None)
        verdict = await selector.select(context)
        chosen[name] = selection.candidates[verdict.index].text
    return chosen


async def run(n: int, count: int, max_tokens: int) -> tuple[dict[str, Tally], int, float]:
    llm = LocalChat()
    plan = Hedged(temperature=0.8, max_tokens=max_tokens, seed=1)
    sampled = BestOfN(llm, n=n, sampling=plan, selector=DeepConfSelector(keep=1.0))
    live: dict[str, Callable[[], BestOfN]] = {
        "adaptive: early_stop='agreement'": lambda: BestOfN(
            llm, n=n, sampling=plan, selector="majority", early_stop="agreement"
        ),
        "adaptive: early_stop=Confidence()": lambda: BestOfN(
            llm, n=n, sampling=plan, selector=DeepConfSelector(keep=1.0), early_stop=Confidence()
        ),
    }
    stopped = {name: make() for name, make in live.items()}
    tallies: dict[str, Tally] = {name: Tally() for name in [*_offline(), *live]}
    started = time.perf_counter()
    asked = questions(count)
    for question in asked:
        messages = [Message(role="user", content=question.prompt)]
        selection = await sampled.ainvoke(messages)
        full_tokens = selection.usage.generation.total_tokens
        for name, text in (await _offline_choices(selection, messages, llm)).items():
            tallies[name].correct += is_correct(question, text)
            tallies[name].tokens += full_tokens
            tallies[name].samples += len(selection.candidates)
        for name, bon in stopped.items():
            result = await bon.ainvoke(messages)
            tallies[name].correct += is_correct(question, result.text)
            tallies[name].tokens += result.usage.generation.total_tokens
            tallies[name].samples += len(result.candidates) + len(result.failures)
    return tallies, len(asked), time.perf_counter() - started


def report(tallies: dict[str, Tally], count: int, n: int, markdown: bool) -> str:
    base = tallies["majority@N (baseline)"]
    rows = []
    for name, tally in tallies.items():
        rows.append(
            [
                name,
                f"{tally.correct}/{count} ({tally.correct / count:.0%})",
                f"{tally.tokens / count:.0f}",
                f"{tally.samples / count:.1f}",
                format_ratio(ratio(tally.tokens, base.tokens)),
                f"{(tally.correct - base.correct) / count:+.0%}",
            ]
        )
    headers = [
        "strategy",
        "accuracy",
        "tokens/prompt",
        "samples/prompt",
        "tokens vs base",
        "accuracy vs base",
    ]
    return format_table(headers, rows, markdown)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=8)
    parser.add_argument("--questions", type=int, default=6)
    parser.add_argument("--max-tokens", type=int, default=40)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args(argv)
    tallies, count, seconds = asyncio.run(run(args.n, args.questions, args.max_tokens))
    print(f"{count} questions, n={args.n}, SmolLM2-135M, {seconds:.0f} s")
    print(report(tallies, count, args.n, args.markdown))


if __name__ == "__main__":
    main()
