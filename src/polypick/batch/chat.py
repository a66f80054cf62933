"""``BatchChat``: a :class:`~polypick.ChatModel` whose calls are answered by provider batches.

``BestOfN`` and every selector reach models only through ``generate()``, so this adapter is all
they need to run unchanged over batch APIs: ``generate()`` builds the request the synchronous
API would receive, hands it to the :class:`~polypick.batch.driver.BatchDriver`, and waits for
the batch that carries it.
"""

from __future__ import annotations

from polypick.batch.driver import BatchDriver
from polypick.batch.keys import Role
from polypick.core.batching import BatchBackend
from polypick.core.gateway import account_of
from polypick.core.protocol import ModelRequest
from polypick.core.types import Completion
from polypick.core.wrapper import ChatModelWrapper

__all__ = ["BatchChat"]


class BatchChat(ChatModelWrapper):
    """A model whose requests go into batches.

    It has the wrapped model's name, ``n`` limit and parameter checks; it answers only inside a
    running batch job. A request's stage says which role its batch has: samples (and revisions)
    go into ``sample`` batches, everything asked while selecting into ``judge`` batches.
    """

    def __init__(self, backend: BatchBackend, driver: BatchDriver) -> None:
        super().__init__(backend.model)
        self._backend = backend
        self._driver = driver

    def __repr__(self) -> str:
        return f"BatchChat({self.name!r})"

    async def generate(self, request: ModelRequest) -> list[Completion]:
        n = max(1, min(request.n, self.max_n))
        body = self._backend.request(request if n == request.n else request.replace(n=n))
        role: Role = "sample" if account_of(request.stage) == "generation" else "judge"
        response = await self._driver.request(self.name, role, body)
        return self._backend.completions(response, n)

    async def aclose(self) -> None:
        """Nothing to release: the job closes the backends' connections when it ends."""
