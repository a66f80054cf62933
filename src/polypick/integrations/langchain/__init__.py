"""LangChain: ``BestOfN`` as a chat model, and LangChain chat models as polypick backends.

    from polypick.integrations.langchain import BestOfN

    chain = prompt | BestOfN(ChatOpenAI(model="gpt-4o-mini"), n=5, selector="chops") | parser

Needs ``pip install "polypick[langchain]"``. The policies (retries, callbacks, tool calls,
streaming, cache, seeds) are described in ``docs/integrations/langchain.md``.
"""

from polypick.errors import MissingDependencyError

try:
    import langchain_core  # noqa: F401
except ImportError:
    raise MissingDependencyError("the LangChain integration", "langchain") from None

from polypick.integrations.langchain.adapter import LangChainChat, LangChainModelError
from polypick.integrations.langchain.chat_model import BestOfN

__all__ = ["BestOfN", "BestOfNMiddleware", "LangChainChat", "LangChainModelError"]


def __getattr__(name: str) -> object:
    # The middleware needs the `langchain` package (create_agent), not just langchain-core:
    # it is imported when first named.
    if name == "BestOfNMiddleware":
        try:
            from polypick.integrations.langchain.middleware import BestOfNMiddleware
        except ImportError as exc:
            if exc.name is None or not exc.name.startswith("langchain."):
                raise
            raise MissingDependencyError("BestOfNMiddleware", "langchain") from None
        return BestOfNMiddleware
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
