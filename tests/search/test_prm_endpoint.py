"""Process reward models behind vLLM's pooling endpoint, as the search strategies use them.

The fake server follows vLLM's pooling API and its STEP pooler (see
``polypick/testing/servers/vllm_pooling.py`` for the pages and sources): a row per step token in
the rendered input, each row the label probabilities at that token. The step layouts follow the
model cards of Qwen/Qwen2.5-Math-PRM-7B (chat, card's system prompt, ``<extra_0>`` after every
step, row ``[P(wrong), P(right)]``) and peiyi9979/math-shepherd-mistral-7b-prm (plain text,
``Step i: ... ки`` lines, row ``[P(+), P(-)]``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from search_fixtures import PROMPT, RIGHT, WRONG, arithmetic_stepper

from polypick import BestOfN, RetryPolicy
from polypick.errors import ConfigurationError, InvalidResponseError, ProviderStatusError
from polypick.providers import (
    MATH_SHEPHERD,
    QWEN_PRM,
    ProcessRewardEndpoint,
    RewardEndpoint,
    StepFormat,
)
from polypick.search import BeamSearch, SearchSettings, VerifiedBestOfN
from polypick.selectors import RewardSelector
from polypick.testing import ScriptedChat
from polypick.testing.servers import FakeRewardServer, FakeVLLMPoolingServer, Fault

SETTINGS = SearchSettings(
    detect_language=False, retry=RetryPolicy(max_retries=1, initial_wait=0, max_wait=0)
)
# The fake PRM's step scores: a right step scores by its position (so that a client reading
# the wrong row, the wrong label or the wrong aggregate gets other numbers), a wrong one 0.1.
RIGHT_SCORES = [0.91, 0.92, 0.93, 0.94]
WRONG_SCORE = 0.1


def step_score(steps: list[str]) -> float:
    """What a PRM that knows the truth says of the last of ``steps``."""
    on_track = steps == RIGHT[: len(steps)]
    return RIGHT_SCORES[len(steps) - 1] if on_track else WRONG_SCORE


def qwen_reward(prefix: str) -> float:
    """The fake PRM at one ``<extra_0>``: it reads the assistant turn before the token."""
    solution = prefix.rpartition("<|im_start|>assistant\n")[2]
    return step_score(solution.split("<extra_0>"))


def shepherd_reward(prefix: str) -> float:
    """The fake Math-Shepherd PRM at one ``ки``: the ``Step i:`` lines before it."""
    lines = prefix.rpartition(PROMPT + " ")[2].split("\n")
    return step_score([line.partition(": ")[2].removesuffix(" ки").strip() for line in lines])


@pytest.fixture
def qwen() -> Iterator[FakeVLLMPoolingServer]:
    with FakeVLLMPoolingServer(reward=qwen_reward) as server:
        yield server


def prm_for(server: FakeVLLMPoolingServer, **options: object) -> ProcessRewardEndpoint:
    return ProcessRewardEndpoint(server.base_url, model=server.model, **options)  # type: ignore[arg-type]


async def test_beam_search_uses_the_served_prms_step_scores(qwen: FakeVLLMPoolingServer) -> None:
    prm = prm_for(qwen)
    sel = await BeamSearch(arithmetic_stepper(), prm, n=4, width=2, settings=SETTINGS).arun(PROMPT)
    await prm.aclose()
    assert sel.text == "\n\n".join(RIGHT)
    assert sel.scores[sel.index] == RIGHT_SCORES[-1]  # the last step's P(right), as sent
    for record in qwen.requests:
        body = record.body
        assert record.path == "/pooling" and body["model"] == "Qwen/Qwen2.5-Math-PRM-7B"
        system, user, assistant = body["messages"]
        assert system == {"role": "system", "content": QWEN_PRM.system}
        assert user == {"role": "user", "content": PROMPT}
        steps = assistant["content"].split("<extra_0>")
        assert steps[-1] == "" and all(s in RIGHT or s in WRONG for s in steps[:-1])
    # every PRM request is billed to the selection account
    assert sel.usage.selection.requests == qwen.request_count > 0


async def test_a_prm_whose_step_token_is_not_sent_leaves_every_step_unscored(
    qwen: FakeVLLMPoolingServer,
) -> None:
    other = StepFormat("other", after_step="<extra_1>", system=QWEN_PRM.system)
    prm = prm_for(qwen, format=other)
    search = BeamSearch(arithmetic_stepper(), prm, n=2, width=1, max_rounds=2, settings=SETTINGS)
    sel = await search.arun(PROMPT)
    await prm.aclose()
    assert all(s is None for s in sel.scores)
    failures = [f for f in sel.selection_failures if f.stage == "verifier"]
    assert failures and all("step_tag_id" in f.error.message for f in failures)


async def test_weighted_best_of_n_reads_one_score_per_step_and_aggregates_them(
    qwen: FakeVLLMPoolingServer,
) -> None:
    answers = itertools.cycle(["\n\n".join(RIGHT), "\n\n".join(WRONG)])
    llm = ScriptedChat(lambda messages, params: next(answers))
    last, least = prm_for(qwen), prm_for(qwen, aggregate="min")
    by_last = await VerifiedBestOfN(llm, last, n=4, settings=SETTINGS).arun(PROMPT)
    by_min = await VerifiedBestOfN(llm, least, n=2, settings=SETTINGS).arun(PROMPT)
    mixed = await last.score_steps(PROMPT, RIGHT[:2] + WRONG[2:3])
    await last.aclose()
    await least.aclose()
    assert by_last.scores == (0.94, 0.1, 0.94, 0.1) and by_last.text.endswith("Answer: 42")
    assert by_min.scores == (0.91, 0.1)
    assert mixed == [0.91, 0.92, 0.1]


async def test_steps_are_scored_from_the_last_rows_when_the_prompt_holds_a_step_token(
    qwen: FakeVLLMPoolingServer,
) -> None:
    prm = prm_for(qwen)
    question = "What is 17 + 25? <extra_0> is a token, not a step."
    steps = [*RIGHT[:2], "17 + 20 = 37 <extra_0>"]  # a step's own token is dropped
    scores = await prm.score_steps(question, steps)
    await prm.aclose()
    sent = qwen.requests[-1].body["messages"][-1]["content"]
    assert sent.count("<extra_0>") == 3
    assert scores == [0.91, 0.92, 0.1]  # the question's extra row passed over


async def test_math_shepherd_layout_and_label_order() -> None:
    with FakeVLLMPoolingServer(
        model="math-shepherd", step_tag="ки", positive=0, reward=shepherd_reward
    ) as server:
        prm = ProcessRewardEndpoint(server.base_url, model="math-shepherd", format=MATH_SHEPHERD)
        scores = await prm.score_steps(PROMPT, [*RIGHT[:2], WRONG[2]])
        await prm.aclose()
        body = server.requests[0].body
    assert "messages" not in body
    assert body["input"] == (
        f"{PROMPT} Step 1: {RIGHT[0]} ки\nStep 2: {RIGHT[1]} ки\nStep 3: {WRONG[2]} ки"
    )
    assert scores == [0.91, 0.92, 0.1]  # P(+) is the row's first entry


async def test_vllm_errors_are_clear_polypick_errors(qwen: FakeVLLMPoolingServer) -> None:
    wrong_model = ProcessRewardEndpoint(qwen.base_url, model="not-served")
    with pytest.raises(ProviderStatusError, match="does not exist"):
        await wrong_model.score_steps(PROMPT, RIGHT[:1])
    await wrong_model.aclose()
    task = prm_for(qwen, task="embed")
    with pytest.raises(ProviderStatusError, match="Unsupported task"):
        await task.score_steps(PROMPT, RIGHT[:1])
    await task.aclose()
    assert qwen.requests[-1].body["task"] == "embed"
    with pytest.raises(ConfigurationError, match="model="):
        ProcessRewardEndpoint(qwen.base_url)
    with pytest.raises(ConfigurationError, match="aggregation"):
        prm_for(qwen, aggregate="median")


async def test_server_faults_are_retried_through_the_gateway_and_counted(
    qwen: FakeVLLMPoolingServer,
) -> None:
    qwen.script([Fault.status(503, retry_after=0)])
    prm = prm_for(qwen)
    llm = ScriptedChat(["\n\n".join(RIGHT)])
    sel = await VerifiedBestOfN(llm, prm, n=1, settings=SETTINGS).arun(PROMPT)
    await prm.aclose()
    assert sel.scores == (0.94,) and not sel.selection_failures
    assert sel.usage.selection.requests == qwen.request_count == 2


async def test_your_own_prm_service_in_polypicks_shape() -> None:
    def steps(prompt: str, parts: list[str]) -> list[float]:
        return [step_score(parts[: i + 1]) for i in range(len(parts))]

    with FakeRewardServer(steps=steps) as server:
        prm = ProcessRewardEndpoint(server.base_url + "/steps", format="polypick", model="mine")
        search = BeamSearch(arithmetic_stepper(), prm, n=4, width=2, settings=SETTINGS)
        sel = await search.arun(PROMPT)
        await prm.aclose()
        body = server.requests[0].body
    assert sel.text == "\n\n".join(RIGHT)
    assert body["model"] == "mine" and body["prompt"] == PROMPT and len(body["steps"]) == 1


async def test_a_bad_polypick_shape_reply_says_what_to_answer() -> None:
    with FakeRewardServer(steps=lambda prompt, parts: [0.5]) as server:  # one score, two steps
        prm = ProcessRewardEndpoint(server.base_url + "/steps", format="polypick")
        with pytest.raises(InvalidResponseError, match="one number per step"):
            await prm.score_steps(PROMPT, RIGHT[:2])
        await prm.aclose()


async def test_outcome_reward_models_come_through_the_same_door() -> None:
    def orm(text: str) -> float:  # a sequence classifier over the whole conversation
        return 0.8 if "Answer: 42" in text else 0.2

    with FakeVLLMPoolingServer(model="orm", pooler="classify", reward=orm) as server:
        reward = RewardEndpoint(server.base_url, format="vllm", model="orm")
        answers = itertools.cycle(["\n\n".join(WRONG), "\n\n".join(RIGHT)])
        llm = ScriptedChat(lambda messages, params: next(answers))
        sel = await VerifiedBestOfN(llm, reward, n=2, settings=SETTINGS).arun(PROMPT)
        await reward.aclose()
        assert sel.scores == (0.2, 0.8) and sel.index == 1
        assert sel.usage.selection.requests == server.request_count == 2


async def test_a_prm_is_a_reward_function_for_best_of_n(qwen: FakeVLLMPoolingServer) -> None:
    prm = prm_for(qwen)
    llm = ScriptedChat(["\n\n".join(WRONG), "\n\n".join(RIGHT)])
    bon = BestOfN(llm, n=2, sampling=0.7, selector=RewardSelector(prm), retry=0)
    sel = await bon.ainvoke(PROMPT)
    await prm.aclose()
    assert sel.text.endswith("Answer: 42") and sel.scores == (0.1, 0.94)
