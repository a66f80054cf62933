"""The compute-optimal controller at run time, and the dev set it is fitted on.

:class:`ComputeOptimalSearch` answers a prompt within a budget of ``B`` answers' worth: it draws
the fitted policy's probe (whole answers, scored), measures the prompt's difficulty from them,
picks the strategy its bin was best served by at that budget (:mod:`polypick.search.controller`)
and spends the rest of the budget on it; the final vote also counts the probe's answers. The
trace's ``search.controller`` event says what it measured and chose.

:func:`collect_dev_set` runs exactly that procedure for every strategy of a menu and every
budget on labelled prompts — real model outputs, scored by the real verifier — and records
whether each got the right answer: the dev set :func:`~polypick.search.controller.fit_controller`
fits and cross-validates the choice on.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from polypick.core.trace import Recorder
from polypick.core.types import Message, to_messages
from polypick.errors import ConfigurationError
from polypick.providers import ModelSpec
from polypick.search._run import SearchRun, Solution, check_whole
from polypick.search.base import SearchCost, SearchSettings, SearchStrategy
from polypick.search.beam import BeamSearch
from polypick.search.bestofn import VerifiedBestOfN
from polypick.search.controller import (
    BEST_OF_N,
    ControllerPolicy,
    DevPrompt,
    Difficulty,
    StrategyChoice,
)
from polypick.search.lookahead import Lookahead
from polypick.search.revision import SequentialRevision
from polypick.search.steps import choose, join_steps
from polypick.search.verifiers import Verifier

__all__ = ["ComputeOptimalSearch", "build_choice", "collect_dev_set", "difficulty_of"]


def build_choice(
    choice: StrategyChoice,
    llm: ModelSpec,
    verifier: Verifier,
    budget: int,
    probe: int,
    *,
    settings: SearchSettings,
    max_rounds: int = 40,
) -> SearchStrategy | None:
    """The search ``choice`` runs after the probe within ``budget``; ``None`` when the budget
    leaves it nothing to do (best-of-N with the probe alone) or too little."""
    knobs = choice.shape(budget, probe)
    if knobs is None or knobs.get("n") == 0:
        return None
    if choice.kind == "best_of_n":
        return VerifiedBestOfN(llm, verifier, knobs["n"], settings=settings)
    if choice.kind == "beam":
        return BeamSearch(
            llm, verifier, knobs["n"], knobs["width"], max_rounds=max_rounds, settings=settings
        )
    if choice.kind == "lookahead":
        return Lookahead(
            llm,
            verifier,
            knobs["n"],
            knobs["width"],
            k=choice.k,
            max_rounds=max_rounds,
            settings=settings,
        )
    return SequentialRevision(
        llm, verifier, chains=knobs["chains"], length=knobs["length"], settings=settings
    )


def difficulty_of(
    probe: Sequence[Solution],
    difficulty: Difficulty,
    extract: Callable[[str], str | None],
    delimiter: str,
) -> float:
    """A prompt's difficulty statistic from its probe (higher: easier)."""
    if difficulty == "verifier":
        scores = [s.score for s in probe if s.score is not None]
        return sum(scores) / len(scores) if scores else 0.0
    if difficulty == "agreement":
        answers = [extract(join_steps(s.steps, delimiter)) for s in probe]
        counts = Counter(a for a in answers if a is not None)
        return max(counts.values()) / len(probe) if counts and probe else 0.0
    raise ConfigurationError(
        "the oracle difficulty needs the right answers, which a prompt in use does not have; "
        "fit the controller with difficulty='verifier' or 'agreement' to use it"
    )


async def _after_probe(
    run: SearchRun, probe: Sequence[Solution], strategy: SearchStrategy | None
) -> list[Solution]:
    """The probe's solutions and those of ``strategy`` run in ``run``, with ``run.chooser`` set
    to the strategy's own final rule (revisions: within chains, then across; the probe's answers
    are chains of one)."""
    found = [] if strategy is None else await strategy._search(run)
    if isinstance(strategy, SequentialRevision):
        run.chooser = strategy.choose_index
        probe = [dataclasses.replace(s, group=-1 - i) for i, s in enumerate(probe)]
    return [*probe, *found]


class ComputeOptimalSearch(SearchStrategy):
    """Search with the strategy a fitted controller picks for the prompt's difficulty.

    Args:
        llm: the model (a continuing one when the menu holds beam search or lookahead).
        verifier: the verifier the policy was fitted with.
        policy: a fitted :class:`~polypick.search.controller.ControllerPolicy`, or its JSON
            file; its difficulty must be ``verifier`` or ``agreement``.
        budget: answers' worth of generation per prompt, the probe included.
        max_rounds: the most steps of a tree search.
        settings: as for every strategy.
    """

    name = "compute_optimal"
    needs_continuation = False

    def __init__(
        self,
        llm: ModelSpec,
        verifier: Verifier,
        policy: ControllerPolicy | str | Path,
        budget: int,
        *,
        max_rounds: int = 40,
        settings: SearchSettings | None = None,
    ) -> None:
        super().__init__(llm, verifier, settings=settings)
        self.policy = (
            policy if isinstance(policy, ControllerPolicy) else ControllerPolicy.load(policy)
        )
        if self.policy.difficulty == "oracle":
            difficulty_of([], "oracle", self.settings.extract, self.delimiter)  # raises
        self.budget = check_whole("budget", budget, self.policy.probe + 1)
        self.max_rounds = check_whole("max_rounds", max_rounds, 1)
        self.strategies = {
            choice.name: build_choice(
                choice,
                self.llm,
                verifier,
                self.budget,
                self.policy.probe,
                settings=self.settings,
                max_rounds=self.max_rounds,
            )
            for choice in self.policy.menu
        }  # built now: a model that cannot continue fails here, before any call
        self.probe = VerifiedBestOfN(self.llm, verifier, self.policy.probe, settings=self.settings)

    def cost(self) -> SearchCost:
        most = [s.cost() for s in self.strategies.values() if s is not None]
        generations = max((c.generations for c in most), default=0)
        calls = max((c.verifier_calls for c in most), default=0)
        return SearchCost(self.policy.probe + generations, self.policy.probe + calls)

    async def _search(self, run: SearchRun) -> list[Solution]:
        probe = await self.probe._search(run)
        if not probe:
            return []
        value = difficulty_of(probe, self.policy.difficulty, self.settings.extract, self.delimiter)
        choice = self.policy.choose(value, self.budget)
        run.recorder.event(
            "search.controller",
            difficulty=self.policy.difficulty,
            value=value,
            bin=self.policy.bin_of(value),
            budget=self.budget,
            choice=choice.name,
        )
        return await _after_probe(run, probe, self.strategies[choice.name])


async def collect_dev_set(
    prompts: Sequence[str | Sequence[Message]],
    truths: Sequence[str],
    llm: ModelSpec,
    verifier: Verifier,
    *,
    menu: Sequence[StrategyChoice],
    budgets: Sequence[int],
    probe: int,
    settings: SearchSettings | None = None,
    max_rounds: int = 40,
    best_of_n_budgets: Sequence[int] = (),
    on_prompt: Callable[[int, DevPrompt], None] | None = None,
) -> list[DevPrompt]:
    """Run every strategy of ``menu`` at every budget on each labelled prompt (real calls) and
    record whether its answer was right: a dev set for
    :func:`~polypick.search.controller.fit_controller`.

    Best-of-N is drawn once at the largest budget: its first ``probe`` answers are the probe
    every other strategy starts from, and best-of-N at a smaller budget is the vote over its
    first answers (``best_of_n_budgets`` adds budgets for best-of-N alone, to compare the
    controller with larger best-of-N budgets). ``truths`` are compared with
    ``settings.extract`` of each chosen answer; ``on_prompt`` is called after each prompt.
    """
    if len(prompts) != len(truths):
        raise ConfigurationError("give one right answer per prompt")
    if BEST_OF_N not in menu:
        raise ConfigurationError("the menu must hold BEST_OF_N")
    settings = settings or SearchSettings()
    budgets = sorted(set(budgets))
    if not budgets or budgets[0] <= probe:
        raise ConfigurationError(f"every budget must exceed the probe ({probe})")
    baseline = sorted({*budgets, *best_of_n_budgets})
    sampler = VerifiedBestOfN(llm, verifier, baseline[-1], settings=settings)
    dev = []
    for index, (prompt, truth) in enumerate(zip(prompts, truths, strict=True)):
        messages = to_messages(prompt)
        drawn = await sampler._search(sampler.open_run(messages, Recorder()))
        answers = [settings.extract(join_steps(s.steps, sampler.delimiter)) for s in drawn]
        outcomes: dict[str, dict[int, bool]] = {BEST_OF_N.name: {}}
        for budget in baseline:
            if drawn[:budget]:
                scores = [s.score for s in drawn[:budget]]
                chosen = choose(answers[:budget], scores, settings.vote)
                outcomes[BEST_OF_N.name][budget] = answers[chosen] == truth
        head = drawn[:probe]
        for choice in menu:
            for budget in budgets if head and choice != BEST_OF_N else ():
                strategy = build_choice(
                    choice, llm, verifier, budget, probe, settings=settings, max_rounds=max_rounds
                )
                if strategy is not None:
                    right = await _right(strategy, messages, head, truth)
                    outcomes.setdefault(choice.name, {})[budget] = right
        item = DevPrompt(
            prompt=messages[-1].content,
            oracle=sum(a == truth for a in answers) / len(answers) if answers else 0.0,
            verifier=difficulty_of(head, "verifier", settings.extract, sampler.delimiter),
            agreement=difficulty_of(head, "agreement", settings.extract, sampler.delimiter),
            outcomes=outcomes,
        )
        dev.append(item)
        if on_prompt is not None:
            on_prompt(index, item)
    return dev


async def _right(
    strategy: SearchStrategy, messages: Sequence[Message], head: Sequence[Solution], truth: str
) -> bool:
    """Whether ``strategy``, run after the probe ``head`` as the controller runs it, answers
    ``truth``."""
    run = strategy.open_run(messages, Recorder())
    found = await _after_probe(run, head, strategy)
    texts = [join_steps(s.steps, strategy.delimiter) for s in found]
    extract = strategy.settings.extract
    picked = run.chooser(found) if run.chooser is not None else None
    if picked is None:
        picked = choose(
            [extract(t) for t in texts], [s.score for s in found], strategy.settings.vote
        )
    return extract(texts[picked]) == truth
