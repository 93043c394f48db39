"""Improbable area-weeks and change points in monthly series, on data built to have them."""

from __future__ import annotations

import datetime as dt

import pytest

from conflictwatch.analysis import AnomalyOptions, change_points, monthly_series, weekly_anomalies
from conflictwatch.analysis.buckets import Bucket
from conflictwatch.analysis.series import TimeCount, TimeSeries

from .conftest import Numbered, Stored

D = dt.date
MONDAY = D(2024, 1, 1)


def week(i: int) -> dt.date:
    return MONDAY + dt.timedelta(weeks=i)


def test_a_week_of_20_after_12_weeks_of_1_is_flagged(stored: Stored, event: Numbered) -> None:
    quiet = [event(week(i), admin1="Mopti") for i in range(12)]
    surge = [event(week(12) + dt.timedelta(days=i % 7), admin1="Mopti") for i in range(20)]
    events = stored(quiet + surge)
    (flag,) = weekly_anomalies(events)
    assert (flag.area, flag.week_start, flag.week) == ("Mopti", week(12), "2024-W13")
    assert (flag.observed, flag.expected, flag.baseline_weeks) == (20, 1.0, 12)
    assert flag.p_value < 1e-10
    assert len(flag.event_ids) == 20


@pytest.mark.parametrize(
    ("surge", "flagged"),
    [
        (2, False),  # below min_count
        (3, False),  # P(X >= 3 | 1) = 0.08
        (5, True),  # P(X >= 5 | 1) = 0.0037
    ],
)
def test_threshold_of_the_flag(stored: Stored, event: Numbered, surge: int, flagged: bool) -> None:
    quiet = [event(week(i), admin1="Gao") for i in range(12)]
    events = stored(quiet + [event(week(12), admin1="Gao") for _ in range(surge)])
    assert bool(weekly_anomalies(events)) is flagged


def test_areas_are_judged_against_their_own_past(stored: Stored, event: Numbered) -> None:
    # Mopti is always busy (5 a week); Kayes is quiet until week 12. Only Kayes is flagged.
    mopti = [event(week(i), admin1="Mopti") for i in range(13) for _ in range(5)]
    kayes = [event(week(12), admin1="Kayes") for _ in range(6)]
    flags = weekly_anomalies(stored(mopti + kayes), AnomalyOptions(baseline_weeks=12))
    assert [(f.area, f.observed) for f in flags] == [("Kayes", 6)]
    assert flags[0].expected == 0.0


def series_of(counts: list[int]) -> TimeSeries:
    starts = list(Bucket.MONTH.span(D(2022, 1, 1), D(2100, 1, 1)))[: len(counts)]
    return TimeSeries(
        Bucket.MONTH,
        tuple(
            TimeCount(s, Bucket.MONTH.label(s), c, 0) for s, c in zip(starts, counts, strict=True)
        ),
    )


@pytest.mark.parametrize(
    ("counts", "months"),
    [
        ([2] * 12, []),
        ([2, 3, 1, 2, 2, 3, 2, 1, 2, 3, 2, 2], []),
        ([2] * 8 + [20] * 10, ["2022-09"]),
        ([20] * 10 + [2] * 8, ["2022-11"]),
        ([1] * 8 + [15] * 8 + [40] * 8, ["2022-09", "2023-05"]),
    ],
)
def test_change_points(counts: list[int], months: list[str]) -> None:
    assert [c.label for c in change_points(series_of(counts))] == months


def test_change_point_carries_levels(stored: Stored, event: Numbered) -> None:
    days = [D(2022, m, 5) for m in range(1, 7) for _ in range(2)]
    days += [D(2022, m, 5) for m in range(7, 13) for _ in range(12)]
    series = monthly_series(stored([event(d) for d in days]), D(2022, 1, 1), D(2022, 12, 31))
    (point,) = change_points(series)
    assert point.start == D(2022, 7, 1)
    assert (point.before_mean, point.after_mean) == (2.0, 12.0)
    assert point.gain > 0
