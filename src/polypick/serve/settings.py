"""The server's settings, and the upstream and judge models they name."""

from __future__ import annotations

import ipaddress

from pydantic import Field, SecretStr, model_validator

from polypick.core.profiles import CheckedModel
from polypick.core.protocol import ChatModel
from polypick.engine.settings import Settings
from polypick.errors import ConfigurationError
from polypick.providers import resolve_model
from polypick.serve.config import check_operator_settings
from polypick.serve.upstream import PassThroughOpenAIChat

__all__ = ["ServeSettings", "build_model", "check_exposure"]


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

    The limits no client can exceed (each refusal names its limit; see docs/serve.md):

    Attributes:
        max_upstream_calls: most upstream requests one client request may cause: its plan
            (samples plus the selector's calls) must fit, and what it really sends — retries
            and re-asks included — is cut off there.
        max_tokens: most tokens a sample or a judge reply may be asked for; a request asking
            more gets 400, one asking none is sent with it. ``None``: no ceiling.
        max_request_tokens: most tokens (an upper-bound estimate of prompts and replies of
            every upstream call) one request may plan; needs ``max_tokens``. ``None``: none.
        max_concurrent_requests: requests answered at once; more get 429 with ``Retry-After``.
        max_body_bytes: largest request body (413 beyond).
        read_timeout: seconds a request body may take to arrive (408 beyond).
        max_json_depth: deepest nesting of arrays and objects in a body (400 beyond).
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
    timeout: float = Field(default=120.0, gt=0, allow_inf_nan=False)
    concurrency: int = Field(default=16, ge=1)
    max_upstream_calls: int = Field(default=64, ge=1)
    max_tokens: int | None = Field(default=None, ge=1)
    max_request_tokens: int | None = Field(default=None, ge=1)
    max_concurrent_requests: int = Field(default=32, ge=1)
    max_body_bytes: int = Field(default=4 * 1024 * 1024, ge=1024)
    read_timeout: float = Field(default=30.0, gt=0, allow_inf_nan=False)
    max_json_depth: int = Field(default=32, ge=4, le=512)

    @model_validator(mode="after")
    def _servable(self) -> ServeSettings:
        check_operator_settings(self.bon, self.max_n, self.max_tokens)
        if self.max_request_tokens is not None and self.max_tokens is None:
            raise ConfigurationError(
                "max_request_tokens needs max_tokens: a token budget cannot bound replies of "
                "any length; set --max-tokens too"
            )
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


def check_exposure(host: str, settings: ServeSettings, *, allow_unauthenticated: bool) -> None:
    """Refuse to listen beyond loopback without a key, unless the operator says so: anyone who
    can reach the port would spend the upstream's tokens N times over."""
    if settings.api_key is not None or allow_unauthenticated or _loopback(host):
        return
    raise ConfigurationError(
        f"refusing to serve on {host} without an API key: anyone who can reach it could spend "
        "your upstream tokens. Set POLYPICK_SERVE_API_KEY (or --api-key), listen on "
        "127.0.0.1, or pass --allow-unauthenticated if something in front of the server "
        "checks its clients"
    )


def _loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: it may resolve to anything
        return False


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
