"""The server's settings: served names, and which upstream and judge objects they build."""

from __future__ import annotations

import pytest

from polypick import Settings
from polypick.errors import ConfigurationError, MissingAPIKeyError
from polypick.providers import AnthropicChat, LocalChat
from polypick.serve import ServeSettings
from polypick.serve.upstream import PassThroughOpenAIChat

URL = "http://127.0.0.1:9/v1"


@pytest.mark.parametrize(
    ("settings", "name"),
    [
        (ServeSettings(llm="openai:gpt-4o-mini", base_url=URL), "gpt-4o-mini"),
        (ServeSettings(llm="openai:Qwen/Qwen2.5-7B", base_url=URL), "Qwen/Qwen2.5-7B"),
        (ServeSettings(llm="local"), "local"),
        (ServeSettings(llm="local:/models/x.gguf"), "local"),
        (ServeSettings(llm="local", model_name="tiny"), "tiny"),
    ],
)
def test_the_served_name(settings: ServeSettings, name: str) -> None:
    assert settings.served_name() == name


def test_openai_upstreams_pass_requests_through_and_others_are_resolved_as_usual() -> None:
    upstream = ServeSettings(llm="openai:m", base_url=URL, timeout=5, concurrency=3).upstream()
    assert isinstance(upstream, PassThroughOpenAIChat)
    assert (upstream.base_url, upstream.timeout, upstream.max_concurrency) == (URL, 5, 3)
    assert isinstance(ServeSettings(llm="local").upstream(), LocalChat)


def test_the_judge_shares_the_upstream_or_its_server() -> None:
    settings = ServeSettings(llm="openai:small", base_url=URL, judge="openai:big")
    upstream = settings.upstream()
    judge = settings.judge_model(upstream)
    assert isinstance(judge, PassThroughOpenAIChat)
    assert (judge.model, judge.base_url) == ("big", URL)  # same provider: same server
    same = ServeSettings(llm="openai:small", base_url=URL, judge="openai:small")
    assert same.judge_model(upstream) is upstream  # one model, one set of connections
    elsewhere = settings.model_copy(update={"judge_base_url": "http://127.0.0.1:10/v1"})
    assert elsewhere.judge_model(upstream).base_url == "http://127.0.0.1:10/v1"  # type: ignore[union-attr]
    assert ServeSettings(llm="local").judge_model(upstream) is None


def test_an_anthropic_judge_does_not_inherit_an_openai_base_url(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test")
    settings = ServeSettings(llm="openai:m", base_url=URL, judge="anthropic:claude")
    judge = settings.judge_model(settings.upstream())
    assert isinstance(judge, AnthropicChat)


def test_invalid_settings_say_what_to_fix() -> None:
    with pytest.raises(MissingAPIKeyError, match="OPENAI_API_KEY"):
        ServeSettings(llm="openai:gpt-4o-mini").upstream()
    with pytest.raises(ConfigurationError, match="drop --base-url"):
        ServeSettings(llm="local", base_url=URL).upstream()
    with pytest.raises(ConfigurationError, match="retries"):
        ServeSettings(retries=-1)
    with pytest.raises(ConfigurationError, match="sampling"):
        ServeSettings(bon=Settings.of(sampling=True))


@pytest.mark.parametrize(
    ("defaults", "words"),
    [
        ({"sampling": "warm"}, "unknown sampling 'warm'"),
        ({"selector": "vibes"}, "unknown selector 'vibes'"),
        ({"selector": "reward"}, "needs a function"),
        ({"n": 20}, "above max_n=16"),
    ],
)
def test_bad_defaults_fail_at_start_up(defaults: dict[str, object], words: str) -> None:
    with pytest.raises(ConfigurationError, match=words):
        ServeSettings(bon=Settings.of(**defaults))
