"""How many model calls a selector plans to make, for cost plans and budgets.

Built-in selectors define ``planned_calls(n)``: the calls they make for ``n`` candidates when
every reply is readable, before retries. A selector without it has an unknown cost.
"""

from __future__ import annotations

from typing import Any

__all__ = ["planned_calls"]


def planned_calls(selector: Any, n: int) -> int | None:
    """The calls ``selector`` plans for ``n`` candidates, or ``None`` if it does not say."""
    if n <= 1:
        return 0  # a single candidate is returned without selection
    plan = getattr(selector, "planned_calls", None)
    return int(plan(n)) if callable(plan) else None
