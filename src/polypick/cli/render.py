"""Terminal output of ``polypick run``: progress, then the candidates and the answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from polypick.core.types import Selection, TraceEvent
from polypick.errors import MissingDependencyError

if TYPE_CHECKING:
    from polypick.engine.bestofn import BestOfN

try:
    from rich.console import Console
    from rich.panel import Panel
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.table import Table
except ImportError:  # pragma: no cover - the cli extra is installed by make run and make test
    raise MissingDependencyError("the polypick command line", "cli") from None

__all__ = ["render", "run_with_progress"]

PREVIEW = 70


def run_with_progress(bon: BestOfN, prompt: str) -> Selection:
    """Invoke ``bon`` while a progress bar counts finished samples and selection calls."""
    console = Console(stderr=True)
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(f"sampling {bon.llm.name}", total=bon.n)

        def on_event(event: TraceEvent) -> None:
            if event.event == "sample.done":
                progress.advance(task, event.data.get("returned", 1))
            elif event.event == "sample.failed":
                progress.advance(task, len(event.data.get("samples", [0])))
            elif event.event == "selection.start":
                progress.update(task, description=f"selecting ({event.data['selector']})")

        return bon.invoke(prompt, on_event=on_event)


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW else flat[: PREVIEW - 1] + "…"


def render(selection: Selection) -> None:
    """Print the candidate table, the selected answer, usage and wall time."""
    console = Console()
    table = Table(title=f"{len(selection.candidates)} candidates from {selection.llm}")
    for header in ("#", "temp", "greedy", "tokens", "score", "lang", "finish", "text"):
        table.add_column(header, overflow="fold")
    for i, (c, score) in enumerate(zip(selection.candidates, selection.scores, strict=True)):
        table.add_row(
            ("▶ " if i == selection.index else "  ") + str(i),
            f"{c.temperature:g}",
            "yes" if c.greedy else "",
            str(c.usage.completion_tokens),
            "" if score is None else f"{score:.3g}",
            c.language or "",
            c.finish_reason or "",
            _preview(c.text),
            style="bold green" if i == selection.index else None,
        )
    for failed in selection.failures:
        error = failed.error.message if failed.error else ""
        table.add_row("✗", f"{failed.temperature:g}", "", "", "", "", "failed", _preview(error))
    console.print(table)
    console.print(
        Panel(selection.text, title=f"selected by {selection.selector}: #{selection.index}")
    )
    gen, sel = selection.usage.generation, selection.usage.selection
    console.print(
        f"generation: {gen.requests} requests, {gen.prompt_tokens} prompt + "
        f"{gen.completion_tokens} completion tokens · selection: {sel.requests} requests, "
        f"{sel.prompt_tokens} prompt + {sel.completion_tokens} completion tokens · "
        f"wall time {selection.latency_s:.2f}s"
    )
    for failure in selection.selection_failures:
        console.print(f"[yellow]selection step failed ({failure.stage}): {failure.error.message}")
