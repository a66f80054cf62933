"""Model backends behind the one :class:`~polypick.core.protocol.ChatModel` protocol.

Backends are named by spec strings — ``local``, ``local:/path/model.gguf``, ``openai:MODEL``,
``anthropic:MODEL`` — found through the :data:`providers` registry, or passed as objects.
Foreign model objects (LangChain or LlamaIndex models) are turned into backends by adapters:
those installed as ``polypick.model_adapters`` entry points, and any registered with
:func:`register_adapter`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from polypick.core.protocol import ChatModel
from polypick.core.registry import Registry
from polypick.errors import ConfigurationError

if TYPE_CHECKING:
    from polypick.providers.anthropic import AnthropicChat
    from polypick.providers.local import LocalChat
    from polypick.providers.model_profiles import ModelProfile, SamplingRules, register_profile
    from polypick.providers.openai import OpenAIChat
    from polypick.providers.reward_endpoint import RewardEndpoint

__all__ = [
    "ADAPTER_GROUP",
    "AnthropicChat",
    "ChatModel",
    "LocalChat",
    "ModelProfile",
    "ModelSpec",
    "OpenAIChat",
    "RewardEndpoint",
    "SamplingRules",
    "providers",
    "register_adapter",
    "register_profile",
    "resolve_model",
]

ModelSpec = str | ChatModel | Any
"""What ``llm=`` and ``judge=`` accept: a spec string, a backend, or an adaptable model object."""

providers: Registry[Callable[[str], ChatModel]] = Registry("provider")
"""Spec prefixes; each factory receives the text after the colon."""
providers.register("local", "polypick.providers.local:LocalChat.from_spec")
providers.register("openai", "polypick.providers.openai:OpenAIChat.from_spec")
providers.register("anthropic", "polypick.providers.anthropic:AnthropicChat.from_spec")

_adapters: list[Callable[[Any], ChatModel | None]] = []

ADAPTER_GROUP = "polypick.model_adapters"
"""The entry-point group of adapters for other frameworks' model objects. An entry point is
named after the root package of the objects it adapts (``langchain_core``, ``llama_index``)
and points at ``adapt(obj) -> ChatModel | None``; it is loaded only when such an object is
passed, so polypick never imports a framework it is not given."""

_LAZY = {
    "AnthropicChat": "polypick.providers.anthropic",
    "LocalChat": "polypick.providers.local",
    "ModelProfile": "polypick.providers.model_profiles",
    "OpenAIChat": "polypick.providers.openai",
    "RewardEndpoint": "polypick.providers.reward_endpoint",
    "SamplingRules": "polypick.providers.model_profiles",
    "register_profile": "polypick.providers.model_profiles",
}
_loaded_roots: set[str] = set()


def __getattr__(name: str) -> Any:
    # Import a backend (and its SDK) only when it is asked for.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _load_adapters_for(obj: Any) -> None:
    roots = {cls.__module__.partition(".")[0] for cls in type(obj).__mro__} - _loaded_roots
    if not roots:
        return
    from importlib.metadata import entry_points

    for entry in entry_points(group=ADAPTER_GROUP):
        if entry.name in roots:
            _adapters.append(entry.load())
    _loaded_roots.update(roots)


def register_adapter(adapt: Callable[[Any], ChatModel | None]) -> None:
    """Teach :func:`resolve_model` a new kind of model object.

    ``adapt(obj)`` returns a backend wrapping ``obj``, or ``None`` if ``obj`` is not its kind.
    """
    _adapters.append(adapt)


def resolve_model(spec: ModelSpec) -> ChatModel:
    """Turn any accepted ``llm=`` / ``judge=`` value into a backend, or raise a clear error."""
    if isinstance(spec, str):
        name, _, rest = spec.strip().partition(":")
        factory = providers.get(name)
        if name != "local" and not rest:
            raise ConfigurationError(f"{spec!r} names no model; write it as '{name}:MODEL'")
        return factory(rest)
    if isinstance(spec, ChatModel):
        return spec
    _load_adapters_for(spec)
    for adapt in _adapters:
        model = adapt(spec)
        if model is not None:
            return model
    raise ConfigurationError(
        f"cannot use {spec!r} as a model; pass a spec like 'local' or 'openai:gpt-4o-mini', "
        "or a backend such as OpenAIChat(...)"
    )
