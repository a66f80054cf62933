"""LangChain's standard unit suite (langchain-tests, pinned in pyproject) on ``BestOfN``.

The wrapped model is a ``ChatOpenAI`` that is never called: unit tests only construct models,
bind tools and read tracing parameters.

Two standard tests skip, through the suite's own switches:

- ``test_init_from_env``: ``BestOfN`` reads no environment variable (API keys belong to the
  wrapped model), so ``init_from_env_params`` stays empty;
- ``test_serdes``: ``BestOfN.is_lc_serializable()`` is ``False``. Its plans, selectors and
  polypick backends are not LangChain-serializable, and langchain-core's ``load`` only revives
  classes on LangChain's own allowlist, so a third-party model could not be loaded back anyway.
"""

from __future__ import annotations

from typing import Any

from langchain_openai import ChatOpenAI
from langchain_tests.unit_tests import ChatModelUnitTests

from polypick.integrations.langchain import BestOfN


class TestBestOfNUnit(ChatModelUnitTests):
    @property
    def chat_model_class(self) -> type[BestOfN]:
        return BestOfN

    @property
    def chat_model_params(self) -> dict[str, Any]:
        return {"llm": ChatOpenAI(model="gpt-4o-mini", api_key="test"), "n": 3}

    @property
    def init_from_env_params(self) -> tuple[dict[str, str], dict[str, Any], dict[str, Any]]:
        return {}, {}, {}  # BestOfN reads nothing from the environment (see the module docs)
