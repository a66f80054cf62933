"""Run best-of-N over a dataset through provider batch APIs: the public entry points."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path

from polypick.batch.backend import BatchBackend, batch_backend
from polypick.batch.chat import BatchChat
from polypick.batch.driver import BatchDriver
from polypick.batch.progress import BatchProgress
from polypick.batch.store import JobStore
from polypick.core.bestofn import BestOfN
from polypick.core.language import LanguageDetector
from polypick.core.protocol import ChatModel
from polypick.core.retry import RetryPolicy
from polypick.core.sampling import SamplingSpec
from polypick.core.sync import run_sync
from polypick.core.types import PromptInput, Selection, to_messages
from polypick.errors import BatchError, ConfigurationError
from polypick.providers import ModelSpec, resolve_model
from polypick.selectors import SelectorSpec, default_selector, resolve_selector
from polypick.selectors.injection_policy import InjectionSpec

__all__ = ["acancel_batches", "arun_batch", "cancel_batches", "run_batch"]

# Batch-API calls (uploads, polls) ride out a few minutes of provider trouble before a job
# stops; a stopped job resumes from its store.
DEFAULT_API_RETRY = RetryPolicy(max_retries=6, initial_wait=1.0, max_wait=60.0)


async def arun_batch(
    prompts: Sequence[PromptInput],
    *,
    llm: ModelSpec,
    store: str | Path,
    n: int = 5,
    sampling: SamplingSpec = "hedged",
    selector: SelectorSpec | None = None,
    judge: ModelSpec | None = None,
    poll_interval: float = 30.0,
    max_retries: int = 2,
    api_retry: RetryPolicy = DEFAULT_API_RETRY,
    min_candidates: int = 1,
    detect_language: bool | LanguageDetector = True,
    injection: InjectionSpec = "penalise",
    on_progress: Callable[[BatchProgress], None] | None = None,
) -> list[Selection]:
    """Best-of-N for every prompt, with sampling and judging sent as provider batches.

    Takes ``BestOfN``'s settings (``n``, ``sampling``, ``selector``, ``judge``,
    ``min_candidates``, ``detect_language``, ``injection``) plus:

    Args:
        prompts: the dataset: strings or chat messages.
        llm: an ``openai:MODEL`` or ``anthropic:MODEL`` spec, or an ``OpenAIChat`` /
            ``AnthropicChat`` (for its ``base_url``, key and other settings); ``judge`` alike.
        store: the job's SQLite file. Run again with the same file to resume: finished
            requests are not sent again and batches still running are polled again.
        poll_interval: seconds between polls of the batches in flight.
        max_retries: new batches a failed request may go into (retryable errors, expired or
            cancelled batches) before it counts as a failure in its ``Selection``.
        api_retry: retries of the batch-API calls themselves (uploads, creation, polls).
        on_progress: told about every submission, poll and result (see ``BatchProgress``).

    Returns:
        One ``Selection`` per prompt, in order; failed samples and judge calls are recorded in
        it like in any ``BestOfN`` call.

    Raises:
        ConfigurationError: for bad settings or prompts, before anything is submitted.
        BatchError: if some prompts failed (too few candidates survived); it carries every
            failure and, in ``results``, every selection that succeeded.
    """
    if not poll_interval > 0:
        raise ConfigurationError("poll_interval must be a positive number of seconds")
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise ConfigurationError(f"max_retries must be a whole number >= 0, got {max_retries!r}")
    for prompt in prompts:
        to_messages(prompt)  # every prompt is checked before anything is paid for
    chosen = default_selector(judge is not None) if selector is None else resolve_selector(selector)
    sampler = resolve_model(llm)
    judging = resolve_model(judge) if judge is not None else sampler
    backends = _backends([sampler, judging] if chosen.needs_judge else [sampler], api_retry)
    job = JobStore(store)
    driver = BatchDriver(
        backends, job, poll_interval=poll_interval, max_retries=max_retries,
        on_progress=on_progress,
    )  # fmt: skip
    try:
        bon = BestOfN(
            BatchChat(backends[sampler.name], driver, "sample"),
            n,
            sampling,
            chosen,
            BatchChat(backends[judging.name], driver, "judge") if chosen.needs_judge else None,
            min_candidates=min_candidates,
            retry=0,  # the batch layer retries failed requests in new batches
            detect_language=detect_language,
            injection=injection,
        )
        outcomes = await driver.run([functools.partial(bon.ainvoke, p) for p in prompts])
    finally:
        job.close()
        for backend in backends.values():
            await backend.aclose()
    return _selections(outcomes)


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


def run_batch(prompts: Sequence[PromptInput], **settings: object) -> list[Selection]:
    """Sync :func:`arun_batch` (same arguments)."""
    return run_sync(arun_batch(prompts, **settings))  # type: ignore[arg-type]


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
