"""Usage accounting helpers shared by the providers."""

from __future__ import annotations

from polypick.core.types import Usage

__all__ = ["split_usage"]


def split_usage(
    prompt_tokens: int, completion_tokens: int, parts: int, reasoning_tokens: int = 0
) -> list[Usage]:
    """Share one request's billed tokens among the ``parts`` choices it returned.

    The prompt is billed once, so its tokens go to the first choice; completion tokens (and the
    reasoning tokens among them) are spread evenly, the remainder to the earliest choices. The
    parts always sum to the billed totals.
    """
    if parts < 1:
        raise ValueError("parts must be >= 1")
    completion = _spread(completion_tokens, parts)
    reasoning = _spread(min(reasoning_tokens, completion_tokens), parts)
    return [
        Usage(
            prompt_tokens=prompt_tokens if i == 0 else 0,
            completion_tokens=completion[i],
            reasoning_tokens=reasoning[i],
        )
        for i in range(parts)
    ]


def _spread(total: int, parts: int) -> list[int]:
    share, remainder = divmod(total, parts)
    return [share + (1 if i < remainder else 0) for i in range(parts)]
