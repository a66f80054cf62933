"""Ray Data: best-of-N over a Ray Dataset, on every node of a cluster.

    from polypick.integrations.ray import best_of_n

    answers = best_of_n(ds, llm=OpenAIChat(model="...", base_url=...), n=5, concurrency=4)

Each actor builds one ``BestOfN`` and runs the rows of its batches concurrently, at most
``max_in_flight`` at a time. Needs ``pip install "polypick[ray]"``; see docs/integrations/ray.md.
"""

from polypick.errors import MissingDependencyError

try:
    import ray.data  # noqa: F401
except ImportError:
    raise MissingDependencyError("the Ray Data integration", "ray") from None

from polypick.integrations.ray.batch import BestOfNBatch
from polypick.integrations.ray.columns import OUTPUT_COLUMNS
from polypick.integrations.ray.dataset import best_of_n

__all__ = ["OUTPUT_COLUMNS", "BestOfNBatch", "best_of_n"]
