"""One ``BestOfN`` per configuration, reused by every request that asks for it, in bounded number.

Every ``BestOfN`` shares the server's upstream and judge models, which own the connections; a
``BestOfN`` itself holds only its settings, so dropping the least recently used one frees
nothing that needs closing. The models are closed once, when the server shuts down.
"""

from __future__ import annotations

from collections import OrderedDict

from polypick.core.protocol import ChatModel
from polypick.engine.bestofn import BestOfN
from polypick.engine.settings import Settings
from polypick.errors import ConfigurationError
from polypick.serve.config import BonKey
from polypick.serve.errors import invalid

__all__ = ["BestOfNPool"]


class BestOfNPool:
    """The ``BestOfN`` for each :class:`BonKey`, built on first use; at most ``size`` kept.

    Args:
        llm: the upstream model every ``BestOfN`` samples.
        settings: the operator's settings, which each request's key changes.
        size: how many configurations are kept.
    """

    def __init__(self, llm: ChatModel, settings: Settings, size: int = 32) -> None:
        if size < 1:
            raise ConfigurationError(f"the pool size must be >= 1, got {size}")
        self.llm = llm
        self.settings = settings
        self.size = size
        self._kept: OrderedDict[BonKey, BestOfN] = OrderedDict()

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, key: BonKey) -> BestOfN:
        """The ``BestOfN`` for ``key``; a 400 if its settings are invalid (nothing is kept)."""
        bon = self._kept.get(key)
        if bon is None:
            bon = self._kept[key] = self._build(key)
            if len(self._kept) > self.size:
                self._kept.popitem(last=False)
        self._kept.move_to_end(key)
        return bon

    def _build(self, key: BonKey) -> BestOfN:
        try:
            return BestOfN(self.llm, settings=key.settings(self.settings))
        except ConfigurationError as exc:
            if exc.param is None:
                raise invalid(str(exc), "polypick") from None
            raise
