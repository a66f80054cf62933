"""ChatModelWrapper: a layer that overrides one method and passes the rest through."""

from __future__ import annotations

import pytest

from polypick import BestOfN, ChatModel, Completion, SamplingParams
from polypick.core.protocol import ModelRequest
from polypick.core.wrapper import ChatModelWrapper
from polypick.errors import ConfigurationError
from polypick.testing import ScriptedChat


class Shouting(ChatModelWrapper):
    async def generate(self, request: ModelRequest) -> list[Completion]:
        replies = await super().generate(request)
        return [r.model_copy(update={"text": r.text.upper()}) for r in replies]


class Rejecting(ScriptedChat):
    closed = 0

    def validate(self, params: SamplingParams) -> None:
        if params.temperature > 1.5:
            raise ConfigurationError("too hot")

    async def aclose(self) -> None:
        self.closed += 1


async def test_a_wrapper_changes_what_it_overrides_and_passes_the_rest_through() -> None:
    inner = Rejecting(lambda messages, params: "yes", name="inner:model")
    wrapped = Shouting(inner)
    assert isinstance(wrapped, ChatModel)
    assert (wrapped.name, wrapped.max_n) == (inner.name, inner.max_n)
    with pytest.raises(ConfigurationError, match="too hot"):
        BestOfN(wrapped, n=2, sampling=1.9)  # the inner model's check runs before any request
    sel = await BestOfN(wrapped, n=2, sampling=0.7, selector="majority").ainvoke("ok?")
    assert sel.text == "YES" and sel.llm == inner.name and len(inner.calls) == 2
    await wrapped.aclose()
    assert inner.closed == 1
