"""How many model calls a selector plans to make, for cost plans and budgets.

Every selector has ``planned_calls(n)`` (the :class:`~polypick.selectors.base.Selector` base
supplies one): the calls it makes for ``n`` candidates when every reply is readable, before
retries, or ``None`` when unknown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from polypick.selectors.base import Selector

__all__ = ["planned_calls"]


def planned_calls(selector: Selector, n: int) -> int | None:
    """The calls ``selector`` plans for ``n`` candidates, or ``None`` if it does not say."""
    if n <= 1:
        return 0  # a single candidate is returned without selection
    plan = selector.planned_calls(n)
    return None if plan is None else int(plan)
