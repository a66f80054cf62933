"""What a batch job reports while it runs: plain data, so the core needs no display library."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from polypick.core.batching import BatchState

__all__ = ["BatchProgress", "ProgressEvent", "ProgressReporter"]

ProgressEvent = Literal["resumed", "submitted", "polled", "retrying", "ended"]


@dataclass(frozen=True)
class BatchProgress:
    """One step of a batch job.

    Attributes:
        event: ``resumed`` (a batch of an earlier run is polled again), ``submitted``,
            ``polled``, ``retrying`` (failed requests go into the next batch) or ``ended``.
        backend: the model, e.g. ``openai:gpt-4o-mini``.
        batch_id: the provider's batch id.
        status: the provider's own status word (``in_progress``, ``completed``, ``ended``...).
        total, succeeded, failed: the batch's request counts as last reported. Anthropic
            reports every request as processing until the batch ends.
        prompts_done, prompts_total: prompts whose selection is finished, and all of them.
    """

    event: ProgressEvent
    backend: str
    batch_id: str
    status: str
    total: int = 0
    succeeded: int = 0
    failed: int = 0
    prompts_done: int = 0
    prompts_total: int = 0


class ProgressReporter:
    """Sends :class:`BatchProgress` to a listener, if there is one.

    Args:
        listener: the ``on_progress`` callback, or ``None``.
        prompts: returns (prompts done, prompts in all) at the time of the event.
    """

    def __init__(
        self,
        listener: Callable[[BatchProgress], None] | None,
        prompts: Callable[[], tuple[int, int]],
    ) -> None:
        self._listener = listener
        self._prompts = prompts

    def report(
        self, event: ProgressEvent, backend: str, batch_id: str, status: str, **counts: int
    ) -> None:
        if self._listener is not None:
            done, total = self._prompts()
            self._listener(
                BatchProgress(
                    event,
                    backend,
                    batch_id,
                    status,
                    **counts,
                    prompts_done=done,
                    prompts_total=total,
                )  # fmt: skip
            )

    def state(
        self, event: ProgressEvent, backend: str, state: BatchState, failed: int | None = None
    ) -> None:
        """Report a polled batch; ``failed`` overrides its failed count (requests retried)."""
        self.report(
            event,
            backend,
            state.batch_id,
            state.status,
            total=state.total,
            succeeded=state.succeeded,
            failed=state.failed if failed is None else failed,
        )
