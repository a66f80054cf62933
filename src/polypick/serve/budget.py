"""The per-request budget: how many upstream requests (and, when the operator says, tokens) one
client request may cost.

A best-of-N request multiplies: N samples, then the selector's judge calls, each retried and
re-asked. So every request is checked twice against ``ServeSettings.max_upstream_calls``:

1. **before anything is sent**, its cost plan (:meth:`BestOfN.plan_calls <polypick.BestOfN.
   plan_calls>`: sampling requests plus the selector's planned calls) must fit, or the request
   gets a 400 naming the limit; ``{"permutations": 300}`` never reaches the upstream. With
   ``max_request_tokens`` set, the plan's token bound must fit too;
2. **while it runs**, a :class:`Meter` on the request counts what is really sent — retries and
   re-asks of unreadable replies included — and refuses the request past the limit (those calls
   fail, the rest of the request carries on), so no fault pattern can amplify one request
   beyond the operator's ceiling.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from polypick.core.protocol import ModelRequest
from polypick.core.types import Completion, Message
from polypick.core.wrapper import ChatModelWrapper
from polypick.engine.bestofn import BestOfN
from polypick.errors import ProviderError
from polypick.serve.errors import invalid
from polypick.serve.upstream import ClientRequest

__all__ = ["BudgetSpentError", "Meter", "MeteredChat", "check_plan"]


class BudgetSpentError(ProviderError):
    """A request has sent as many upstream requests as this server allows one request."""


class Meter:
    """The upstream requests one client request has sent, against its limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0
        self._lock = threading.Lock()

    def take(self) -> None:
        """Count one more request, or raise :class:`BudgetSpentError` past the limit."""
        with self._lock:
            if self.used >= self.limit:
                raise BudgetSpentError(
                    f"this request has sent its {self.limit} upstream requests, the most this "
                    "server allows one request (--max-upstream-calls), retries included"
                )
            self.used += 1


class MeteredChat(ChatModelWrapper):
    """A model whose requests are counted against the :class:`Meter` of the client request
    they serve (found in ``ModelRequest.context``); requests of no client pass freely."""

    async def generate(self, request: ModelRequest) -> list[Completion]:
        client = request.context
        if isinstance(client, ClientRequest) and client.meter is not None:
            client.meter.take()
        return await self.model.generate(request)


def check_plan(
    bon: BestOfN,
    messages: Sequence[Message],
    max_calls: int,
    max_tokens: int | None,
) -> None:
    """Refuse, with a 400 naming the limit, a request whose plan exceeds the budget."""
    plan = bon.plan_calls(messages)
    selector = bon.selector.name
    if plan.selection_calls is None:
        raise invalid(
            f"the {selector} selector cannot say how many upstream calls it will make, so this "
            "server cannot bound it; choose another selector",
            "polypick.selector",
        )
    calls = plan.generation_requests + plan.selection_calls
    if calls > max_calls:
        raise invalid(
            f"this request would make {calls} upstream calls ({plan.generation_requests} to "
            f"sample {plan.n} candidates, {plan.selection_calls} for the {selector} "
            f"selector), more than this server's limit of {max_calls} per request "
            "(--max-upstream-calls); ask for fewer candidates, or a selector or options that "
            "make fewer calls",
            "polypick",
        )
    if max_tokens is None:
        return
    if plan.max_tokens_total is None or plan.max_tokens_total > max_tokens:
        planned = (
            f"up to {plan.max_tokens_total} tokens"
            if plan.max_tokens_total is not None
            else "tokens without a bound (set max_tokens)"
        )
        raise invalid(
            f"this request could use {planned}, more than this server's limit of {max_tokens} "
            "tokens per request (--max-request-tokens); lower max_tokens, ask for fewer "
            "candidates or a selector that makes fewer calls",
            "max_tokens",
        )
