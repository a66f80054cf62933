"""Wall time of best-of-N sampling against one request, and prompt tokens billed.

Against the fake OpenAI-compatible server with a fixed per-request latency, this times, in the
same run and interleaved:

- one chat request made directly with the ``openai`` SDK (the baseline);
- ``BestOfN(n=N)`` sampling with ``n`` honoured by the server (one request);
- ``BestOfN(n=N)`` sampling against a server that ignores ``n`` (N concurrent requests);
- N concurrent requests made directly with the SDK (``asyncio.gather``), the floor for fan-out
  on this machine: the fake server shares the process and its cores with the client.

Selection is ``majority`` (no model calls), so only sampling is timed. It prints medians and the
ratios to the baseline; concurrency makes the ideal ratio 1.0x.

    .venv/bin/python benchmarks/sampling_latency.py [--n 8] [--latency 0.2] [--repeats 15]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics

import openai
from _common import Case, interleaved

from polypick import BestOfN, Selection, Temperature
from polypick.providers import OpenAIChat
from polypick.testing.servers import FakeOpenAIServer

PROMPT = "Write one sentence about the sea, please."


async def main(n: int, latency: float, repeats: int) -> None:
    honours = FakeOpenAIServer(latency_s=latency)
    ignores = FakeOpenAIServer(latency_s=latency, honour_n=False)
    raw = openai.AsyncOpenAI(base_url=honours.base_url + "/v1", api_key="bench", max_retries=0)
    raw_ignoring = openai.AsyncOpenAI(
        base_url=ignores.base_url + "/v1", api_key="bench", max_retries=0
    )
    plan = Temperature(temperature=0.8)
    with_n = BestOfN(OpenAIChat("fake-gpt", base_url=honours.base_url + "/v1"), n, plan, "majority")
    fan_out = BestOfN(
        OpenAIChat("fake-gpt", base_url=ignores.base_url + "/v1", n_support=False),
        n,
        plan,
        "majority",
    )
    selections: dict[str, Selection] = {}

    async def single() -> None:
        await raw.chat.completions.create(
            model="fake-gpt", messages=[{"role": "user", "content": PROMPT}], temperature=0.8
        )

    async def gathered() -> None:
        await asyncio.gather(
            *(
                raw_ignoring.chat.completions.create(
                    model="fake-gpt",
                    messages=[{"role": "user", "content": PROMPT}],
                    temperature=0.8,
                )
                for _ in range(n)
            )
        )

    async def run(name: str, bon: BestOfN) -> None:
        selections[name] = await bon.ainvoke(PROMPT)

    cases: dict[str, Case] = {
        "one request (openai SDK)": single,
        f"BestOfN n={n}, server honours n": lambda: run("with_n", with_n),
        f"BestOfN n={n}, server ignores n": lambda: run("fan_out", fan_out),
        f"{n} requests gathered (openai SDK)": gathered,
    }
    times = await interleaved(cases, repeats)  # one warm-up run each: connections

    baseline = statistics.median(times["one request (openai SDK)"])
    print(f"fake server latency {latency * 1000:.0f} ms, {repeats} runs each, medians:")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"  {name:<34} {median * 1000:7.1f} ms   {median / baseline:5.2f}x one request")
    billed = {k: s.usage.generation for k, s in selections.items()}
    print(f"prompt tokens billed for n={n}:")
    print(
        f"  n honoured: {billed['with_n'].prompt_tokens:>5} in {billed['with_n'].requests} request"
    )
    print(
        f"  fan-out:    {billed['fan_out'].prompt_tokens:>5} in {billed['fan_out'].requests} "
        f"requests ({billed['fan_out'].prompt_tokens / billed['with_n'].prompt_tokens:.0f}x)"
    )
    await raw.close()
    await raw_ignoring.close()
    await with_n.aclose()
    await fan_out.aclose()
    honours.stop()
    ignores.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=8)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    asyncio.run(main(args.n, args.latency, args.repeats))
