"""Pools: one best-of-N call drawing its candidates from several models.

``BestOfN(llm=[strong, cheap], n=6)`` samples three candidates from each, concurrently, and one
selector chooses among all six — the setting where selection pays most (two vendors, a hosted
and a local model, a strong and a cheap one). A :class:`Pool` says more: each member's share of
``n`` and its own sampling plan::

    Pool([PoolMember("openai:gpt-5-mini", share=1, sampling="reasoning"),
          PoolMember("local", share=2)])

Shares split ``n`` by largest remainder, every member drawing at least one candidate. Each
candidate records its model (``Candidate.model``), and ``Selection.usage.by_model`` reports each
model's requests and tokens. A model given once is a pool of one: the same code runs every call.
"""

from __future__ import annotations

import asyncio
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import Field, field_validator

from polypick.core.capabilities import (
    default_max_tokens,
    default_sampling,
    max_n,
    token_logprobs,
    validate,
)
from polypick.core.gateway import Gateway
from polypick.core.profiles import CheckedModel
from polypick.core.protocol import ChatModel
from polypick.core.sampling import SamplingPlan, depends_on_language, resolve_sampling
from polypick.core.types import Candidate, Message, SamplingParams
from polypick.engine.plan import CallPlan, make_plan
from polypick.engine.sampler import Sampler
from polypick.errors import ConfigurationError
from polypick.selectors.base import Selector

__all__ = ["Member", "Pool", "PoolMember", "as_pool", "call_plan", "sample_members"]


class PoolMember(CheckedModel):
    """One model of a :class:`Pool`.

    Args:
        llm: the model: a spec (``"openai:gpt-5-mini"``), a backend, or a LangChain /
            LlamaIndex model.
        share: its relative share of ``n`` (``2`` draws twice as many as a member with ``1``).
        sampling: its own sampling plan (anything ``sampling=`` accepts); ``None``: the call's
            plan, or the model's own when the call's is left at its default.
    """

    model_config = CheckedModel.model_config | {"arbitrary_types_allowed": True}

    llm: Any
    share: float = Field(default=1.0, gt=0.0, allow_inf_nan=False)
    sampling: Any = None

    def __init__(self, llm: Any = None, /, **data: Any) -> None:
        if llm is not None:
            data["llm"] = llm
        super().__init__(**data)

    @field_validator("sampling", mode="before")
    @classmethod
    def _sampling(cls, value: Any) -> SamplingPlan | None:
        return None if value is None else resolve_sampling(value)


class Pool:
    """Several models drawing one call's candidates (see the module).

    Args:
        members: models (specs, backends, framework models), :class:`PoolMember` objects, or
            ``(model, share)`` pairs.
    """

    def __init__(self, members: Sequence[Any]) -> None:
        if isinstance(members, str | bytes) or not isinstance(members, Sequence):
            raise ConfigurationError(
                f"a Pool takes a list of models, got {members!r}; e.g. "
                "Pool(['openai:gpt-4.1-mini', 'local'])"
            )
        if not members:
            raise ConfigurationError("a Pool needs at least one model")
        self.members = tuple(_member(m) for m in members)

    def __repr__(self) -> str:
        return f"Pool({list(self.members)!r})"

    def allocate(self, n: int) -> list[int]:
        """How many of ``n`` candidates each member draws: by share, largest remainder first,
        at least one each."""
        if n < len(self.members):
            raise ConfigurationError(
                f"n={n} is fewer than the pool's {len(self.members)} models; raise n to at "
                f"least {len(self.members)}, or drop a model"
            )
        total = sum(m.share for m in self.members)
        spare = n - len(self.members)  # one each first, the rest by share
        exact = [spare * m.share / total for m in self.members]
        counts = [1 + math.floor(e) for e in exact]
        order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - math.floor(exact[i])), i))
        for i in order[: n - sum(counts)]:
            counts[i] += 1
        return counts


def _member(value: Any) -> PoolMember:
    if isinstance(value, PoolMember):
        return value
    if isinstance(value, tuple) and len(value) == 2:
        return PoolMember(value[0], share=value[1])
    return PoolMember(value)


def as_pool(llm: Any) -> Pool | None:
    """``llm`` as a pool when it is one (a :class:`Pool`, or a list or tuple of models)."""
    if isinstance(llm, Pool):
        return llm
    if isinstance(llm, list | tuple) and not (
        isinstance(llm, tuple) and len(llm) == 2 and isinstance(llm[1], int | float)
    ):
        return Pool(llm)
    return None


@dataclass
class Member:
    """A resolved member: the model, how many candidates it draws and how."""

    llm: ChatModel
    count: int
    sampling: SamplingPlan
    logprobs: int | None = None

    def plan(self, language: str | None = None) -> tuple[SamplingParams, ...]:
        plan = tuple(self.sampling.plan(self.count, language))
        for params in plan:  # every plan checked before anything is sent
            validate(self.llm, params)
        return plan

    @property
    def uses_language(self) -> bool:
        return depends_on_language(self.sampling)


def member_sampling(
    llm: ChatModel, given: SamplingPlan | None, call: SamplingPlan, call_given: bool
) -> SamplingPlan:
    """A member's plan: its own, else the call's when the caller chose one, else the model's
    own default (reasoning models), else the call's default."""
    if given is not None:
        return given
    if call_given:
        return call
    return default_sampling(llm) or call


def member_logprobs(llm: ChatModel, wanted: int | None, selector: str) -> int | None:
    """The log-probabilities to ask ``llm`` for when a selector reads ``wanted`` of them."""
    if wanted is None:
        return None
    given = token_logprobs(llm)
    if given is None:
        raise ConfigurationError(
            f"the selector {selector} reads token log-probabilities, and {llm.name} gives none; "
            "sample a backend that does (the embedded model; vLLM, SGLang or llama.cpp servers; "
            "OpenAI chat models such as gpt-4.1, not reasoning models) or choose another selector"
        )
    return min(wanted, given)


async def sample_members(
    members: Sequence[Member],
    plans: Sequence[tuple[SamplingParams, ...]],
    gateway: Gateway,
    messages: tuple[Message, ...],
    context: object,
) -> tuple[list[Candidate], dict[int, Exception]]:
    """Every member's candidates, concurrently, numbered across the pool in member order
    (``Candidate.sample``), with the errors behind failed ones by that number."""
    request_ids = itertools.count()
    samplers = [
        Sampler(m.llm, gateway, context=context, logprobs=m.logprobs, request_ids=request_ids)
        for m in members
    ]
    if len(samplers) == 1:
        drawn = [await samplers[0].sample(messages, plans[0])]
    else:
        pairs = zip(samplers, plans, strict=True)
        drawn = list(await asyncio.gather(*(s.sample(messages, p) for s, p in pairs)))
    candidates: list[Candidate] = []
    errors: dict[int, Exception] = {}
    for sampler, batch in zip(samplers, drawn, strict=True):
        offset = len(candidates)
        for candidate in batch:
            if offset:
                candidate = candidate.model_copy(update={"sample": candidate.sample + offset})
            candidates.append(candidate)
        errors.update({i + offset: e for i, e in sampler.errors.items()})
    return candidates, errors


def call_plan(
    members: Sequence[Member],
    plans: Sequence[tuple[SamplingParams, ...]],
    messages: Sequence[Message],
    selector: Selector,
) -> CallPlan:
    """The cost plan of one call: every member's requests, one selection over all candidates."""
    if len(members) == 1:
        m = members[0]
        return make_plan(messages, plans[0], selector, max_n(m.llm), default_max_tokens(m.llm))
    requests = sum(
        make_plan(messages, plan, selector, max_n(m.llm)).generation_requests
        for m, plan in zip(members, plans, strict=True)
    )
    bounded = [  # each member's reply limit where its plan sets none
        p
        if p.max_tokens is not None or default_max_tokens(m.llm) is None
        else p.model_copy(update={"max_tokens": default_max_tokens(m.llm)})
        for m, plan in zip(members, plans, strict=True)
        for p in plan
    ]
    whole = make_plan(messages, bounded, selector, 1)
    return whole.model_copy(update={"generation_requests": requests})
