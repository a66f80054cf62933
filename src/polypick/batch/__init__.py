"""Best-of-N over provider batch APIs (OpenAI Batch API, Anthropic Message Batches).

About half the price of synchronous calls, for offline work: sampling and every judging round
of any selector go out as batches, results come back by ``custom_id``, failed requests are
retried in new batches, and a SQLite job store makes the job resumable after an interruption.
See docs/batch.md.
"""

from polypick.batch.chat import BatchChat
from polypick.batch.driver import BatchDriver
from polypick.batch.keys import RequestKey, request_digest
from polypick.batch.progress import BatchProgress
from polypick.batch.run import BatchJob, acancel_batches, arun_batch, cancel_batches, run_batch
from polypick.batch.store import JobStore

__all__ = [
    "BatchChat",
    "BatchDriver",
    "BatchJob",
    "BatchProgress",
    "JobStore",
    "RequestKey",
    "acancel_batches",
    "arun_batch",
    "cancel_batches",
    "request_digest",
    "run_batch",
]
