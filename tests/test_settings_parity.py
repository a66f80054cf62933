"""One configuration everywhere: every ``Settings`` field is accepted by every entry point.

Each field gets a value that differs from its default; each entry point is built with that
field (by name, and inside a ``Settings``), and the settings it will run with must hold the
value. A field missing from any entry point, or an entry point that drops one, fails here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from polypick import Agreement, Budget, Hedged, RetryPolicy, Settings
from polypick.cache import SampleCache
from polypick.selectors.injection_policy import InjectionPolicy
from polypick.testing import ScriptedChat


def _detector(text: str) -> str | None:
    return "en"


def values(tmp_path: Path) -> dict[str, Any]:
    """A non-default value for every field (the dict must name them all: checked below)."""
    return {
        "n": 3,
        "sampling": Hedged(temperature=0.9, seed=4),
        "selector": "mbr",
        "selector_options": {"utility": "chrf"},
        "judge": "openai:judge-model",
        "min_candidates": 2,
        "deadline": 12.5,
        "retry": RetryPolicy(max_retries=4),
        "budget": Budget(max_judge_calls=9),
        "injection": InjectionPolicy("exclude"),
        "cache": SampleCache(tmp_path / "c.db"),
        "detect_language": _detector,
        "answer_language": "cs",
        "early_stop": Agreement(threshold=0.9),
    }


@pytest.fixture
def table(tmp_path: Path) -> Iterator[dict[str, Any]]:
    """The value table; its cache is closed after the test, since an sqlite connection left to
    the garbage collector is a ResourceWarning (an error here) on Python 3.13."""
    given = values(tmp_path)
    yield given
    given["cache"].close()


def expected(field: str, given: Any, settings: Settings) -> None:
    got = getattr(settings, field)
    if field == "retry" and isinstance(given, int):
        assert got == RetryPolicy(max_retries=given)
    else:
        assert got == given, field


def test_the_value_table_covers_every_field(table: dict[str, Any]) -> None:
    assert set(table) == set(Settings.model_fields)


def core(field: str, value: Any) -> Settings:
    from polypick import BestOfN

    return BestOfN(ScriptedChat(["x"]), **{field: value}).settings


def langchain(field: str, value: Any) -> Settings:
    from langchain_core.language_models.fake_chat_models import GenericFakeChatModel

    from polypick.integrations.langchain import BestOfN

    return BestOfN(GenericFakeChatModel(messages=iter([])), **{field: value}).settings


def langchain_middleware(field: str, value: Any) -> Settings:
    from polypick.integrations.langchain import BestOfNMiddleware

    return BestOfNMiddleware(**{field: value}).settings  # type: ignore[no-any-return]


def llama_index(field: str, value: Any) -> Settings:
    from llama_index.core.llms.mock import MockLLM

    from polypick.integrations.llama_index import BestOfN

    return BestOfN(MockLLM(), **{field: value}).settings


def serve(field: str, value: Any) -> Settings:
    from polypick.providers import resolve_model
    from polypick.serve import ServeSettings, create_app
    from polypick.serve.budget import MeteredChat

    settings = ServeSettings(llm="scripted", bon=Settings.of(**{field: value}))
    app = create_app(settings, llm=ScriptedChat(["x"]))
    served: Settings = app.state.serve.pool.settings
    if isinstance(served.judge, MeteredChat):
        # serve meters every model it calls against the request's budget, the judge too: the
        # meter must wrap the judge the operator named
        assert served.judge.model.name == resolve_model(value).name
        served = served.replace(judge=value)
    return served


def batch(field: str, value: Any, tmp_path: Path) -> Settings:
    from polypick.batch import BatchJob
    from polypick.providers import OpenAIChat

    llm = OpenAIChat("m", base_url="http://127.0.0.1:9/v1")
    return BatchJob(llm=llm, store=tmp_path / "job.sqlite", **{field: value}).settings


def ray(field: str, value: Any) -> Settings:
    pytest.importorskip("ray")
    from polypick.integrations.ray import BestOfNBatch

    return BestOfNBatch(llm=functools.partial(ScriptedChat, ["x"]), **{field: value}).bon.settings


ENTRY_POINTS: dict[str, Callable[..., Settings]] = {
    "core": core,
    "langchain": langchain,
    "langchain_middleware": langchain_middleware,
    "llama_index": llama_index,
    "serve": serve,
    "ray": ray,
}


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
def test_every_entry_point_accepts_every_field(
    entry: str, field: str, table: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "test")  # the judge spec is built, never called
    value = table[field]
    expected(field, value, ENTRY_POINTS[entry](field, value))


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
def test_batch_jobs_accept_every_field(
    field: str, tmp_path: Path, table: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "test")
    value = table[field]
    expected(field, value, batch(field, value, tmp_path))


@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
def test_a_settings_object_is_accepted_whole(
    entry: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    given = Settings.of(n=4, selector="majority", deadline=7.0, detect_language=False)
    if entry == "serve":
        from polypick.serve import ServeSettings, create_app

        app = create_app(ServeSettings(llm="scripted", bon=given), llm=ScriptedChat(["x"]))
        settings = app.state.serve.pool.settings
    else:
        settings = ENTRY_POINTS[entry]("settings", given)
    assert (settings.n, settings.selector, settings.deadline) == (4, "majority", 7.0)
    assert settings.detect_language is False


@pytest.mark.parametrize(
    ("given", "meant"),
    [
        ("selecter", "selector"),
        ("num_samples", "n"),
        ("judge_model", "judge"),
        ("dedline", "deadline"),
    ],
)
def test_a_misspelled_setting_names_the_one_meant(given: str, meant: str) -> None:
    from polypick.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match=f"did you mean '{meant}'"):
        Settings(**{given: 1})
