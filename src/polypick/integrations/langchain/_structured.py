"""Structured output through the wrapped model's own mechanism.

``BestOfN(chat).with_structured_output(schema, method=..., strict=...)`` asks ``chat`` itself
how it would do it: ``chat.with_structured_output(...)`` is a binding of ``chat`` (tools and
``tool_choice`` for ``function_calling``, ``response_format`` for ``json_schema`` and
``json_mode`` ...) followed by a parser. ``BestOfN`` takes the binding's keyword arguments —
so every sample sends exactly the request ``chat`` alone would — and the parser, which it
applies to every sample: a sample that does not parse is a failed candidate (reported in the
record's ``failures``), and the others are compared as parsed values, in canonical JSON, by a
vote (``json_vote``) unless a selector was configured.
"""

from __future__ import annotations

import json
from operator import itemgetter
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage
from langchain_core.runnables import (
    Runnable,
    RunnableBinding,
    RunnableLambda,
    RunnableMap,
    RunnablePassthrough,
    RunnableSequence,
)
from pydantic import BaseModel

from polypick.core.types import Completion
from polypick.errors import ConfigurationError, InvalidResponseError
from polypick.selectors.json_vote import canonical_json

__all__ = ["parse_sample", "plain", "split", "with_raw"]


def split(
    structured: Runnable[Any, Any], llm: BaseChatModel
) -> tuple[BaseChatModel, RunnableBinding[Any, Any], Runnable[Any, Any]]:
    """The chat model, its binding and the parser that ``llm.with_structured_output`` made."""
    first = structured.first if isinstance(structured, RunnableSequence) else None
    model = first.bound if isinstance(first, RunnableBinding) else None
    if not isinstance(structured, RunnableSequence) or not isinstance(model, BaseChatModel):
        raise ConfigurationError(
            f"{type(llm).__name__}.with_structured_output returned {type(structured).__name__}, "
            "not a chat model followed by a parser, so BestOfN cannot sample it; bind the "
            "schema as a tool instead: BestOfN(chat).bind_tools([schema], tool_choice='any')"
        )
    rest = structured.steps[1:]
    parser = rest[0] if len(rest) == 1 else RunnableSequence(*rest)
    assert isinstance(first, RunnableBinding)  # model is its bound
    return model, first, parser


def with_raw(llm: Runnable[Any, Any], parser: Runnable[Any, Any]) -> Runnable[Any, Any]:
    """``{"raw": message, "parsed": value, "parsing_error": None | exception}``, LangChain's
    ``include_raw=True`` shape."""
    parse = RunnablePassthrough.assign(
        parsed=itemgetter("raw") | parser, parsing_error=RunnableLambda(lambda _: None)
    )
    unparsed = RunnablePassthrough.assign(parsed=RunnableLambda(lambda _: None))
    return RunnableMap(raw=llm) | parse.with_fallbacks([unparsed], exception_key="parsing_error")


def parse_sample(
    parser: Runnable[Any, Any], reply: AIMessage, completion: Completion, provider: str
) -> Completion:
    """``completion`` with the reply's parsed value, in canonical JSON, as its text; a reply
    that does not parse raises :class:`InvalidResponseError` (a failed sample)."""
    try:
        value = parser.invoke(reply)
    except Exception as exc:
        raise InvalidResponseError(
            f"the answer does not fit the structured output schema: {type(exc).__name__}: {exc}",
            provider=provider,
        ) from exc
    if value is None:  # some parsers answer None for a reply without the expected call
        raise InvalidResponseError(
            "the answer does not fit the structured output schema: nothing could be parsed",
            provider=provider,
        )
    return completion.model_copy(update={"text": canonical_json(plain(value))})


def plain(value: Any) -> Any:
    """A parsed value (a pydantic model, a dict ...) as plain JSON data."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if hasattr(value, "dict") and hasattr(value, "__fields__"):  # a pydantic.v1 model
        return json.loads(value.json())
    return json.loads(json.dumps(value, default=str))
