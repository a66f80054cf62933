"""polypick serve through the official openai clients, with the fake OpenAI server upstream."""

from __future__ import annotations

import json
from typing import Any

from polypick.selectors.prompting import unmark
from polypick.testing.servers import FakeOpenAIServer
from polypick.testing.servers._runner import clip_words, count_tokens, text_of

from .conftest import USER, Served, serve, settings_for


def fruit(body: dict[str, Any], index: int) -> str:
    # Two of three samples agree, so a majority vote must pick "Apple."
    return "Pear." if index == 1 else "Apple."


def test_a_plain_request_answers_with_the_best_of_n(
    served: Served, upstream: FakeOpenAIServer
) -> None:
    upstream.set_responder(fruit)
    with served.client() as client:
        reply = client.chat.completions.create(model="fake-gpt", messages=USER)  # type: ignore[arg-type]
    assert reply.object == "chat.completion" and reply.id.startswith("chatcmpl-")
    assert reply.model == "fake-gpt"
    assert reply.choices[0].message.content == "Apple."
    assert reply.choices[0].finish_reason == "stop"
    record = reply.model_extra["polypick"]  # type: ignore[index]
    assert record["n"] == 3 and record["candidates"] == 3 and record["selector"] == "majority"
    assert record["chosen"] in (0, 2) and record["failures"] == []
    [sent] = [r.body for r in upstream.requests]
    assert sent["n"] == 3 and sent["temperature"] == 0.7 and sent["model"] == "fake-gpt"
    assert sent["messages"] == USER


def test_the_model_name_prefix_configures_best_of_n(
    served: Served, upstream: FakeOpenAIServer
) -> None:
    with served.client() as client:
        reply = client.chat.completions.create(model="bon-5-mbr-greedy/fake-gpt", messages=USER)  # type: ignore[arg-type]
    record = reply.model_extra["polypick"]  # type: ignore[index]
    assert (record["n"], record["selector"], record["candidates"]) == (5, "mbr", 5)
    assert reply.model == "bon-5-mbr-greedy/fake-gpt"
    assert {r.body["temperature"] for r in upstream.requests} == {0.0}
    assert sum(r.body.get("n", 1) for r in upstream.requests) == 5


def test_extra_body_configures_best_of_n_and_request_fields_reach_every_sample(
    served: Served, upstream: FakeOpenAIServer
) -> None:
    options = {"n": 4, "sampling": "hedged", "selector": "majority", "return_candidates": True}
    with served.client() as client:
        reply = client.chat.completions.create(
            model="fake-gpt",
            messages=USER,  # type: ignore[arg-type]
            temperature=0.9,
            top_p=0.8,
            seed=5,
            max_tokens=7,
            stop=["END"],
            extra_body={"polypick": options},
        )
    record = reply.model_extra["polypick"]  # type: ignore[index]
    assert record["n"] == 4 and record["sampling"] == "hedged(temperature=0.9)"
    details = record["candidate_details"]
    assert [c["greedy"] for c in details] == [True, False, False, False]
    assert [c["temperature"] for c in details] == [0.0, 0.9, 0.9, 0.9]
    bodies = sorted((r.body for r in upstream.requests), key=lambda b: b["temperature"])
    assert [(b["temperature"], b.get("n", 1)) for b in bodies] == [(0.0, 1), (0.9, 3)]
    assert all(b["top_p"] == 0.8 and b["max_tokens"] == 7 and b["stop"] == ["END"] for b in bodies)
    assert [b["seed"] for b in bodies] == [5, 6]  # sample i gets seed + i


def test_the_prefix_and_extra_body_combine(served: Served, upstream: FakeOpenAIServer) -> None:
    with served.client() as client:
        reply = client.chat.completions.create(
            model="bon-4/fake-gpt",
            messages=USER,  # type: ignore[arg-type]
            extra_body={"polypick": {"selector": "mbr", "sampling": 1.1}},
        )
    record = reply.model_extra["polypick"]  # type: ignore[index]
    assert (record["n"], record["selector"], record["sampling"]) == (4, "mbr", "temperature=1.1")
    assert [r.body["temperature"] for r in upstream.requests] == [1.1]


def test_usage_counts_every_upstream_call_samples_and_judge(upstream: FakeOpenAIServer) -> None:
    def answer(body: dict[str, Any], index: int) -> str:
        prompt = " ".join(text_of(m.get("content")) for m in body["messages"])
        if "impartial expert judge" in prompt:  # a judge call: rate the candidate it shows
            score = 9 if "right one" in unmark(prompt) else 3  # the answer is datamarked
            return f'{{"reasoning": "fine", "score": {score}}}'
        return "the right one" if index == 2 else f"a wrong one number {index}"

    upstream.set_responder(answer)
    with serve(settings_for(upstream)) as served, served.client() as client:
        reply = client.chat.completions.create(model="bon-3-judge/fake-gpt", messages=USER)  # type: ignore[arg-type]
    assert reply.choices[0].message.content == "the right one"
    record = reply.model_extra["polypick"]  # type: ignore[index]
    assert record["usage"]["selection"]["requests"] == 3  # one rating per candidate
    billed = [_billed(r.body, answer) for r in upstream.requests]
    assert len(billed) == 4
    assert reply.usage is not None
    assert reply.usage.prompt_tokens == sum(p for p, _ in billed)
    assert reply.usage.completion_tokens == sum(c for _, c in billed)
    assert reply.usage.total_tokens == sum(p + c for p, c in billed)


def _billed(body: dict[str, Any], answer: Any) -> tuple[int, int]:
    """The tokens the fake server billed for one request (its own whitespace counting)."""
    prompt = max(1, sum(count_tokens(text_of(m.get("content"))) for m in body["messages"]))
    texts = [answer(body, i) for i in range(body.get("n", 1))]
    return prompt, sum(count_tokens(clip_words(t, body.get("max_tokens"))[0]) for t in texts)


def test_streaming_sends_the_selected_answer_then_usage_then_done(
    served: Served, upstream: FakeOpenAIServer
) -> None:
    upstream.set_responder(lambda body, i: "one two three four five six seven eight nine")
    with served.client() as client:
        plain = client.chat.completions.create(model="fake-gpt", messages=USER)  # type: ignore[arg-type]
        stream = client.chat.completions.create(
            model="fake-gpt",
            messages=USER,  # type: ignore[arg-type]
            stream=True,
            stream_options={"include_usage": True},
        )
        chunks = list(stream)
    assert all(c.object == "chat.completion.chunk" and c.id == chunks[0].id for c in chunks)
    texts = [c.choices[0].delta.content for c in chunks if c.choices and c.choices[0].delta.content]
    assert len(texts) > 1  # really in pieces
    assert "".join(texts) == plain.choices[0].message.content
    assert chunks[0].choices[0].delta.role == "assistant"
    finish = [c for c in chunks if c.choices and c.choices[0].finish_reason]
    assert [c.choices[0].finish_reason for c in finish] == ["stop"]
    assert finish[0].model_extra["polypick"]["candidates"] == 3  # type: ignore[index]
    assert chunks[-1].choices == [] and chunks[-1].usage == plain.usage


def test_streaming_without_include_usage_sends_no_usage_chunk(served: Served) -> None:
    with served.client() as client:
        chunks = list(
            client.chat.completions.create(model="fake-gpt", messages=USER, stream=True)  # type: ignore[arg-type]
        )
    assert all(c.choices for c in chunks)
    assert all(c.usage is None for c in chunks)


def test_the_raw_stream_ends_with_done(served: Served) -> None:
    import httpx

    body = {"model": "fake-gpt", "messages": USER, "stream": True}
    response = httpx.post(served.url + "/chat/completions", json=body, timeout=30)
    assert response.headers["content-type"].startswith("text/event-stream")
    events = [line for line in response.text.split("\n\n") if line]
    assert events[-1] == "data: [DONE]"
    assert all(e.startswith("data: {") for e in events[:-1])


async def test_the_async_client_works_too(served: Served, upstream: FakeOpenAIServer) -> None:
    upstream.set_responder(fruit)
    async with served.async_client() as client:
        reply = await client.chat.completions.create(model="bon-3/fake-gpt", messages=USER)  # type: ignore[arg-type]
        models = [m.id async for m in client.models.list()]
        one = await client.models.retrieve("bon-7-chops-hedged/fake-gpt")
    assert reply.choices[0].message.content == "Apple."
    assert models[:2] == ["fake-gpt", "bon-3/fake-gpt"]
    assert "bon-3-chops/fake-gpt" in models and "bon-3-reward/fake-gpt" not in models
    assert one.id == "bon-7-chops-hedged/fake-gpt"


def weather_calls(body: dict[str, Any], index: int) -> list[dict[str, Any]] | None:
    """Requests carrying tools get a call of the first tool: Lyon for the second choice,
    Paris for the others (so a vote picks Paris)."""
    tools = body.get("tools")
    if not tools:
        return None
    city = "Lyon" if index == 1 else "Paris"
    return [{"name": tools[0]["function"]["name"], "arguments": {"city": city}}]


WEATHER = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
    },
}


def test_tool_calls_pass_through_and_the_voted_call_comes_back() -> None:
    agent_turns = [
        {"role": "system", "content": "You are a weather bot."},
        {"role": "user", "content": "Weather in the capital of France?"},
    ]
    with FakeOpenAIServer(tool_caller=weather_calls) as upstream:
        with serve(settings_for(upstream)) as served, served.client() as client:
            reply = client.chat.completions.create(
                model="bon-3/fake-gpt",
                messages=agent_turns,  # type: ignore[arg-type]
                tools=[WEATHER],  # type: ignore[list-item]
                tool_choice="auto",
            )
            streamed = list(
                client.chat.completions.create(
                    model="bon-3/fake-gpt",
                    messages=agent_turns,  # type: ignore[arg-type]
                    tools=[WEATHER],  # type: ignore[list-item]
                    stream=True,
                )
            )
        sent = upstream.requests[0].body
    choice = reply.choices[0]
    assert choice.finish_reason == "tool_calls" and choice.message.content is None
    [call] = choice.message.tool_calls or []
    assert call.function.name == "get_weather"  # type: ignore[union-attr]
    assert json.loads(call.function.arguments) == {"city": "Paris"}  # type: ignore[union-attr]
    assert call.id in ("call_1_0_0", "call_1_2_0")
    assert reply.model_extra["polypick"]["selector"] == "tool_vote"  # type: ignore[index]
    assert sent["tools"] == [WEATHER] and sent["tool_choice"] == "auto"
    deltas = [c.choices[0].delta.tool_calls for c in streamed if c.choices[0].delta.tool_calls]
    assert [json.loads(d[0].function.arguments) for d in deltas] == [{"city": "Paris"}]  # type: ignore[union-attr]
    assert streamed[-1].choices[0].finish_reason == "tool_calls"


def test_a_conversation_with_tool_results_reaches_the_upstream_unchanged(
    served: Served, upstream: FakeOpenAIServer
) -> None:
    conversation = [
        {"role": "developer", "content": "Be brief."},
        {"role": "user", "content": [{"type": "text", "text": "Weather in Paris?"}]},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_9",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_9", "content": "18 C, sunny"},
    ]
    upstream.set_responder(lambda body, i: "It is 18 C and sunny.")
    with served.client() as client:
        reply = client.chat.completions.create(
            model="fake-gpt",
            messages=conversation,  # type: ignore[arg-type]
            tools=[WEATHER],  # type: ignore[list-item]
        )
    assert reply.choices[0].message.content == "It is 18 C and sunny."
    assert upstream.requests[0].body["messages"] == conversation
