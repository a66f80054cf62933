"""Soak: thousands of concurrent best-of-N calls against fault-injecting fake servers.

It starts the fake OpenAI server (or the fake Anthropic one, ``--provider anthropic``; the judge
may sit on the other, ``--judge-provider``), makes a fraction of all requests misbehave — 500,
502, 503, 429 with and without ``Retry-After`` / ``retry-after-ms``, a ``Retry-After`` longer than
any deadline, dropped connections, malformed and truncated bodies, answers slower than the request
timeout, empty content, the wrong number of choices, cut-short answers and refusals — and runs
``--calls`` calls of one shared ``BestOfN``, ``--concurrency`` at a time, each with a deadline.
Judge calls meet the same faults as sampling calls.

For every call it checks what polypick promises:

- the call returned a :class:`~polypick.Selection` or raised a documented polypick error (here
  ``TooFewCandidatesError``); anything else counts as unhandled;
- the selection is sound: the chosen candidate is one of the survivors, every failed sample is
  listed with its error, survivors and failures make up the N samples, every recorded error is a
  polypick error (never a raw SDK one);
- the selection is right: the fake server's answers carry a hidden quality and a final answer,
  and its fake judge rates by that quality, so the selector's choice can be checked (the best
  rated, the best voted, the majority answer, or the documented fallback when the judge failed);
- no request was attempted more often than the retry policy allows, both as recorded in the
  results and as counted at the backend; and the servers received no request polypick did not
  attempt (no hidden retries, which a second retry layer such as an SDK's own would add);
- the call ended by its deadline, allowing for the event loop's measured lateness;

and, after the run and ``aclose()``, that no asyncio task and no socket was left behind.

    .venv/bin/python benchmarks/soak.py [--calls 2000] [--concurrency 64] [--fault-rate 0.2]
        [--n 4] [--selector judge|chops|majority] [--provider openai|anthropic] [--seed 0]

It exits with status 1 if any check failed. ``run_soak`` is what tests/test_soak.py runs, smaller.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import itertools
import json
import logging
import os
import random
import re
import statistics
import sys
import time
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import polypick.errors
from polypick import (
    BestOfN,
    ChatModel,
    Completion,
    Hedged,
    RetryPolicy,
    Selection,
)
from polypick.core.protocol import ModelRequest
from polypick.core.wrapper import ChatModelWrapper
from polypick.errors import DeadlineExceededError, PolypickError, TooFewCandidatesError
from polypick.providers import AnthropicChat, OpenAIChat
from polypick.selectors.answers import extract_answer
from polypick.selectors.base import fallback_index
from polypick.selectors.chops_prompts import CHECKLIST_SYSTEM, SELECT_SYSTEM
from polypick.selectors.judge import SYSTEM as JUDGE_SYSTEM
from polypick.testing.servers import FakeAnthropicServer, FakeOpenAIServer, Fault

SELECTORS = ("judge", "chops", "majority")
PROVIDERS = ("openai", "anthropic")
POLYPICK_ERRORS = frozenset(
    name
    for name, value in vars(polypick.errors).items()
    if isinstance(value, type) and issubclass(value, PolypickError)
)
"""Names of every polypick error class: the only error types a result may record."""
DOCUMENTED = (TooFewCandidatesError,)
"""What a call may raise under faults (with min_candidates=1, when every sample failed)."""
DEADLINE_SLACK_S = 0.25
"""How far past its deadline a call may end on an idle loop (see ``SoakReport.overrun_limit_s``)."""
LOOP_TURNS = 4
"""Turns of the event loop that ending a call at its deadline takes: the timer fires, and the
cancellation travels down to every request and back up. On a busy loop each turn is late."""


def fault_kinds(provider: str, timeout: float) -> list[Fault]:
    """The faults injected, each equally likely once a request is picked to misbehave."""
    kinds = [
        Fault.status(500),
        Fault.status(502),
        Fault.status(503),
        Fault.status(429),
        Fault.status(429, retry_after=0.2),
        Fault.status(429, retry_after_ms=150),
        Fault.status(503, retry_after=60),  # longer than any deadline: that sample ends at once
        Fault.reset(),
        Fault.malformed_json(),
        Fault.truncated(),
        Fault.delay(timeout * 4),  # beyond the request timeout
        Fault.empty_content(),
        Fault.length(),
        Fault.refusal(),
    ]
    if provider == "openai":
        kinds.append(Fault.wrong_choices(1))
    else:
        kinds.append(Fault.status(529))  # Anthropic's "overloaded"
    return kinds


# ---------------------------------------------------------------------------------------------
# The fake servers' answers, and what each selector should therefore choose.

_QUALITY = re.compile(r"\(q=(\d+)\)")
_ANSWER_BLOCK = re.compile(r"<answer>\n(.*?)\n</answer>", re.DOTALL)
_CANDIDATE_BLOCK = re.compile(r'<candidate id="([^"]+)">\n(.*?)\n</candidate>', re.DOTALL)


def quality(text: str) -> int:
    """The hidden quality of an answer (1 when it was cut before the mark)."""
    match = _QUALITY.search(text)
    return int(match.group(1)) if match else 1


def _messages(body: dict[str, Any]) -> tuple[str, str]:
    """The system prompt and first user message of an OpenAI or Anthropic request body."""
    system = body.get("system") if isinstance(body.get("system"), str) else ""
    user = ""
    for message in body.get("messages") or []:
        content = message.get("content")
        if isinstance(content, list):  # Anthropic blocks
            content = " ".join(str(b.get("text", "")) for b in content if isinstance(b, dict))
        if message.get("role") == "system" and not system:
            system = str(content)
        elif message.get("role") == "user" and not user:
            user = str(content)
    return str(system), user


class Oracle:
    """Answers every request the fake servers receive.

    Sampling requests get ``Draft K (q=Q): the answer is A.`` with a hidden quality Q and a final
    answer A (42 most often). The judge rates an answer by its quality; CHOPS's judge names the
    candidate of highest quality; checklists are fixed.
    """

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)
        self._drafts = itertools.count()

    def __call__(self, body: dict[str, Any], index: int) -> str:
        system, user = _messages(body)
        if system == JUDGE_SYSTEM:
            answer = _ANSWER_BLOCK.search(user)
            score = quality(answer.group(1)) if answer else 1
            return json.dumps({"reasoning": "rated by hidden quality", "score": score})
        if system == CHECKLIST_SYSTEM:
            return json.dumps({"checklist": ["The answer is correct", "The answer is clear"]})
        if system == SELECT_SYSTEM:
            shown = _CANDIDATE_BLOCK.findall(user)
            best = max(shown, key=lambda item: quality(item[1]))[0] if shown else "1"
            return json.dumps({"reasoning": "highest hidden quality", "best": best})
        q = self._rng.randint(1, 10)
        answer = self._rng.choice((42, 42, 42, 41, 43))
        return f"Draft {next(self._drafts)} (q={q}): the answer is {answer}."


def selection_problems(sel: Selection, *, n: int, max_attempts: int, selector: str) -> list[str]:
    """Everything wrong with ``sel``; empty when it is sound and the selector chose right."""
    problems: list[str] = []
    candidates, failures = sel.candidates, sel.failures
    if not 0 <= sel.index < len(candidates):
        return [f"index {sel.index} outside {len(candidates)} candidates"]
    if sel.text != candidates[sel.index].text:
        problems.append("text is not the chosen candidate's")
    if len(sel.scores) != len(candidates):
        problems.append(f"{len(sel.scores)} scores for {len(candidates)} candidates")
    if any(not c.ok for c in candidates):
        problems.append("a failed sample among the candidates")
    if any(f.error is None for f in failures):
        problems.append("a failure without its error")
    if len(candidates) + len(failures) != n:
        problems.append(f"{len(candidates)} candidates + {len(failures)} failures != n={n}")
    if sorted(c.sample for c in (*candidates, *failures)) != list(range(n)):
        problems.append("samples missing or repeated")
    errors = [f.error for f in failures if f.error] + [f.error for f in sel.selection_failures]
    raw = sorted({e.type for e in errors} - POLYPICK_ERRORS)
    if raw:
        problems.append(f"non-polypick errors recorded: {raw}")
    attempts = [c.attempts for c in (*candidates, *failures)] + [e.attempts for e in errors]
    if max(attempts, default=0) > max_attempts:
        problems.append(f"{max(attempts)} attempts > {max_attempts}")
    return problems + _choice_problems(sel, selector)


def _choice_problems(sel: Selection, selector: str) -> list[str]:
    """Whether the selector chose what the oracle says it should have."""
    candidates, scores = sel.candidates, sel.scores
    if len(candidates) == 1:
        return []  # nothing to choose
    rated = [s for s in scores if s is not None]
    if not rated:  # the judge gave nothing usable: the documented fallback
        expected = fallback_index(candidates)
        return [] if sel.index == expected else [f"fallback chose {sel.index}, not {expected}"]
    if selector == "judge":
        wrong = [
            i for i, s in enumerate(scores) if s is not None and s != quality(candidates[i].text)
        ]
        if wrong:
            return [f"judge scores of candidates {wrong} do not match the ratings given"]
        if scores[sel.index] != max(rated):
            return [f"chose a candidate scored {scores[sel.index]}, best was {max(rated)}"]
    elif selector == "chops":
        best = max(quality(c.text) for c in candidates)
        if quality(sel.text) != best:
            return [f"chose quality {quality(sel.text)}, best was {best}"]
    elif selector == "majority":
        answers = Counter(extract_answer(c.text) for c in candidates)
        answers.pop(None, None)
        if answers[extract_answer(sel.text)] != max(answers.values()):
            return [f"chose answer {extract_answer(sel.text)!r}, votes were {dict(answers)}"]
    return []


# ---------------------------------------------------------------------------------------------
# The run.


@dataclass(frozen=True)
class SoakConfig:
    calls: int = 2000
    concurrency: int = 64
    fault_rate: float = 0.2
    n: int = 4
    selector: str = "judge"
    provider: str = "openai"
    judge_provider: str | None = None
    """Where the judge runs; ``None``: the sampling model judges itself."""
    deadline: float = 5.0
    timeout: float = 0.5
    max_retries: int = 2
    latency: float = 0.02
    max_in_flight: int | None = None
    """The providers' ``max_concurrency``; ``None``: their default (16)."""
    seed: int = 0

    @property
    def max_attempts(self) -> int:
        return self.max_retries + 1


@dataclass
class CallRecord:
    """What one call did."""

    wall_s: float
    outcome: str
    """``selected``, the class name of a documented error, or ``unhandled``."""
    detail: str = ""
    problems: list[str] = field(default_factory=list)
    max_attempts: int = 0
    """The most attempts any of its requests made, as recorded in the result."""
    retries: int = 0
    requests: int = 0
    deadline_errors: int = 0
    fallback: bool = False
    selection_failures: int = 0
    failure_types: list[str] = field(default_factory=list)


@dataclass
class SoakReport:
    config: SoakConfig
    records: list[CallRecord]
    wall_s: float
    server_requests: dict[str, int]
    generate_calls: int
    """Calls to the backends' ``generate``: one per attempt of every request."""
    max_generate_calls: int
    """The most attempts of one logical request, counted at the backend."""
    early_disconnects: int
    """Requests whose client gave up before the server read them (the server logs none)."""
    loop_lag_s: float
    """The longest the event loop was late for a timer during the run."""
    gc_pause_s: float
    """The garbage collector's longest pause during the run."""
    leaked_tasks: int
    sockets_before: int
    sockets_after: int
    resource_warnings: int
    n_support: bool | None = None

    @property
    def selected(self) -> list[CallRecord]:
        return [r for r in self.records if r.outcome == "selected"]

    @property
    def unhandled(self) -> list[CallRecord]:
        return [r for r in self.records if r.outcome == "unhandled"]

    @property
    def incorrect(self) -> list[CallRecord]:
        return [r for r in self.records if r.problems]

    @property
    def max_attempts(self) -> int:
        return max([r.max_attempts for r in self.records] + [self.max_generate_calls])

    @property
    def hidden_requests(self) -> int:
        """HTTP requests the servers received beyond the attempts polypick made: what a second
        retry layer (an SDK's own) would add. Zero when there is one layer."""
        received = sum(self.server_requests.values()) + self.early_disconnects
        return max(0, received - self.generate_calls)

    @property
    def leaked_sockets(self) -> int:
        return max(0, self.sockets_after - self.sockets_before)

    @property
    def overrun_limit_s(self) -> float:
        """How far past its deadline a call may end: a few turns of a loop as late as the worst
        seen. A call that slept a Retry-After or waited for a slow server overruns by seconds."""
        return DEADLINE_SLACK_S + LOOP_TURNS * self.loop_lag_s

    @property
    def overruns(self) -> list[CallRecord]:
        limit = self.config.deadline + self.overrun_limit_s
        return [r for r in self.records if r.wall_s > limit]

    @property
    def ok(self) -> bool:
        return not (
            self.unhandled
            or self.incorrect
            or self.overruns
            or self.max_attempts > self.config.max_attempts
            or self.hidden_requests
            or self.leaked_tasks
            or self.leaked_sockets
            or self.resource_warnings
        )

    def format(self) -> str:
        c, records = self.config, self.records
        walls = sorted(r.wall_s for r in records)
        outcomes = Counter(r.outcome for r in records)
        failures = Counter(t for r in records for t in r.failure_types)
        retries = sorted(r.retries for r in self.selected) or [0]
        judge = "-" if c.selector == "majority" else c.judge_provider or c.provider
        at_deadline = sum(r.wall_s >= c.deadline for r in records)
        lines = [
            f"soak: {c.calls} calls, {c.concurrency} concurrent, n={c.n}, selector={c.selector}, "
            f"llm={c.provider}, judge={judge}, faults {c.fault_rate:.0%} (seed {c.seed})",
            f"  deadline {c.deadline:g} s per call, request timeout {c.timeout:g} s, "
            f"server latency {c.latency:g} s, at most {c.max_attempts} attempts per request",
            f"calls        {len(records)} completed: "
            + ", ".join(f"{k} {v}" for k, v in outcomes.most_common())
            + f"; unhandled exceptions {len(self.unhandled)}",
            f"selections   {len(self.selected) - len(self.incorrect)}/{len(self.selected)} "
            f"correct; {sum(r.fallback for r in records)} fell back, "
            f"{sum(r.selection_failures for r in records)} failed judge calls listed",
            "failed       "
            + (", ".join(f"{k} {v}" for k, v in failures.most_common()) or "none")
            + " samples",
            f"attempts     max per request {max(r.max_attempts for r in records)} in results, "
            f"{self.max_generate_calls} at the backend (limit {c.max_attempts}); retries per "
            f"call: mean {statistics.fmean(retries):.2f}, p50 {_pct(retries, 0.5):g}, "
            f"p99 {_pct(retries, 0.99):g}, max {retries[-1]}",
            f"wall time    p50 {_pct(walls, 0.5):.3f} s, p99 {_pct(walls, 0.99):.3f} s, "
            f"max {walls[-1]:.3f} s (deadline {c.deadline:g} s; max/deadline "
            f"{walls[-1] / c.deadline:.2f}); {at_deadline} calls ran to the deadline, "
            f"{sum(r.deadline_errors > 0 for r in records)} recorded DeadlineExceededError",
            f"             {len(self.overruns)} calls over by more than "
            f"{self.overrun_limit_s:.3f} s ({DEADLINE_SLACK_S} s + {LOOP_TURNS} x the event "
            f"loop's worst lateness, {self.loop_lag_s:.3f} s; longest GC pause "
            f"{self.gc_pause_s:.3f} s)",
            "requests     servers received "
            + ", ".join(f"{k} {v}" for k, v in self.server_requests.items())
            + f" (+{self.early_disconnects} dropped by the client before being read) of "
            + f"{self.generate_calls} attempts made: {self.hidden_requests} hidden retries; "
            + f"{sum(r.requests for r in self.selected)} recorded in selections"
            + ("" if self.n_support is None else f"; n support learnt: {self.n_support}"),
            f"leaks        tasks {self.leaked_tasks}, sockets {self.leaked_sockets} "
            f"({self.sockets_before} open before, {self.sockets_after} after aclose), "
            f"resource warnings {self.resource_warnings}",
            f"run          {self.wall_s:.1f} s, {len(records) / self.wall_s:.1f} calls/s",
            f"result       {'PASS' if self.ok else 'FAIL'}",
        ]
        for record in (self.unhandled + self.incorrect + self.overruns)[:10]:
            lines.append(f"  ! {record.outcome} {record.wall_s:.3f} s: {record.detail} ")
            lines.extend(f"      {problem}" for problem in record.problems)
        return "\n".join(lines)


def _pct(values: Sequence[float], q: float) -> float:
    return values[min(len(values) - 1, int(q * len(values)))] if values else 0.0


class _Disconnects(logging.Filter):
    """Counts, and keeps out of the log, the fake servers' reports of clients that gave up
    (timed out or were cancelled) before the server read their request: under load that is
    expected, and the server logs no such request."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if type(error).__name__ == "ClientDisconnect":
            self.count += 1
            return False
        return True


def open_sockets() -> int:
    """Sockets this process holds open (client and, the fake servers being in-process, server
    ends alike); 0 where there is no ``/proc`` to count them in."""
    if not os.path.isdir("/proc/self/fd"):
        return 0
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # closed meanwhile (the listing's own fd)
            count += os.readlink(f"/proc/self/fd/{fd}").startswith("socket:")
    return count


async def settle_sockets(baseline: int, timeout: float = 3.0) -> int:
    """Open sockets, once no more than ``baseline`` or at ``timeout``: a server closes its end
    when it notices the client's, a moment later."""
    deadline = time.monotonic() + timeout
    count = open_sockets()
    while count > baseline and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
        count = open_sockets()
    return count


class LoopWatch:
    """Measures how late the event loop runs a timer (its lateness bounds any deadline's) and
    the garbage collector's longest pause, which stops the loop and the in-process servers.

    The run keeps a lot alive (the fake servers log every request, the counting backends keep
    every request's messages), so every second it moves what is alive to the collector's
    permanent generation (``gc.freeze``); otherwise full collections rescanning that state
    would stop everything for up to half a second, and count as polypick's lateness. ``stop``
    unfreezes it, so the leak check's final collection still sees everything.
    """

    def __init__(self, period: float = 0.05, freeze_every: int = 20) -> None:
        self.period = period
        self.freeze_every = freeze_every
        self.worst = 0.0
        self.gc_pause = 0.0
        self._gc_started = 0.0
        self._task: asyncio.Task[None] | None = None

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        else:
            self.gc_pause = max(self.gc_pause, time.perf_counter() - self._gc_started)

    async def _run(self) -> None:
        for tick in itertools.count(1):
            before = time.monotonic()
            await asyncio.sleep(self.period)
            self.worst = max(self.worst, time.monotonic() - before - self.period)
            if tick % self.freeze_every == 0:
                gc.freeze()

    def start(self) -> None:
        gc.callbacks.append(self._on_gc)
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        gc.callbacks.remove(self._on_gc)
        gc.unfreeze()


class CountingModel(ChatModelWrapper):
    """A backend that counts its ``generate`` calls per logical request, then delegates.

    The retry layer calls ``generate`` again with the very same ``messages`` and ``params``
    objects for each attempt of one request, and a new request always has new ones (or another
    ``n``), so ``(id(messages), id(params), n)`` names a logical request; the objects are kept
    alive so that the ids stay unique for the run.
    """

    def __init__(self, inner: ChatModel) -> None:
        super().__init__(inner)
        self.attempts: Counter[tuple[int, int, int]] = Counter()
        self._alive: list[object] = []

    async def generate(self, request: ModelRequest) -> list[Completion]:
        key = (id(request.messages), id(request.params), request.n)
        if key not in self.attempts:
            self._alive.append((request.messages, request.params))
        self.attempts[key] += 1
        return await self.model.generate(request)


def _model(kind: str, server: FakeOpenAIServer | FakeAnthropicServer, c: SoakConfig) -> ChatModel:
    options: dict[str, Any] = {"timeout": c.timeout}
    if c.max_in_flight is not None:
        options["max_concurrency"] = c.max_in_flight
    if kind == "openai":
        return OpenAIChat("fake-gpt", base_url=server.base_url + "/v1", **options)
    return AnthropicChat("claude-fake", base_url=server.base_url, api_key="soak", **options)


async def one_call(bon: BestOfN, prompt: str, c: SoakConfig) -> CallRecord:
    """Run one call and check what came back."""
    started = time.perf_counter()
    try:
        sel = await bon.ainvoke(prompt)
    except DOCUMENTED as exc:
        wall = time.perf_counter() - started
        causes = list(exc.exceptions)
        problems = [f"raw cause {type(e).__name__}: {e}" for e in causes]
        problems = [p for p, e in zip(problems, causes, strict=True) if not _documented(e)]
        if len(causes) != c.n:
            problems.append(f"{len(causes)} causes for {c.n} samples")
        return CallRecord(
            wall,
            type(exc).__name__,
            str(exc),
            problems,
            deadline_errors=sum(isinstance(e, DeadlineExceededError) for e in causes),
            failure_types=[type(e).__name__ for e in causes],
        )
    except Exception as exc:  # the soak's purpose: count, never crash
        wall = time.perf_counter() - started
        return CallRecord(wall, "unhandled", f"{type(exc).__name__}: {exc}")
    wall = time.perf_counter() - started
    errors = [f.error for f in sel.failures if f.error] + [f.error for f in sel.selection_failures]
    attempts = [c.attempts for c in (*sel.candidates, *sel.failures)] + [e.attempts for e in errors]
    return CallRecord(
        wall,
        "selected",
        problems=selection_problems(sel, n=c.n, max_attempts=c.max_attempts, selector=c.selector),
        max_attempts=max(attempts),
        retries=sum(e.event.endswith(".retry") for e in sel.trace),
        requests=sel.usage.total.requests,
        deadline_errors=sum(e.type == DeadlineExceededError.__name__ for e in errors),
        fallback=any(e.event.endswith("fallback") for e in sel.trace),
        selection_failures=len(sel.selection_failures),
        failure_types=[f.error.type for f in sel.failures if f.error],
    )


async def run_calls(bon: BestOfN, c: SoakConfig) -> list[CallRecord]:
    """``c.calls`` calls, ``c.concurrency`` at a time, each with its own prompt."""
    limit = asyncio.Semaphore(c.concurrency)

    async def bounded(i: int) -> CallRecord:
        async with limit:
            return await one_call(bon, f"Call {i}: what is 6 times 7? Answer briefly.", c)

    return list(await asyncio.gather(*(bounded(i) for i in range(c.calls))))


def _documented(error: BaseException) -> bool:
    return isinstance(error, PolypickError) and type(error).__name__ in POLYPICK_ERRORS


async def run_soak(c: SoakConfig) -> SoakReport:
    """Run the soak described by ``c`` and return its report; faults never make it raise."""
    if c.selector not in SELECTORS or c.provider not in PROVIDERS:
        raise ValueError(f"selector must be one of {SELECTORS}, provider one of {PROVIDERS}")
    judge_kind = c.judge_provider or c.provider
    kinds = {c.provider} if c.selector == "majority" else {c.provider, judge_kind}
    servers: dict[str, FakeOpenAIServer | FakeAnthropicServer] = {}
    disconnects = _Disconnects()
    logging.getLogger("uvicorn.error").addFilter(disconnects)
    try:
        for number, kind in enumerate(sorted(kinds)):
            server_type = FakeOpenAIServer if kind == "openai" else FakeAnthropicServer
            server = servers[kind] = server_type(latency_s=c.latency, responder=Oracle(c.seed))
            server.fault_rate(c.fault_rate, fault_kinds(kind, c.timeout), seed=c.seed + number)
        gc.collect()
        sockets_before = open_sockets()
        llm = CountingModel(_model(c.provider, servers[c.provider], c))
        judge = None
        if judge_kind != c.provider:
            judge = CountingModel(_model(judge_kind, servers[judge_kind], c))
        bon = BestOfN(
            llm,
            n=c.n,
            sampling=Hedged(temperature=0.8, seed=c.seed),  # seeds make every request unique
            selector=c.selector,
            judge=judge if c.selector != "majority" else None,
            deadline=c.deadline,
            retry=RetryPolicy(max_retries=c.max_retries, initial_wait=0.05, max_wait=0.5),
            detect_language=False,
        )
        watch = LoopWatch()
        watch.start()
        started = time.perf_counter()
        records = await run_calls(bon, c)
        wall = time.perf_counter() - started
        await watch.stop()
        await bon.aclose()
        await asyncio.sleep(0)  # let finished tasks be forgotten
        current = asyncio.current_task()
        leaked = [t for t in asyncio.all_tasks() if t is not current and not t.done()]
        sockets_after = await settle_sockets(sockets_before)
        n_support = llm.model.n_support if isinstance(llm.model, OpenAIChat) else None
        counted = [m for m in (llm, judge) if m is not None]
        attempts = sum((m.attempts for m in counted), Counter[tuple[int, int, int]]())
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ResourceWarning)
            del bon, llm, judge
            gc.collect()
        return SoakReport(
            config=c,
            records=records,
            wall_s=wall,
            server_requests={kind: s.request_count for kind, s in servers.items()},
            generate_calls=sum(attempts.values()),
            max_generate_calls=max(attempts.values(), default=0),
            early_disconnects=disconnects.count,
            loop_lag_s=watch.worst,
            gc_pause_s=watch.gc_pause,
            leaked_tasks=len(leaked),
            sockets_before=sockets_before,
            sockets_after=sockets_after,
            resource_warnings=sum(issubclass(w.category, ResourceWarning) for w in caught),
            n_support=n_support,
        )
    finally:
        for server in servers.values():
            server.stop()
        logging.getLogger("uvicorn.error").removeFilter(disconnects)


def main(argv: Sequence[str] | None = None) -> int:
    defaults = SoakConfig()
    parser = argparse.ArgumentParser(description=(__doc__ or "").partition("\n")[0])
    parser.add_argument("--calls", type=int, default=defaults.calls)
    parser.add_argument("--concurrency", type=int, default=defaults.concurrency)
    parser.add_argument("--fault-rate", type=float, default=defaults.fault_rate)
    parser.add_argument("--n", type=int, default=defaults.n)
    parser.add_argument("--selector", choices=SELECTORS, default=defaults.selector)
    parser.add_argument("--provider", choices=PROVIDERS, default=defaults.provider)
    parser.add_argument("--judge-provider", choices=PROVIDERS, help="default: --provider")
    parser.add_argument("--deadline", type=float, default=defaults.deadline, help="s per call")
    parser.add_argument("--timeout", type=float, default=defaults.timeout, help="s per request")
    parser.add_argument("--max-retries", type=int, default=defaults.max_retries)
    parser.add_argument("--latency", type=float, default=defaults.latency, help="server, s")
    parser.add_argument("--max-in-flight", type=int, help="per provider (default: its own, 16)")
    parser.add_argument("--seed", type=int, default=defaults.seed)
    config = SoakConfig(**vars(parser.parse_args(argv)))
    report = asyncio.run(run_soak(config))
    print(report.format())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
