"""polypick for LlamaIndex: best-of-N as a LlamaIndex LLM, and LlamaIndex LLMs as polypick models.

>>> from llama_index.core.llms import MockLLM
>>> from polypick.integrations.llama_index import BestOfN
>>> llm = BestOfN(MockLLM(), n=3)  # use it wherever LlamaIndex takes an LLM
>>> llm.metadata.model_name
'best-of-3[unknown]'

Needs ``pip install "polypick[llama-index]"``.
"""

from polypick.errors import MissingDependencyError

try:
    import llama_index.core  # noqa: F401
except ImportError as exc:
    raise MissingDependencyError("the LlamaIndex integration", "llama-index") from exc

from polypick.integrations.llama_index.adapter import LlamaIndexChat
from polypick.integrations.llama_index.function_calling import FunctionCallingBestOfN
from polypick.integrations.llama_index.llm import BestOfN

__all__ = ["BestOfN", "FunctionCallingBestOfN", "LlamaIndexChat"]
