"""``BestOfN``: sample N candidates from a model, select one, and record everything.

The flow is one way: sampling plan -> model (through the call's gateway) -> candidates ->
selector -> :class:`Selection`. The async methods are the implementation; ``invoke`` and
``batch`` are the thin sync layer over them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any

from polypick.core.answer_language import expected_language, settle
from polypick.core.call import call_scope
from polypick.core.deadline import deadline_at
from polypick.core.gateway import Gateway
from polypick.core.language import LangidDetector
from polypick.core.protocol import ChatModel
from polypick.core.redact import get_logger
from polypick.core.sampling import plan_task
from polypick.core.sync import run_sync
from polypick.core.trace import Recorder
from polypick.core.types import (
    EarlyStop,
    Message,
    PromptInput,
    SamplingParams,
    Selection,
    TraceEvent,
    prompt_text,
    to_messages,
)
from polypick.engine.components import Components, resolve_components
from polypick.engine.plan import CallPlan
from polypick.engine.pool import call_plan, sample_members
from polypick.engine.selection import detect_languages, finish, run_selector
from polypick.engine.settings import Settings
from polypick.engine.stopping import check_stop, sample_until
from polypick.errors import BatchError, ConfigurationError, TooFewCandidatesError
from polypick.providers import ModelSpec
from polypick.selectors.base import SelectionContext, Selector

__all__ = ["BestOfN"]

logger = get_logger("polypick")

_DEFAULTS = Settings()


class BestOfN:
    """Sample ``n`` answers from ``llm`` and return the one ``selector`` picks.

    Args:
        llm: the model to sample: a spec (``"local"``, ``"openai:gpt-4o-mini"``,
            ``"anthropic:MODEL"``) or a backend object such as ``OpenAIChat(...)``; or a pool
            of models, a list or a :class:`~polypick.Pool`, sampled concurrently (``n`` split
            between them by share).
        n: how many candidates to sample.
        sampling: ``"hedged"`` (one greedy sample plus n-1 stochastic ones), ``"greedy"``,
            ``"reasoning"`` (reasoning efforts in turn), a temperature, a list of temperatures,
            or a plan such as ``Hedged(min_p=0.05)``; left at its default, a model whose
            temperature is fixed (OpenAI's reasoning models) samples with its own plan.
        selector: a name (``"chops"``, ``"judge"``, ``"mbr"``, ``"xmbr"``, ``"tournament"``,
            ``"majority"``, ``"weighted_majority"``, ``"reward"``, ``"deepconf"``,
            ``"self_certainty"``), a selector object, or a reward function
            ``fn(prompt, candidate) -> float``. By default CHOPS when a judge is given, else
            MBR with chrF (no model calls).
        judge: the model that judges, for selectors that need one; defaults to ``llm``.
        settings: a :class:`~polypick.Settings` with any of the above and the rest —
            ``min_candidates``, ``deadline``, ``retry``, ``budget``, ``injection``, ``cache``,
            ``detect_language``, ``selector_options``, ``early_stop`` (adaptive stopping: draw
            in waves until ``"agreement"`` or another rule holds); see its documentation.
        options: any :class:`~polypick.Settings` field by name; it overrides ``settings``,
            as do ``n``, ``sampling``, ``selector`` and ``judge`` when they differ from their
            defaults.

    Raises:
        ConfigurationError: for invalid settings, before any request is sent.
    """

    def __init__(
        self,
        llm: ModelSpec = "local",
        n: int = 5,
        sampling: Any = "hedged",
        selector: Any = None,
        judge: ModelSpec | None = None,
        *,
        settings: Settings | None = None,
        **options: Any,
    ) -> None:
        given = {"n": n, "sampling": sampling, "selector": selector, "judge": judge}
        changed = {k: v for k, v in given.items() if not _is_default(k, v)}
        self.settings = Settings.of(settings, **changed, **options)
        self.parts: Components = resolve_components(llm, self.settings)
        self._plans = tuple(member.plan() for member in self.parts.members)
        if self.settings.early_stop is not None:
            check_stop(self.settings.early_stop, self.parts.members)
        self.plan = tuple(params for plan in self._plans for params in plan)

    def __repr__(self) -> str:
        return (
            f"BestOfN(llm={self.parts.name!r}, n={self.n}, sampling={self.sampling.name!r}, "
            f"selector={self.selector.name!r})"
        )

    # The resolved parts, by the names users know them by.
    @property
    def llm(self) -> ChatModel:
        return self.parts.llm

    @property
    def judge(self) -> ChatModel | None:
        return self.parts.judge

    @property
    def selector(self) -> Selector:
        return self.parts.selector

    @property
    def sampling(self) -> Any:
        return self.parts.sampling

    @property
    def n(self) -> int:
        return self.settings.n

    def plan_calls(self, messages: Sequence[Message], selector: Selector | None = None) -> CallPlan:
        """The cost plan for ``messages`` (the token bound grows with the prompt's length)."""
        return call_plan(self.parts.members, self._plans, messages, selector or self.selector)

    def cost(self, prompt: PromptInput | None = None) -> CallPlan:
        """What one call will spend, before anything is sent: generation requests, selection
        calls and (when reply budgets are known) an upper bound on tokens."""
        messages = () if prompt is None else to_messages(prompt)
        return self.plan_calls(messages).model_copy(
            update={"downgraded_from": self.parts.downgraded_from}
        )

    async def ainvoke(
        self,
        prompt: PromptInput,
        *,
        on_event: Callable[[TraceEvent], None] | None = None,
        context: object = None,
    ) -> Selection:
        """Sample, select and return the :class:`Selection` for one prompt.

        Args:
            prompt: a string, or chat messages.
            on_event: called with each trace event as it happens (progress displays).
            context: handed to every model request of this call (``ModelRequest.context``);
                integrations use it to reach the framework call they serve.
        """
        messages = to_messages(prompt)
        self._check_tokens(messages)
        recorder = Recorder(on_event)
        with call_scope(recorder):
            return await self._run(messages, recorder, context)

    async def _run(
        self, messages: tuple[Message, ...], recorder: Recorder, context: object
    ) -> Selection:
        parts = self.parts
        if parts.downgraded_from is not None:
            recorder.event(
                "budget.downgrade", replaced=parts.downgraded_from, by=self.selector.name
            )
        detector = parts.detector
        # The prompt's language is always recorded. It is detected before sampling only when a
        # plan depends on it or the detector must load first (about a second, which must not eat
        # the deadline); otherwise with the candidates, in one batch.
        early = detector is not None and (
            not (isinstance(detector, LangidDetector) and detector.loaded)
            or any(member.uses_language for member in parts.members)
        )
        language: str | None = None
        if early:
            language, _ = await detect_languages(detector, prompt_text(messages), [])
        # after detection: the detector's one-time load (about a second) must not eat the deadline
        gateway = Gateway(recorder, self.settings.retry, deadline_at(self.settings.deadline))
        members = parts.members
        recorder.event(
            "sampling.start",
            llm=parts.name,
            n=self.n,
            plan=", ".join(m.sampling.name for m in members),
            language=language,
        )
        report: EarlyStop | None = None
        if self.settings.early_stop is None:
            samples, sample_errors = await sample_members(
                members, self._plans_for(language), gateway, messages, context
            )
        else:
            samples, sample_errors, report = await sample_until(
                self.settings.early_stop,
                members[0],
                gateway,
                messages,
                self._plans_for(language)[0],
                context=context,
                planned_requests=self.plan_calls(messages).generation_requests,
            )
        survivors = [c for c in samples if c.ok]
        failures = [c for c in samples if not c.ok]
        if len(survivors) < self.settings.min_candidates:
            errors = [sample_errors[c.sample] for c in failures]
            raise TooFewCandidatesError(
                f"{len(survivors)} of {self.n} samples from {parts.name} succeeded; at least "
                f"{self.settings.min_candidates} needed{_common_cause(errors)}",
                errors,
            )
        fidelity = detector is not None and (parts.detect_always or self.selector.language_fidelity)
        if detector is not None and (fidelity or not early):
            found, tagged = await detect_languages(
                detector, "" if early else prompt_text(messages), survivors if fidelity else []
            )
            language = language if early else found
            survivors = tagged if fidelity else survivors
        answer = expected_language(
            prompt_text(messages),
            language,
            explicit=self.settings.answer_language,
            task=plan_task(self.sampling),
        )
        if fidelity:
            answer = settle(answer, language, [c.language for c in survivors])
        if answer.source is not None:
            recorder.event("language.answer", language=answer.code, source=answer.source)
        selection_context = SelectionContext(
            messages,
            survivors,
            llm=self.llm,
            judge=self.judge,
            gateway=gateway,
            language=answer.code,
            context=context,
            prompt_language=language,
            language_source=answer.source or "prompt",
            detector=detector,
        )
        screening = parts.injection if parts.screen(self.selector) else None
        verdict = await run_selector(self.selector, selection_context, screening)
        gateway.record_savings()
        selection = finish(
            selection_context, verdict, selector=self.selector, llm=parts.name, failures=failures
        )
        return selection if report is None else selection.model_copy(update={"early_stop": report})

    def _check_tokens(self, messages: Sequence[Message]) -> None:
        budget = self.settings.budget
        if budget is None or budget.max_tokens_total is None:
            return
        bound = self.plan_calls(messages).max_tokens_total
        cap = budget.max_tokens_total
        if bound is None:
            raise ConfigurationError(
                f"max_tokens_total={cap} cannot be checked: the replies have no length limit; "
                "set max_tokens in the sampling plan, e.g. Temperature(max_tokens=512)"
            )
        if bound > cap:
            raise ConfigurationError(
                f"this prompt may need up to {bound} tokens, over max_tokens_total={cap}; "
                "lower n or max_tokens, or raise the budget"
            )

    def _plans_for(self, language: str | None) -> tuple[tuple[SamplingParams, ...], ...]:
        """Each member's plan for a prompt in ``language`` (a language profile may pick
        temperatures a provider rejects: those plans are checked again)."""
        if language is None:
            return self._plans
        return tuple(
            member.plan(language) if member.uses_language else plan
            for member, plan in zip(self.parts.members, self._plans, strict=True)
        )

    async def abatch(
        self, prompts: Sequence[PromptInput], *, max_concurrency: int = 8
    ) -> list[Selection]:
        """Run :meth:`ainvoke` over many prompts, at most ``max_concurrency`` at a time.

        Raises:
            BatchError: if any prompt failed; it carries every failure and, in ``results``,
                every selection that succeeded, in prompt order (``None`` for the failures).
        """
        if isinstance(max_concurrency, bool) or not isinstance(max_concurrency, int):
            raise ConfigurationError(
                f"max_concurrency must be a whole number, got {max_concurrency!r}"
            )
        if max_concurrency < 1:
            raise ConfigurationError("max_concurrency must be >= 1")
        outcomes: list[Selection | BaseException | None] = [None] * len(prompts)
        queue = iter(enumerate(prompts))

        async def worker() -> None:
            # a fixed pool of workers rather than one task per prompt: no scheduling of
            # thousands of waiting tasks
            for index, prompt in queue:
                try:
                    outcomes[index] = await self.ainvoke(prompt)
                except Exception as exc:
                    outcomes[index] = exc

        await asyncio.gather(*(worker() for _ in range(min(max_concurrency, len(prompts)))))
        errors = [o for o in outcomes if isinstance(o, Exception)]
        if not errors:
            return [o for o in outcomes if isinstance(o, Selection)]
        results = [o if isinstance(o, Selection) else None for o in outcomes]
        raise BatchError(f"{len(errors)} of {len(outcomes)} prompts failed", errors, results)

    def invoke(
        self,
        prompt: PromptInput,
        *,
        on_event: Callable[[TraceEvent], None] | None = None,
        context: object = None,
    ) -> Selection:
        """Sync :meth:`ainvoke`."""
        return run_sync(self.ainvoke(prompt, on_event=on_event, context=context))

    def batch(self, prompts: Sequence[PromptInput], *, max_concurrency: int = 8) -> list[Selection]:
        """Sync :meth:`abatch`."""
        return run_sync(self.abatch(prompts, max_concurrency=max_concurrency))

    async def aclose(self) -> None:
        """Close the connections this object's models hold for the running event loop."""
        await self.parts.aclose()

    def close(self) -> None:
        """Close the connections used by the sync methods."""
        run_sync(self.aclose())

    async def __aenter__(self) -> BestOfN:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __enter__(self) -> BestOfN:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # LangChain's Runnable protocol would call these: say which class to use instead.
    def __or__(self, other: object) -> Any:
        raise ConfigurationError(_NOT_A_RUNNABLE)

    def __ror__(self, other: object) -> Any:
        raise ConfigurationError(_NOT_A_RUNNABLE)

    def __call__(self, *args: object, **kwargs: object) -> Any:
        # `prompt | polypick.BestOfN(...)`: LangChain wraps a callable in a RunnableLambda and
        # calls it with the chain's input.
        raise ConfigurationError(_NOT_A_RUNNABLE)


_NOT_A_RUNNABLE = (
    "polypick.BestOfN is the framework-free core and cannot go in a LangChain chain; use "
    "polypick.integrations.langchain.BestOfN (a LangChain chat model) for chains and agents, or "
    "polypick.integrations.llama_index.BestOfN for LlamaIndex"
)


def _is_default(name: str, value: Any) -> bool:
    default = Settings.model_fields[name].default
    return value is default or (type(value) is type(default) and value == default)


def _common_cause(errors: Sequence[BaseException]) -> str:
    """``'; every sample failed with: ...'`` when the failures share one cause (a connection
    refused, a bad key), which is then the thing to fix."""
    if not errors:
        return ""
    first = f"{type(errors[0]).__name__}: {errors[0]}"
    if all(f"{type(e).__name__}: {e}" == first for e in errors):
        return f"; every failed sample failed with {first}"
    return f"; the first failure: {first}"
