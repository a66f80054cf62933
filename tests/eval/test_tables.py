"""Tables: groups, failures, paired deltas (properties over random records)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from polypick.eval import ItemRecord, group_rows, paired_deltas
from polypick.eval.tables import format_interval

record_fields = st.tuples(
    st.sampled_from(["en", "de", "ja", None]),
    st.sampled_from(["hard", "creative", None]),
    st.sampled_from([0.0, 0.5, 1.0, None]),
    st.sampled_from([0.0, 0.5, 1.0, None]),
)


Row = tuple[str | None, str | None, float | None, float | None]


def _records(rows: list[Row]) -> list[ItemRecord]:
    made = []
    for system, n, position in (("greedy", 1, 2), ("bon@5", 5, 3)):
        for k, row in enumerate(rows):
            score = row[position]
            made.append(
                ItemRecord(task="winrate", system=system, n=n, item=f"i{k}", language=row[0],
                           category=row[1], score=score,
                           error=None if score is not None else "failed")
            )  # fmt: skip
    return made


@settings(max_examples=50, deadline=None)
@given(rows=st.lists(record_fields, min_size=1, max_size=25))
def test_groups_partition_the_scored_records_and_count_the_failed(
    rows: list[Row],
) -> None:
    records = _records(rows)
    table = group_rows(records, resamples=50)
    for system in ("greedy", "bon@5"):
        mine = [r for r in records if r.system == system]
        scored = [r for r in mine if r.ok]
        found = {(t.by, t.group): t for t in table if t.system == system}
        if not scored:
            assert not found
            continue
        overall = found[("all", "all")]
        assert overall.interval.count == len(scored)
        assert overall.failed == len(mine) - len(scored)
        for by, unlabelled in (("language", "unknown"), ("category", "none")):
            counts = {g: t.interval.count for (b, g), t in found.items() if b == by}
            if any(getattr(r, by) for r in mine):  # groups partition the scored records
                assert sum(counts.values()) == len(scored)
                missing = sum(1 for r in scored if getattr(r, by) is None)
                assert counts.get(unlabelled, 0) == missing
            else:
                assert not counts
        for t in found.values():
            assert 0 <= t.interval.low <= t.interval.point <= t.interval.high <= 1


@settings(max_examples=50, deadline=None)
@given(rows=st.lists(record_fields, min_size=1, max_size=25))
def test_deltas_pair_the_prompts_both_systems_scored(
    rows: list[Row],
) -> None:
    records = _records(rows)
    deltas = {(d.by, d.group): d for d in paired_deltas(records, "greedy", resamples=50)}
    pairs = [(r[2], r[3]) for r in rows if r[2] is not None and r[3] is not None]
    if not pairs:
        assert not deltas
        return
    overall = deltas[("all", "all")].interval
    assert overall.count == len(pairs)
    assert abs(overall.point - sum(b - a for a, b in pairs) / len(pairs)) < 1e-9
    assert -1 <= overall.low <= overall.point <= overall.high <= 1


def test_intervals_print_as_percentages_or_as_they_are() -> None:
    from polypick.eval import Interval

    interval = Interval(point=0.5, low=0.25, high=0.75, count=4, confidence=0.95)
    assert format_interval(interval, percent=True) == "50.0 [25.0, 75.0]"
    assert format_interval(interval, percent=False) == "0.5 [0.2, 0.8]"
