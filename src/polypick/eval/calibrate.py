"""Temperature profiles fitted on a dev set: ``polypick calibrate`` and :func:`calibrate`.

What Khairi et al. (2025, arXiv 2506.20544) measure, per language (and task): draw a pool of N
samples at each temperature and score every sample — the quality of the **best** sample in the
pool (the hope a selector can realise) rises with temperature, the quality of the **worst** (the
risk it must avoid) falls, and where they cross depends on the language. For each language the
profile takes the temperature with the highest mean of the two (ties: the lower temperature);
the default entry takes the same over every item. Samples go through ``BestOfN`` (so through the
gateway: retries, usage), with a no-call reward as the selector.

The scorer is ``"chrf"`` (sentence chrF against each item's ``reference``), or any function
``fn(item, output) -> float``: a reference-based metric, a judge or a reward model.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict

from polypick.core.profiles import TemperatureProfile
from polypick.core.sampling import Temperature
from polypick.engine.bestofn import BestOfN
from polypick.errors import ConfigurationError
from polypick.eval.items import EvalItem
from polypick.providers import ModelSpec

__all__ = ["Calibration", "Measurement", "acalibrate", "calibrate"]

Scorer = Callable[[EvalItem, str], float]
DEFAULT_TEMPERATURES = (0.3, 0.5, 0.7, 0.9, 1.1)


class Measurement(BaseModel):
    """Pool quality at one temperature for one language, averaged over its items."""

    model_config = ConfigDict(frozen=True)

    language: str
    temperature: float
    items: int
    best: float
    worst: float
    mean: float


class Calibration(BaseModel):
    """Every measurement, and the profile chosen from them."""

    model_config = ConfigDict(frozen=True)

    measurements: tuple[Measurement, ...]
    profile: TemperatureProfile
    task: str | None = None

    def save(self, path: str, **provenance: Any) -> None:
        """Write the profile, with the measurements and ``provenance``, for ``BestOfN`` to load
        (``sampling="profile.json"`` or ``TemperatureProfile.load(path)``)."""
        measured = [m.model_dump() for m in self.measurements]
        self.profile.save(path, task=self.task, measurements=measured, **provenance)


def chrf_scorer() -> Scorer:
    import importlib

    metric = importlib.import_module("sacrebleu.metrics").CHRF()

    def score(item: EvalItem, output: str) -> float:
        if item.reference is None:
            raise ConfigurationError(f"item {item.id} has no reference for chrF; add one")
        return float(metric.sentence_score(output, [item.reference]).score)

    return score


async def acalibrate(
    llm: ModelSpec,
    items: Sequence[EvalItem],
    *,
    temperatures: Sequence[float] = DEFAULT_TEMPERATURES,
    n: int = 4,
    scorer: str | Scorer = "chrf",
    task: str | None = None,
    max_tokens: int | None = None,
    seed: int = 0,
    name: str = "calibrated",
) -> Calibration:
    """Sweep ``temperatures`` with pools of ``n`` samples per item; see the module's docs."""
    if n < 2 or not temperatures or not items:
        raise ConfigurationError("calibrate needs items, temperatures and n >= 2 samples a pool")
    score = chrf_scorer() if scorer == "chrf" else scorer
    if not callable(score):
        raise ConfigurationError(f"scorer must be 'chrf' or fn(item, output), got {scorer!r}")
    pools: dict[tuple[str, float], list[list[float]]] = defaultdict(list)
    for temperature in temperatures:
        plan = Temperature(temperature=temperature, seed=seed, max_tokens=max_tokens)
        bon = BestOfN(llm, n=n, sampling=plan, selector=_no_call, detect_language=False)
        async with bon:
            for item in items:
                selection = await bon.ainvoke(item.prompt)
                scores = [score(item, c.text) for c in selection.candidates]
                pools[item.language or "unknown", temperature].append(scores)
    measurements = tuple(
        Measurement(
            language=language,
            temperature=temperature,
            items=len(scored),
            best=statistics.mean(max(s) for s in scored),
            worst=statistics.mean(min(s) for s in scored),
            mean=statistics.mean(statistics.mean(s) for s in scored),
        )
        for (language, temperature), scored in sorted(pools.items())
    )
    return Calibration(
        measurements=measurements, profile=_profile(measurements, task, name), task=task
    )


def calibrate(llm: ModelSpec, items: Sequence[EvalItem], **options: Any) -> Calibration:
    """Sync :func:`acalibrate`."""
    from polypick.core.sync import run_sync

    return run_sync(acalibrate(llm, items, **options))


def _no_call(prompt: str, candidate: str) -> float:
    return 0.0  # calibration keeps every sample; nothing is selected


def _choose(rows: Sequence[Measurement]) -> float:
    """The temperature with the best mean of best and worst sample quality (ties: lower)."""
    by_temperature: dict[float, list[float]] = defaultdict(list)
    for m in rows:
        by_temperature[m.temperature].append((m.best + m.worst) / 2)
    return max(sorted(by_temperature), key=lambda t: statistics.mean(by_temperature[t]))


def _profile(
    measurements: Sequence[Measurement], task: str | None, name: str
) -> TemperatureProfile:
    languages = sorted({m.language for m in measurements if m.language != "unknown"})
    chosen = {lang: _choose([m for m in measurements if m.language == lang]) for lang in languages}
    overall = _choose(measurements)
    if task is None:
        return TemperatureProfile(name=name, default=overall, languages=chosen)
    pairs: dict[str | tuple[str, str], float] = {(lang, task): t for lang, t in chosen.items()}
    return TemperatureProfile(name=name, default=overall, tasks={task: overall}, pairs=pairs)
