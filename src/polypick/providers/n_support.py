"""Whether an error tells that an OpenAI-compatible server refuses ``n`` (several choices).

Servers that refuse ``n`` answer 400: llama.cpp's ``llama-server`` with "Only one completion
choice is allowed", OpenAI-style servers with ``"param": "n"``. A request can be refused for
many other reasons — a bad temperature, an unknown tool, a prompt that is too long — and one
such request, say a ``polypick serve`` client's, must not teach the provider that the server
refuses ``n``: every later call would then fan out into one request per sample. So the provider
learns it only from an error that is about ``n``, and only once the same request with ``n=1``
has been answered (see :meth:`polypick.providers.OpenAIChat.generate`).
"""

from __future__ import annotations

import re

from polypick.errors import ProviderStatusError

__all__ = ["refuses_n"]

_CLIENT_FAULTS = frozenset({400, 422})
# "n", quoted or not, as a word of its own ('n' must be 1, n=3, "n": ...), or "choice(s)"
_ABOUT_N = re.compile(r"(?<![\w-])['\"`]?n['\"`]?(?![\w-])|\bchoices?\b", re.IGNORECASE)


def refuses_n(error: ProviderStatusError) -> bool:
    """Whether ``error`` (an answer to a request for several choices) is about ``n``."""
    if error.status_code not in _CLIENT_FAULTS:
        return False
    if error.param is not None:
        return error.param == "n"
    return _ABOUT_N.search(error.reason) is not None
