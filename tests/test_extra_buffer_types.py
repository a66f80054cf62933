"""llama.cpp's extra buffer types (weight repacking, AMX) are off for every model polypick loads,
in-process and in the llama.cpp server the tests start, and a user can turn them on."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from polypick import BestOfN
from polypick.providers import LocalChat
from polypick.providers import local as local_module

pytestmark = pytest.mark.local_model


def loaded_setting(model_path: Path, extra_buffer_types: bool) -> bool:
    """What the loaded ``Llama`` was given, read back from its model parameters."""
    llama, _ = local_module._loaded[(str(model_path), 2048, extra_buffer_types)]
    return bool(llama.model_params.use_extra_bufts)


def test_local_chat_loads_the_model_with_extra_buffer_types_off(model_path: Path) -> None:
    assert LocalChat().extra_buffer_types is False
    sel = BestOfN(llm="local", n=1, selector="majority").invoke("Say hi.")
    assert sel.text.strip()
    assert loaded_setting(model_path, False) is False


def test_a_user_can_turn_extra_buffer_types_on(model_path: Path) -> None:
    on = LocalChat(extra_buffer_types=True)
    sel = BestOfN(llm=on, n=1, selector="majority").invoke("Say hi.")
    assert sel.text.strip()
    assert loaded_setting(model_path, True) is True
    assert loaded_setting(model_path, False) is False  # the default model is a separate load


def test_the_setting_is_confined_to_the_block() -> None:
    from llama_cpp import llama_cpp as bindings

    default = bindings.llama_model_default_params
    assert default().use_extra_bufts is True  # llama.cpp's own default, which we override
    with local_module.extra_buffer_types(False):
        assert bindings.llama_model_default_params().use_extra_bufts is False
    with local_module.extra_buffer_types(True):
        assert bindings.llama_model_default_params().use_extra_bufts is True
    assert bindings.llama_model_default_params is default


def server_setting(log: Path) -> list[str]:
    return re.findall(
        r"polypick\.llama_server: loaded .* with use_extra_bufts=(\w+)", log.read_text()
    )


def test_the_llama_server_the_tests_use_loads_with_extra_buffer_types_off(
    llama_server: str, llama_server_log: Path
) -> None:
    assert server_setting(llama_server_log) == ["False"]


def test_the_server_launcher_turns_them_on_when_asked(
    model_path: Path, tmp_path: Path, llama_server_launcher: Callable[..., Any]
) -> None:
    log = tmp_path / "server.log"
    with llama_server_launcher(model_path, log, ["--extra-buffer-types"]):
        assert server_setting(log) == ["True"]
