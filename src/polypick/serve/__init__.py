"""``polypick serve``: an OpenAI-compatible ``/v1/chat/completions`` server answering with
best-of-N over an upstream model, so that any OpenAI client gains best-of-N by changing its base
URL. See docs/serve.md.

``create_app(ServeSettings(...))`` is the ASGI application; the ``polypick serve`` command runs
it with uvicorn. Needs ``pip install "polypick[serve]"``.
"""

from polypick.errors import MissingDependencyError

try:
    import starlette  # noqa: F401
    import uvicorn  # noqa: F401
except ImportError:
    raise MissingDependencyError("polypick serve", "serve") from None

from polypick.serve.app import create_app
from polypick.serve.config import Options
from polypick.serve.settings import ServeSettings

__all__ = ["Options", "ServeSettings", "create_app"]
