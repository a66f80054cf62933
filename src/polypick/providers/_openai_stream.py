"""Streaming one completion from an OpenAI-compatible server, with log-probabilities.

Per the Chat Completions API reference (``stream``, ``stream_options.include_usage``, and the
``chat.completion.chunk`` object: https://platform.openai.com/docs/api-reference/chat-streaming),
each chunk carries a choice's ``delta.content`` and, when ``logprobs`` was asked for, its
tokens' entries in ``choices[].logprobs.content`` (the whole response's shape); the last chunk
before ``[DONE]`` carries ``usage`` with empty ``choices``. Closing the SDK's stream closes the
HTTP response, which is how a server learns to stop generating.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import TYPE_CHECKING, Any

import openai

from polypick.core.protocol import ModelRequest
from polypick.core.streaming import TokenChunk
from polypick.core.types import Usage
from polypick.providers._openai_parse import read_logprobs
from polypick.providers.sdk_errors import map_sdk_error

if TYPE_CHECKING:
    from polypick.providers.openai import OpenAIChat

__all__ = ["stream_openai"]


async def stream_openai(
    chat: OpenAIChat, request: ModelRequest
) -> AsyncGenerator[TokenChunk, None]:
    """``request``'s first completion from ``chat``'s server, chunk by chunk."""
    body = chat.request_body(request.replace(n=1))
    fields: dict[str, Any] = dict(body)
    model, messages = fields.pop("model"), fields.pop("messages")
    top = fields.get("top_logprobs", 0)
    fields["stream_options"] = {"include_usage": True}
    async with chat.concurrency():
        try:
            stream = await chat.client().chat.completions.create(
                model=model, messages=messages, stream=True, extra_body=fields
            )
        except (openai.OpenAIError, ValueError) as exc:
            raise map_sdk_error(exc, openai, chat.name) from exc
        try:
            async for chunk in stream:
                if chunk.usage is not None:
                    usage = Usage(
                        prompt_tokens=chunk.usage.prompt_tokens,
                        completion_tokens=chunk.usage.completion_tokens,
                    )
                    yield TokenChunk(usage=usage)
                for choice in chunk.choices[:1]:
                    entries = choice.logprobs.content if choice.logprobs is not None else None
                    yield TokenChunk(
                        text=choice.delta.content or "",
                        logprobs=None if not entries else read_logprobs(entries, top),
                        finish_reason=choice.finish_reason,
                    )
        except openai.OpenAIError as exc:
            raise map_sdk_error(exc, openai, chat.name) from exc
        finally:
            await stream.close()  # the connection goes, and the server stops generating
