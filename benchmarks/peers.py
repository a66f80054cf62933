"""Wall time of best-of-N against peers: DSPy's BestOfN, a sequential loop and a single call.

The fake OpenAI-compatible server runs in a child process with a fixed per-request latency
(``--latency``) and answers in DSPy's output format, so DSPy parses every reply on the first try.
For each N it times, interleaved and ``--repeats`` times each:

- one chat request made with the ``openai`` SDK (the baseline);
- a naive sequential loop: N SDK requests, each awaited before the next;
- DSPy's ``BestOfN`` over ``dspy.Predict("question -> answer")``, with the response cache off
  (``cache=False``; each attempt also has its own rollout id) and a threshold it never reaches,
  so all N attempts run;
- polypick's ``BestOfN`` against a server that honours ``n`` (one request) and against one that
  ignores it (N concurrent requests).

Both libraries draw N samples at temperature 1.0 and keep the longest answer (the same cheap
reward); polypick also runs its default language detection and injection screening. Before
timing, each contender runs twice and the server counts its requests, so the table shows that
every contender did the work it claims (DSPy: N requests per run, not served from a cache).

    .venv/bin/python benchmarks/peers.py [--sizes 4 8 16] [--latency 0.2] [--repeats 7]
        [--markdown]
"""

from __future__ import annotations

import argparse
import asyncio
import os
from collections.abc import Awaitable, Callable
from typing import Any

import dspy  # type: ignore[import-untyped]
import openai
from _common import (
    Case,
    ServerProcess,
    format_ratio,
    format_table,
    interleaved,
    median,
    ratio,
)

from polypick import BestOfN, Temperature
from polypick.providers import OpenAIChat

PROMPT = "Write one sentence about the sea."
MODEL = "fake-gpt"
# DSPy's chat adapter format; polypick keeps the text as it is.
REPLY = "[[ ## answer ## ]]\nThe sea is wide and grey, answer {index}.\n\n[[ ## completed ## ]]"
SINGLE, LOOP, DSPY = "one call (SDK)", "sequential loop (SDK)", "DSPy BestOfN"
GATHERED = "concurrent calls (SDK)"
HONOURED, IGNORED = "polypick BestOfN, n honoured", "polypick BestOfN, n ignored"


def longest(prompt: str, candidate: str) -> float:
    """polypick's reward: the longest answer wins."""
    return float(len(candidate))


def dspy_longest(inputs: dict[str, object], prediction: dspy.Prediction) -> float:
    """DSPy's reward, the same rule."""
    return float(len(prediction.answer))


def make_cases(
    n: int, honours: str, ignores: str
) -> tuple[dict[str, Case], Callable[[], Awaitable[None]]]:
    """The contenders for one N, and a coroutine function that closes what they opened."""
    raw = openai.AsyncOpenAI(base_url=honours + "/v1", api_key="test", max_retries=0)
    raw_ignoring = openai.AsyncOpenAI(base_url=ignores + "/v1", api_key="test", max_retries=0)
    plan = Temperature(temperature=1.0)
    with_n = BestOfN(OpenAIChat(MODEL, base_url=honours + "/v1"), n, plan, longest)
    fan_out = BestOfN(
        OpenAIChat(MODEL, base_url=ignores + "/v1", n_support=False), n, plan, longest
    )
    predict = dspy.Predict("question -> answer")
    peer = dspy.BestOfN(module=predict, N=n, reward_fn=dspy_longest, threshold=float("inf"))
    request: dict[str, Any] = {
        "model": MODEL,
        "messages": [{"role": "user", "content": PROMPT}],
        "temperature": 1.0,
    }

    async def single() -> None:
        await raw.chat.completions.create(**request)

    async def loop() -> None:
        for _ in range(n):
            await single()

    async def gathered() -> None:
        await asyncio.gather(*(raw_ignoring.chat.completions.create(**request) for _ in range(n)))

    async def dspy_run() -> None:
        peer(question=PROMPT)  # synchronous: DSPy's BestOfN has no async path

    async def close() -> None:
        await raw.close()
        await raw_ignoring.close()
        await with_n.aclose()
        await fan_out.aclose()

    cases: dict[str, Case] = {
        SINGLE: single,
        LOOP: loop,
        DSPY: dspy_run,
        HONOURED: lambda: with_n.ainvoke(PROMPT),
        IGNORED: lambda: fan_out.ainvoke(PROMPT),
        GATHERED: gathered,
    }
    return cases, close


async def requests_per_run(case: Case, server: ServerProcess) -> int:
    """Run ``case`` twice (a cache would serve the second) and return requests per run."""
    server.reset()
    await case()
    await case()
    return server.request_count() // 2


async def measure(
    n: int, repeats: int, honours: ServerProcess, ignores: ServerProcess
) -> list[list[str]]:
    """Table rows for one N: requests per run, median wall time, and the two ratios."""
    cases, close = make_cases(n, honours.base_url, ignores.base_url)
    counts = {}
    for name, call in cases.items():
        server = ignores if name in (IGNORED, GATHERED) else honours
        counts[name] = await requests_per_run(call, server)
    times = await interleaved(cases, repeats, warmup=0)  # requests_per_run warmed them up
    await close()
    base, peer = median(times[SINGLE]), median(times[DSPY])
    rows = []
    for name, samples in times.items():
        value = median(samples)
        wall = f"{value * 1000:.0f} ms"
        versus = [format_ratio(ratio(value, base)), format_ratio(ratio(value, peer))]
        rows.append([str(n), name, str(counts[name]), wall, *versus])
    return rows


async def main(sizes: list[int], latency: float, repeats: int, markdown: bool) -> None:
    # DSPy would otherwise try to download LiteLLM's model price list on first use.
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "true")
    with (
        ServerProcess(latency_s=latency, reply=REPLY) as honours,
        ServerProcess(latency_s=latency, honour_n=False, reply=REPLY) as ignores,
    ):
        lm = dspy.LM(
            f"openai/{MODEL}",
            api_base=honours.base_url + "/v1",
            api_key="test",
            cache=False,  # DSPy's response cache would answer repeated prompts without a request
            num_retries=0,
        )
        dspy.configure(lm=lm)
        rows = [row for n in sizes for row in await measure(n, repeats, honours, ignores)]
    print(f"fake server latency {latency * 1000:.0f} ms (own process), medians of {repeats} runs")
    headers = ["N", "contender", "requests/run", "wall time", "vs one call", "vs DSPy"]
    print(format_table(headers, rows, markdown, left=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[4, 8, 16])
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args()
    asyncio.run(main(args.sizes, args.latency, args.repeats, args.markdown))
