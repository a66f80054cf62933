"""What both providers' batch backends share: the model they batch for, the retry policy of the
batch API's own calls, and SDK errors mapped to polypick's."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from types import ModuleType
from typing import Generic, TypeVar

from polypick.core.protocol import ChatModel
from polypick.core.retry import RetryPolicy, retrying
from polypick.providers.sdk_errors import map_sdk_error

__all__ = ["ModelBatches", "sdk_call"]

T = TypeVar("T")
M = TypeVar("M", bound=ChatModel)


class ModelBatches(Generic[M]):
    """What both providers' backends hold: the model they batch for and the API retry policy."""

    def __init__(self, model: M, policy: RetryPolicy) -> None:
        self._model = model
        self._policy = policy

    @property
    def model(self) -> M:
        return self._model

    async def aclose(self) -> None:
        await self._model.aclose()


async def sdk_call(
    call: Callable[[], Awaitable[T]],
    sdk: ModuleType,
    sdk_error: type[Exception],
    provider: str,
    policy: RetryPolicy,
) -> T:
    """One batch-API call through the core's retry layer, SDK errors mapped to polypick's."""

    async def attempt() -> T:
        try:
            return await call()
        except (sdk_error, ValueError) as exc:  # ValueError: a malformed body
            raise map_sdk_error(exc, sdk, provider) from exc

    return await retrying(attempt, policy)
