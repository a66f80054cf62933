"""Occurrence ordinals: claims within one call are distinct, lowest first, and reusable once
given back; a new scope starts again from ordinal 0."""

from __future__ import annotations

import asyncio

from hypothesis import given
from hypothesis import strategies as st

from polypick.cache import cache_scope
from polypick.cache.scope import CallLog, current_log

# a run of operations: claim n ordinals, or release the ordinals of an earlier claim
operations = st.lists(
    st.one_of(
        st.tuples(st.just("claim"), st.integers(1, 5)),
        st.tuples(st.just("release"), st.integers(0, 20)),
    ),
    max_size=30,
)


@given(operations)
def test_claims_never_overlap_and_take_the_lowest_free_ordinals(ops: list[tuple[str, int]]) -> None:
    log = CallLog()
    held: list[list[int]] = []
    for op, value in ops:
        if op == "claim":
            free = [o for o in range(200) if not any(o in h for h in held)][:value]
            got = log.claim("k", value)
            assert got == free
            held.append(got)
        elif held:
            log.release("k", held.pop(value % len(held)))
    taken = [o for h in held for o in h]
    assert len(taken) == len(set(taken))


def test_keys_are_counted_separately() -> None:
    log = CallLog()
    assert log.claim("a", 2) == [0, 1]
    assert log.claim("b", 1) == [0]
    assert log.claim("a", 1) == [2]


async def test_each_scope_has_its_own_log_even_when_concurrent() -> None:
    async def one() -> list[int]:
        with cache_scope() as log:
            await asyncio.sleep(0)
            assert current_log() is log
            return log.claim("same", 2)

    assert list(await asyncio.gather(one(), one(), one())) == [[0, 1]] * 3
    assert current_log() is None
