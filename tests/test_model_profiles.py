"""Model profiles: the table, overrides, and what a 400 teaches (and what it does not).

Error shapes follow what the providers return (OpenAI's error object with ``param`` and
``code``, e.g. ``{"message": "Unsupported parameter: 'max_tokens' is not supported with this
model. Use 'max_completion_tokens' instead.", "param": "max_tokens", "code":
"unsupported_parameter"}``; Anthropic's ``{"type": "error", "error": {"type":
"invalid_request_error", "message": "..."}}``, the parameter named in the message).
"""

from __future__ import annotations

import openai
import pytest
from hypothesis import given
from hypothesis import strategies as st

from polypick.errors import ConfigurationError, ProviderStatusError
from polypick.providers import AnthropicChat, ModelProfile, OpenAIChat, SamplingRules
from polypick.providers._rejections import ADAPTABLE, read_rejection
from polypick.providers.model_profiles import register_profile, resolve_profile
from polypick.testing.servers import FakeOpenAIServer, reasoning_model


@pytest.mark.parametrize(
    ("model", "family", "temperature", "effort", "token_limit"),
    [
        ("gpt-5-mini", "openai-reasoning", None, "medium", "max_completion_tokens"),
        ("gpt-5-nano-2025-08-07", "openai-reasoning", None, "medium", "max_completion_tokens"),
        ("gpt-5.1", "openai-reasoning", (0.0, 2.0), "none", "max_completion_tokens"),
        ("gpt-5.2-2025-12-11", "openai-reasoning", (0.0, 2.0), "none", "max_completion_tokens"),
        ("o4-mini", "openai-reasoning", None, "medium", "max_completion_tokens"),
        ("openai/o3", "openai-reasoning", None, "medium", "max_completion_tokens"),
        ("gpt-5-chat-latest", "openai-chat", (0.0, 2.0), None, "max_completion_tokens"),
        ("gpt-4.1-mini", "openai-chat", (0.0, 2.0), None, "max_completion_tokens"),
    ],
)
def test_openai_models_resolve_from_their_names(
    model: str,
    family: str,
    temperature: tuple[float, float] | None,
    effort: str | None,
    token_limit: str,
) -> None:
    profile = resolve_profile("openai", model, hosted=True)
    assert profile.family == family
    assert profile.rules(None).temperature == temperature
    assert profile.default_effort == effort
    assert profile.token_limit == token_limit


def test_the_server_decides_what_the_name_cannot() -> None:
    hosted = resolve_profile("openai", "qwen3-8b", hosted=True)
    served = resolve_profile("openai", "qwen3-8b", hosted=False)
    assert (hosted.token_limit, hosted.min_p, hosted.structured_output) == (
        "max_completion_tokens", False, True,
    )  # fmt: skip
    assert (served.token_limit, served.min_p, served.structured_output) == (
        "max_tokens", True, False,
    )  # fmt: skip
    # a reasoning model behind a proxy is still a reasoning model
    assert resolve_profile("openai", "gpt-5", hosted=False).token_limit == "max_completion_tokens"


@pytest.mark.parametrize(
    ("model", "thinking", "temperature_while_thinking"),
    [
        ("claude-opus-4-7", "adaptive", None),
        ("claude-sonnet-4-6", "adaptive", None),
        ("claude-sonnet-4-5-20250929", "budget", None),
        ("claude-haiku-4-5", "budget", None),
        ("claude-3-7-sonnet-20250219", "budget", None),
        ("claude-3-5-haiku-latest", "none", (0.0, 1.0)),
    ],
)
def test_anthropic_models_resolve_their_thinking_form(
    model: str, thinking: str, temperature_while_thinking: tuple[float, float] | None
) -> None:
    profile = resolve_profile("anthropic", model, hosted=True)
    assert profile.reasoning == thinking
    assert profile.n is False and profile.min_p is False
    rules = profile.reasoning_sampling or profile.sampling
    assert rules.temperature == temperature_while_thinking
    if thinking != "none" and model != "claude-opus-4-7":
        assert rules.top_p == (0.95, 1.0)


def test_profiles_are_overridden_per_object_and_extended_by_users() -> None:
    model = OpenAIChat("my-model", base_url="http://localhost:9/v1", profile={"min_p": False})
    assert model.profile.min_p is False and model.profile.sampling.temperature == (0.0, 2.0)
    with pytest.raises(ConfigurationError, match="unknown ModelProfile field"):
        OpenAIChat("my-model", base_url="http://localhost:9/v1", profile={"temprature": 1})
    fixed = ModelProfile(family="mine", sampling=SamplingRules(temperature=None, logprobs=5))
    register_profile("openai", "acme-think-*", fixed, source="test")
    try:
        chosen = OpenAIChat("acme-think-2", base_url="http://localhost:9/v1")
        assert chosen.profile.family == "mine" and chosen.max_top_logprobs == 5
    finally:
        from polypick.providers.model_profiles import PROFILES

        PROFILES.pop(0)
    claude = AnthropicChat("claude-sonnet-4-6", api_key="k", profile={"reasoning": "budget"})
    assert claude.profile.reasoning == "budget"


def error(
    message: str, *, param: str | None = None, code: str | None = None
) -> ProviderStatusError:
    return ProviderStatusError(message, status_code=400, param=param, code=code)


@pytest.mark.parametrize(
    ("exc", "param", "value_only", "allowed"),
    [
        (
            error(
                "Unsupported value: 'temperature' does not support 0 with this model. Only "
                "the default (1) value is supported.",
                param="temperature",
                code="unsupported_value",
            ),
            "temperature", True, (),
        ),
        (
            error(
                "Unsupported parameter: 'max_tokens' is not supported with this model. Use "
                "'max_completion_tokens' instead.",
                param="max_tokens",
                code="unsupported_parameter",
            ),
            "max_tokens", False, (),
        ),
        (
            error(
                "Unsupported value: 'minimal' is not supported with the 'gpt-5.1' model. "
                "Supported values are: 'none', 'low', 'medium', and 'high'.",
                param="reasoning.effort",
                code="unsupported_value",
            ),
            "reasoning_effort", True, ("none", "low", "medium", "high"),
        ),
        (error("Unrecognized request argument supplied: min_p"), "min_p", False, ()),
        (error("Only one completion choice is allowed"), "n", False, ()),
        (
            error("`temperature` may only be set to 1 when thinking is enabled. Please consult "
                  "our documentation at https://docs.claude.com/en/docs/build-with-claude/"
                  "extended-thinking#feature-compatibility"),
            "temperature", True, (),
        ),
        (error("`temperature` is deprecated for this model."), "temperature", False, ()),
        (
            error('"thinking.type.enabled" is not supported for this model. Use '
                  '"thinking.type.adaptive" and "output_config.effort" to control thinking '
                  "behavior."),
            "thinking", True, ("adaptive",),
        ),
        (error("adaptive thinking is not supported on this model"), "thinking", True,
         ("enabled",)),
    ],
)  # fmt: skip
def test_rejections_are_read_from_the_providers_errors(
    exc: ProviderStatusError, param: str, value_only: bool, allowed: tuple[str, ...]
) -> None:
    rejection = read_rejection(exc)
    assert rejection is not None
    assert (rejection.param, rejection.value_only, rejection.allowed) == (
        param, value_only, allowed,
    )  # fmt: skip


@pytest.mark.parametrize(
    "exc",
    [
        error(
            "This model's maximum context length is 8192 tokens. However, your messages "
            "resulted in 9000 tokens.",
            param="messages",
            code="context_length_exceeded",
        ),
        error(
            "max_tokens is too large: 100000. This model supports at most 16384 completion tokens.",
            param="max_tokens",
        ),
        error("Injected fault: HTTP 400"),
        error("temperature: range: 0..2", param="temperature"),
        ProviderStatusError("Unsupported parameter: 'n'", status_code=500),
    ],
)
def test_unrelated_errors_teach_nothing(exc: ProviderStatusError) -> None:
    assert read_rejection(exc) is None


words = st.text(alphabet=st.characters(categories=("L", "Nd", "Zs")), max_size=60)


@given(message=words, param=st.one_of(st.none(), st.sampled_from(sorted(ADAPTABLE))))
def test_a_message_that_is_not_about_support_teaches_nothing(
    message: str, param: str | None
) -> None:
    lowered = message.lower()
    support = ("unsupported", "not supported", "unrecognized", "deprecated", "only")
    if any(word in lowered for word in support) or "when thinking" in lowered:
        return
    assert read_rejection(error(message, param=param)) is None


@given(param=st.sampled_from(sorted(ADAPTABLE - {"thinking", "n"})))
def test_every_adaptable_parameter_is_read_from_openais_wording(param: str) -> None:
    message = f"Unsupported parameter: '{param}' is not supported with this model."
    for exc in (error(message), error(message, param=param, code="unsupported_parameter")):
        rejection = read_rejection(exc)
        assert rejection is not None and rejection.param == param


def test_the_fake_server_answers_with_openais_error_body() -> None:
    with FakeOpenAIServer(models={"gpt-5-mini": reasoning_model()}) as server:
        client = openai.OpenAI(base_url=server.base_url + "/v1", api_key="test", max_retries=0)
        message = [{"role": "user", "content": "q"}]
        with pytest.raises(openai.BadRequestError) as info:
            client.chat.completions.create(model="gpt-5-mini", messages=message, temperature=0)  # type: ignore[arg-type]
        assert info.value.body == {
            "message": "Unsupported value: 'temperature' does not support 0 with this model. "
            "Only the default (1) value is supported.",
            "type": "invalid_request_error",
            "param": "temperature",
            "code": "unsupported_value",
        }
        with pytest.raises(openai.BadRequestError) as info:
            client.chat.completions.create(model="gpt-5-mini", messages=message, max_tokens=5)  # type: ignore[arg-type]
        assert isinstance(info.value.body, dict)
        assert (info.value.body["param"], info.value.body["code"]) == (
            "max_tokens", "unsupported_parameter",
        )  # fmt: skip
        reply = client.chat.completions.create(
            model="gpt-5-mini",
            messages=message,
            max_completion_tokens=50,
            reasoning_effort="low",  # type: ignore[arg-type]
        )
        assert reply.usage is not None and reply.usage.completion_tokens_details is not None
        assert reply.usage.completion_tokens_details.reasoning_tokens == 64
        client.close()


@pytest.mark.parametrize(
    ("message", "param", "learnt"),
    [
        ("Only one completion choice is allowed, got n=3.", None, True),  # llama.cpp's server
        ("'n' must be 1", None, True),
        ("n: Input should be less than or equal to 1", "n", True),
        # OpenAI's wording for an n over its maximum: about n's value, not its support
        ("Invalid 'n': integer above maximum value. Expected a value <= 128.", "n", False),
        ("Invalid value for 'temperature'", None, False),
    ],
)
def test_n_is_learnt_from_any_wording_of_one_choice_only(
    message: str, param: str | None, learnt: bool
) -> None:
    rejection = read_rejection(error(message, param=param))
    assert (rejection is not None and rejection.param == "n") is learnt
