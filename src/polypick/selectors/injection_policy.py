"""What to do with candidates whose text is aimed at the judge: the injection policy.

:func:`~polypick.selectors.injection.detect_injection` finds them; the policy says whether they
are penalised (default), excluded or only flagged. :func:`polypick.engine.selection.run_selector`
applies it for every selector. See docs/selectors/injection.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal, cast

from polypick.errors import ConfigurationError
from polypick.selectors import injection_classifier

__all__ = ["Detector", "InjectionAction", "InjectionPolicy", "InjectionSpec", "resolve_injection"]

InjectionAction = Literal["penalise", "exclude", "ignore"]
Detector = Callable[[str], Sequence[str]]
"""``fn(text) -> reasons``: an empty result means the text is clean."""

_ACTIONS: dict[str, InjectionAction] = {
    "penalise": "penalise",
    "penalize": "penalise",
    "exclude": "exclude",
    "ignore": "ignore",
}


@dataclass(frozen=True)
class InjectionPolicy:
    """What to do with candidates whose text is aimed at the judge.

    Args:
        action: ``"penalise"`` (default): every candidate is judged, but a flagged one never
            wins while an unflagged one exists; ``"exclude"``: flagged candidates are not shown
            to the selector (unless all are flagged); ``"ignore"``: flag and record only.
        detector: ``fn(text) -> reasons``; by default the multilingual classifier
            (:func:`~polypick.selectors.injection_classifier.detect_injection_multilingual`)
            when the embedding model is installed, else the rules
            (:func:`~polypick.selectors.injection.detect_injection`); or your own.
    """

    action: InjectionAction = "penalise"
    detector: Detector = field(
        default_factory=lambda: injection_classifier.default_injection_detector()
    )

    def __post_init__(self) -> None:
        action = _ACTIONS.get(self.action) if isinstance(self.action, str) else None
        if action is None:
            raise ConfigurationError(
                f"unknown injection policy {self.action!r}; use 'penalise', 'exclude' or 'ignore'"
            )
        if not callable(self.detector):
            raise ConfigurationError("the injection detector must be a function text -> reasons")
        object.__setattr__(self, "action", action)  # "penalize" is accepted, "penalise" kept


InjectionSpec = InjectionPolicy | str
"""What ``injection=`` accepts: a policy, or its action's name."""


def resolve_injection(spec: InjectionSpec) -> InjectionPolicy:
    """An :class:`InjectionPolicy` for ``spec``; :class:`ConfigurationError` if it is none."""
    if isinstance(spec, InjectionPolicy):
        return spec
    if isinstance(spec, str):
        return InjectionPolicy(cast(InjectionAction, spec))
    raise ConfigurationError(
        f"injection must be 'penalise', 'exclude', 'ignore' or an InjectionPolicy, not {spec!r}"
    )
