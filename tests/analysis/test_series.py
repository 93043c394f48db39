"""Counts over time and by category, read back from a real store."""

from __future__ import annotations

import datetime as dt

import pytest

from conflictwatch.analysis import Bucket, Dimension, breakdown, family_lookup, monthly_series
from conflictwatch.analysis.series import grouped_series, time_series
from conflictwatch.knowledge import Pack
from conflictwatch.taxonomy import EventType, SubEventType

from .conftest import Numbered, Stored

JNIM = "JNIM: Group for Support of Islam and Muslims"
ARMY = "Military Forces of Mali (2021-)"
D = dt.date


def test_monthly_series_fills_empty_months_with_zeros(stored: Stored, event: Numbered) -> None:
    events = stored(
        [event(D(2023, 2, 3)), event(D(2023, 2, 20), fatalities=5), event(D(2023, 4, 1))]
    )
    series = monthly_series(events, D(2023, 1, 1), D(2023, 5, 31))
    assert [p.label for p in series.points] == [
        "2023-01",
        "2023-02",
        "2023-03",
        "2023-04",
        "2023-05",
    ]
    assert series.counts == (0, 2, 0, 1, 0)
    assert series.fatalities == (0, 3 + 5, 0, 3, 0)
    assert series.total == 3


@pytest.mark.parametrize(
    ("bucket", "labels", "counts"),
    [
        (Bucket.DAY, ["2023-01-02", "2023-01-03", "2023-01-04"], (2, 0, 1)),
        (Bucket.WEEK, ["2023-W01"], (3,)),
        (Bucket.MONTH, ["2023-01"], (3,)),
        (Bucket.YEAR, ["2023"], (3,)),
    ],
)
def test_time_series_by_bucket(
    stored: Stored, event: Numbered, bucket: Bucket, labels: list[str], counts: tuple[int, ...]
) -> None:
    events = stored([event(D(2023, 1, 2)), event(D(2023, 1, 2)), event(D(2023, 1, 4))])
    series = time_series(events, bucket)
    assert [p.label for p in series.points] == labels
    assert series.counts == counts


def test_weeks_start_on_monday(stored: Stored, event: Numbered) -> None:
    # Sunday 8 January 2023 belongs to the week of Monday 2 January.
    events = stored([event(D(2023, 1, 8)), event(D(2023, 1, 9))])
    series = time_series(events, Bucket.WEEK)
    assert series.starts == (D(2023, 1, 2), D(2023, 1, 9))


@pytest.mark.parametrize(
    ("dimension", "expected"),
    [
        (Dimension.ACTOR, {JNIM: 2, "Wagner Group": 1, "Unknown band": 1}),
        (Dimension.FAMILY, {"al-qaeda": 2, "foreign": 1, "other": 1}),
        (Dimension.EVENT_TYPE, {"Battles": 3, "Violence against civilians": 1}),
        (Dimension.SUB_EVENT_TYPE, {"Armed clash": 3, "Attack": 1}),
        (Dimension.ADMIN1, {"Mopti": 3, "Gao": 1}),
        (Dimension.ADMIN2, {"Bankass": 3, "Ansongo": 1}),
    ],
)
def test_breakdown_by_dimension(
    stored: Stored, event: Numbered, sahel: Pack, dimension: Dimension, expected: dict[str, int]
) -> None:
    day = D(2023, 3, 1)
    events = stored(
        [
            event(day),
            event(day, fatalities=10),
            event(day, actor1="Wagner Group"),
            event(
                day,
                actor1="Unknown band",
                event_type=EventType.VIOLENCE_AGAINST_CIVILIANS,
                sub_event_type=SubEventType.ATTACK,
                admin1="Gao",
                admin2="Ansongo",
            ),
        ]
    )
    table = breakdown(events, dimension, family_of=family_lookup(sahel))
    assert {row.key: row.events for row in table.rows} == expected
    assert table.total == 4
    assert table.rows[0].events == max(expected.values())


def test_breakdown_carries_fatalities(stored: Stored, event: Numbered, sahel: Pack) -> None:
    events = stored([event(D(2023, 3, 1), fatalities=10), event(D(2023, 3, 2), fatalities=4)])
    table = breakdown(events, Dimension.FAMILY, family_of=family_lookup(sahel))
    assert table.get("al-qaeda").fatalities == 14
    assert table.get("islamic-state").events == 0


def test_family_needs_a_lookup(stored: Stored, event: Numbered) -> None:
    with pytest.raises(ValueError, match="family lookup"):
        breakdown(stored([event(D(2023, 3, 1))]), Dimension.FAMILY)


def test_grouped_series_share_one_calendar(stored: Stored, event: Numbered, sahel: Pack) -> None:
    events = stored([event(D(2023, 1, 5)), event(D(2023, 3, 5), actor1=ARMY)])
    groups = grouped_series(
        events,
        Dimension.FAMILY,
        Bucket.MONTH,
        D(2023, 1, 1),
        D(2023, 3, 31),
        family_of=family_lookup(sahel),
    )
    assert groups.of("al-qaeda").counts == (1, 0, 0)
    assert groups.of("state").counts == (0, 0, 1)
