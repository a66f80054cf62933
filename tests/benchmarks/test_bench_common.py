"""The benchmarks' shared helpers: statistics, ratios, tables, round-robin timing, the server
process."""

from __future__ import annotations

import math
import statistics
from types import ModuleType

import openai
from hypothesis import given
from hypothesis import strategies as st

finite = st.floats(min_value=1e-6, max_value=1e6, allow_nan=False)
cells = st.text(alphabet=st.characters(blacklist_characters="|\n\r"), max_size=12)


@given(st.lists(finite, min_size=1, max_size=30))
def test_median_lies_between_the_extremes_and_ignores_order(
    common: ModuleType, values: list[float]
) -> None:
    value = common.median(values)
    assert min(values) <= value <= max(values)
    assert value == common.median(list(reversed(values)))
    assert value == statistics.median(values)


def test_median_of_nothing_is_nan_not_an_error(common: ModuleType) -> None:
    assert math.isnan(common.median([]))


@given(finite, finite)
def test_ratio_times_baseline_gives_the_value_back(
    common: ModuleType, value: float, baseline: float
) -> None:
    assert math.isclose(common.ratio(value, baseline) * baseline, value, rel_tol=1e-9)


def test_ratio_without_a_usable_baseline_is_nan_and_prints_as_na(common: ModuleType) -> None:
    assert math.isnan(common.ratio(1.0, 0.0))
    assert math.isnan(common.ratio(1.0, math.nan))
    assert common.format_ratio(common.ratio(1.0, 0.0)) == "n/a"
    assert common.format_ratio(1.234) == "1.23x"


@given(
    st.integers(min_value=1, max_value=5).flatmap(
        lambda width: st.tuples(
            st.lists(cells, min_size=width, max_size=width),
            st.lists(st.lists(cells, min_size=width, max_size=width), max_size=6),
        )
    )
)
def test_markdown_table_has_a_line_per_row_and_every_cell_in_place(
    common: ModuleType, table: tuple[list[str], list[list[str]]]
) -> None:
    headers, rows = table
    lines = common.format_table(headers, rows, True).split("\n")
    assert len(lines) == 2 + len(rows)
    assert lines[1] == "|" + "---|" * len(headers)
    for line, row in zip([lines[0], *lines[2:]], [headers, *rows], strict=True):
        assert [cell.strip() for cell in line[2:-2].split(" | ")] == [c.strip() for c in row]


def test_plain_table_aligns_left_columns_left_and_the_rest_right(common: ModuleType) -> None:
    text = common.format_table(
        ["N", "who", "time"], [["4", "a", "1 ms"], ["16", "bbb", "10 ms"]], False, left=2
    )
    assert text.split("\n") == [
        "N   who   time",
        "4   a     1 ms",
        "16  bbb  10 ms",
    ]


def test_a_row_with_the_wrong_number_of_cells_is_refused(common: ModuleType) -> None:
    try:
        common.format_table(["a", "b"], [["1"]], True)
    except ValueError as exc:
        assert "one cell per header" in str(exc)
    else:
        raise AssertionError("a short row was accepted")


async def test_interleaved_runs_cases_round_robin_after_the_warm_up(common: ModuleType) -> None:
    calls: list[str] = []

    def case(name: str) -> object:
        async def call() -> None:
            calls.append(name)

        return call

    times = await common.interleaved({"a": case("a"), "b": case("b")}, 3, warmup=2)
    assert calls == ["a", "b"] * 5  # two untimed warm-up rounds, then three timed ones
    assert {name: len(samples) for name, samples in times.items()} == {"a": 3, "b": 3}
    assert all(t >= 0 for samples in times.values() for t in samples)


async def test_server_process_serves_the_reply_and_counts_requests(common: ModuleType) -> None:
    with common.ServerProcess(honour_n=False, reply="answer {index}") as server:
        client = openai.AsyncOpenAI(base_url=server.base_url + "/v1", api_key="t", max_retries=0)
        messages = [{"role": "user", "content": "hi"}]
        for _ in range(3):
            response = await client.chat.completions.create(
                model="m",
                messages=messages,
                n=3,  # type: ignore[arg-type]
            )
            assert [c.message.content for c in response.choices] == ["answer 0"]  # n ignored
        assert server.request_count() == 3
        server.reset()
        assert server.request_count() == 0
        await client.close()
    assert server._child.returncode is not None  # stopped with the context
