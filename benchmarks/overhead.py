"""Library overhead: CPU time per call without the network, and ``abatch`` throughput.

The fake OpenAI-compatible server (latency 0) runs in a child process, so this process's CPU
time (``time.process_time``: every thread, including the worker threads polypick uses for
language detection and injection screening) is the client's alone.

Part 1 — CPU per call: blocks of ``--calls`` sequential calls, each contender in turn for
``--rounds`` rounds; the median of the per-round averages. Raw ``openai`` SDK calls are the
baseline: one request with ``n=4``, and 4 concurrent requests for a server that ignores ``n``.
polypick's OpenAI provider sends the body it builds with the SDK client's low-level ``post``
(no transformation of the parameters by the typed method) and validates the answer's JSON into
the SDK's class rather than letting the SDK build its objects: both cost the SDK more CPU than
everything else polypick does. The row "answer read as JSON only" is the typed method with
``with_raw_response``, its answer parsed as JSON: the SDK's cheapest typed call.

Part 2 — throughput: ``BestOfN(n=4).abatch`` over ``--prompts`` distinct prompts at
``max_concurrency=8`` against a raw ``AsyncOpenAI`` fan-out with the same concurrency (an
``asyncio.Semaphore(8)``) sending the same request (``n=4``) per prompt, with polypick's
defaults and with language detection and injection screening off; ``--throughput-rounds``
rounds, interleaved, median wall time. The goal is a ratio within 1.2x.

    .venv/bin/python benchmarks/overhead.py [--calls 50] [--prompts 1000] [--rounds 15]
        [--throughput-rounds 5] [--markdown] [--skip-cpu] [--skip-throughput]
"""

from __future__ import annotations

import argparse
import asyncio
import time

import openai
from _common import Case, ServerProcess, format_ratio, format_table, interleaved, median, ratio

from polypick import BestOfN, Temperature
from polypick.providers import OpenAIChat

N = 4
CONCURRENCY = 8
MODEL = "fake-gpt"
PROMPT = "Write one sentence about the sea."
TEMPERATURE = 0.8
PLAN = Temperature(temperature=TEMPERATURE)


def longest(prompt: str, candidate: str) -> float:
    """A reward with no model call, so selection costs next to nothing."""
    return float(len(candidate))


def sdk_request(raw: openai.AsyncOpenAI, prompt: str, n: int) -> Case:
    async def call() -> None:
        await raw.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": prompt}],
            temperature=TEMPERATURE,
            n=n,
        )

    return call


def sdk_json_request(raw: openai.AsyncOpenAI, prompt: str, n: int) -> Case:
    """The same request, its answer read as JSON only (no SDK objects): the least any client
    must do, and what polypick's providers start from."""

    async def call() -> None:
        response = await raw.chat.completions.with_raw_response.create(
            model=MODEL,
            messages=[{"role": "user", "content": prompt}],
            temperature=TEMPERATURE,
            n=n,
        )
        response.http_response.json()

    return call


async def cpu_per_call(call: Case, calls: int) -> float:
    """Average CPU seconds of this process per ``await call()``, over ``calls`` in a row."""
    start = time.process_time()
    for _ in range(calls):
        await call()
    return (time.process_time() - start) / calls


async def cpu_table(honours: str, ignores: str, calls: int, rounds: int) -> list[list[str]]:
    raw = openai.AsyncOpenAI(base_url=honours + "/v1", api_key="test", max_retries=0)
    raw_ignoring = openai.AsyncOpenAI(base_url=ignores + "/v1", api_key="test", max_retries=0)
    llm = OpenAIChat(MODEL, base_url=honours + "/v1")
    fanned = OpenAIChat(MODEL, base_url=ignores + "/v1", n_support=False)
    ignored = sdk_request(raw_ignoring, PROMPT, 1)

    async def gathered() -> None:
        await asyncio.gather(*(ignored() for _ in range(N)))

    # Each BestOfN row is compared with the SDK row doing the same requests.
    one, fan = f"SDK: 1 request, n={N}", f"SDK: {N} requests"
    bare = f"SDK: 1 request, n={N}, answer read as JSON only"
    cases: dict[str, tuple[Case, str]] = {
        one: (sdk_request(raw, PROMPT, N), one),
        bare: (sdk_json_request(raw, PROMPT, N), one),
        fan: (gathered, fan),
    }
    bons = {
        "BestOfN, defaults (a reward: languages detected, fidelity on, no screening)": (
            BestOfN(llm, N, PLAN, longest),
            one,
        ),
        "BestOfN, no language detection": (
            BestOfN(llm, N, PLAN, longest, detect_language=False),
            one,
        ),
        "BestOfN, default selector (MBR, chrF)": (BestOfN(llm, N, PLAN), one),
        f"BestOfN, server ignores n ({N} requests)": (BestOfN(fanned, N, PLAN, longest), fan),
    }
    for name, (bon, baseline) in bons.items():
        cases[name] = (lambda bon=bon: bon.ainvoke(PROMPT), baseline)  # type: ignore[misc]
    for call, _ in cases.values():  # warm up: connections, the detector, chrF
        for _ in range(5):
            await call()
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(rounds):
        for name, (call, _) in cases.items():
            samples[name].append(await cpu_per_call(call, calls))
    await raw.close()
    await raw_ignoring.close()
    await llm.aclose()
    await fanned.aclose()
    return [
        cpu_row(name, samples[name], samples[baseline]) for name, (_, baseline) in cases.items()
    ]


def cpu_row(name: str, samples: list[float], baseline: list[float]) -> list[str]:
    value, base = median(samples), median(baseline)
    over = f"{(value - base) * 1e6:+,.0f} µs"
    return [name, f"{value * 1e6:,.0f} µs", over, format_ratio(ratio(value, base))]


async def throughput_table(honours: str, prompts: int, rounds: int) -> list[list[str]]:
    texts = [f"Question {i}: write one sentence about the sea." for i in range(prompts)]
    raw = openai.AsyncOpenAI(base_url=honours + "/v1", api_key="test", max_retries=0)
    llm = OpenAIChat(MODEL, base_url=honours + "/v1")
    bons = {
        f"BestOfN(n={N}).abatch(max_concurrency={CONCURRENCY}), defaults": BestOfN(
            llm, N, PLAN, longest
        ),
        "the same, no language detection": BestOfN(llm, N, PLAN, longest, detect_language=False),
    }
    limit = asyncio.Semaphore(CONCURRENCY)

    async def one(text: str) -> None:
        async with limit:
            await sdk_request(raw, text, N)()

    async def fan_out() -> None:
        await asyncio.gather(*(one(text) for text in texts))

    cases: dict[str, Case] = {f"raw AsyncOpenAI fan-out (Semaphore({CONCURRENCY}))": fan_out}
    for name, bon in bons.items():
        cases[name] = lambda bon=bon: bon.abatch(texts, max_concurrency=CONCURRENCY)  # type: ignore[misc]
    times = await interleaved(cases, rounds)
    await raw.close()
    await llm.aclose()
    baseline = median(next(iter(times.values())))
    rows = []
    for name, values in times.items():
        value = median(values)
        rows.append(
            [
                name,
                f"{value:.2f} s",
                f"{prompts / value:,.0f}",
                format_ratio(ratio(value, baseline)),
            ]
        )
    return rows


async def main(args: argparse.Namespace) -> None:
    with ServerProcess() as honours, ServerProcess(honour_n=False) as ignores:
        if not args.skip_cpu:
            rows = await cpu_table(honours.base_url, ignores.base_url, args.calls, args.rounds)
            print(f"CPU time per call (n={N}), median of {args.rounds} rounds of {args.calls}:")
            headers = ["contender", "CPU per call", "over the SDK", "vs SDK"]
            print(format_table(headers, rows, args.markdown))
        if not args.skip_throughput:
            rounds = args.throughput_rounds
            rows = await throughput_table(honours.base_url, args.prompts, rounds)
            print(f"\n{args.prompts} prompts, n={N}, median of {rounds} rounds:")
            headers = ["contender", "wall time", "prompts/s", "vs raw fan-out"]
            print(format_table(headers, rows, args.markdown))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=50)
    parser.add_argument("--prompts", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--throughput-rounds", type=int, default=5)
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    parser.add_argument("--skip-cpu", action="store_true")
    parser.add_argument("--skip-throughput", action="store_true")
    asyncio.run(main(parser.parse_args()))
