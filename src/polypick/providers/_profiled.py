"""The profile one provider object works with: its table entry, what the server's errors
taught (shared by every object for that server and model), and the object's own overrides."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

from polypick.errors import ProviderStatusError
from polypick.providers._rejections import profile_change, read_rejection
from polypick.providers.model_profiles import (
    ModelProfile,
    Provider,
    apply_overrides,
    learned,
    resolve_profile,
)

__all__ = ["ProfileState", "send_adapting"]

T = TypeVar("T")


class ProfileState:
    """The current :class:`ModelProfile` of ``model`` at ``server``.

    Args:
        provider, model, server: whose profile (``server`` without credentials).
        hosted: the provider's own API rather than a compatible server.
        overrides: the provider object's ``profile=`` argument (they win over lessons).
        given: more fields the object's own arguments fix (``n_support=False`` ...).
    """

    def __init__(
        self,
        provider: Provider,
        model: str,
        server: str,
        *,
        hosted: bool,
        overrides: ModelProfile | Mapping[str, Any] | None = None,
        given: Mapping[str, Any] | None = None,
    ) -> None:
        self.model = model
        self.server = server
        fixed = apply_overrides(resolve_profile(provider, model, hosted=hosted), overrides)
        self._fixed = fixed.changed(**given) if given else fixed
        self._kept = set(given or {})
        if isinstance(overrides, ModelProfile):
            self._kept |= set(ModelProfile.model_fields)
        elif overrides is not None:
            self._kept |= set(overrides)
        self._cached: tuple[int, ModelProfile] | None = None

    @property
    def current(self) -> ModelProfile:
        version = learned.version
        if self._cached is None or self._cached[0] != version:
            taught = {
                k: v for k, v in learned.get(self.server, self.model).items() if k not in self._kept
            }
            self._cached = (version, self._fixed.changed(**taught) if taught else self._fixed)
        return self._cached[1]

    def teach(self, change: Mapping[str, Any], why: str) -> None:
        learned.learn(self.server, self.model, change, why)

    def learn(
        self, error: ProviderStatusError, body: Mapping[str, Any], *, reasoning: bool
    ) -> bool:
        """Learn what ``error`` says about a parameter ``body`` carried (sent while the model
        was ``reasoning`` or not). ``True`` when the error is about such a parameter, even if a
        concurrent request already taught the lesson; ``False`` for any other error."""
        rejection = read_rejection(error)
        if rejection is None or rejection.param not in body:
            return False
        change = profile_change(self.current, rejection, reasoning=reasoning)
        if change is not None:
            self.teach(change, f"HTTP {error.status_code}: {rejection.message}")
        return True


async def send_adapting(
    profiles: ProfileState,
    build: Callable[[], dict[str, Any]],
    send: Callable[[dict[str, Any]], Awaitable[T]],
    reasoning: Callable[[dict[str, Any]], bool],
) -> tuple[dict[str, Any], T]:
    """Send the body ``build()`` makes; when the server refuses a parameter it carried, learn
    it and send the body ``build()`` makes now. An error that teaches nothing, or whose lesson
    leaves the body as it was (an override insists), is raised. Returns the body last sent and
    the response."""
    body = build()
    while True:
        try:
            return body, await send(body)
        except ProviderStatusError as exc:
            if not profiles.learn(exc, body, reasoning=reasoning(body)):
                raise
            adapted = build()
            if adapted == body:
                raise
            body = adapted
