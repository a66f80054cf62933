"""The name registry, the error tree, usage splitting, prompt validation and result round trips."""

from __future__ import annotations

import json
import sys
import textwrap
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from polypick import BestOfN, Hedged, RetryPolicy, Selection
from polypick.core.registry import Registry
from polypick.core.types import Message, SamplingParams, to_messages
from polypick.core.usage import split_usage
from polypick.errors import (
    BatchError,
    ConfigurationError,
    MissingAPIKeyError,
    PolypickError,
    ProviderConnectionError,
    ProviderError,
    ProviderStatusError,
    RateLimitError,
    TooFewCandidatesError,
    UnknownNameError,
)
from polypick.selectors import resolve_selector
from polypick.testing import ScriptedChat

if sys.version_info < (3, 11):  # pragma: no cover - exercised on 3.10 only
    from exceptiongroup import ExceptionGroup

# --- Registry --------------------------------------------------------------------------------


def test_string_entries_are_imported_on_first_use_and_kept() -> None:
    registry: Registry[Any] = Registry("thing")
    registry.register("decoder", "json.decoder:JSONDecoder.decode")
    registry.register("missing", "polypick_no_such_module:factory")  # not imported yet: no error
    assert "missing" in registry
    assert registry.get("decoder") is json.decoder.JSONDecoder.decode
    assert registry._entries["decoder"] is json.decoder.JSONDecoder.decode  # resolved once
    with pytest.raises(ModuleNotFoundError):
        registry.get("missing")


def test_object_entries_and_the_decorator() -> None:
    registry: Registry[Any] = Registry("thing")

    @registry.decorator("double")
    def double(x: int) -> int:
        return 2 * x

    registry.register("len", len)
    assert registry.get("double")(4) == 8
    assert registry.get("len") is len
    assert registry.names() == ["double", "len"]


def test_registering_a_name_twice_needs_replace() -> None:
    registry: Registry[Any] = Registry("selector")
    registry.register("mine", len)
    with pytest.raises(ConfigurationError, match=r"'mine' is already registered.*replace=True"):
        registry.register("mine", str)
    assert registry.get("mine") is len
    registry.register("mine", str, replace=True)
    assert registry.get("mine") is str


def test_an_unknown_name_is_a_key_error_listing_the_known_names() -> None:
    registry: Registry[Any] = Registry("provider")
    for name in ("openai", "anthropic", "local"):
        registry.register(name, len)
    with pytest.raises(KeyError) as info:
        registry.get("opneai")
    error = info.value
    assert isinstance(error, UnknownNameError)
    assert isinstance(error, ConfigurationError)
    assert (error.kind, error.name, error.known) == (
        "provider",
        "opneai",
        ("anthropic", "local", "openai"),
    )
    assert str(error) == "unknown provider 'opneai'; choose one of: anthropic, local, openai"


def test_unknown_selector_names_list_the_built_in_selectors() -> None:
    with pytest.raises(UnknownNameError) as info:
        resolve_selector("best")
    for name in ("judge", "majority", "reward"):
        assert name in str(info.value)


# --- the error tree --------------------------------------------------------------------------

GROUPS = [
    TooFewCandidatesError(
        "0 of 2 succeeded", [ProviderConnectionError("down"), ValueError("bad text")]
    ),
    BatchError(
        "1 of 3 prompts failed",
        [ProviderConnectionError("down"), ValueError("bad text")],
        ["first", None, "third"],
    ),
]


@pytest.mark.parametrize("group", GROUPS, ids=["too-few", "batch"])
def test_groups_are_exception_groups_and_polypick_errors(group: ExceptionGroup[Exception]) -> None:
    assert isinstance(group, ExceptionGroup)
    assert isinstance(group, PolypickError)
    assert len(group.exceptions) == 2


@pytest.mark.parametrize("group", GROUPS, ids=["too-few", "batch"])
def test_split_keeps_the_group_type_and_batch_results(group: ExceptionGroup[Exception]) -> None:
    match, rest = group.split(ProviderError)
    assert type(match) is type(group)
    assert type(rest) is type(group)
    assert [type(e) for e in match.exceptions] == [ProviderConnectionError]
    assert [type(e) for e in rest.exceptions] == [ValueError]
    assert match.message == group.message
    if isinstance(group, BatchError):
        assert match.results == rest.results == ["first", None, "third"]


@pytest.mark.skipif(sys.version_info < (3, 11), reason="except* needs Python 3.11")
@pytest.mark.parametrize("group", GROUPS, ids=["too-few", "batch"])
def test_except_star_catches_provider_errors_inside(group: ExceptionGroup[Exception]) -> None:
    # ``except*`` is compiled at run time: the project's lint target (3.10) cannot parse it.
    code = textwrap.dedent(
        """
        caught = []
        try:
            try:
                raise group
            except* ProviderError as eg:
                caught.append(eg)
        except ExceptionGroup as rest:
            left = rest
        """
    )
    scope: dict[str, Any] = {
        "group": group,
        "ProviderError": ProviderError,
        "ExceptionGroup": ExceptionGroup,
    }
    exec(compile(code, "<except-star>", "exec"), scope)
    [caught] = scope["caught"]
    assert type(caught) is type(group)
    assert [type(e) for e in caught.exceptions] == [ProviderConnectionError]
    assert type(scope["left"]) is type(group)
    assert [type(e) for e in scope["left"].exceptions] == [ValueError]
    if isinstance(group, BatchError):
        assert caught.results == ["first", None, "third"]


def test_missing_api_key_error_names_the_variable() -> None:
    error = MissingAPIKeyError("OpenAI", "OPENAI_API_KEY")
    assert isinstance(error, ConfigurationError)
    assert "OPENAI_API_KEY" in str(error)
    assert "api_key=" in str(error)
    assert error.env_var == "OPENAI_API_KEY"


@pytest.mark.parametrize(
    ("spec", "variable"),
    [("openai:gpt-4o-mini", "OPENAI_API_KEY"), ("anthropic:claude-x", "ANTHROPIC_API_KEY")],
    ids=["openai", "anthropic"],
)
@pytest.mark.parametrize("value", [None, ""], ids=["unset", "empty"])
def test_providers_without_a_key_name_the_variable_to_set(
    monkeypatch: pytest.MonkeyPatch, spec: str, variable: str, value: str | None
) -> None:
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    if value is None:
        monkeypatch.delenv(variable, raising=False)
    else:
        monkeypatch.setenv(variable, value)
    with pytest.raises(MissingAPIKeyError) as info:
        BestOfN(spec, n=2, selector="majority")
    assert variable in str(info.value)


@pytest.mark.parametrize(
    ("status", "retryable"),
    [
        (400, False),
        (401, False),
        (403, False),
        (404, False),
        (408, True),
        (409, True),
        (422, False),
        (429, True),
        (500, True),
        (502, True),
        (503, True),
    ],
    ids=lambda value: str(value),
)
def test_status_errors_are_retryable_exactly_for_transient_statuses(
    status: int, retryable: bool
) -> None:
    error = ProviderStatusError("boom", status_code=status, provider="openai:m")
    assert error.retryable is retryable
    assert error.status_code == status
    assert str(error) == f"openai:m: HTTP {status}: boom"


def test_rate_limit_errors_are_retryable_and_carry_retry_after() -> None:
    error = RateLimitError("slow down", status_code=429, retry_after=2.5)
    assert isinstance(error, ProviderStatusError)
    assert error.retryable
    assert error.retry_after == 2.5


# --- split_usage -----------------------------------------------------------------------------


@given(
    prompt=st.integers(min_value=0, max_value=10**6),
    completion=st.integers(min_value=0, max_value=10**6),
    parts=st.integers(min_value=1, max_value=64),
)
def test_split_usage_parts_add_up_to_the_billed_totals(
    prompt: int, completion: int, parts: int
) -> None:
    usages = split_usage(prompt, completion, parts)
    assert len(usages) == parts
    assert sum(u.prompt_tokens for u in usages) == prompt
    assert sum(u.completion_tokens for u in usages) == completion
    assert [u.prompt_tokens for u in usages[1:]] == [0] * (parts - 1)
    shares = [u.completion_tokens for u in usages]
    assert max(shares) - min(shares) <= 1
    assert shares == sorted(shares, reverse=True)  # the remainder goes to the earliest


@pytest.mark.parametrize("parts", [0, -1], ids=["zero", "negative"])
def test_split_usage_needs_at_least_one_part(parts: int) -> None:
    with pytest.raises(ValueError, match="parts"):
        split_usage(10, 10, parts)


# --- to_messages -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prompt", "hint"),
    [
        ("", "non-empty user message"),
        ("   \n\t", "non-empty user message"),
        ([], "no messages"),
        ([{"role": "system", "content": "Be brief."}], "non-empty user message"),
        ([{"role": "tool", "content": "x"}], "'system', 'user' or 'assistant'"),
        ([{"role": "user", "content": 42}], "must be a string"),
        ([{"role": "user"}], "{'role': 'user', 'content': '...'}"),
        (["What is 2 + 2?"], "{'role': 'user', 'content': '...'}"),
        (None, "pass a string or a list of chat messages"),
    ],
    ids=[
        "empty-string",
        "whitespace-only",
        "empty-list",
        "system-only",
        "unknown-role",
        "non-string-content",
        "missing-content",
        "bare-string-in-list",
        "none",
    ],
)
def test_malformed_prompts_raise_configuration_error(prompt: object, hint: str) -> None:
    with pytest.raises(ConfigurationError) as info:
        to_messages(prompt)  # type: ignore[arg-type]
    assert hint in str(info.value)


@pytest.mark.parametrize(
    "prompt",
    [
        "What is 2 + 2?",
        {"role": "user", "content": "What is 2 + 2?"},
        Message(role="user", content="What is 2 + 2?"),
        [{"role": "user", "content": "What is 2 + 2?"}],
        [Message(role="user", content="What is 2 + 2?")],
    ],
    ids=["string", "dict", "message", "list-of-dicts", "list-of-messages"],
)
def test_accepted_prompt_forms(prompt: Any) -> None:
    assert to_messages(prompt) == (Message(role="user", content="What is 2 + 2?"),)


def test_mixed_conversations_keep_their_order() -> None:
    prompt = [
        Message(role="system", content="Be brief."),
        {"role": "user", "content": "Hi"},
        {"role": "assistant", "content": "Hello"},
        {"role": "user", "content": "¿Qué tal?"},
    ]
    assert [(m.role, m.content) for m in to_messages(prompt)] == [
        ("system", "Be brief."),
        ("user", "Hi"),
        ("assistant", "Hello"),
        ("user", "¿Qué tal?"),
    ]


# --- Selection JSON round trip ---------------------------------------------------------------

NO_WAIT = RetryPolicy(max_retries=1, initial_wait=0, max_wait=0)


def scripted(replies: dict[int, str | Exception]) -> ScriptedChat:
    def respond(messages: Any, params: SamplingParams) -> str | Exception:
        if messages[0].role == "system":  # judge prompts
            return '{"reasoning": "fine", "score": 7}'
        assert params.seed is not None
        return replies[params.seed]

    return ScriptedChat(respond)


@pytest.mark.parametrize(
    ("selector", "replies"),
    [
        ("majority", {0: "Answer: 42", 1: "Answer: 42", 2: "Answer: 41"}),
        ("judge", {0: "uno", 1: "dos", 2: "答案是 3"}),
        (
            "judge",
            {0: "A", 1: ProviderStatusError("no", status_code=400), 2: "B"},
        ),
        (lambda prompt, candidate: float(len(candidate)), {0: "a", 1: "abc", 2: "ab"}),
    ],
    ids=["majority", "judge", "judge-with-a-failed-sample", "reward"],
)
async def test_selection_survives_a_json_round_trip(
    selector: Any, replies: dict[int, str | Exception]
) -> None:
    bon = BestOfN(scripted(replies), n=3, sampling=Hedged(seed=0), selector=selector, retry=NO_WAIT)
    sel = await bon.ainvoke(
        [{"role": "system", "content": "Sé breve."}, {"role": "user", "content": "¿6 x 7?"}]
    )
    text = sel.model_dump_json()
    assert Selection.model_validate_json(text) == sel
    data = json.loads(text)
    assert data["usage"]["total"]["requests"] == sel.usage.total.requests  # computed fields
    assert data["candidates"][0]["temperature"] == 0.0
