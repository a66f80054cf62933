"""The adapter: LangChain chat models as the core's ``llm=`` / ``judge=``, message conversion,
error mapping, and the optional-dependency guard."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator, Sequence

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import (
    AIMessage,
    BaseMessage,
    ChatMessage,
    HumanMessage,
    SystemMessage,
    ToolMessage,
)

from polypick import BestOfN as CoreBestOfN
from polypick import Message, SamplingParams
from polypick.core.protocol import ModelRequest
from polypick.errors import ConfigurationError, InvalidResponseError, MissingAPIKeyError
from polypick.integrations.langchain import BestOfN, LangChainChat, LangChainModelError
from polypick.integrations.langchain._messages import to_core
from polypick.integrations.langchain._tracing import TracedChat
from polypick.testing.servers import FakeOpenAIServer

from .doubles import ScriptedChatModel, chat_openai


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as fake:
        yield fake


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_the_core_adapts_a_langchain_model_without_importing_the_integration_first() -> None:
    done = _run(
        "import sys, polypick\n"
        "assert 'langchain_core' not in sys.modules, 'import polypick imported LangChain'\n"
        "from langchain_core.language_models.fake_chat_models import GenericFakeChatModel\n"
        "from polypick.providers import resolve_model\n"
        "model = resolve_model(GenericFakeChatModel(messages=iter(['hi'])))\n"
        "print(type(model).__name__)\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "LangChainChat"


def test_without_langchain_core_the_integration_names_its_extra() -> None:
    done = _run(
        "import sys\n"
        "sys.modules['langchain_core'] = None\n"
        "from polypick.errors import MissingDependencyError\n"
        "try:\n"
        "    import polypick.integrations.langchain\n"
        "except MissingDependencyError as exc:\n"
        "    print(exc)\n"
    )
    assert done.returncode == 0, done.stderr
    assert 'pip install "polypick[langchain]"' in done.stdout


def test_core_best_of_n_samples_a_langchain_model(server: FakeOpenAIServer) -> None:
    with CoreBestOfN(llm=chat_openai(server), n=3, sampling=0.6, selector="majority") as bon:
        sel = bon.invoke("Name a fruit.")

    assert len(sel.candidates) == 3 and sel.llm == "langchain:openai:fake-gpt"
    assert [r.body["temperature"] for r in server.requests] == [0.6] * 3
    assert all(c.usage.prompt_tokens > 0 and c.usage.completion_tokens > 0 for c in sel.candidates)


def test_core_best_of_n_takes_a_langchain_judge() -> None:
    def rate(messages: Sequence[BaseMessage], model: ScriptedChatModel) -> str:
        return json.dumps({"score": 9 if "Lyon" in messages[-1].text else 2})

    llm = GenericFakeChatModel(messages=iter(["Paris", "Lyon", "Nice"]))
    judge = ScriptedChatModel(policy=rate)
    with CoreBestOfN(llm=llm, n=3, selector="judge", judge=judge) as bon:
        sel = bon.invoke("Name a French city.")

    assert sel.text == "Lyon"
    assert len(judge.calls) == 3 and sel.usage.selection.requests == 3


async def test_the_adapter_converts_messages_and_applies_sampling_params() -> None:
    inner = ScriptedChatModel(policy=lambda messages, model: "ok")
    adapter = LangChainChat(inner)
    params = SamplingParams(temperature=0.3, seed=5, stop=("END",))

    messages = (Message(role="system", content="Be brief."), Message(role="user", content="Hi"))
    [completion] = await adapter.generate(ModelRequest(messages, params))

    [call] = inner.calls
    assert [type(m) for m in call.messages] == [SystemMessage, HumanMessage]
    assert (call.temperature, call.seed, call.stop) == (0.3, 5, ["END"])
    assert completion.text == "ok" and completion.usage.prompt_tokens == 10
    assert inner.temperature == 1.0  # the caller's model is left as it was


async def test_failures_are_mapped_and_never_retried_by_the_core() -> None:
    def fail(messages: Sequence[BaseMessage], model: ScriptedChatModel) -> str:
        raise TimeoutError("took too long")

    adapter = LangChainChat(ScriptedChatModel(policy=fail))

    with pytest.raises(LangChainModelError) as caught:
        await adapter.generate(
            ModelRequest((Message(role="user", content="Hi"),), SamplingParams(temperature=0))
        )

    assert not caught.value.retryable and isinstance(caught.value.__cause__, TimeoutError)


async def test_an_empty_reply_is_an_invalid_response() -> None:
    adapter = LangChainChat(ScriptedChatModel(policy=lambda messages, model: ""))

    with pytest.raises(InvalidResponseError):
        await adapter.generate(
            ModelRequest((Message(role="user", content="Hi"),), SamplingParams(temperature=0))
        )


async def test_unreadable_tool_calls_are_an_invalid_response() -> None:
    def broken(messages: Sequence[BaseMessage], model: ScriptedChatModel) -> AIMessage:
        bad = {"name": "f", "args": "{not json", "id": "c1", "error": "bad JSON"}
        return AIMessage(content="", invalid_tool_calls=[bad])

    adapter = LangChainChat(ScriptedChatModel(policy=broken))

    with pytest.raises(InvalidResponseError, match="tool calls could not be read"):
        await adapter.generate(
            ModelRequest((Message(role="user", content="Hi"),), SamplingParams(temperature=0))
        )


def test_the_cores_view_of_a_conversation_keeps_every_part_readable() -> None:
    messages = [
        SystemMessage("Be brief."),
        HumanMessage(
            content=[
                {"type": "text", "text": "What is in this picture?"},
                {"type": "image", "url": "https://example.com/cat.png"},
            ]
        ),
        AIMessage(content="", tool_calls=[{"name": "look", "args": {"x": 1}, "id": "c1"}]),
        ToolMessage(content="a cat", tool_call_id="c1", name="look"),
        ChatMessage(role="assistant", content="It is a cat."),
    ]

    assert to_core(messages) == (
        Message(role="system", content="Be brief."),
        Message(role="user", content="What is in this picture?\n[image]"),
        Message(role="assistant", content='[tool call] look({"x": 1})'),
        Message(role="user", content="[tool result look]\na cat"),
        Message(role="assistant", content="It is a cat."),
    )


def test_bad_settings_fail_when_the_model_is_built() -> None:
    inner = GenericFakeChatModel(messages=iter([]))
    with pytest.raises(ConfigurationError):
        BestOfN(inner, n=0)
    with pytest.raises(ConfigurationError):
        BestOfN(inner, n=2, sampling="greedy", temperature=0.5)
    with pytest.raises(ConfigurationError):
        BestOfN(inner, n=2, selector="no-such-selector")


def test_llm_is_accepted_positionally_and_by_keyword() -> None:
    inner = GenericFakeChatModel(messages=iter([]))

    assert BestOfN(inner, n=2).llm is inner
    assert BestOfN(llm=inner, n=2).llm is inner
    assert BestOfN(inner, n=2, timeout=5).settings.deadline == 5  # LangChain's name for it


def test_a_judge_spec_is_resolved_once_and_reused(monkeypatch: pytest.MonkeyPatch) -> None:
    inner = GenericFakeChatModel(messages=iter([]))
    with pytest.raises(MissingAPIKeyError):  # checked when BestOfN is built
        BestOfN(inner, n=2, judge="openai:gpt-4o-mini")
    monkeypatch.setenv("OPENAI_API_KEY", "test")

    bon = BestOfN(inner, n=2, judge="openai:gpt-4o-mini")

    judge = bon._core.judge  # one core, built once: every call uses this judge
    assert isinstance(judge, TracedChat) and judge.name == "openai:gpt-4o-mini"


def test_profile_and_output_version_come_from_the_wrapped_model() -> None:
    from langchain_openai import ChatOpenAI

    inner = ChatOpenAI(model="gpt-4o-mini", api_key="test", output_version="v1")

    bon = BestOfN(inner, n=2)

    assert bon.output_version == "v1"
    assert bon.profile is not None and bon.profile == inner.profile  # what create_agent reads
    own = BestOfN(inner, n=2, output_version="v0", profile={"max_input_tokens": 5})
    assert own.output_version == "v0" and own.profile == {"max_input_tokens": 5}
