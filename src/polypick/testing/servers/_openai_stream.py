"""The fake OpenAI server's streaming mode: a finished response sent as server-sent events.

Follows the Chat Completions API reference (https://platform.openai.com/docs/api-reference/chat/
create, ``stream``; https://platform.openai.com/docs/api-reference/chat-streaming, the chunk
object): with ``stream: true`` the answer comes as ``data: {chunk}`` events of object
``chat.completion.chunk``, each choice's text in ``choices[].delta.content`` (the first delta
also carries the ``role``), its tokens' log-probabilities, when asked for, in
``choices[].logprobs.content`` (the shape of the whole response's), refusals and tool calls in
pieces (see ``_openai_contract.message_deltas``), then a chunk with the
``finish_reason``; with ``stream_options: {"include_usage": true}`` a last chunk with empty
``choices`` carries the ``usage`` (``null`` on the others); ``data: [DONE]`` ends the stream.

Tokens go out one chunk each, ``token_delay_s`` apart, and are counted as they are sent: a
client that closes the stream stops the generation, and the count shows where.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

from starlette.responses import StreamingResponse

from ._openai_contract import message_deltas

__all__ = ["stream_response"]


def stream_response(
    response: dict[str, Any],
    include_usage: bool,
    *,
    token_delay_s: float = 0.0,
    sent: Callable[[], None] | None = None,
) -> StreamingResponse:
    """``response`` (a whole chat completion) as the event stream the API would send."""
    base = {k: response[k] for k in ("id", "created", "model", "system_fingerprint")}
    base["object"] = "chat.completion.chunk"

    def event(choices: list[dict[str, Any]], **extra: Any) -> bytes:
        chunk = base | {"choices": choices} | ({"usage": None} if include_usage else {}) | extra
        return f"data: {json.dumps(chunk)}\n\n".encode()

    async def events() -> AsyncIterator[bytes]:
        for choice in response["choices"]:
            index = choice["index"]
            role = {"index": index, "delta": {"role": "assistant", "content": ""}}
            yield event([role | {"logprobs": None, "finish_reason": None}])
            for piece, logprobs in _pieces(choice):
                if token_delay_s:
                    await asyncio.sleep(token_delay_s)
                if sent is not None:
                    sent()
                delta = {"index": index, "delta": piece, "logprobs": logprobs}
                yield event([delta | {"finish_reason": None}])
            end = {"index": index, "delta": {}, "logprobs": None}
            yield event([end | {"finish_reason": choice["finish_reason"]}])
        if include_usage:
            yield event([], usage=response["usage"])
        yield b"data: [DONE]\n\n"

    return StreamingResponse(events(), 200, media_type="text/event-stream")


def _pieces(choice: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    """The choice's deltas, one token each where its log-probabilities were asked for (each
    with its entry), else in word-sized pieces."""
    logprobs = choice.get("logprobs")
    content = (logprobs or {}).get("content")
    if content and isinstance(choice["message"].get("content"), str):
        return [({"content": e["token"]}, {"content": [e], "refusal": None}) for e in content]
    return [(delta, None) for delta in message_deltas(choice["message"])]
