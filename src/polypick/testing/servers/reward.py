"""Fake reward-model server: polypick's own ``/score`` and ``/steps`` shapes and vLLM's
``/pooling`` shape (for a process reward model served by vLLM, see
:class:`~polypick.testing.servers.FakeVLLMPoolingServer`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.routing import Route

from ._runner import ApiError, Call, FakeServer

RewardFunction = Callable[[str, str], float]
"""Scores ``(prompt, response)``; runs on the server's event loop, so keep it quick."""
StepsFunction = Callable[[str, list[str]], list[float]]
"""Scores ``(prompt, steps)``, one number per step."""


def _default_reward(prompt: str, response: str) -> float:
    return float(len(response.split()))


class FakeRewardServer(FakeServer):
    """Serves ``POST /score`` (``{"prompt", "response"}`` -> ``{"score"}``), ``POST /steps``
    (polypick's PRM shape: ``{"model", "prompt", "steps"}`` -> ``{"scores": [one per step]}``)
    and ``POST /pooling`` (vLLM: ``{"model", "messages"}`` -> ``{"data": [{"data": [score]}]}``)
    on 127.0.0.1.

    ``reward(prompt, response)`` decides the scores (default: the response's word count), and
    ``steps(prompt, steps)`` the step scores (default: ``reward`` of each step).
    Faults, latency and the request log work as on the other fake servers.
    """

    def __init__(
        self,
        *,
        reward: RewardFunction = _default_reward,
        steps: StepsFunction | None = None,
        latency_s: float = 0.0,
    ) -> None:
        self.reward = reward
        self.steps = steps or (lambda prompt, parts: [reward(prompt, p) for p in parts])
        super().__init__(latency_s=latency_s)

    def _routes(self) -> list[Route]:
        return [
            self._route("/score", self._score),
            self._route("/steps", self._steps),
            self._route("/pooling", self._pooling),
        ]

    def _error_payload(self, err: ApiError) -> dict[str, Any]:
        return {"error": {"message": err.message, "type": err.err_type or "error"}}

    def _score(self, call: Call) -> dict[str, Any]:
        prompt, response = call.body.get("prompt"), call.body.get("response")
        if not isinstance(prompt, str) or not isinstance(response, str):
            raise ApiError(400, "send {'prompt': str, 'response': str}")
        return {"score": self.reward(prompt, response)}

    def _steps(self, call: Call) -> dict[str, Any]:
        prompt, steps = call.body.get("prompt"), call.body.get("steps")
        if not isinstance(prompt, str) or not isinstance(steps, list) or not steps:
            raise ApiError(400, "send {'prompt': str, 'steps': [str, ...]}")
        return {"scores": self.steps(prompt, [str(s) for s in steps])}

    def _pooling(self, call: Call) -> dict[str, Any]:
        messages = call.body.get("messages")
        if not isinstance(messages, list) or len(messages) < 2 or not call.body.get("model"):
            raise ApiError(400, "send {'model': str, 'messages': [user, assistant]}")
        score = self.reward(messages[-2]["content"], messages[-1]["content"])
        return {"object": "list", "data": [{"index": 0, "object": "pooling", "data": [score]}]}
