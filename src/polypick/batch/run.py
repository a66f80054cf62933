"""Run best-of-N over a dataset through provider batch APIs: the public entry points."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from polypick.batch.backend import batch_backend
from polypick.batch.chat import BatchChat
from polypick.batch.driver import BatchDriver
from polypick.batch.progress import BatchProgress
from polypick.batch.store import JobStore
from polypick.core.batching import BatchBackend
from polypick.core.protocol import ChatModel
from polypick.core.retry import RetryPolicy
from polypick.core.sync import run_sync
from polypick.core.types import PromptInput, Selection, to_messages
from polypick.engine.bestofn import BestOfN
from polypick.engine.components import resolve_selector_spec
from polypick.engine.settings import Settings
from polypick.errors import BatchError, ConfigurationError
from polypick.providers import ModelSpec, resolve_model

__all__ = ["BatchJob", "acancel_batches", "arun_batch", "cancel_batches", "run_batch"]

# Batch-API calls (uploads, polls) ride out a few minutes of provider trouble before a job
# stops; a stopped job resumes from its store.
DEFAULT_API_RETRY = RetryPolicy(max_retries=6, initial_wait=1.0, max_wait=60.0)


class BatchJob:
    """Best-of-N over a dataset, with sampling and judging sent as provider batches.

    Takes ``BestOfN``'s settings — a :class:`~polypick.Settings`, or its fields by name (``n``,
    ``sampling``, ``selector``, ``judge``, ``min_candidates``, ``cache`` ...) — plus:

    Args:
        llm: an ``openai:MODEL`` or ``anthropic:MODEL`` spec, or an ``OpenAIChat`` /
            ``AnthropicChat`` (for its ``base_url``, key and other settings); ``judge`` alike.
        store: the job's SQLite file. Run again with the same file to resume: finished
            requests are not sent again and batches still running are polled again.
        poll_interval: seconds between polls of the batches in flight.
        max_retries: new batches a failed request may go into (retryable errors, expired or
            cancelled batches) before it counts as a failure in its ``Selection``; by default
            the settings' ``retry.max_retries``.
        api_retry: retries of the batch-API calls themselves (uploads, creation, polls).
        on_progress: told about every submission, poll and result (see ``BatchProgress``).

    Raises:
        ConfigurationError: for bad settings, before anything is submitted.
    """

    def __init__(
        self,
        *,
        llm: ModelSpec,
        store: str | Path,
        settings: Settings | None = None,
        poll_interval: float = 30.0,
        max_retries: int | None = None,
        api_retry: RetryPolicy = DEFAULT_API_RETRY,
        on_progress: Callable[[BatchProgress], None] | None = None,
        **options: Any,
    ) -> None:
        if isinstance(poll_interval, bool) or not isinstance(poll_interval, int | float):
            raise ConfigurationError("poll_interval must be a positive number of seconds")
        if not poll_interval > 0:
            raise ConfigurationError("poll_interval must be a positive number of seconds")
        self.settings = Settings.of(settings, **options)
        """The settings every prompt runs with (the retry policy is the batches')."""
        resubmit = self.settings.retry.max_retries if max_retries is None else max_retries
        if isinstance(resubmit, bool) or not isinstance(resubmit, int) or resubmit < 0:
            raise ConfigurationError(
                f"max_retries must be a whole number >= 0, got {max_retries!r}"
            )
        judge = self.settings.judge
        self.selector = resolve_selector_spec(
            self.settings.selector, judge is not None, dict(self.settings.selector_options)
        )
        self.llm = resolve_model(llm)
        self.judge = resolve_model(judge) if judge is not None else self.llm
        self.store = store
        self.poll_interval = float(poll_interval)
        self.max_retries = resubmit
        self.api_retry = api_retry
        self.on_progress = on_progress

    async def run(self, prompts: Sequence[PromptInput]) -> list[Selection]:
        """One ``Selection`` per prompt, in order; failed samples and judge calls are recorded
        in it like in any ``BestOfN`` call.

        Raises:
            ConfigurationError: for bad prompts, before anything is submitted.
            BatchError: if some prompts failed (too few candidates survived); it carries every
                failure and, in ``results``, every selection that succeeded.
        """
        for prompt in prompts:
            to_messages(prompt)  # every prompt is checked before anything is paid for
        judging = self.selector.needs_judge
        models = [self.llm, self.judge] if judging else [self.llm]
        backends = _backends(models, self.api_retry)
        job = JobStore(self.store)
        driver = BatchDriver(
            backends,
            job,
            poll_interval=self.poll_interval,
            max_retries=self.max_retries,
            on_progress=self.on_progress,
        )
        chats = {name: BatchChat(backend, driver) for name, backend in backends.items()}
        try:
            bon = BestOfN(
                chats[self.llm.name],
                settings=self.settings.replace(
                    selector=self.selector,
                    selector_options={},
                    judge=chats[self.judge.name] if judging else None,
                    retry=0,  # the batch layer retries failed requests in new batches
                ),
            )
            outcomes = await driver.run([functools.partial(bon.ainvoke, p) for p in prompts])
        finally:
            job.close()
            for backend in backends.values():
                await backend.aclose()
        return _selections(outcomes)


async def arun_batch(
    prompts: Sequence[PromptInput], *, llm: ModelSpec, store: str | Path, **arguments: Any
) -> list[Selection]:
    """Best-of-N for every prompt through provider batches: ``BatchJob(...).run(prompts)``
    (same arguments as :class:`BatchJob`)."""
    return await BatchJob(llm=llm, store=store, **arguments).run(prompts)


def _backends(models: Sequence[ChatModel], policy: RetryPolicy) -> dict[str, BatchBackend]:
    backends: dict[str, BatchBackend] = {}
    for model in models:
        if model.name not in backends:
            backends[model.name] = batch_backend(model, policy)
    return backends


def _selections(outcomes: Sequence[Selection | Exception]) -> list[Selection]:
    errors = [o for o in outcomes if isinstance(o, Exception)]
    if not errors:
        return [o for o in outcomes if isinstance(o, Selection)]
    results = [o if isinstance(o, Selection) else None for o in outcomes]
    raise BatchError(f"{len(errors)} of {len(outcomes)} prompts failed", errors, results)


def run_batch(prompts: Sequence[PromptInput], **arguments: Any) -> list[Selection]:
    """Sync :func:`arun_batch` (same arguments)."""
    return run_sync(arun_batch(prompts, **arguments))


async def acancel_batches(store: str | Path, *, models: Sequence[ModelSpec]) -> list[str]:
    """Cancel the job's batches still running on ``models``; returns their ids.

    Requests they finish before stopping keep their results; a later run with the same store
    collects them and sends the rest again.
    """
    backends = _backends([resolve_model(m) for m in models], DEFAULT_API_RETRY)
    job = JobStore(store)
    cancelled = []
    try:
        for batch in job.open_batches():
            if batch.backend in backends:
                await backends[batch.backend].cancel(batch.batch_id)
                cancelled.append(batch.batch_id)
    finally:
        job.close()
        for backend in backends.values():
            await backend.aclose()
    return cancelled


def cancel_batches(store: str | Path, *, models: Sequence[ModelSpec]) -> list[str]:
    """Sync :func:`acancel_batches`."""
    return run_sync(acancel_batches(store, models=models))
