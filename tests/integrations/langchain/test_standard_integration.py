"""LangChain's standard integration suite on ``BestOfN`` over a real model.

The model is the embedded SmolLM2-135M served by llama-cpp-python's OpenAI-compatible server
(the session fixture ``llama_server``) and reached through ``ChatOpenAI``; ``BestOfN`` samples
it twice and picks with MBR (chrF), which makes no model calls of its own.

What this model or server cannot do is switched off through the suite's own properties, each
with its reason below; the skips they cause are the only ones. The same suite with every
capability on runs over the fake OpenAI server (test_standard_integration_openai.py).
"""

from __future__ import annotations

from typing import Any

import pytest
from langchain_tests.integration_tests import ChatModelIntegrationTests

from polypick.integrations.langchain import BestOfN

from .doubles import smollm2


class TestBestOfNIntegration(ChatModelIntegrationTests):
    @pytest.fixture(autouse=True)
    def _server(self, llama_server: str) -> None:
        self.base_url = llama_server

    @property
    def chat_model_class(self) -> type[BestOfN]:
        return BestOfN

    @property
    def chat_model_params(self) -> dict[str, Any]:
        return {"llm": smollm2(self.base_url), "n": 2}

    @property
    def model_override_value(self) -> str:
        # The server answers any model name with its one model and echoes the name back.
        return "smollm2-override"

    @property
    def has_tool_calling(self) -> bool:
        # llama-cpp-python's server returns OpenAI tool calls only with a function-calling chat
        # format, and a 135M model does not call tools reliably. Tool-call candidates and their
        # vote are tested with a scripted tool-calling model (test_agent.py).
        return False

    @property
    def has_structured_output(self) -> bool:
        # ChatOpenAI's default method, json_schema, is refused by llama-cpp-python's server
        # (its response_format takes 'text' and 'json_object' only), and function calling is
        # off above. JSON mode over this server is tested in test_structured_output.py.
        return False

    @property
    def supports_json_mode(self) -> bool:
        # The suite's JSON-mode test needs the two keys its prompt names; the server's grammar
        # makes the 135M model answer JSON, but not reliably with those keys.
        return False

    @property
    def supports_image_inputs(self) -> bool:
        return False  # SmolLM2-135M reads text only

    @property
    def supports_image_urls(self) -> bool:
        return False  # text only

    @property
    def supports_pdf_inputs(self) -> bool:
        return False  # text only

    @property
    def supports_audio_inputs(self) -> bool:
        return False  # text only

    @property
    def supports_image_tool_message(self) -> bool:
        return False  # text only, and no tool calling

    @property
    def supports_pdf_tool_message(self) -> bool:
        return False  # text only, and no tool calling

    @property
    def supports_anthropic_inputs(self) -> bool:
        return False  # an OpenAI-compatible server: Anthropic-format content blocks do not apply

    @property
    def enable_vcr_tests(self) -> bool:
        # The model runs locally: there are no HTTP exchanges with a hosted API to record.
        return False
