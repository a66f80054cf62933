"""Search against a verifier, and sequential revision (Snell et al., 2024, arXiv 2408.03314).

Strategies — each returns the core :class:`~polypick.Selection`:

- :class:`VerifiedBestOfN`: ``n`` answers, verifier-weighted vote or best score;
- :class:`BeamSearch`, :class:`Lookahead`, :class:`DVTS`: step-wise tree search (needs a model
  that can continue a partial answer, see :mod:`polypick.search.continuation`);
- :class:`SequentialRevision`: chains of self-revisions chosen hierarchically;
- :class:`ComputeOptimalSearch`: the strategy a fitted controller picks for the prompt's
  difficulty (:func:`fit_controller` on a dev set from :func:`collect_dev_set`).

Every strategy detects the prompt's and the solutions' languages as ``BestOfN`` does and takes
a ``deadline`` (``SearchSettings``). :class:`StepSimulator` is a step-level model and process
verifier whose truth is known, for tests and benchmarks.

Verifiers: any ``fn(prompt, answer) -> float`` (sync or async, e.g. a ``RewardEndpoint`` or
unit tests), a :class:`ProcessVerifier` around ``fn(prompt, steps) -> list[float]``, an
:class:`LLMStepJudge`, or a process reward model served over HTTP
(:class:`~polypick.providers.ProcessRewardEndpoint`). See ``docs/search.md``.
"""

from polypick.search._run import Solution
from polypick.search.base import SearchCost, SearchSettings, SearchStrategy
from polypick.search.beam import BeamSearch, TreeSearch
from polypick.search.bestofn import VerifiedBestOfN
from polypick.search.compute_optimal import ComputeOptimalSearch, collect_dev_set
from polypick.search.continuation import Step, continue_answer, continuer_for
from polypick.search.controller import (
    BEST_OF_N,
    ControllerPolicy,
    DevPrompt,
    StrategyChoice,
    budget_to_reach,
    fit_controller,
)
from polypick.search.dvts import DVTS
from polypick.search.judge import LLMStepJudge
from polypick.search.lookahead import Lookahead
from polypick.search.revision import SequentialRevision
from polypick.search.simulate import StepSimulator
from polypick.search.stepper import FunctionStepper
from polypick.search.steps import (
    DOUBLE_NEWLINE,
    PAPER_DELIMITER,
    Aggregate,
    Vote,
    aggregate,
    choose,
    split_budget,
    split_steps,
)
from polypick.search.verifiers import (
    OutcomeVerifier,
    ProcessFunction,
    ProcessVerifier,
    Scored,
    Verifier,
    VerifierReplyError,
    measure,
)

__all__ = [
    "BEST_OF_N",
    "DOUBLE_NEWLINE",
    "DVTS",
    "PAPER_DELIMITER",
    "ComputeOptimalSearch",
    "ControllerPolicy",
    "DevPrompt",
    "StrategyChoice",
    "budget_to_reach",
    "collect_dev_set",
    "fit_controller",
    "Aggregate",
    "BeamSearch",
    "FunctionStepper",
    "LLMStepJudge",
    "Lookahead",
    "OutcomeVerifier",
    "ProcessFunction",
    "ProcessVerifier",
    "Scored",
    "SearchCost",
    "SearchSettings",
    "SearchStrategy",
    "SequentialRevision",
    "Solution",
    "Step",
    "StepSimulator",
    "TreeSearch",
    "VerifiedBestOfN",
    "Verifier",
    "VerifierReplyError",
    "Vote",
    "aggregate",
    "choose",
    "continue_answer",
    "continuer_for",
    "measure",
    "split_budget",
    "split_steps",
]
