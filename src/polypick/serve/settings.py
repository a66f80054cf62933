"""The server's settings, and the upstream and judge models they name."""

from __future__ import annotations

from pydantic import Field, SecretStr, model_validator

from polypick.core.profiles import CheckedModel
from polypick.core.protocol import ChatModel
from polypick.engine.settings import Settings
from polypick.errors import ConfigurationError
from polypick.providers import resolve_model
from polypick.serve.config import check_operator_settings
from polypick.serve.upstream import PassThroughOpenAIChat

__all__ = ["ServeSettings", "build_model"]


class ServeSettings(CheckedModel):
    """What ``polypick serve`` is started with.

    Attributes:
        llm: the upstream model's spec: ``openai:MODEL`` (any OpenAI-compatible server, with
            ``base_url``), ``anthropic:MODEL`` or ``local`` (the embedded model, offline).
        base_url: the upstream server, e.g. ``http://localhost:8000/v1``. Its key comes from the
            provider's usual environment variable (``OPENAI_API_KEY``, ``ANTHROPIC_API_KEY``).
        judge: the judge's spec, for selectors that need one; by default the upstream judges.
        judge_base_url: the judge's server; by default ``base_url`` when the judge is served by
            the same provider.
        model_name: the name clients ask for; by default the upstream's model name (``local``
            for the embedded model).
        bon: the operator's best-of-N settings (:class:`~polypick.Settings`, every field):
            what a request leaves out, and what it cannot change (cache, budget, judge ...).
        max_n: the most candidates one request may ask for.
        retries: retries of each failed upstream request; by default the settings' ``retry``.
        api_key: when set, clients must send ``Authorization: Bearer <api_key>``.
        pool_size: how many ``BestOfN`` configurations are kept for reuse.
        timeout: seconds allowed for one upstream request.
        concurrency: most upstream requests in flight at once.
    """

    llm: str = "local"
    base_url: str | None = None
    judge: str | None = None
    judge_base_url: str | None = None
    model_name: str | None = None
    bon: Settings = Settings()
    max_n: int = Field(default=16, ge=1)
    retries: int | None = Field(default=None, ge=0, le=10)
    api_key: SecretStr | None = None
    pool_size: int = Field(default=32, ge=1)
    timeout: float = Field(default=120.0, gt=0)
    concurrency: int = Field(default=16, ge=1)

    @model_validator(mode="after")
    def _servable(self) -> ServeSettings:
        check_operator_settings(self.bon, self.max_n)
        return self

    def served_name(self) -> str:
        """The model name clients ask for."""
        if self.model_name:
            return self.model_name
        kind, _, name = self.llm.strip().partition(":")
        return "local" if kind == "local" else name or kind

    def upstream(self) -> ChatModel:
        return build_model(self.llm, self.base_url, timeout=self.timeout, limit=self.concurrency)

    def judge_model(self, upstream: ChatModel) -> ChatModel | None:
        """The judge, or ``None`` (the upstream judges itself); the upstream object when the
        judge is the same model on the same server, so they share connections."""
        if self.judge is None:
            return None
        same_provider = _kind(self.judge) == _kind(self.llm)
        base_url = self.judge_base_url or (self.base_url if same_provider else None)
        if self.judge.strip() == self.llm.strip() and base_url == self.base_url:
            return upstream
        return build_model(self.judge, base_url, timeout=self.timeout, limit=self.concurrency)


def _kind(spec: str) -> str:
    return spec.strip().partition(":")[0]


def build_model(spec: str, base_url: str | None, *, timeout: float, limit: int) -> ChatModel:
    """The model a spec names; OpenAI-compatible upstreams get the client's request as sent."""
    kind, _, name = spec.strip().partition(":")
    if kind == "openai":
        return PassThroughOpenAIChat(
            name, base_url=base_url, timeout=timeout, max_concurrency=limit
        )
    if kind == "anthropic":
        from polypick.providers.anthropic import AnthropicChat

        return AnthropicChat(name, base_url=base_url, timeout=timeout, max_concurrency=limit)
    if base_url is not None:
        raise ConfigurationError(
            f"a base URL applies to openai:MODEL and anthropic:MODEL upstreams, not {spec!r}; "
            "drop --base-url / --judge-base-url"
        )
    return resolve_model(spec)
