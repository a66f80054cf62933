"""``Completion.cached``: set by CachedChat, turned by the Sampler into the ``"cached"`` flag and
free requests, and billed by ``BestOfN(cache=...)`` from that alone for the sampling stage."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from polypick import BestOfN
from polypick.cache import CACHED, CachedChat, SampleCache, cache_scope
from polypick.core.gateway import Gateway
from polypick.core.protocol import ModelRequest
from polypick.core.retry import RetryPolicy
from polypick.core.trace import Recorder
from polypick.core.types import Completion, Message, SamplingParams, Usage
from polypick.engine.sampler import Sampler
from polypick.testing import ScriptedChat

PROMPT = (Message(role="user", content="Name a colour."),)
WARM = SamplingParams(temperature=0.8)


async def test_only_completions_served_from_the_store_are_cached(tmp_path: Path) -> None:
    counter = itertools.count()
    model = ScriptedChat(lambda m, p: f"reply {next(counter)}", max_n=4)
    with SampleCache(tmp_path / "c.db") as cache:
        cached = CachedChat(model, cache)
        with cache_scope():
            drawn = await cached.generate(ModelRequest(tuple(PROMPT), WARM, 2))
        with cache_scope():
            mixed = await cached.generate(ModelRequest(tuple(PROMPT), WARM, 3))
    assert [c.cached for c in drawn] == [False, False]
    assert [(c.text, c.cached) for c in mixed] == [
        ("reply 0", True),
        ("reply 1", True),
        ("reply 2", False),
    ]
    # a hit is the stored completion, flag aside: the same text, tokens and finish reason
    assert [c.model_copy(update={"cached": False}) for c in mixed[:2]] == drawn


class Replaying(ScriptedChat):
    """Answers 'two words' to every sample, each completion cached or not as ``flags`` say."""

    def __init__(self, flags: Sequence[bool]) -> None:
        super().__init__(lambda m, p: "two words", max_n=len(flags))
        self._flags = flags

    async def generate(self, *args: Any, **kwargs: Any) -> list[Completion]:
        drawn = await super().generate(*args, **kwargs)
        return [c.model_copy(update={"cached": f}) for c, f in zip(drawn, self._flags, strict=True)]


@given(st.lists(st.booleans(), min_size=1, max_size=6))
def test_a_request_counts_unless_the_cache_answered_it_whole(flags: list[bool]) -> None:
    sampler = Sampler(Replaying(flags), Gateway(Recorder(), RetryPolicy(max_retries=0)))
    candidates = asyncio.run(sampler.sample(PROMPT, [WARM] * len(flags)))
    assert [CACHED in c.flags for c in candidates] == flags
    assert sum(c.usage.requests for c in candidates) == (0 if all(flags) else 1)
    # tokens are kept either way: a cached candidate still says what it cost when drawn
    assert sum(c.usage.completion_tokens for c in candidates) == 2 * len(flags)


async def test_a_top_up_bills_the_new_samples_and_the_judge_calls_it_made(
    tmp_path: Path,
) -> None:
    counter = itertools.count()
    llm = ScriptedChat(lambda m, p: f"draft number {next(counter)}", max_n=8)
    judge = ScriptedChat(lambda m, p: "score: 6", name="judge")
    with SampleCache(tmp_path / "c.db") as cache:
        runs = []
        for n in (2, 3):
            async with BestOfN(
                llm,
                n=n,
                sampling=0.8,
                selector="judge",
                judge=judge,
                cache=cache,
                detect_language=False,
            ) as bon:
                runs.append(await bon.ainvoke("Write a title."))
    two, three = runs
    assert two.usage.selection.total_tokens > 0 and two.usage.generation.total_tokens > 0
    assert [CACHED in c.flags for c in three.candidates] == [True, True, False]
    assert len(llm.calls) == 2 and len(judge.calls) == 2 + 1
    new = three.candidates[2]
    # one request, carrying the new sample's tokens only
    assert three.usage.generation == Usage(
        requests=1,
        prompt_tokens=new.usage.prompt_tokens,
        completion_tokens=new.usage.completion_tokens,
    )
    saved = next(e for e in three.trace if e.event == "cache.saved").data
    old = sum((c.usage for c in two.candidates), Usage())
    assert (
        saved["generation"]
        == Usage(
            prompt_tokens=old.prompt_tokens, completion_tokens=old.completion_tokens
        ).model_dump()
    )
    # the judge: two calls replayed (saved whole), one sent and billed
    assert saved["selection"] == two.usage.selection.model_dump()
    assert three.usage.selection.requests == 1
    assert three.usage.selection.total_tokens == two.usage.selection.total_tokens // 2
