"""llama-cpp-python's OpenAI-compatible server, with the model settings ``LocalChat`` uses.

::

    python -m polypick.providers.llama_server --model MODEL.gguf [server options]
    python -m polypick.providers.llama_server --extra-buffer-types --model MODEL.gguf ...

Every option but ``--extra-buffer-types`` goes to ``python -m llama_cpp.server`` unchanged (it
needs ``pip install "llama-cpp-python[server]"``). Models load with llama.cpp's extra buffer
types (weight repacking, AMX) off, as in :class:`~polypick.providers.LocalChat`;
``--extra-buffer-types`` turns them on. After loading a model the server writes what the loaded
model was given to stderr, one line per model::

    polypick.llama_server: loaded MODEL.gguf with use_extra_bufts=False
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from polypick.providers.local import extra_buffer_types, load_cpu_backends

__all__ = ["main"]

OPT_IN = "--extra-buffer-types"


def _report_loaded_models() -> None:
    """Write each model's ``use_extra_bufts``, read back from the loaded ``Llama``, to stderr."""
    from llama_cpp.server.model import LlamaProxy

    load = LlamaProxy.load_llama_from_model_settings

    def load_and_report(settings: Any) -> Any:
        llama = load(settings)
        setting = bool(llama.model_params.use_extra_bufts)
        print(
            f"polypick.llama_server: loaded {settings.model} with use_extra_bufts={setting}",
            file=sys.stderr,
            flush=True,
        )
        return llama

    LlamaProxy.load_llama_from_model_settings = staticmethod(load_and_report)  # type: ignore[method-assign]


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    enabled = OPT_IN in args
    args = [arg for arg in args if arg != OPT_IN]
    try:
        from llama_cpp.server.__main__ import main as serve
    except ImportError:
        sys.exit('the llama.cpp server needs: pip install "llama-cpp-python[server]"')
    _report_loaded_models()
    load_cpu_backends()
    sys.argv = [sys.argv[0], *args]
    with extra_buffer_types(enabled):  # for the server's whole life: it loads models on demand
        serve()  # type: ignore[no-untyped-call]


if __name__ == "__main__":
    main()
