"""Helpers shared by the benchmarks: timing, medians and ratios, tables, a fake server process.

The benchmarks run on a shared, noisy machine, so every figure is a median over repeats, taken
interleaved with its baseline in the same run, and reported as a ratio to that baseline.

:class:`ServerProcess` runs ``FakeOpenAIServer`` in a child process, so that the server's work
neither competes with the client for this process's GIL nor counts in its CPU time; the child
also answers ``count`` and ``reset`` on its stdin so a benchmark can check how many requests
each contender really sent.
"""

from __future__ import annotations

import json
import math
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from pathlib import Path

__all__ = [
    "Case",
    "ServerProcess",
    "format_ratio",
    "format_table",
    "git_show",
    "interleaved",
    "median",
    "ratio",
    "timed",
]

Case = Callable[[], Awaitable[object]]
"""One contender: an async callable that does the work being timed, once."""


async def timed(call: Case) -> float:
    """Wall time of one ``await call()``, in seconds."""
    start = time.perf_counter()
    await call()
    return time.perf_counter() - start


async def interleaved(
    cases: Mapping[str, Case], repeats: int, *, warmup: int = 1
) -> dict[str, list[float]]:
    """Time every case ``repeats`` times, round-robin, so machine noise hits all of them alike.

    Each case first runs ``warmup`` times untimed (connections, imports, lazy loads).
    """
    for _ in range(warmup):
        for call in cases.values():
            await call()
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(repeats):
        for name, call in cases.items():
            times[name].append(await timed(call))
    return times


def median(samples: Sequence[float]) -> float:
    """The median; ``nan`` for no samples (a contender that could not run)."""
    return statistics.median(samples) if samples else math.nan


def ratio(value: float, baseline: float) -> float:
    """``value / baseline``; ``nan`` when the baseline is zero or missing."""
    if math.isnan(value) or math.isnan(baseline) or baseline == 0:
        return math.nan
    return value / baseline


def format_ratio(value: float) -> str:
    """``1.23x``, or ``n/a`` for ``nan``."""
    return "n/a" if math.isnan(value) else f"{value:.2f}x"


def format_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], markdown: bool, *, left: int = 1
) -> str:
    """A Markdown table, or aligned plain text (the first ``left`` columns left, the others
    right)."""
    if any(len(row) != len(headers) for row in rows):
        raise ValueError("every row needs one cell per header")
    if markdown:
        lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        padded = (
            cell.ljust(width) if column < left else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(cells, widths, strict=True))
        )
        return "  ".join(padded).rstrip()

    return "\n".join([line(headers), *(line(row) for row in rows)])


# The child: a FakeOpenAIServer, its base URL on the first line, then a tiny stdin protocol.
_CHILD = """
import json, sys
from polypick.testing.servers import FakeOpenAIServer
options = json.loads(sys.argv[1])
reply = options.pop("reply")
responder = None if reply is None else (lambda body, index: reply.format(index=index))
server = FakeOpenAIServer(responder=responder, **options)
print(server.base_url, flush=True)
for command in sys.stdin:
    if command.strip() == "count":
        print(server.request_count, flush=True)
    elif command.strip() == "reset":
        server.reset_log()
        print("ok", flush=True)
server.stop()
"""


def git_show(repo: Path | str, commit: str, path: str) -> str:
    """The text of ``path`` at ``commit`` in the clone ``repo`` (benchmark data is read at a
    pinned commit, never copied into this repository)."""
    return subprocess.run(
        ["git", "-C", str(repo), "show", f"{commit}:{path}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


class ServerProcess:
    """``FakeOpenAIServer`` in a child process; a context manager.

    Args:
        latency_s: delay of every response.
        honour_n: ``False`` answers every request with one choice, as llama-cpp-python does.
        reply: the answer text, formatted with ``index`` (the choice's index); the server's
            default numbered answers when ``None``.
    """

    def __init__(
        self, *, latency_s: float = 0.0, honour_n: bool = True, reply: str | None = None
    ) -> None:
        options = {"latency_s": latency_s, "honour_n": honour_n, "reply": reply}
        self._child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, json.dumps(options)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.base_url = self._read()
        """``http://127.0.0.1:<port>``; the OpenAI SDK wants ``base_url + "/v1"``."""

    def _read(self) -> str:
        assert self._child.stdout is not None
        line = self._child.stdout.readline().strip()
        if not line:
            self.stop()
            raise RuntimeError("the fake server process exited before serving")
        return line

    def _ask(self, command: str) -> str:
        assert self._child.stdin is not None
        self._child.stdin.write(command + "\n")
        self._child.stdin.flush()
        return self._read()

    def request_count(self) -> int:
        """Requests the server received since it started or since :meth:`reset`."""
        return int(self._ask("count"))

    def reset(self) -> None:
        """Forget the requests received so far."""
        self._ask("reset")

    def stop(self) -> None:
        """Close the child's stdin (it then stops its server) and wait for it; idempotent."""
        if self._child.stdin is not None and not self._child.stdin.closed:
            self._child.stdin.close()
        try:
            self._child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._child.kill()
            self._child.wait()
        if self._child.stdout is not None:
            self._child.stdout.close()

    def __enter__(self) -> ServerProcess:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
