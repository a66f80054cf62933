"""The model calls for one prompt: drawing an increment of samples, and the final selection."""

from __future__ import annotations

from collections.abc import Sequence

from polypick.adaptive._prompt import FinalVote, PromptState
from polypick.adaptive.budget import Ledger
from polypick.adaptive.strategies import Strategy
from polypick.core.language import LanguageDetector
from polypick.core.protocol import ChatModel
from polypick.core.retry import RetryPolicy
from polypick.core.types import SamplingParams, Selection, Usage
from polypick.engine.sampler import Sampler
from polypick.engine.selection import detect_languages, finish, run_selector
from polypick.errors import TooFewCandidatesError
from polypick.selectors.answers import AnswerExtractor
from polypick.selectors.base import SelectionContext
from polypick.selectors.reward import RewardSelector

__all__ = ["draw", "select"]


async def draw(
    state: PromptState,
    plan: Sequence[SamplingParams],
    *,
    llm: ChatModel,
    retry: RetryPolicy,
    scorer: RewardSelector | None,
    ledger: Ledger,
) -> None:
    """Sample ``plan`` for ``state``'s prompt, charge ``ledger``, and score the survivors."""
    state.recorder.event("adaptive.sample", start=state.n, n=len(plan))
    sampler = Sampler(llm, state.gateway)
    drawn = await sampler.sample(state.messages, plan)
    errors = [sampler.errors[i] for i in sorted(sampler.errors)]
    added = state.add(drawn, errors)
    ledger.charge(len(added), sum((c.usage for c in added), Usage()))
    ok = [c for c in added if c.ok]
    if scorer is None or not ok:
        return
    first = len(state.survivors) - len(ok)
    context = SelectionContext(state.messages, ok, llm=llm, judge=None, gateway=state.gateway)
    verdict = await scorer.select(context)
    state.scores.update((c.sample, s) for c, s in zip(ok, verdict.scores, strict=True))
    state.selection_failures.extend(
        f.model_copy(update={"candidate": None if f.candidate is None else first + f.candidate})
        for f in context.failures
    )


async def select(
    state: PromptState,
    strategy: Strategy,
    *,
    llm: ChatModel,
    retry: RetryPolicy,
    scored: bool,
    extract: AnswerExtractor,
    detector: LanguageDetector | None = None,
) -> Selection:
    """The prompt's final vote by ``strategy``, recorded as a core Selection (with every
    survivor's language when there is a ``detector``)."""
    survivors = state.survivors
    if not survivors:
        raise TooFewCandidatesError(f"all {state.n} samples from {llm.name} failed", state.errors)
    scores = [state.scores.get(c.sample) for c in survivors] if scored else None
    selector = FinalVote(strategy, scores, extract)
    _, survivors = await detect_languages(detector, "", survivors)
    context = SelectionContext(
        state.messages,
        survivors,
        llm=llm,
        judge=None,
        gateway=state.gateway,
        language=state.language,
    )
    context.failures.extend(state.selection_failures)
    verdict = await run_selector(selector, context)
    return finish(
        context,
        verdict,
        selector=selector,
        llm=llm.name,
        failures=[c for c in state.samples if not c.ok],
        generation=state.generation_usage(),
    )
