"""A reward model behind an HTTP endpoint, usable wherever a reward function is.

Two request shapes are supported, one request per candidate (run concurrently by
:class:`~polypick.selectors.reward.RewardSelector`):

``format="polypick"`` — for your own service. ``POST {url}`` with::

    {"model": "<model or null>", "prompt": "<the user's request>", "response": "<candidate>"}

and the service answers ``{"score": <number>}``.

``format="vllm"`` — a reward model served by vLLM's pooling runner
(``vllm serve <reward-model> --runner pooling``). ``POST {url}/pooling`` with::

    {"model": "<model>", "messages": [{"role": "user", ...}, {"role": "assistant", ...}]}

and the reward is the last number of ``data[0].data`` (sequence-classification reward models
return one number; token-level ones return one per token, and the last token's is the
sequence's reward).

Requests go through the ``openai`` SDK's HTTP client (retries off; the selector's retry layer
decides), so timeouts and HTTP errors map to polypick's errors like any model call.
"""

from __future__ import annotations

import math
import os
from typing import TYPE_CHECKING, Any, Literal

from polypick.core.redact import remember_secret
from polypick.errors import ConfigurationError, InvalidResponseError
from polypick.providers._inputs import check_encodable, check_timeout
from polypick.providers._loop_local import LoopLocal
from polypick.providers.sdk_errors import map_sdk_error, whole_request

if TYPE_CHECKING:
    import openai

__all__ = ["RewardEndpoint"]


class RewardEndpoint:
    """An async reward function ``(prompt, candidate) -> float`` served over HTTP.

    Args:
        url: the service (``polypick`` format) or the vLLM server's root, e.g.
            ``http://localhost:8000`` (``vllm`` format).
        format: ``"polypick"`` or ``"vllm"``, see the module documentation.
        model: the model name to send (required by vLLM).
        api_key: sent as a bearer token; defaults to ``POLYPICK_REWARD_API_KEY`` if set.
        timeout: seconds allowed for one request.
    """

    requests_per_score = 1
    """Every score is one request (the :class:`~polypick.core.capabilities.RemoteScorer`
    capability: selectors count it as usage)."""

    def __init__(
        self,
        url: str,
        *,
        format: Literal["polypick", "vllm"] = "polypick",
        model: str | None = None,
        api_key: str | None = None,
        timeout: float = 60.0,
    ) -> None:
        if format not in ("polypick", "vllm"):
            raise ConfigurationError(
                f"unknown reward endpoint format {format!r}; use 'polypick' or 'vllm'"
            )
        if format == "vllm" and not model:
            raise ConfigurationError("a vLLM reward endpoint needs model='<served model name>'")
        self.url = url.rstrip("/")
        self.format = format
        self.model = model
        self.timeout = check_timeout(timeout, "RewardEndpoint")
        self._api_key = api_key or os.environ.get("POLYPICK_REWARD_API_KEY") or "not-needed"
        remember_secret(self._api_key)  # never shown
        self._clients: LoopLocal[Any] = LoopLocal(self._new_client)

    def __repr__(self) -> str:
        return f"RewardEndpoint({self.url!r}, format={self.format!r})"

    def _new_client(self) -> openai.AsyncOpenAI:
        import openai  # on first use: importing polypick.selectors must not load the SDK

        return openai.AsyncOpenAI(
            api_key=self._api_key, base_url=self.url, timeout=self.timeout, max_retries=0
        )

    async def aclose(self) -> None:
        await self._clients.close(lambda client: client.close())

    async def __call__(self, prompt: str, candidate: str) -> float:
        import openai

        if self.format == "vllm":
            path = "/pooling"
            body: dict[str, Any] = {
                "model": self.model,
                "messages": [
                    {"role": "user", "content": prompt},
                    {"role": "assistant", "content": candidate},
                ],
            }
        else:
            path, body = "", {"model": self.model, "prompt": prompt, "response": candidate}
        provider = f"reward:{self.url}"
        check_encodable(body, provider)
        try:
            reply = await whole_request(
                self._clients.get().post(path, body=body, cast_to=object), self.timeout, provider
            )
        except (openai.OpenAIError, ValueError) as exc:
            raise map_sdk_error(exc, openai, provider) from exc
        return self._read(reply)

    def _read(self, reply: object) -> float:
        try:
            if self.format == "vllm":
                value = _last_number(reply["data"][0]["data"])  # type: ignore[index]
            else:
                value = float(reply["score"])  # type: ignore[index]
        except (KeyError, IndexError, TypeError, ValueError):
            raise InvalidResponseError(
                f"the reward endpoint answered {str(reply)[:200]!r}, not the {self.format} shape"
            ) from None
        if not math.isfinite(value):
            raise InvalidResponseError(f"the reward endpoint returned {value!r}")
        return value


def _last_number(data: Any) -> float:
    while isinstance(data, list):
        data = data[-1]
    return float(data)
