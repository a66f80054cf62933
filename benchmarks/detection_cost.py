"""What language detection costs a call: CPU per detection, and detections per call.

Part 1 — per detection: polypick's detector (py3langid's model over its 139 languages, scored
sparsely) against py3langid's own ``classify`` over the same set as the baseline, on the same
texts, interleaved in rounds; the median CPU time per text (``time.process_time``) and the
ratio. Texts: one-line prompts in ten languages (20 to 60 characters, written for this
benchmark) and answers of about 240 characters (the most prose polypick reads per text), plus
the instruction scan that infers the answer language from the prompt.

Part 2 — per call: how many texts a ``BestOfN(n=4)`` call hands the detector, with a selector
that keeps language fidelity (MBR, the judge, CHOPS) and one that does not (a reward function
with ``language_fidelity=False``), counted by wrapping the default detector (a scripted model:
no network).

    .venv/bin/python benchmarks/detection_cost.py [--rounds 15] [--markdown]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Callable, Sequence

from _common import format_table

from polypick import BestOfN
from polypick.core.answer_language import requested_language
from polypick.core.language import LangidDetector, default_detector
from polypick.selectors import MBRSelector, RewardSelector
from polypick.testing import ScriptedChat

PROMPTS = (
    "What is the capital of France?",
    "¿Cuál es la capital de Francia? Responde en una frase.",
    "Quelle est la capitale de la France ?",
    "Was ist die Hauptstadt von Frankreich?",
    "Hvað er höfuðborg Frakklands?",
    "Какая столица у Франции?",
    "フランスの首都はどこですか？",
    "프랑스의 수도는 어디입니까?",
    "法国的首都是哪里？",
    "Jaké je hlavní město Francie?",
)
ANSWER = (
    "The capital of France is Paris. It has been the seat of the government for most of the "
    "country's history, and with its suburbs it is home to about twelve million people, which "
    "makes it the largest metropolitan area of the European Union by far."
)[:240]
CALL_ANSWERS = ("Paris is the capital.", "It is Paris.", "Paris, of course.", "The answer: Paris.")


def cpu_per_text(work: Callable[[str], object], texts: tuple[str, ...], repeat: int) -> float:
    start = time.process_time()
    for _ in range(repeat):
        for text in texts:
            work(text)
    return (time.process_time() - start) / (repeat * len(texts))


def detections_per_call(selector: object) -> tuple[int, int]:
    """Texts the default detector (``detect_language="auto"``) reads in one call, and in how
    many batches."""
    detector = default_detector()
    texts = batches = 0
    classify = detector.confidences

    def counting(batch: Sequence[str]) -> list[tuple[str | None, float]]:
        nonlocal texts, batches
        texts, batches = texts + len(batch), batches + 1
        return classify(batch)

    detector.confidences = counting  # type: ignore[method-assign,assignment]
    try:
        answers = ["Paris is the capital of France.", "It is Paris.", "Paris.", "Paris, surely."]
        bon = BestOfN(ScriptedChat(answers), n=4, selector=selector, sampling="temperature")
        asyncio.run(bon.ainvoke("What is the capital of France?"))
    finally:
        del detector.confidences
    return texts, batches


def longest(prompt: str, candidate: str) -> float:
    return float(len(candidate))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=50, help="passes over the texts per round")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()

    from py3langid.langid import _load_identifier  # type: ignore[import-untyped]

    ours = LangidDetector()
    ours("warm up: load the model")
    theirs = _load_identifier(norm_probs=True)
    answers = (ANSWER,) * len(PROMPTS)
    cases: dict[str, tuple[Callable[[str], object], tuple[str, ...]]] = {
        "py3langid classify, short prompt (baseline)": (theirs.classify, PROMPTS),
        "polypick detector, short prompt": (ours, PROMPTS),
        "py3langid classify, 240-character answer": (theirs.classify, answers),
        "polypick detector, 240-character answer": (ours, answers),
        "polypick detector, a call's batch (prompt + 4 answers), per text": (
            lambda text: ours.many([text, *CALL_ANSWERS]),
            PROMPTS,
        ),
        "instruction scan (answer language), short prompt": (requested_language, PROMPTS),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.rounds):  # interleaved: the machine's load hits every case alike
        for name, (work, texts) in cases.items():
            times[name].append(cpu_per_text(work, texts, args.repeat))
    base = {
        "short": statistics.median(times["py3langid classify, short prompt (baseline)"]),
        "answer": statistics.median(times["py3langid classify, 240-character answer"]),
    }
    rows = []
    for name, values in times.items():
        med = statistics.median(values)
        if "batch" in name:
            med /= 1 + len(CALL_ANSWERS)
        reference = base["answer"] if "answer" in name.split(",")[-1] else base["short"]
        rows.append([name, f"{med * 1e6:.1f} µs", f"{med / reference:.2f}x"])
    print(f"CPU per text, median of {args.rounds} rounds of {args.repeat} passes")
    print(format_table(["work", "CPU per text", "vs py3langid"], rows, args.markdown))

    default_detector()(
        "loaded before counting: the first call of a process detects the prompt first"
    )
    per_call = {
        "MBR (chrF), language fidelity on (default)": detections_per_call(MBRSelector()),
        "reward, language_fidelity=False": detections_per_call(
            RewardSelector(longest, language_fidelity=False)
        ),
    }
    print()
    print("texts given to the detector per BestOfN(n=4) call")
    rows = [[name, str(texts), str(batches)] for name, (texts, batches) in per_call.items()]
    print(format_table(["selector", "texts", "batches"], rows, args.markdown))


if __name__ == "__main__":
    main()
