"""``FunctionCallingBestOfN``: best-of-N behind LlamaIndex's tool-calling interface.

Tool handling is the wrapped LLM's: it formats the tools for its API, reads the tool calls out of
its responses and validates them. Each sample is a full tool-calling request; the core converts
every sample's tool calls to canonical :class:`~polypick.ToolCall`\\ s and, when any candidate
calls a tool, chooses by a vote on the calls (name plus arguments; ties go to the greedy sample,
then the earliest; see :mod:`polypick.selectors.tool_vote`). The winner's own response, with the
tool-call ids the model gave, is what the agent receives.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from llama_index.core.base.llms.types import ChatMessage, ChatResponse
from llama_index.core.llms.function_calling import FunctionCallingLLM
from llama_index.core.llms.llm import ToolSelection

from polypick.integrations.llama_index.llm import BestOfN

if TYPE_CHECKING:
    from llama_index.core.tools.types import BaseTool

__all__ = ["FunctionCallingBestOfN"]


class FunctionCallingBestOfN(BestOfN, FunctionCallingLLM):
    """:class:`BestOfN` over a ``FunctionCallingLLM``; ``BestOfN(llm)`` returns one."""

    @property
    def _tool_llm(self) -> FunctionCallingLLM:
        assert isinstance(self.llm, FunctionCallingLLM)  # checked in __init__
        return self.llm

    def _prepare_chat_with_tools(
        self,
        tools: Sequence[BaseTool],
        user_msg: str | ChatMessage | None = None,
        chat_history: list[ChatMessage] | None = None,
        verbose: bool = False,
        allow_parallel_tool_calls: bool = False,
        tool_required: bool = False,
        **kwargs: Any,
    ) -> dict[str, Any]:
        return self._tool_llm._prepare_chat_with_tools_compat(
            tools,
            user_msg=user_msg,
            chat_history=chat_history,
            verbose=verbose,
            allow_parallel_tool_calls=allow_parallel_tool_calls,
            tool_required=tool_required,
            **kwargs,
        )

    def _validate_chat_with_tools_response(
        self,
        response: ChatResponse,
        tools: Sequence[BaseTool],
        allow_parallel_tool_calls: bool = False,
        **kwargs: Any,
    ) -> ChatResponse:
        return self._tool_llm._validate_chat_with_tools_response(
            response, tools, allow_parallel_tool_calls=allow_parallel_tool_calls, **kwargs
        )

    def get_tool_calls_from_response(
        self, response: ChatResponse, error_on_no_tool_call: bool = True, **kwargs: Any
    ) -> list[ToolSelection]:
        return self._tool_llm.get_tool_calls_from_response(
            response, error_on_no_tool_call=error_on_no_tool_call, **kwargs
        )
