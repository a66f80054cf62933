"""The selectors end to end through ``BestOfN`` over scripted models (no network)."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Sequence

import pytest

from polypick import BestOfN, Hedged, RetryPolicy, Selection, Temperatures
from polypick.core.types import Message, SamplingParams, Usage
from polypick.errors import ConfigurationError, ProviderStatusError, RateLimitError
from polypick.selectors import RewardSelector, SelectionContext, Selector, Verdict
from polypick.selectors.judge import REMINDER
from polypick.selectors.prompting import unmark
from polypick.testing import Reply, ScriptedChat

NO_WAIT = RetryPolicy(max_retries=2, initial_wait=0, max_wait=0)
HEDGED = Hedged(seed=0)  # sample i gets seed i: the scripts below answer by seed
GREEDY_IN_THE_MIDDLE = Temperatures(temperatures=(0.7, 0.0, 0.7), seed=0)
Responder = Callable[[Sequence[Message], SamplingParams], Reply]


def by_sample(*replies: Reply) -> ScriptedChat:
    """A sampling model whose sample i (seed i) answers ``replies[i]``, whatever the order."""

    def respond(messages: Sequence[Message], params: SamplingParams) -> Reply:
        assert params.seed is not None
        return replies[params.seed]

    return ScriptedChat(respond, name="sampler")


def rated_answer(messages: Sequence[Message]) -> str:
    """The candidate text inside a judge prompt's ``<answer>`` block."""
    return unmark(messages[1].content.split("<answer>\n", 1)[1].rsplit("\n</answer>", 1)[0])


def judge_by(ratings: dict[str, Reply | list[Reply]]) -> ScriptedChat:
    """A judge replying by which candidate it is shown; a list is consumed call by call."""

    def respond(messages: Sequence[Message], params: SamplingParams) -> Reply:
        reply = ratings[rated_answer(messages)]
        return reply.pop(0) if isinstance(reply, list) else reply

    return ScriptedChat(respond, name="judge")


def events(sel: Selection) -> list[str]:
    return [e.event for e in sel.trace]


def words(text: str) -> int:
    return len(text.split())


# --- majority --------------------------------------------------------------------------------


async def test_majority_picks_the_most_common_final_answer_and_records_vote_shares() -> None:
    llm = by_sample(
        "6 x 7 is 41.",
        "6 x 7 = 42, so the answer is 42",
        "Answer: 42.",
        r"Not 41 but \boxed{42}",
        "Answer: 40",
    )
    sel = await BestOfN(llm, n=5, sampling=HEDGED, selector="majority").ainvoke("6 x 7?")
    assert sel.index == 1
    assert sel.text == "6 x 7 = 42, so the answer is 42"
    assert sel.selector == "majority"
    assert sel.scores == pytest.approx((0.2, 0.6, 0.6, 0.6, 0.2))
    assert sel.usage.selection == Usage()
    vote = next(e for e in sel.trace if e.event == "majority.vote")
    assert vote.data["answers"] == ["41", "42", "42", "42", "40"]


async def test_majority_tie_goes_to_the_greedy_sample() -> None:
    llm = by_sample("Answer: 7", "Answer: 8", "Answer: 8", "Answer: 7")
    sel = await BestOfN(llm, n=4, sampling=HEDGED, selector="majority").ainvoke("q")
    assert sel.index == 0
    assert sel.best.greedy
    assert sel.scores == (0.5, 0.5, 0.5, 0.5)


async def test_majority_without_any_answer_returns_the_greedy_sample() -> None:
    llm = by_sample("...", "?", "!")
    sel = await BestOfN(llm, n=3, sampling=GREEDY_IN_THE_MIDDLE, selector="majority").ainvoke("q")
    assert sel.index == 1
    assert sel.best.greedy
    assert sel.scores == (None, None, None)


# --- judge -----------------------------------------------------------------------------------


async def test_judge_picks_the_best_rated_and_counts_its_calls_as_selection_usage() -> None:
    llm = by_sample("Paris, probably.", "The capital of France is Paris.", "Lyon")
    ratings: dict[str, Reply | list[Reply]] = {
        "Paris, probably.": '{"reasoning": "terse", "score": 6}',
        "The capital of France is Paris.": '{"reasoning": "complete", "score": 9}',
        "Lyon": "Score: 1",
    }
    judge = judge_by(ratings)
    bon = BestOfN(llm, n=3, sampling=HEDGED, selector="judge", judge=judge, retry=NO_WAIT)
    sel = await bon.ainvoke("What is the capital of France?")

    assert sel.index == 1
    assert sel.scores == (6.0, 9.0, 1.0)
    assert sel.selection_failures == ()
    assert sorted(rated_answer(call.messages) for call in judge.calls) == sorted(ratings)
    assert all(call.json_schema is not None for call in judge.calls)
    assert all(call.params.temperature == 0.0 for call in judge.calls)

    prompt_tokens = sum(words(m.content) for call in judge.calls for m in call.messages)
    completion_tokens = sum(words(str(ratings[rated_answer(c.messages)])) for c in judge.calls)
    assert sel.usage.selection == Usage(
        requests=3, prompt_tokens=prompt_tokens, completion_tokens=completion_tokens
    )
    assert sel.usage.generation.requests == 3
    assert sel.usage.total == sel.usage.generation + sel.usage.selection


async def test_judge_defaults_to_the_sampling_model() -> None:
    def respond(messages: Sequence[Message], params: SamplingParams) -> str:
        if messages[0].role == "system":  # a judge prompt
            return '{"score": 8}' if "long answer" in rated_answer(messages) else '{"score": 3}'
        return "a long answer" if params.seed == 2 else "short"

    llm = ScriptedChat(respond)
    sel = await BestOfN(llm, n=3, sampling=HEDGED, selector="judge").ainvoke("q")
    assert sel.index == 2
    assert len(llm.calls) == 6
    assert sel.usage.selection.requests == 3


async def test_judge_re_asks_once_when_a_rating_is_unreadable() -> None:
    llm = by_sample("A", "B", "C")
    judge = judge_by({"A": '{"score": 4}', "B": ["Great answer!", "[[9]]"], "C": "7/10"})
    bon = BestOfN(llm, n=3, sampling=HEDGED, selector="judge", judge=judge, retry=NO_WAIT)
    sel = await bon.ainvoke("q")

    assert sel.index == 1
    assert sel.scores == (4.0, 9.0, 7.0)
    assert sel.selection_failures == ()
    assert len(judge.calls) == 4
    re_ask = next(call for call in judge.calls if len(call.messages) > 2)
    assert rated_answer(re_ask.messages) == "B"
    assert [m.role for m in re_ask.messages[-2:]] == ["assistant", "user"]
    assert re_ask.messages[-2].content == "Great answer!"
    assert re_ask.messages[-1].content == REMINDER
    assert sel.usage.selection.requests == 4


async def test_unreadable_and_failed_judge_calls_are_listed() -> None:
    llm = by_sample("A", "B", "C")
    judge = judge_by(
        {
            "A": "no idea",  # unreadable, and still unreadable when asked again
            "B": '{"score": 6}',
            "C": ProviderStatusError("bad request", status_code=400),
        }
    )
    bon = BestOfN(llm, n=3, sampling=HEDGED, selector="judge", judge=judge, retry=NO_WAIT)
    sel = await bon.ainvoke("q")

    assert sel.index == 1
    assert sel.scores == (None, 6.0, None)
    failures = sorted(sel.selection_failures, key=lambda f: f.candidate or 0)
    assert [(f.stage, f.candidate, f.error.type) for f in failures] == [
        ("judge", 0, "InvalidResponseError"),
        ("judge", 2, "ProviderStatusError"),
    ]
    assert "no idea" in failures[0].error.message
    assert failures[1].error.status_code == 400
    assert len(judge.calls) == 4  # A twice, B and C once (400 is not retried)
    assert sel.usage.selection.requests == 4


async def test_retried_judge_calls_count_every_attempt() -> None:
    busy = ProviderStatusError("overloaded", status_code=503)
    llm = by_sample("A", "B")
    judge = judge_by({"A": [busy, busy, '{"score": 8}'], "B": '{"score": 5}'})
    sel = await BestOfN(
        llm, n=2, sampling=HEDGED, selector="judge", judge=judge, retry=NO_WAIT
    ).ainvoke("q")
    assert sel.index == 0
    assert sel.selection_failures == ()
    assert sel.usage.selection.requests == 4
    assert events(sel).count("judge.retry") == 2


async def test_judge_falls_back_to_the_greedy_sample_when_nothing_is_rated() -> None:
    llm = by_sample("A", "B", "C")
    down = ProviderStatusError("forbidden", status_code=403)
    judge = judge_by({"A": down, "B": down, "C": down})
    bon = BestOfN(
        llm, n=3, sampling=GREEDY_IN_THE_MIDDLE, selector="judge", judge=judge, retry=NO_WAIT
    )
    sel = await bon.ainvoke("q")

    assert sel.index == 1
    assert sel.best.greedy
    assert sel.scores == (None, None, None)
    assert "judge.fallback" in events(sel)
    assert sorted(f.candidate or 0 for f in sel.selection_failures) == [0, 1, 2]


@pytest.mark.parametrize(
    ("error", "deadline"),
    [
        (ProviderStatusError("bad request", status_code=400), None),
        (RateLimitError("slow down", status_code=429, retry_after=60), 5.0),
    ],
    ids=["not-retryable", "retry-wait-past-deadline"],
)
async def test_failed_judge_requests_still_count_as_sent(
    error: Exception, deadline: float | None
) -> None:
    llm = by_sample("A", "B", "C")
    judge = judge_by({"A": error, "B": error, "C": error})
    bon = BestOfN(
        llm, n=3, sampling=HEDGED, selector="judge", judge=judge, retry=NO_WAIT, deadline=deadline
    )
    sel = await bon.ainvoke("q")
    assert len(judge.calls) == 3
    assert sel.usage.selection.requests == 3
    assert len(sel.selection_failures) == 3
    # the failure says what went wrong, not only that something did
    assert all(str(error) in f.error.message for f in sel.selection_failures)


# --- reward ----------------------------------------------------------------------------------

LENGTHS = {"short": 1.0, "a bit longer": 2.0, "the longest answer": 3.0}


def sync_reward(prompt: str, candidate: str) -> float:
    return LENGTHS[candidate]


async def async_reward(prompt: str, candidate: str) -> float:
    return LENGTHS[candidate]


class AsyncRewardModel:
    """An async callable object, such as a client for a hosted reward model."""

    async def __call__(self, prompt: str, candidate: str) -> float:
        return LENGTHS[candidate]


@pytest.mark.parametrize(
    "selector",
    [
        RewardSelector(sync_reward),
        RewardSelector(async_reward),
        sync_reward,
        async_reward,
        AsyncRewardModel(),
    ],
    ids=["sync", "async", "sync-shorthand", "async-shorthand", "async-callable-object"],
)
async def test_reward_selector_keeps_the_highest_reward(selector: object) -> None:
    llm = by_sample("a bit longer", "the longest answer", "short")
    sel = await BestOfN(llm, n=3, sampling=HEDGED, selector=selector).ainvoke("q")  # type: ignore[arg-type]
    assert sel.selector == "reward"
    assert sel.index == 1
    assert sel.scores == (2.0, 3.0, 1.0)
    assert sel.selection_failures == ()
    assert sel.usage.selection == Usage()


async def test_reward_function_sees_the_last_user_message() -> None:
    seen: list[tuple[str, str]] = []

    def reward(prompt: str, candidate: str) -> float:
        seen.append((prompt, candidate))
        return 1.0

    prompt = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "first question"},
        {"role": "assistant", "content": "first answer"},
        {"role": "user", "content": "follow-up question"},
    ]
    await BestOfN(by_sample("x", "y"), n=2, sampling=HEDGED, selector=reward).ainvoke(prompt)
    assert sorted(seen) == [("follow-up question", "x"), ("follow-up question", "y")]


async def test_a_fast_sync_reward_runs_on_the_loop_and_a_slow_one_in_a_thread() -> None:
    # A thread hop costs more CPU than a scorer like len(); a scorer seen to be fast runs on
    # the event loop's thread, and one that turns slow goes back to a worker thread.
    loop_thread = threading.get_ident()
    slow = {"now": False}
    threads: list[list[bool]] = []

    def reward(prompt: str, candidate: str) -> float:
        threads[-1].append(threading.get_ident() == loop_thread)
        if slow["now"]:
            time.sleep(0.002)
        return float(len(candidate))

    bon = BestOfN(by_sample("x", "yy"), n=2, sampling=HEDGED, selector=reward)
    for turn_slow in (False, False, True, False):
        slow["now"] = turn_slow
        threads.append([])
        assert (await bon.ainvoke("q")).text == "yy"
    first, fast, slowed, after_slow = threads
    assert first == [False, False]  # unknown yet: a worker thread
    assert fast == [True, True]  # seen fast: on the loop
    assert slowed == [True, True]  # not known to be slow until it ran ...
    assert after_slow == [False, False]  # ... then back in a worker thread


@pytest.mark.parametrize(
    ("bad", "error_type"),
    [(ValueError("cannot score this"), "ValueError"), (math.nan, "InvalidResponseError")],
    ids=["raises", "returns-nan"],
)
async def test_a_reward_failure_leaves_that_candidate_unscored(
    bad: Exception | float, error_type: str
) -> None:
    def reward(prompt: str, candidate: str) -> float:
        if candidate == "the longest answer":
            if isinstance(bad, Exception):
                raise bad
            return bad
        return LENGTHS[candidate]

    llm = by_sample("a bit longer", "the longest answer", "short")
    sel = await BestOfN(llm, n=3, sampling=HEDGED, selector=reward).ainvoke("q")
    assert sel.index == 0
    assert sel.scores == (2.0, None, 1.0)
    [failure] = sel.selection_failures
    assert (failure.stage, failure.candidate, failure.error.type) == ("reward", 1, error_type)


async def test_reward_by_name_without_a_function_fails_before_any_request() -> None:
    llm = by_sample("x", "y")
    with pytest.raises(ConfigurationError, match=r"selector=fn"):
        BestOfN(llm, n=2, sampling=HEDGED, selector="reward")
    assert llm.calls == []


# --- custom and broken selectors -------------------------------------------------------------


class Longest(Selector):
    """A custom selector: the longest answer wins."""

    name = "longest"
    needs_judge = False

    async def select(self, context: SelectionContext) -> Verdict:
        lengths = [float(len(c.text)) for c in context.candidates]
        return Verdict(index=lengths.index(max(lengths)), scores=tuple(lengths))


async def test_a_custom_selector_object_is_used_as_is() -> None:
    selector = Longest()
    assert isinstance(selector, Selector)
    llm = by_sample("ab", "abcd", "abc")
    sel = await BestOfN(llm, n=3, sampling=HEDGED, selector=selector).ainvoke("q")
    assert sel.selector == "longest"
    assert sel.index == 1
    assert sel.scores == (2.0, 4.0, 3.0)
    assert "selection.done" in events(sel)


class Broken(Selector):
    name = "broken"
    needs_judge = False

    def __init__(self, outcome: Verdict | Exception) -> None:
        self.outcome = outcome

    async def select(self, context: SelectionContext) -> Verdict:
        if isinstance(self.outcome, Exception):
            raise self.outcome
        return self.outcome


class Incomplete:
    """A duck-typed selector that forgot some members."""

    name = "incomplete"

    async def select(self, context: SelectionContext) -> Verdict:
        return Verdict(index=0, scores=(None,) * len(context.candidates))


def test_an_incomplete_custom_selector_is_refused_naming_what_it_lacks() -> None:
    llm = by_sample("A", "B")
    with pytest.raises(ConfigurationError) as caught:
        BestOfN(llm, n=2, selector=Incomplete())
    message = str(caught.value)
    assert "needs_judge" in message and "handles_tool_calls" in message
    assert "subclass polypick.Selector" in message and "reward" not in message
    assert llm.calls == []


@pytest.mark.parametrize(
    ("outcome", "error_type"),
    [
        (RuntimeError("selector bug"), "RuntimeError"),
        (Verdict(index=3, scores=(1.0, 2.0, 3.0)), "ValueError"),
        (Verdict(index=-1, scores=(1.0, 2.0, 3.0)), "ValueError"),
        (Verdict(index=0, scores=(1.0,)), "ValueError"),
    ],
    ids=["raises", "index-past-the-end", "negative-index", "too-few-scores"],
)
async def test_a_broken_selector_falls_back_to_the_greedy_sample(
    outcome: Verdict | Exception, error_type: str
) -> None:
    llm = by_sample("A", "B", "C")
    bon = BestOfN(llm, n=3, sampling=GREEDY_IN_THE_MIDDLE, selector=Broken(outcome))
    sel = await bon.ainvoke("q")
    assert sel.index == 1
    assert sel.text == "B"
    assert sel.scores == (None, None, None)
    [failure] = sel.selection_failures
    assert (failure.stage, failure.candidate, failure.error.type) == ("selection", None, error_type)
    assert "selection.fallback" in events(sel)
    assert len(sel.candidates) == 3


# --- a single survivor -----------------------------------------------------------------------

REFUSED = ProviderStatusError("refused", status_code=400)


@pytest.mark.parametrize(
    ("n", "replies"),
    [(1, ("only",)), (3, (REFUSED, "only", REFUSED))],
    ids=["n=1", "two-of-three-failed"],
)
async def test_a_single_surviving_candidate_skips_selection(
    n: int, replies: tuple[Reply, ...]
) -> None:
    judge = judge_by({})
    bon = BestOfN(by_sample(*replies), n=n, sampling=HEDGED, judge=judge, retry=NO_WAIT)
    sel = await bon.ainvoke("q")
    assert sel.text == "only"
    assert sel.index == 0
    assert sel.scores == (None,)
    assert judge.calls == []
    assert sel.usage.selection == Usage()
    assert len(sel.failures) == n - 1
    assert "selection.skipped" in events(sel)
    assert "selection.start" not in events(sel)
