"""``best_of_n``: a Ray Dataset in, the same rows with their best-of-N answers out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ray.cloudpickle
import ray.data

from polypick.core.sync import run_sync
from polypick.engine.settings import Settings
from polypick.errors import ConfigurationError
from polypick.integrations.ray.batch import BestOfNBatch, ModelFactory
from polypick.providers import ModelSpec

__all__ = ["best_of_n"]


def best_of_n(
    ds: ray.data.Dataset,
    *,
    llm: ModelSpec | ModelFactory,
    settings: Settings | None = None,
    prompt_column: str = "prompt",
    concurrency: int | tuple[int, int] = 1,
    max_in_flight: int = 8,
    batch_size: int = 16,
    num_cpus: float = 1.0,
    output_prefix: str = "",
    **options: Any,
) -> ray.data.Dataset:
    """Run best-of-N over every row of ``ds`` (lazily, like every Ray Data transform).

    Args:
        ds: the dataset; ``prompt_column`` holds each row's prompt.
        llm: a spec (``"openai:gpt-4o-mini"``, resolved in each actor), or a function that
            builds the model there (``functools.partial(OpenAIChat, model=..., base_url=...)``);
            model objects hold connections and cannot be sent to actors. So for ``judge``.
        settings: a :class:`~polypick.Settings`; ``options`` are its fields by name (``n``,
            ``sampling``, ``selector``, ``judge``, ``deadline``, ``cache`` ...) and override it.
        concurrency: how many actors (each with its own ``BestOfN``), or a ``(min, max)``
            autoscaling range.
        max_in_flight: most prompts each actor runs at once; the cluster runs at most
            ``concurrency * max_in_flight`` prompts at once.
        batch_size: rows per batch handed to an actor.
        num_cpus: CPUs reserved per actor; the work waits on the network, so a fraction of a
            CPU is usually enough.
        output_prefix: prepended to the output column names.

    Returns:
        ``ds`` with the ``answer``, ``selection`` (JSON), ``usage``, ``failures`` and
        ``error`` columns added.
    """
    arguments: dict[str, Any] = {
        "llm": llm,
        "settings": Settings.of(settings, **options),
        "prompt_column": prompt_column,
        "max_in_flight": max_in_flight,
        "output_prefix": output_prefix,
    }
    probe = BestOfNBatch(**arguments)  # bad settings fail here, before any actor starts
    run_sync(probe.bon.aclose())
    _check_picklable(arguments)
    return ds.map_batches(
        BestOfNBatch,
        fn_constructor_kwargs=arguments,
        compute=_actor_pool(concurrency),
        batch_size=batch_size,
        num_cpus=num_cpus,
    )


def _check_picklable(settings: Mapping[str, Any]) -> None:
    for name, value in settings.items():
        try:
            ray.cloudpickle.dumps(value)  # type: ignore[no-untyped-call]
        except Exception as exc:  # cloudpickle raises whatever the object's reducer raises
            raise ConfigurationError(
                f"{name}={value!r} cannot be sent to Ray actors ({exc}); pass a spec, or a "
                "function that builds it in each actor, e.g. "
                "functools.partial(OpenAIChat, model=..., base_url=...)"
            ) from exc


def _actor_pool(concurrency: int | tuple[int, int]) -> ray.data.ActorPoolStrategy:
    if isinstance(concurrency, tuple):
        low, high = concurrency
        return ray.data.ActorPoolStrategy(min_size=low, max_size=high)
    return ray.data.ActorPoolStrategy(size=concurrency)
