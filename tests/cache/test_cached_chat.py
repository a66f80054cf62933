"""CachedChat around a scripted model: replays, distinct identical samples, top-ups, failures."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from polypick.cache import CachedChat, SampleCache, cache_scope
from polypick.core.protocol import ChatModel, ModelRequest
from polypick.core.types import Message, SamplingParams
from polypick.errors import ProviderStatusError
from polypick.testing import ScriptedChat

PROMPT = (Message(role="user", content="Name a colour."),)
WARM = SamplingParams(temperature=0.8)


def numbered(max_n: int = 1, latency_s: float = 0.0) -> ScriptedChat:
    """A model whose every completion is new: 'reply 0', 'reply 1' ..."""
    counter = itertools.count()
    return ScriptedChat(lambda m, p: f"reply {next(counter)}", max_n=max_n, latency_s=latency_s)


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[SampleCache]:
    with SampleCache(tmp_path / "samples.db") as opened:
        yield opened


async def texts(model: ChatModel, n: int, params: SamplingParams = WARM) -> list[str]:
    return [c.text for c in await model.generate(ModelRequest(tuple(PROMPT), params, n))]


async def test_a_new_scope_replays_and_identical_requests_stay_distinct(
    cache: SampleCache,
) -> None:
    model = numbered()
    cached = CachedChat(model, cache)
    with cache_scope():
        first = [await texts(cached, 1) for _ in range(3)]
    assert first == [["reply 0"], ["reply 1"], ["reply 2"]]
    with cache_scope():
        again = [await texts(cached, 1) for _ in range(3)]
        fourth = await texts(cached, 1)
    assert again == first and fourth == ["reply 3"]
    assert len(model.calls) == 4
    assert cache.stats.hits == 3 and cache.stats.stored == 4


async def test_raising_n_draws_only_the_missing_samples(cache: SampleCache) -> None:
    model = numbered(max_n=8)
    cached = CachedChat(model, cache)
    with cache_scope():
        five = await texts(cached, 5)
    with cache_scope():
        eight = await texts(cached, 8)
    assert eight[:5] == five and len(set(eight)) == 8
    assert [call.n for call in model.calls] == [5, 3]


async def test_a_seeded_top_up_moves_the_seed_past_the_samples_held(cache: SampleCache) -> None:
    model = numbered(max_n=8)
    cached = CachedChat(model, cache)
    seeded = SamplingParams(temperature=0.8, seed=10)
    with cache_scope():
        await texts(cached, 2, seeded)
    with cache_scope():
        await texts(cached, 4, seeded)
    assert [(c.params.seed, c.n) for c in model.calls] == [(10, 2), (12, 2)]


async def test_failures_are_never_cached_and_give_their_ordinal_back(cache: SampleCache) -> None:
    error = ProviderStatusError("overloaded", status_code=503)
    model = ScriptedChat(["a", error, "b", "c"])
    cached = CachedChat(model, cache)
    with cache_scope():
        assert await texts(cached, 1) == ["a"]
        with pytest.raises(ProviderStatusError):
            await texts(cached, 1)
        assert await texts(cached, 1) == ["b"]  # the failed ordinal, claimed again
    assert len(cache) == 2
    with cache_scope():
        assert [await texts(cached, 1) for _ in range(3)] == [["a"], ["b"], ["c"]]


async def test_a_model_returning_fewer_gives_the_rest_back(cache: SampleCache) -> None:
    model = numbered(max_n=1)  # ignores n, like llama-cpp-python's server
    cached = CachedChat(model, cache)
    with cache_scope():
        assert await texts(cached, 3) == ["reply 0"]
        assert await texts(cached, 1) == ["reply 1"]
    with cache_scope():
        # two held, one drawn for the third
        assert await texts(cached, 3) == ["reply 0", "reply 1", "reply 2"]
    assert [call.n for call in model.calls] == [3, 1, 1]


async def test_many_coroutines_get_distinct_samples_and_replay_them(cache: SampleCache) -> None:
    model = numbered(latency_s=0.01)
    cached = CachedChat(model, cache)

    async def call(k: int) -> list[str]:
        params = SamplingParams(temperature=0.8, max_tokens=1 + k % 3)
        return await texts(cached, 1, params)

    with cache_scope():
        first = await asyncio.gather(*(call(k) for k in range(60)))
    assert len({t for ts in first for t in ts}) == 60
    with cache_scope():
        again = await asyncio.gather(*(call(k) for k in range(60)))
    # the same multiset per request kind; which coroutine gets which ordinal may vary
    for kind in range(3):
        assert sorted(first[kind::3]) == sorted(again[kind::3])
    assert len(model.calls) == 60


async def test_outside_a_scope_ordinals_count_over_the_object(cache: SampleCache) -> None:
    model = numbered()
    assert [await texts(CachedChat(model, cache), 1) for _ in range(2)] == [["reply 0"]] * 2
    shared = CachedChat(model, cache)
    assert [await texts(shared, 1) for _ in range(2)] == [["reply 0"], ["reply 1"]]


async def test_the_wrapper_passes_the_model_through(cache: SampleCache) -> None:
    model = ScriptedChat(["x"], name="inner", max_n=4)
    cached = CachedChat(model, cache)
    assert (cached.name, cached.max_n, cached.max_tokens) == ("scripted:inner", 4, None)
    other = CachedChat(ScriptedChat(["y"], name="other"), cache)
    with cache_scope():
        await texts(cached, 1)
        assert await texts(other, 1) == ["y"]  # another model: another key


async def _in_own_scope(cached: ChatModel, n: int = 1) -> list[str]:
    with cache_scope():  # one call each, as two items of a batch or an evaluation are
        return await texts(cached, n)


async def test_calls_asking_the_same_thing_at_once_pay_for_it_once(cache: SampleCache) -> None:
    model = numbered(max_n=4, latency_s=0.05)
    cached = CachedChat(model, cache)
    other = CachedChat(model, cache)  # another wrapper of the same cache (another system)
    first, second, third = await asyncio.gather(
        _in_own_scope(cached, 2), _in_own_scope(other, 2), _in_own_scope(cached, 3)
    )
    # what a later call would get from the cache, the concurrent ones get from the draw
    assert first == second == third[:2] == ["reply 0", "reply 1"] and third[2] == "reply 2"
    assert [call.n for call in model.calls] == [2, 1]
    assert await _in_own_scope(cached, 3) == third  # and the cache holds it as drawn


async def test_a_call_waiting_on_a_draw_that_fails_draws_itself(cache: SampleCache) -> None:
    attempts = itertools.count()

    def respond(messages: object, params: object) -> str | Exception:
        k = next(attempts)
        return ProviderStatusError("overloaded", status_code=529) if k == 0 else f"reply {k}"

    cached = CachedChat(ScriptedChat(respond, latency_s=0.05), cache)
    failed, waited = await asyncio.gather(
        _in_own_scope(cached), _in_own_scope(cached), return_exceptions=True
    )
    assert isinstance(failed, ProviderStatusError) and waited == ["reply 1"]


async def test_a_cancelled_waiter_does_not_cancel_the_draw(cache: SampleCache) -> None:
    model = numbered(latency_s=0.05)
    cached = CachedChat(model, cache)
    drawing = asyncio.ensure_future(_in_own_scope(cached))
    waiting = asyncio.ensure_future(_in_own_scope(cached))
    await asyncio.sleep(0.01)
    waiting.cancel()
    assert await drawing == ["reply 0"] and waiting.cancelled()
    assert len(model.calls) == 1
