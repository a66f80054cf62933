"""LangChain's standard integration suite, every capability on, over an OpenAI-compatible server.

``BestOfN(ChatOpenAI(...), n=3)`` and, as the baseline, ``ChatOpenAI`` alone run the same suite
against polypick's fake OpenAI server, which implements what the API reference documents for
what the suite uses — SSE streaming with the usage chunk, tools, ``tool_choice``,
``response_format`` ``json_schema`` (strict schemas checked) and ``json_object``, ``stop`` (see
``polypick/testing/servers/_openai_contract.py`` and tests/test_fake_openai_contract.py, which
cite https://platform.openai.com/docs/api-reference/chat/create). The baseline passing shows the
server is faithful enough for the suite; ``BestOfN`` passing shows it is indistinguishable from
the model it wraps.

The server is the wire; what the *model* answers is scripted below, as a model would answer
the suite's prompts: it calls the tool it is asked to (arguments from the prompt: the number in
"magic_function(3)", the quoted name in "named '你好啊集团'"), answers JSON with the keys the
prompt names in JSON mode, and otherwise answers in text.

Skipped, and why:

- image, PDF and audio inputs (and those in tool messages): the suite downloads its samples from
  the internet, and tests run offline;
- Anthropic-format inputs: an OpenAI-compatible server does not take them;
- ``test_stream_time``: a VCR benchmark of recorded HTTP exchanges with a hosted API.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import pytest
from langchain_core.language_models import BaseChatModel
from langchain_openai import ChatOpenAI
from langchain_tests.integration_tests import ChatModelIntegrationTests

from polypick.integrations.langchain import BestOfN
from polypick.testing.servers import FakeOpenAIServer
from polypick.testing.servers._openai_contract import schema_instance

from .doubles import chat_openai, unpooled_clients

pytestmark = [
    # langchain-openai's documented fallback for a pydantic.v1 schema with json_schema
    pytest.mark.filterwarnings("ignore:Received a Pydantic BaseModel V1 schema:UserWarning"),
    # the openai SDK serialising its own parsed completion (a pydantic object in `parsed`)
    pytest.mark.filterwarnings("ignore:Pydantic serializer warnings:UserWarning"),
]


def _last_user_text(body: Mapping[str, Any]) -> str:
    users = [m for m in body["messages"] if m.get("role") == "user"]
    content = users[-1].get("content", "") if users else ""
    if isinstance(content, list):
        content = " ".join(b.get("text", "") for b in content if isinstance(b, dict))
    return str(content)


def _arguments(schema: Mapping[str, Any], prompt: str) -> dict[str, Any]:
    """Arguments as a model would read them from the prompt: its first integer for integer
    parameters, its first quoted text for string ones."""
    numbers = [int(n) for n in re.findall(r"-?\d+", prompt)]
    quoted = re.findall(r"'([^']+)'|\"([^\"]+)\"", prompt)
    text = next((a or b for a, b in quoted), None)
    arguments = {}
    for name, spec in schema.get("properties", {}).items():
        if spec.get("type") == "integer":
            arguments[name] = numbers[0] if numbers else 1
        elif spec.get("type") == "string":
            arguments[name] = text or prompt.split()[-1].strip(".?!")
        else:
            arguments[name] = schema_instance(spec, schema)
    return arguments


def call_tools(body: dict[str, Any], index: int) -> Sequence[Mapping[str, Any]] | None:
    """A model that calls a tool when it has tools and the user spoke last."""
    tools = [t["function"] for t in body.get("tools") or ()]
    if not tools or body["messages"][-1].get("role") != "user":
        return None
    prompt = _last_user_text(body)
    choice = body.get("tool_choice")
    named = choice["function"]["name"] if isinstance(choice, dict) else None
    tool = next(
        (t for t in tools if t["name"] == named or (named is None and t["name"] in prompt)),
        tools[0],
    )
    return [{"name": tool["name"], "arguments": _arguments(tool.get("parameters", {}), prompt)}]


def answer(body: dict[str, Any], index: int) -> str:
    """Text, or JSON when a response format asks for it."""
    fmt = body.get("response_format") or {}
    prompt = _last_user_text(body)
    if fmt.get("type") == "json_schema":
        return json.dumps(schema_instance(fmt["json_schema"]["schema"]))
    if fmt.get("type") == "json_object":
        keys = [a or b for a, b in re.findall(r"'([^']+)'|\"([^\"]+)\"", prompt)]
        return json.dumps({key: f"the {key}" for key in keys})
    return f"Hello! You said: {prompt}"


@pytest.fixture(scope="module")
def openai_server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(tool_caller=call_tools, responder=answer) as server:
        yield server


class _OnTheFakeServer(ChatModelIntegrationTests):
    @pytest.fixture(autouse=True)
    def _server(self, openai_server: FakeOpenAIServer) -> None:
        self.server = openai_server

    @property
    def model_override_value(self) -> str:
        return "fake-gpt-override"  # the server answers any model, echoing its name

    @property
    def has_tool_calling(self) -> bool:
        return True

    @property
    def has_tool_choice(self) -> bool:
        return True

    @property
    def has_structured_output(self) -> bool:
        return True

    @property
    def supports_json_mode(self) -> bool:
        return True

    @property
    def supports_image_inputs(self) -> bool:
        return False  # the suite downloads its image: tests run offline

    @property
    def supports_image_urls(self) -> bool:
        return False  # offline

    @property
    def supports_image_tool_message(self) -> bool:
        return False  # offline

    @property
    def supports_pdf_inputs(self) -> bool:
        return False  # the suite downloads its PDF: offline

    @property
    def supports_pdf_tool_message(self) -> bool:
        return False  # offline

    @property
    def supports_audio_inputs(self) -> bool:
        return False  # the suite downloads its audio: offline

    @property
    def supports_anthropic_inputs(self) -> bool:
        return False  # an OpenAI-compatible server takes OpenAI's formats

    @property
    def enable_vcr_tests(self) -> bool:
        return False  # nothing recorded from a hosted API


class TestChatOpenAIOnTheFakeServer(_OnTheFakeServer):
    """The baseline: the wrapped model alone passes the suite on this server."""

    @property
    def chat_model_class(self) -> type[BaseChatModel]:
        return ChatOpenAI

    @property
    def chat_model_params(self) -> dict[str, Any]:
        return {
            "model": "fake-gpt",
            "base_url": self.server.base_url + "/v1",
            "api_key": "test",
            "timeout": 10,
            "stream_usage": True,  # asks for the usage chunk (stream_options.include_usage)
            **unpooled_clients(),
        }


class TestBestOfNOnTheFakeServer(_OnTheFakeServer):
    """``BestOfN`` over that model, three samples a call."""

    @property
    def chat_model_class(self) -> type[BestOfN]:
        return BestOfN

    @property
    def chat_model_params(self) -> dict[str, Any]:
        return {"llm": chat_openai(self.server), "n": 3}
