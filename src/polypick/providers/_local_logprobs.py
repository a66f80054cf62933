"""Token log-probabilities from llama.cpp while it generates, at a fraction of a millisecond
per token.

llama-cpp-python's own ``logprobs`` needs the model loaded with ``logits_all=True`` (a
context-sized logits buffer: about 400 MB for SmolLM2 at 2,048 tokens) and then sorts the whole
vocabulary in Python for every token (tens of milliseconds each). Instead, two hooks ride along
one ordinary generation:

- a logits processor (the first stage of llama.cpp's sampler chain, in token-id order, before
  penalties, temperature or truncation) turns each step's logits into log-probabilities;
- a sampler stage appended after the chain's last one reads the token the chain chose.

Each step keeps the chosen token's log-probability and the ``k`` most likely tokens' — the
model's own distribution, what OpenAI, vLLM and llama.cpp's server report. Steps are reported
as tokens while they lie within the returned text (a stop sequence or the end-of-sequence token
that ended the answer are not part of it).

The recorder is the place for a streaming consumer to hook in later: :meth:`TokenRecorder.chosen`
sees every token as it is drawn.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import numpy as np
import numpy.typing as npt

from polypick.core.types import Logprobs

__all__ = ["TokenRecorder", "recording"]


class TokenRecorder:
    """Collects each generated token's log-probability and the ``k`` most likely tokens."""

    def __init__(self, llama: Any, k: int) -> None:
        self._llama = llama
        self._k = k
        self._step: npt.NDArray[np.float32] | None = None
        self.prompt: list[int] | None = None
        self.tokens: list[int] = []
        self.chosen_logprobs: list[float] = []
        self.top: list[tuple[npt.NDArray[np.intp], npt.NDArray[np.float32]]] = []

    def logits(
        self, input_ids: npt.NDArray[np.intc], scores: npt.NDArray[np.single]
    ) -> npt.NDArray[np.single]:
        """The logits processor: keep this step's log-probabilities, change nothing."""
        if self.prompt is None:
            self.prompt = [int(t) for t in input_ids]
        shifted = scores - scores.max()
        self._step = shifted - np.log(np.exp(shifted, dtype=np.float64).sum()).astype(np.float32)
        return scores

    def chosen(self, token_data_array: Any) -> None:
        """The last sampler stage: read the token the chain selected."""
        step, self._step = self._step, None
        if step is None:  # pragma: no cover - the processor always runs first
            return
        data = token_data_array.contents
        token = int(data.data[data.selected].id)
        self.tokens.append(token)
        self.chosen_logprobs.append(float(step[token]))
        if self._k:
            ids = np.argpartition(-step, self._k)[: self._k]
            ids = ids[np.argsort(-step[ids], kind="stable")]
            self.top.append((ids, step[ids]))

    def logprobs(self, text: str) -> Logprobs:
        """The recorded steps whose tokens lie within ``text``, the answer returned."""
        pieces = self._pieces()
        kept = 0
        offset = 0
        for piece in pieces:
            if offset >= len(text) or not piece:
                break
            offset += len(piece)
            kept += 1
        top_tokens = tuple(tuple(self._piece(int(i)) for i in ids) for ids, _ in self.top[:kept])
        top_values = tuple(tuple(float(v) for v in values) for _, values in self.top[:kept])
        return Logprobs(
            tokens=tuple(pieces[:kept]),
            logprobs=tuple(self.chosen_logprobs[:kept]),
            top_tokens=top_tokens,
            top_logprobs=top_values,
        )

    def _pieces(self) -> list[str]:
        """Each token's text, decoded cumulatively so that characters spanning tokens are whole
        (their bytes go to the token that completes them)."""
        pieces: list[str] = []
        decoded = ""
        prompt = self.prompt or []
        for end in range(1, len(self.tokens) + 1):
            raw = self._llama.detokenize(self.tokens[:end], prev_tokens=prompt)
            text = raw.decode("utf-8", errors="ignore")
            pieces.append(text[len(decoded) :])
            decoded = text
        return pieces

    def _piece(self, token: int) -> str:
        return str(self._llama.detokenize([token]).decode("utf-8", errors="replace"))


@contextlib.contextmanager
def recording(llama: Any, recorder: TokenRecorder) -> Iterator[None]:
    """While active (under the model's lock), every sampler chain ``llama`` builds ends with
    ``recorder.chosen``; pass ``recorder.logits`` as the call's logits processor."""
    build = llama._init_sampler

    def with_recorder(*args: Any, **kwargs: Any) -> Any:
        sampler = build(*args, **kwargs)
        sampler.add_custom(recorder.chosen)
        return sampler

    llama._init_sampler = with_recorder  # shadows the method on this object only
    try:
        yield
    finally:
        del llama._init_sampler
