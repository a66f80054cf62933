"""A fake of vLLM's pooling endpoint serving a reward model, for tests and examples.

What it reproduces, from vLLM's documentation and its source (``docs/models/pooling_models/
README.md`` and ``reward.md``; ``vllm/entrypoints/pooling/pooling/protocol.py`` and
``serving.py``; the ``STEP`` pooler in ``vllm/model_executor/layers/pooler/tokwise``):

- ``POST /pooling`` takes ``{"model", "messages"}`` (rendered with the model's chat template,
  no generation prompt by default) or ``{"model", "input"}`` (plain text), plus optional
  ``task``, ``encoding_format``, ``add_generation_prompt``, ``continue_final_message``;
- a ``step`` pooler (a process reward model such as ``Qwen2ForProcessRewardModel``) returns one
  row per occurrence of the step token **anywhere** in the rendered input, each row the label
  probabilities at that token (``[P(wrong), P(right)]`` for Qwen2.5-Math-PRM; with
  ``returned_token_ids`` in the order the server was given, e.g. ``[P(+), P(-)]`` for
  Math-Shepherd); a ``classify`` pooler (a sequence reward model) returns ``[p]``;
- the reply ``{"id": "pool-…", "object": "list", "created", "model", "data": [{"index": 0,
  "object": "pooling", "data": …}], "usage": {"prompt_tokens", "total_tokens",
  "completion_tokens": 0}}``;
- errors as ``{"error": {"message", "type", "param", "code"}}``: 404 ``NotFoundError`` for a
  model it does not serve, 400 ``BadRequestError`` for a malformed request or a task the model
  does not support.

What it does not: tokenise (a step token is found as text, tokens are counted as
whitespace-separated words), or load a model: ``reward(prefix)`` decides the probability that
the step ending at a step token is right, from ``prefix``, the rendered input before that
token (a causal PRM sees nothing after it).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any, Literal

from starlette.routing import Route

from ._runner import ApiError, Call, FakeServer, count_tokens

__all__ = ["FakeVLLMPoolingServer", "chatml"]

StepReward = Callable[[str], float]
"""``reward(prefix) -> P(the step just before the step token is right)``; runs on the server's
event loop, so keep it quick."""

_REMOVED_TASKS = ("encode", "reward", "embedding")


def chatml(messages: list[dict[str, Any]], *, generation_prompt: bool, open_last: bool) -> str:
    """Qwen2.5's chat template (ChatML) as text: each turn ``<|im_start|>role\\ncontent
    <|im_end|>\\n``; the last turn left open with ``continue_final_message``."""
    parts = []
    for i, message in enumerate(messages):
        content = message.get("content")
        if isinstance(content, list):
            content = "".join(b.get("text", "") for b in content if isinstance(b, dict))
        end = "" if open_last and i == len(messages) - 1 else "<|im_end|>\n"
        parts.append(f"<|im_start|>{message.get('role')}\n{content}{end}")
    if generation_prompt:
        parts.append("<|im_start|>assistant\n")
    return "".join(parts)


def _never_right(prefix: str) -> float:
    return 0.5


class FakeVLLMPoolingServer(FakeServer):
    """vLLM's ``/pooling`` endpoint for one served reward model, on 127.0.0.1.

    Args:
        model: the served model name; requests for another model get vLLM's 404.
        pooler: ``"step"`` (a process reward model) or ``"classify"`` (a sequence reward
            model).
        step_tag: the step token's text (``<extra_0>`` for Qwen2.5-Math-PRM, ``ки`` for
            Math-Shepherd).
        positive: the index of the "right" probability in a step row (1 for Qwen, 0 for
            Math-Shepherd's ``returned_token_ids: [+, -]``).
        reward: the probability that the step before a step token is right, given the rendered
            input before it (``classify``: the whole input).
        tasks: the pooling tasks the model supports (the first is its default).
        latency_s: delay before every reply.

    Faults, latency and the request log work as on the other fake servers.
    """

    def __init__(
        self,
        *,
        model: str = "Qwen/Qwen2.5-Math-PRM-7B",
        pooler: Literal["step", "classify"] = "step",
        step_tag: str = "<extra_0>",
        positive: int = 1,
        reward: StepReward = _never_right,
        tasks: tuple[str, ...] | None = None,
        latency_s: float = 0.0,
    ) -> None:
        self.model = model
        self.pooler = pooler
        self.step_tag = step_tag
        self.positive = positive
        self.reward = reward
        self.tasks = tasks or (("token_classify",) if pooler == "step" else ("classify",))
        super().__init__(latency_s=latency_s)

    def _routes(self) -> list[Route]:
        return [self._route("/pooling", self._pooling)]

    def _error_payload(self, err: ApiError) -> dict[str, Any]:
        kind = err.err_type or ("NotFoundError" if err.status == 404 else "BadRequestError")
        error = {"message": err.message, "type": kind, "param": err.param, "code": err.status}
        return {"error": error}

    def render(self, body: dict[str, Any]) -> str:
        """The text the model reads for a request (the chat template applied to ``messages``)."""
        if "messages" in body:
            messages = body["messages"]
            if not isinstance(messages, list) or not all(isinstance(m, dict) for m in messages):
                raise ApiError(400, "messages: Input should be a valid list", param="messages")
            generation = bool(body.get("add_generation_prompt", False))
            open_last = bool(body.get("continue_final_message", False))
            if generation and open_last:
                raise ApiError(
                    400,
                    "Cannot set both `continue_final_message` and `add_generation_prompt` to True.",
                )
            return chatml(messages, generation_prompt=generation, open_last=open_last)
        text = body.get("input")
        if isinstance(text, list) and all(isinstance(t, str) for t in text) and len(text) == 1:
            text = text[0]
        if not isinstance(text, str):
            raise ApiError(400, "input: this fake reads one string", param="input")
        return text

    def _pooling(self, call: Call) -> dict[str, Any]:
        body = call.body
        model = body.get("model")
        if model is not None and model != self.model:
            raise ApiError(404, f"The model `{model}` does not exist.", "NotFoundError", "model")
        if ("messages" in body) == ("input" in body):
            raise ApiError(400, "send exactly one of 'messages' (chat) or 'input' (text)")
        task = body.get("task")
        if task in _REMOVED_TASKS:
            raise ApiError(400, f"The pooling task {task!r} was removed", param="task")
        if task is not None and task not in self.tasks:
            raise ApiError(400, f"Unsupported task: {task!r} Supported tasks: {self.tasks}")
        if body.get("encoding_format", "float") != "float":
            raise ApiError(400, "this fake answers encoding_format='float' only")
        text = self.render(body)
        tokens = count_tokens(text)
        return {
            "id": f"pool-{uuid.uuid4().hex}",
            "object": "list",
            "created": int(time.time()),
            "model": self.model,
            "data": [{"index": 0, "object": "pooling", "data": self.pool(text)}],
            "usage": {"prompt_tokens": tokens, "total_tokens": tokens, "completion_tokens": 0},
        }

    def pool(self, text: str) -> list[Any]:
        """What the pooler returns for ``text``: a row per step token, or ``[p]``."""
        if self.pooler == "classify":
            return [self.reward(text)]
        rows = []
        at = text.find(self.step_tag)
        while at >= 0:
            right = min(1.0, max(0.0, float(self.reward(text[:at]))))
            row = [1.0 - right, 1.0 - right]
            row[self.positive] = right
            rows.append(row)
            at = text.find(self.step_tag, at + len(self.step_tag))
        return rows
