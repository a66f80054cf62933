"""Whole datasets through each batch API, via the official SDKs against the fake endpoints:
sampling and every judging round as batches, then selection."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import pytest
from batch_helpers import FAST, PROMPTS, Oracle, anthropic_model, openai_model, quality

from polypick.batch import BatchProgress, arun_batch, run_batch
from polypick.core.types import Message, SamplingParams, Selection
from polypick.selectors import ChopsSelector, TournamentSelector
from polypick.selectors.base import SelectionContext, Selector, Verdict
from polypick.testing.servers import FakeAnthropicBatchServer, FakeOpenAIBatchServer

SELECTORS = {
    "chops": lambda: ChopsSelector(seed=1),
    "tournament": lambda: TournamentSelector("knockout", seed=1),
}


def _model(kind: str, request: pytest.FixtureRequest) -> Any:
    server = request.getfixturevalue(f"{kind}_server")
    return server, openai_model(server) if kind == "openai" else anthropic_model(server)


@pytest.mark.parametrize("kind", ["openai", "anthropic"])
@pytest.mark.parametrize("selector", sorted(SELECTORS))
async def test_a_dataset_runs_through_the_batch_api(
    kind: str, selector: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    server, model = _model(kind, request)
    events: list[BatchProgress] = []
    sels = await arun_batch(
        PROMPTS, llm=model, n=4, sampling=0.7, selector=SELECTORS[selector](),
        store=tmp_path / "job.sqlite", on_progress=events.append, **FAST,
    )  # fmt: skip
    assert [s.candidates[0].text.split(" #")[0] for s in sels] == [p[:16] for p in PROMPTS]
    for sel in sels:
        assert len(sel.candidates) == 4 and sel.failures == () and sel.selection_failures == ()
        # the judge saw the candidates and picked the best one, as a direct call would
        assert quality(sel.text) == max(quality(c.text) for c in sel.candidates)
        assert sel.selector == selector and sel.llm == model.name
        assert sel.usage.selection.requests > 0 and sel.usage.selection.prompt_tokens > 0
    # one batch per round, all prompts together: sampling, then the judging rounds
    rounds = {"chops": 2, "tournament": 2}[selector]  # checklist + pick; or 2 knockout rounds
    assert len(server.batches) == 1 + rounds
    assert len(server.submitted_ids) == len(set(server.submitted_ids))
    per_prompt_samples = 1 if kind == "openai" else 4  # OpenAI takes n=4 in one request
    assert len(server.batches[0].items) == len(PROMPTS) * per_prompt_samples
    submitted = [e for e in events if e.event == "submitted"]
    assert [e.batch_id for e in submitted] == [b.id for b in server.batches]
    assert events[-1].event == "ended" and events[-1].status in ("completed", "ended")
    if kind == "openai":
        assert server.uploads == len(server.batches)


async def test_the_sampler_and_the_judge_can_be_different_providers(
    openai_server: FakeOpenAIBatchServer,
    anthropic_server: FakeAnthropicBatchServer,
    tmp_path: Path,
) -> None:
    sels = await arun_batch(
        PROMPTS[:2], llm=openai_model(openai_server), judge=anthropic_model(anthropic_server),
        n=3, sampling=0.7, selector=ChopsSelector(seed=2), store=tmp_path / "job.sqlite", **FAST,
    )  # fmt: skip
    assert len(openai_server.batches) == 1  # sampling only
    assert len(anthropic_server.batches) == 2  # the checklist round, then the pick
    for sel in sels:
        assert quality(sel.text) == max(quality(c.text) for c in sel.candidates)


def test_the_sync_entry_point(tmp_path: Path) -> None:
    with FakeOpenAIBatchServer(responder=Oracle(), step_s=0.01) as server:
        sels = run_batch(
            PROMPTS[:2], llm=openai_model(server), n=3, sampling="hedged", selector="majority",
            store=str(tmp_path / "job.sqlite"), **FAST,
        )  # fmt: skip
    assert all(isinstance(s, Selection) for s in sels)
    assert [c.greedy for c in sels[0].candidates] == [True, False, False]
    assert len(server.batches) == 1  # majority needs no judge: one sampling round


async def test_a_finished_job_rerun_sends_nothing_and_answers_alike(
    openai_server: FakeOpenAIBatchServer, tmp_path: Path
) -> None:
    settings: dict[str, Any] = dict(
        llm=openai_model(openai_server), n=3, sampling=0.7, selector=ChopsSelector(seed=3),
        store=tmp_path / "job.sqlite", **FAST,
    )  # fmt: skip
    first = await arun_batch(PROMPTS, **settings)
    created = len(openai_server.batches)
    again = await arun_batch(PROMPTS, **settings)
    assert len(openai_server.batches) == created
    assert [s.text for s in again] == [s.text for s in first]
    assert [s.scores for s in again] == [s.scores for s in first]


class SlowRater(Selector):
    """A home-made selector: off-loop work of uneven length, then one judge call per candidate."""

    name = "slow_rater"
    needs_judge = True

    async def select(self, context: SelectionContext) -> Verdict:
        pause = 0.02 * len(context.prompt[-1].content) / 5  # prompts finish thinking apart
        await asyncio.to_thread(time.sleep, pause)
        assert context.judge is not None
        replies = await asyncio.gather(
            *(
                context.ask(
                    context.judge,
                    [Message(role="user", content=f"Rate: {c.text}")],
                    SamplingParams(temperature=0.0),
                    label="rate",
                    candidate=i,
                )
                for i, c in enumerate(context.candidates)
            )
        )
        scores = tuple(None if r is None else float(quality(r.text)) for r in replies)
        best = max(range(len(scores)), key=lambda i: scores[i] or -1.0)
        return Verdict(index=best, scores=scores)


async def test_any_selector_runs_and_each_round_waits_for_every_prompt(
    openai_server: FakeOpenAIBatchServer, tmp_path: Path
) -> None:
    sels = await arun_batch(
        PROMPTS, llm=openai_model(openai_server), n=3, sampling=0.7, selector=SlowRater(),
        store=tmp_path / "job.sqlite", **FAST,
    )  # fmt: skip
    sampling, rating = openai_server.batches
    assert len(rating.items) == 3 * len(PROMPTS)  # nobody's ratings went out without the others
    assert all(c.startswith(("p0-judge", "p1-judge", "p2-judge")) for c in rating.custom_ids)
    for sel in sels:
        assert sel.selector == "slow_rater" and sel.usage.selection.requests == 3
        assert all(score is not None for score in sel.scores)
