"""``polypick serve``: run the OpenAI-compatible best-of-N server (see docs/serve.md).

The upstream's key comes from its provider's usual environment variable and is never printed;
the server's own key (``--api-key``) is better given as ``POLYPICK_SERVE_API_KEY``, which other
users of the machine cannot read from the process list.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    from pydantic import SecretStr

    from polypick.serve import ServeSettings

__all__ = ["register"]

API_KEY_ENV = "POLYPICK_SERVE_API_KEY"
_LOG_LEVELS = ("critical", "error", "warning", "info", "debug")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``serve`` command to the ``polypick`` parser."""
    serve = commands.add_parser(
        "serve", help="serve best-of-N behind an OpenAI-compatible /v1/chat/completions"
    )
    upstream = serve.add_argument_group("upstream")
    upstream.add_argument(
        "--llm", default="local", help="model spec: local, openai:MODEL, anthropic:MODEL"
    )
    upstream.add_argument("--base-url", help="the upstream server, e.g. http://localhost:8000/v1")
    upstream.add_argument("--judge", help="judge model spec (default: the upstream judges)")
    upstream.add_argument("--judge-base-url", help="the judge's server (default: --base-url)")
    upstream.add_argument("--timeout", type=float, default=120.0, help="seconds per request")
    upstream.add_argument("--concurrency", type=int, default=16, help="most requests in flight")
    upstream.add_argument("--retries", type=int, default=2, help="retries per failed request")
    defaults = serve.add_argument_group("best-of-N defaults (requests may override them)")
    defaults.add_argument("-n", type=int, default=5, help="candidates per request (default: 5)")
    defaults.add_argument("--max-n", type=int, default=16, help="most candidates a request may ask")
    defaults.add_argument("--sampling", default="hedged", help="hedged, greedy, 0.7 or 0.3,0.7,1.0")
    defaults.add_argument("--selector", help="chops, judge, mbr, majority, tournament, ...")
    defaults.add_argument("--min-candidates", type=int, default=1, help="fewest to select from")
    defaults.add_argument("--deadline", type=float, help="seconds a request may take at most")
    defaults.add_argument(
        "--no-detect-language",
        dest="detect_language",
        action="store_false",
        help="skip language detection of prompts and candidates",
    )
    server = serve.add_argument_group("server")
    server.add_argument("--host", default="127.0.0.1", help="address to listen on")
    server.add_argument("--port", type=int, default=8000, help="port to listen on")
    server.add_argument("--model-name", help="the name clients ask for (default: the upstream's)")
    server.add_argument(
        "--api-key", help=f"require 'Authorization: Bearer KEY' (or set {API_KEY_ENV})"
    )
    server.add_argument(
        "--allow-unauthenticated",
        action="store_true",
        help="serve beyond 127.0.0.1 without --api-key (when a proxy checks clients)",
    )
    server.add_argument(
        "--log-level", default="info", choices=_LOG_LEVELS, help="what to log (default: info)"
    )
    limits = serve.add_argument_group("limits no client can exceed (each refusal names its own)")
    limits.add_argument(
        "--max-upstream-calls", type=int, default=64, help="upstream requests per request (64)"
    )
    limits.add_argument("--max-tokens", type=int, help="tokens per sample or judge reply")
    limits.add_argument(
        "--max-request-tokens", type=int, help="planned tokens per request (needs --max-tokens)"
    )
    limits.add_argument(
        "--max-concurrent-requests", type=int, default=32, help="requests at once (32); 429 above"
    )
    limits.add_argument(
        "--max-body-bytes", type=int, default=4 * 1024 * 1024, help="request size (4 MiB); 413"
    )
    limits.add_argument(
        "--read-timeout", type=float, default=30.0, help="seconds to receive a request (30); 408"
    )
    limits.add_argument(
        "--max-json-depth", type=int, default=32, help="nesting in a request body (32); 400"
    )
    serve.set_defaults(handler=_serve)


def _settings(args: argparse.Namespace) -> ServeSettings:
    from polypick import Settings
    from polypick.serve import ServeSettings

    return ServeSettings(
        llm=args.llm,
        base_url=args.base_url,
        judge=args.judge,
        judge_base_url=args.judge_base_url,
        model_name=args.model_name,
        bon=Settings.of(
            n=args.n,
            selector=args.selector,
            sampling=args.sampling,
            min_candidates=args.min_candidates,
            deadline=args.deadline,
            detect_language="auto" if args.detect_language else False,
        ),
        max_n=args.max_n,
        retries=args.retries,
        api_key=_server_key(args.api_key or os.environ.get(API_KEY_ENV)),
        timeout=args.timeout,
        concurrency=args.concurrency,
        max_upstream_calls=args.max_upstream_calls,
        max_tokens=args.max_tokens,
        max_request_tokens=args.max_request_tokens,
        max_concurrent_requests=args.max_concurrent_requests,
        max_body_bytes=args.max_body_bytes,
        read_timeout=args.read_timeout,
        max_json_depth=args.max_json_depth,
    )


def _server_key(key: str | None) -> SecretStr | None:
    from pydantic import SecretStr

    return SecretStr(key) if key else None


def _serve(args: argparse.Namespace) -> int:
    from polypick.serve import create_app
    from polypick.serve.settings import check_exposure

    settings = _settings(args)
    check_exposure(args.host, settings, allow_unauthenticated=args.allow_unauthenticated)
    app = create_app(settings)  # invalid settings fail here, before the port is taken

    import uvicorn

    where = f" at {_without_credentials(args.base_url)}" if args.base_url else ""
    locked = ", key required" if settings.api_key else ""
    print(
        f"polypick serve: http://{args.host}:{args.port}/v1 -> {args.llm}{where}; "
        f"model {settings.served_name()!r}, e.g. 'bon-{args.n}/{settings.served_name()}'{locked}",
        file=sys.stderr,
    )
    _log_to_stderr(args.log_level)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, lifespan="on")
    return 0


def _log_to_stderr(level: str) -> None:
    # polypick's own records (one line per answer, errors), not the HTTP clients' chatter
    from polypick.core.redact import RedactingFilter

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s:     %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())  # whatever logger a record comes from
    logger = logging.getLogger("polypick")
    logger.addHandler(handler)
    logger.setLevel(level.upper())


def _without_credentials(url: str) -> str:
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=host))
