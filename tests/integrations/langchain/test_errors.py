"""Mistakes a new user makes, each refused with an error that says what to write instead."""

from __future__ import annotations

import socket

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI

import polypick
from polypick import TooFewCandidatesError
from polypick.errors import ConfigurationError
from polypick.integrations.langchain import BestOfN


@tool
def multiply(a: int, b: int) -> int:
    """Multiply two integers."""
    return a * b


def chat() -> ChatOpenAI:
    return ChatOpenAI(model="gpt-4o-mini", api_key="test")


@pytest.mark.parametrize(
    ("given", "meant"),
    [
        ({"selecter": "majority"}, "selector"),  # a typo
        ({"num_samples": 2}, "n"),  # other libraries' names
        ({"judge_model": "openai:gpt-4o"}, "judge"),
        ({"n_samples": 2}, "n"),
    ],
)
def test_an_unknown_argument_names_the_one_meant(given: dict[str, object], meant: str) -> None:
    with pytest.raises(ConfigurationError, match=f"did you mean '{meant}'"):
        BestOfN(chat(), **given)


def test_a_model_with_tools_bound_is_refused_with_the_line_to_write() -> None:
    with pytest.raises(ConfigurationError) as caught:
        BestOfN(chat().bind_tools([multiply], tool_choice="any"), n=3)

    # ChatOpenAI binds tool_choice="any" as OpenAI's "required"
    assert "BestOfN(chat, ...).bind_tools([multiply], tool_choice='required')" in str(caught.value)


def test_a_model_with_other_settings_bound_says_bind() -> None:
    with pytest.raises(ConfigurationError, match=r"BestOfN\(chat, \.\.\.\)\.bind\(stop=\.\.\.\)"):
        BestOfN(chat().bind(stop=["END"]))


def test_a_retrying_model_is_refused_with_the_line_to_write() -> None:
    with pytest.raises(ConfigurationError) as caught:
        BestOfN(chat().with_retry(stop_after_attempt=4))

    assert "BestOfN(chat, ...).with_retry(stop_after_attempt=4)" in str(caught.value)


def test_the_core_class_in_a_chain_says_which_class_to_use() -> None:
    core = polypick.BestOfN(llm=GenericFakeChatModel(messages=iter(["hi"])), n=2)
    chain = ChatPromptTemplate.from_messages([("human", "{q}")]) | core

    with pytest.raises(ConfigurationError, match="polypick.integrations.langchain.BestOfN"):
        chain.invoke({"q": "Hi"})
    with pytest.raises(ConfigurationError, match="polypick.integrations.langchain.BestOfN"):
        core | ChatPromptTemplate.from_messages([("human", "{q}")])


def test_a_llama_index_llm_is_pointed_to_its_own_class() -> None:
    from llama_index.core.llms import MockLLM

    with pytest.raises(ConfigurationError, match="polypick.integrations.llama_index.BestOfN"):
        BestOfN(MockLLM())


def test_too_few_candidates_names_the_common_cause() -> None:
    with socket.socket() as probe:  # a port on this machine that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    llm = ChatOpenAI(
        model="m", api_key="test", base_url=f"http://127.0.0.1:{port}/v1", max_retries=0
    )

    with pytest.raises(TooFewCandidatesError) as caught:
        BestOfN(llm, n=2).invoke("Hi")

    assert "every failed sample failed with" in str(caught.value)
    assert "Connection refused" in str(caught.value)  # under the SDK's "Connection error."
