"""Cache keys: stable for equal requests, different for any change that can change an answer."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from polypick.cache import model_identity, request_key
from polypick.core.types import Message, SamplingParams
from polypick.providers import OpenAIChat
from polypick.testing import ScriptedChat

texts = st.text(max_size=20)
messages_st = st.lists(
    st.builds(Message, role=st.sampled_from(["system", "user", "assistant"]), content=texts),
    min_size=1,
    max_size=4,
).map(tuple)
params_st = st.builds(
    SamplingParams,
    temperature=st.floats(0.0, 2.0),
    top_p=st.none() | st.floats(0.01, 1.0),
    min_p=st.none() | st.floats(0.0, 1.0),
    seed=st.none() | st.integers(-(2**31), 2**31),
    max_tokens=st.none() | st.integers(1, 4096),
    stop=st.lists(texts, max_size=2).map(tuple),
)
schemas_st = st.none() | st.dictionaries(
    st.text(min_size=1, max_size=5), st.integers() | texts, max_size=4
)
identities_st = st.fixed_dictionaries(
    {"name": st.text(min_size=1, max_size=10)},
    optional={"base_url": texts, "max_tokens": st.integers(1, 100)},
)
Request = tuple[dict[str, Any], tuple[Message, ...], SamplingParams, dict[str, Any] | None]
requests_st = st.tuples(identities_st, messages_st, params_st, schemas_st)


@given(requests_st)
def test_the_same_request_always_gets_the_same_key(request: Request) -> None:
    identity, messages, params, schema = request
    key = request_key(identity, messages, params, schema)
    # rebuilt from scratch, mappings in reverse insertion order
    again = request_key(
        dict(reversed(identity.items())),
        tuple(Message(role=m.role, content=m.content) for m in messages),
        SamplingParams.model_validate(params.model_dump()),
        None if schema is None else dict(reversed(schema.items())),
    )
    assert key == again
    assert len(key) == 64 and int(key, 16) >= 0


@given(requests_st, requests_st)
def test_different_requests_get_different_keys(first: Request, second: Request) -> None:
    same = (
        first[0] == second[0]
        and first[1] == second[1]
        and first[2] == second[2]
        and first[3] == second[3]
    )
    assert (request_key(*first) == request_key(*second)) == same


@given(requests_st, st.sampled_from(["temperature", "top_p", "min_p", "seed", "max_tokens"]))
def test_every_sampling_parameter_is_in_the_key(request: Request, field: str) -> None:
    identity, messages, params, schema = request
    value = getattr(params, field)
    changed = {
        "temperature": value / 2 if value else 0.5,
        "top_p": 0.5 if value != 0.5 else 0.25,
        "min_p": 0.5 if value != 0.5 else 0.25,
        "seed": (value or 0) + 1,
        "max_tokens": (value or 1) + 1,
    }[field]
    other = params.model_copy(update={field: changed})
    assert request_key(identity, messages, params, schema) != request_key(
        identity, messages, other, schema
    )


@given(requests_st, texts)
def test_the_last_message_and_the_schema_are_in_the_key(request: Request, extra: str) -> None:
    identity, messages, params, schema = request
    longer = (*messages[:-1], Message(role=messages[-1].role, content=messages[-1].content + "!"))
    key = request_key(identity, messages, params, schema)
    assert key != request_key(identity, longer, params, schema)
    assert key != request_key(identity, messages, params, {**(schema or {}), "x" + extra: 1})


def test_the_model_identity_has_the_endpoint_but_never_the_api_key() -> None:
    first = OpenAIChat(model="m", base_url="http://127.0.0.1:9/v1", api_key="sk-first")
    second = OpenAIChat(model="m", base_url="http://127.0.0.1:9/v1", api_key="sk-second")
    elsewhere = OpenAIChat(model="m", base_url="http://127.0.0.1:10/v1", api_key="sk-first")
    assert model_identity(first) == model_identity(second)
    assert "sk-first" not in repr(model_identity(first))
    assert model_identity(first) != model_identity(elsewhere)
    assert model_identity(first)["name"] == "openai:m"


def test_credentials_in_a_url_stay_out_of_the_key() -> None:
    model = OpenAIChat(model="m", base_url="http://user:secret@127.0.0.1:9/v1")
    assert model_identity(model)["base_url"] == "http://127.0.0.1:9/v1"


def test_a_backend_can_state_its_identity() -> None:
    class Tuned(ScriptedChat):
        def cache_identity(self) -> dict[str, Any]:
            return {"adapter": "lora-7"}

    identity = model_identity(Tuned(["x"], name="t"))
    assert identity["name"] == "scripted:t" and identity["adapter"] == "lora-7"
    assert identity["backend"].endswith("Tuned")  # two backends never share entries


def test_keys_do_not_depend_on_the_process() -> None:
    code = (
        "from polypick.cache import request_key\n"
        "from polypick.core.types import Message, SamplingParams\n"
        "print(request_key({'name': 'x', 'extra_body': {'b': 1, 'a': [0.5, -0.0]}},"
        " [Message(role='user', content='héllo')], SamplingParams(temperature=0.7, seed=3),"
        " {'type': 'object'}))"
    )
    here = request_key(
        {"name": "x", "extra_body": {"a": [0.5, 0.0], "b": 1}},
        [Message(role="user", content="héllo")],
        SamplingParams(temperature=0.7, seed=3),
        {"type": "object"},
    )
    for hash_seed in ("1", "2"):
        env = os.environ | {"PYTHONHASHSEED": hash_seed}
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        assert out.stdout.strip() == here
