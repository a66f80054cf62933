"""``BatchChat``: a :class:`~polypick.ChatModel` whose calls are answered by provider batches.

``BestOfN`` and every selector reach models only through ``generate()``, so this adapter is all
they need to run unchanged over batch APIs: ``generate()`` builds the request the synchronous
API would receive, hands it to the :class:`~polypick.batch.driver.BatchDriver`, and waits for
the batch that carries it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from polypick.batch.backend import BatchBackend
from polypick.batch.driver import BatchDriver
from polypick.batch.keys import Role
from polypick.core.protocol import ChatModelWrapper
from polypick.core.types import Completion, Message, SamplingParams

__all__ = ["BatchChat"]


class BatchChat(ChatModelWrapper):
    """A model whose requests go into batches, in one role (``sample`` or ``judge``).

    It has the wrapped model's name, ``n`` limit and parameter checks; it answers only inside a
    running batch job.
    """

    def __init__(self, backend: BatchBackend, driver: BatchDriver, role: Role) -> None:
        super().__init__(backend.model)
        self._backend = backend
        self._driver = driver
        self._role: Role = role

    def __repr__(self) -> str:
        return f"BatchChat({self.name!r}, role={self._role!r})"

    async def generate(
        self,
        messages: Sequence[Message],
        params: SamplingParams,
        n: int = 1,
        *,
        json_schema: Mapping[str, Any] | None = None,
    ) -> list[Completion]:
        n = max(1, min(n, self.max_n))
        body = self._backend.request(messages, params, n, json_schema)
        response = await self._driver.request(self.name, self._role, body)
        return self._backend.completions(response, n)

    async def aclose(self) -> None:
        """Nothing to release: the job closes the backends' connections when it ends."""
