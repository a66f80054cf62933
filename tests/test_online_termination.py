"""DeepConf's online early termination on a streaming OpenAI-compatible server (issue 20,
Done-when 2): a sample cancelled for low confidence stops consuming tokens at the server.

The fake server streams per the Chat Completions API reference
(https://platform.openai.com/docs/api-reference/chat/create, ``stream`` and
``stream_options``; https://platform.openai.com/docs/api-reference/chat-streaming, the
``chat.completion.chunk`` object with ``choices[].delta`` and ``choices[].logprobs.content``),
one token per chunk, and counts the tokens it has sent.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Mapping
from typing import Any

from polypick import BestOfN, Confidence
from polypick.core.protocol import ModelRequest
from polypick.core.types import Message, SamplingParams
from polypick.providers import OpenAIChat
from polypick.testing.servers import FakeOpenAIServer

WORDS = 60
SHARP = [0.9, 0.05, 0.03, 0.01, 0.005]
FLAT = [0.19, 0.19, 0.19, 0.19, 0.19]


def _answer(body: dict[str, Any], index: int) -> str:
    # two answers split evenly: agreement never settles the call on its own
    tail = " ".join(f"w{i}" for i in range(WORDS - 4))
    return f"The answer is {7 + index % 2}. {tail}"


def _script(warmup_requests: int) -> Any:
    """Sure of every token in the first requests (the warm-up), unsure in every later one."""

    def logprobs(text: str, body: Mapping[str, Any], salt: str) -> dict[str, Any]:
        k = body.get("top_logprobs") or 0
        seq = int(salt.split(".")[0])
        spread = SHARP if seq <= warmup_requests else FLAT
        content = []
        for position, word in enumerate(text.split(" ")):
            token = word if position == 0 else " " + word
            values = [math.log(p) for p in spread]
            alternatives = [token] + [f"<alt{j}>" for j in range(1, len(values))]
            content.append(
                {
                    "token": token,
                    "logprob": values[0],
                    "bytes": list(token.encode()),
                    "top_logprobs": [
                        {"token": t, "logprob": v, "bytes": list(t.encode())}
                        for t, v in zip(alternatives[:k], values[:k], strict=True)
                    ],
                }
            )
        return {"content": content, "refusal": None}

    return logprobs


async def test_a_cancelled_sample_stops_consuming_tokens_at_the_server() -> None:
    # the warm-up (one request for four samples at one temperature) is sure
    with FakeOpenAIServer(
        responder=_answer, logprobs_script=_script(1), token_delay_s=0.01
    ) as server:
        chat = OpenAIChat("gpt-4.1", base_url=server.base_url + "/v1")
        rule = Confidence(warmup=4, window=8, wave=2)
        async with BestOfN(chat, n=8, sampling=0.8, selector="deepconf", early_stop=rule) as bon:
            sel = await bon.ainvoke("What is 3 + 4?")
        at_return = server.tokens_streamed
        await asyncio.sleep(0.1)  # a token already in flight when the stream closed lands
        settled = server.tokens_streamed
        await asyncio.sleep(0.5)  # a server still generating would go on counting
        after = server.tokens_streamed
        streamed = [r.body for r in server.requests if r.body and r.body.get("stream")]

    assert sel.early_stop is not None
    assert sel.early_stop.cancelled == 4 == len(streamed)  # every sample after the warm-up
    assert all(b["logprobs"] is True and b["top_logprobs"] == 5 for b in streamed)
    assert all(b["stream_options"] == {"include_usage": True} for b in streamed)
    assert settled - at_return <= 4  # at most one token in flight per closed stream
    assert after == settled  # and nothing generated after that
    assert after <= 4 * (8 + 6)  # a window of 8 tokens, and a few already in flight
    assert after < 4 * WORDS / 2
    assert len(sel.candidates) == 4  # the cancelled samples do not vote
    assert sel.early_stop.tokens_saved > 0
    assert any(e.event == "sample.cancelled" for e in sel.trace)
    assert sel.usage.generation.completion_tokens < 4 * WORDS + 4 * (8 + 6)


async def test_a_sure_stream_runs_to_the_end_and_votes() -> None:
    with FakeOpenAIServer(responder=_answer, logprobs_script=_script(10**6)) as server:
        chat = OpenAIChat("gpt-4.1", base_url=server.base_url + "/v1")
        rule = Confidence(warmup=2, window=8, wave=2, min_samples=2)
        async with BestOfN(chat, n=4, sampling=0.8, selector="deepconf", early_stop=rule) as bon:
            sel = await bon.ainvoke("What is 3 + 4?")
        assert server.tokens_streamed == 2 * WORDS
    assert sel.early_stop is not None and sel.early_stop.cancelled == 0
    assert len(sel.candidates) == 4
    streamed = [c for c in sel.candidates if c.sample >= 2]
    assert all(c.usage.completion_tokens == WORDS for c in streamed)  # the server's own usage
    assert all(c.logprobs is not None and len(c.logprobs) == WORDS for c in streamed)


async def test_the_provider_streams_text_and_logprobs_as_the_plain_request_returns_them() -> None:
    with FakeOpenAIServer(responder=_answer) as server:
        chat = OpenAIChat("gpt-4.1", base_url=server.base_url + "/v1")
        request = ModelRequest(
            (Message(role="user", content="q"),), SamplingParams(temperature=0.0), logprobs=3
        )
        [whole] = await chat.generate(request)
        pieces = [chunk async for chunk in chat.stream(request)]
        await chat.aclose()
    assert "".join(p.text for p in pieces) == whole.text
    joined = [p.logprobs for p in pieces if p.logprobs is not None]
    assert whole.logprobs is not None
    total = joined[0]
    for part in joined[1:]:
        total = total + part
    assert total == whole.logprobs
    [usage] = [p.usage for p in pieces if p.usage is not None]
    assert usage.completion_tokens == whole.usage.completion_tokens
    assert pieces[-1].finish_reason == "stop" or any(p.finish_reason == "stop" for p in pieces)


async def test_without_online_termination_streams_are_not_used() -> None:
    with FakeOpenAIServer(responder=_answer, logprobs_script=_script(2)) as server:
        chat = OpenAIChat("gpt-4.1", base_url=server.base_url + "/v1")
        rule = Confidence(warmup=4, window=8, online=False)
        async with BestOfN(chat, n=6, sampling=0.8, selector="deepconf", early_stop=rule) as bon:
            sel = await bon.ainvoke("q")
        assert server.tokens_streamed == 0
    assert sel.early_stop is not None and sel.early_stop.cancelled == 0 and len(sel.candidates) == 6
