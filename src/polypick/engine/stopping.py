"""Adaptive stopping: draw a call's samples in waves until a stop rule is met.

``BestOfN(..., early_stop=rule)`` draws the first wave (the rule's ``min_samples``, or its warm-up),
asks the rule after each wave whether the answers so far settle the call, and stops there; the
samples it never sends cost nothing. Waves follow the sampling plan in order, so the hedged
plan's greedy sample is always in the first. Each wave goes through the call's gateway like any
sample (retries, the deadline, usage); once the deadline has passed, the rest of the plan is
reported as cut by it, as without a rule. The :class:`~polypick.core.types.EarlyStop` record
says how many samples, requests and (estimated) tokens the rule saved.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Sequence

from polypick.core.capabilities import capability, token_logprobs
from polypick.core.gateway import Gateway
from polypick.core.protocol import ModelRequest
from polypick.core.streaming import StreamsTokens
from polypick.core.types import Candidate, EarlyStop, Message, SamplingParams
from polypick.engine.online import Streamed, stream_sample
from polypick.engine.pool import Member
from polypick.engine.sampler import Sampler
from polypick.engine.stop_rules import Confidence, StopRule
from polypick.errors import ConfigurationError

__all__ = ["check_stop", "sample_until", "wanted_logprobs"]


def rule_window(rule: StopRule) -> int:
    """The tokens of one confidence group for online termination."""
    return rule.window if isinstance(rule, Confidence) else 16


def check_stop(rule: StopRule, members: Sequence[Member]) -> None:
    """Refuse, before anything is sent, a rule the call cannot apply."""
    if len(members) != 1:
        raise ConfigurationError(
            f"early_stop={rule.name!r} draws one model's samples in waves, and this call samples a "
            f"pool of {len(members)} models; give one model, or leave early_stop=None"
        )
    if rule.logprobs is not None and token_logprobs(members[0].llm) is None:
        raise ConfigurationError(
            f"the stop rule {rule.name!r} reads token log-probabilities, and "
            f"{members[0].llm.name} gives none; sample a backend that does (the embedded "
            "model; vLLM, SGLang or llama.cpp servers; OpenAI chat models such as gpt-4.1) "
            "or use early_stop='agreement'"
        )


def wanted_logprobs(rule: StopRule, member: Member) -> int | None:
    """The log-probabilities to ask for: the selector's and the rule's, whichever is more."""
    wanted = [k for k in (member.logprobs, rule.logprobs) if k is not None]
    if not wanted:
        return None
    given = token_logprobs(member.llm)
    return max(wanted) if given is None else min(max(wanted), given)


async def sample_until(
    rule: StopRule,
    member: Member,
    gateway: Gateway,
    messages: tuple[Message, ...],
    plan: Sequence[SamplingParams],
    *,
    context: object = None,
    planned_requests: int,
) -> tuple[list[Candidate], dict[int, Exception], EarlyStop]:
    """Draw ``plan`` wave by wave until ``rule`` says stop (see the module): the samples
    drawn, the errors behind failed ones (by plan position), and the report."""
    logprobs = wanted_logprobs(rule, member)
    request_ids = itertools.count()
    sampler = Sampler(
        member.llm, gateway, context=context, logprobs=logprobs, request_ids=request_ids
    )
    streamer = capability(member.llm, StreamsTokens)
    recorder = gateway.recorder
    samples: list[Candidate] = []
    errors: dict[int, Exception] = {}
    cancelled: list[Streamed] = []
    threshold: float | None = None
    reason: str | None = None
    start = 0
    size = rule.first_wave(len(plan))
    while start < len(plan):
        if gateway.expired():
            size = len(plan) - start  # reported as cut by the deadline, like any late sample
        if threshold is None or streamer is None or gateway.expired():
            wave = await sampler.sample(messages, plan[start : start + size])
            samples += [c.model_copy(update={"sample": c.sample + start}) for c in wave]
            errors.update({i + start: e for i, e in sampler.errors.items()})
            sampler.errors.clear()
            drawn = len(wave)
        else:
            indices = range(start, min(start + size, len(plan)))
            prompt = max((c.usage.prompt_tokens for c in samples if c.ok), default=0)
            streamed = await asyncio.gather(
                *(
                    stream_sample(
                        streamer,
                        gateway,
                        ModelRequest(
                            messages, plan[i], 1, "sample", logprobs=logprobs, context=context
                        ),
                        index=i,
                        request_id=next(request_ids),
                        model=member.llm.name,
                        threshold=threshold,
                        window=rule_window(rule),
                        prompt_tokens=prompt,
                    )
                    for i in indices
                )
            )
            for item in streamed:
                if item.cancelled:
                    cancelled.append(item)
                    continue
                samples.append(item.candidate)
                if item.error is not None:
                    errors[item.candidate.sample] = item.error
            drawn = len(indices)
        if start == 0:
            threshold = rule.cancel_threshold(samples)
            if threshold is not None and streamer is not None:
                recorder.event("stop.threshold", threshold=round(threshold, 4))
        start += drawn
        size = rule.wave
        finished = [c for c in samples if c.ok]
        answers = [rule.extract(c.text) for c in finished]
        confidences = [rule.confidence(c) for c in finished]
        recorder.event("stop.check", drawn=start, answers=answers)
        if start < len(plan) and len(finished) >= rule.min_samples:
            reason = rule.decide(answers, confidences)
            if reason is not None:
                break
    report = _report(rule, reason, samples, cancelled, len(plan), planned_requests, gateway)
    recorder.event("stop.done", **report.model_dump())
    return samples, errors, report


def _report(
    rule: StopRule,
    reason: str | None,
    samples: Sequence[Candidate],
    cancelled: Sequence[Streamed],
    planned: int,
    planned_requests: int,
    gateway: Gateway,
) -> EarlyStop:
    drawn = len(samples) + len(cancelled)
    sent = [c for c in samples if c.ok and c.usage.total_tokens]
    mean = sum(c.usage.completion_tokens for c in sent) / len(sent) if sent else 0.0
    prompt = max((c.usage.prompt_tokens for c in sent), default=0)
    saved = planned - drawn
    requests_saved = max(0, planned_requests - gateway.usage["generation"].requests)
    # a cancelled sample saves what a finished one writes beyond what it had written
    cut_short = sum(max(0.0, mean - item.tokens) for item in cancelled)
    return EarlyStop(
        rule=rule.name,
        reason=reason,
        planned=planned,
        drawn=drawn,
        cancelled=len(cancelled),
        samples_saved=saved,
        requests_saved=requests_saved,
        # each request unsent saves its prompt; each sample unsent its mean reply
        tokens_saved=round(saved * mean + cut_short) + requests_saved * prompt,
    )
