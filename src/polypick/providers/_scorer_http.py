"""The HTTP side of the reward endpoints: one JSON POST per score, through the ``openai`` SDK's
client (retries off: the caller's gateway decides), so timeouts and HTTP errors map to
polypick's errors like any model call."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from polypick.core.redact import remember_secret
from polypick.providers._inputs import check_encodable, check_timeout
from polypick.providers._loop_local import LoopLocal
from polypick.providers.sdk_errors import map_sdk_error, whole_request

if TYPE_CHECKING:
    import openai

__all__ = ["ScorerClient"]


class ScorerClient:
    """Posts JSON bodies to ``url`` (one client per event loop).

    Args:
        url: the service's root; paths are appended to it.
        api_key: sent as a bearer token; defaults to ``POLYPICK_REWARD_API_KEY`` if set.
        timeout: seconds allowed for one request.
    """

    def __init__(self, url: str, *, api_key: str | None, timeout: float) -> None:
        self.url = url.rstrip("/")
        self.timeout = check_timeout(timeout, "a reward endpoint")
        self._api_key = api_key or os.environ.get("POLYPICK_REWARD_API_KEY") or "not-needed"
        remember_secret(self._api_key)  # never shown
        self._clients: LoopLocal[Any] = LoopLocal(self._new_client)

    def _new_client(self) -> openai.AsyncOpenAI:
        import openai  # on first use: importing polypick.selectors must not load the SDK

        return openai.AsyncOpenAI(
            api_key=self._api_key, base_url=self.url, timeout=self.timeout, max_retries=0
        )

    async def post(self, path: str, body: dict[str, Any]) -> object:
        """The parsed JSON reply to ``POST {url}{path}`` within the timeout (a trickled answer
        too); SDK errors become polypick's, text that cannot be sent fails before sending."""
        import openai

        provider = f"reward:{self.url}"
        check_encodable(body, provider)
        try:
            return await whole_request(
                self._clients.get().post(path, body=body, cast_to=object), self.timeout, provider
            )
        except (openai.OpenAIError, ValueError) as exc:
            raise map_sdk_error(exc, openai, provider) from exc

    async def aclose(self) -> None:
        await self._clients.close(lambda client: client.close())
