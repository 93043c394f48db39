"""Rate comparisons with exact intervals, for date ranges and pack milestones."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from conflictwatch.analysis import (
    DateRange,
    Dimension,
    around_milestone,
    compare_groups,
    compare_ranges,
    family_lookup,
    milestone,
    rate_ratio,
)
from conflictwatch.analysis.periods import between_milestones
from conflictwatch.errors import InputError
from conflictwatch.knowledge import Pack
from conflictwatch.model import Event

from .conftest import Numbered, Stored

D = dt.date


def spread_over(event: Numbered, year: int, n: int) -> list[Event]:
    return [event(D(year, 1, 1) + dt.timedelta(days=i * 365 // n)) for i in range(n)]


def test_three_times_as_many_events_gives_ratio_three(stored: Stored, event: Numbered) -> None:
    events = stored(spread_over(event, 2022, 10) + spread_over(event, 2023, 30))
    result = compare_ranges(events, DateRange.year(2022), DateRange.year(2023))
    assert (result.a.events, result.b.events) == (10, 30)
    assert result.rate_ratio == pytest.approx(3.0)
    assert result.lower < 3 < result.upper
    assert result.lower > 1 and result.significant
    assert "Clopper" in result.method
    assert "rate ratio 3.00" in result.describe()


@pytest.mark.parametrize(
    ("a", "a_days", "b", "b_days", "rr", "lower", "upper"),
    [
        # Same days: RR = b / a; bounds from the binomial interval for b out of a + b.
        (10, 365, 30, 365, 3.0, 0.5880 / 0.4120, 0.8731 / 0.1269),
        (20, 100, 20, 200, 0.5, None, None),  # half the rate over twice the days
        (0, 365, 5, 365, math.inf, 0.4782 / 0.5218, math.inf),  # 0.4782 = 0.025 ** (1 / 5)
        (5, 365, 0, 365, 0.0, 0.0, 0.5218 / 0.4782),
    ],
)
def test_rate_ratio_table(
    a: int, a_days: int, b: int, b_days: int, rr: float, lower: float | None, upper: float | None
) -> None:
    got_rr, got_lower, got_upper = rate_ratio(a, a_days, b, b_days)
    assert got_rr == pytest.approx(rr)
    assert got_lower <= got_rr <= got_upper
    if lower is not None:
        assert got_lower == pytest.approx(lower, rel=2e-3)
    if upper is not None:
        assert got_upper == pytest.approx(upper, rel=2e-3)


def test_no_events_at_all_says_nothing() -> None:
    rr, lower, upper = rate_ratio(0, 10, 0, 10)
    assert math.isnan(rr) and lower == 0 and math.isinf(upper)


def test_equal_rates_are_not_significant(stored: Stored, event: Numbered) -> None:
    events = stored(spread_over(event, 2022, 12) + spread_over(event, 2023, 12))
    result = compare_ranges(events, DateRange.year(2022), DateRange.year(2023))
    assert result.rate_ratio == pytest.approx(1.0)
    assert not result.significant


@pytest.mark.parametrize(
    ("period_id", "date"),
    [
        ("ml-2020-coup", D(2020, 8, 18)),
        ("ml-2021-wagner", D(2021, 12, 1)),
        ("ml-2023-minusma-end", D(2023, 12, 31)),
    ],
)
def test_milestones_come_from_the_pack(sahel: Pack, period_id: str, date: dt.date) -> None:
    assert milestone(sahel, period_id).date == date


def test_unknown_milestone_lists_the_known_ones(sahel: Pack) -> None:
    with pytest.raises(InputError, match="ml-2020-coup"):
        milestone(sahel, "ml-1999-nothing")


def test_before_and_after_the_2020_coup(stored: Stored, event: Numbered, sahel: Pack) -> None:
    coup = milestone(sahel, "ml-2020-coup")
    before = [event(coup.date - dt.timedelta(days=1 + 30 * i)) for i in range(5)]
    after = [event(coup.date + dt.timedelta(days=10 * i)) for i in range(20)]
    result = around_milestone(stored(before + after), coup, days=180)
    assert (result.a.events, result.b.events) == (5, 18)  # 20 after, 18 within 180 days
    assert result.a.range.end == coup.date - dt.timedelta(days=1)
    assert result.b.range.start == coup.date
    assert result.a.range.days == result.b.range.days == 180
    assert result.rate_ratio == pytest.approx(18 / 5)


def test_after_window_cut_at_data_end_keeps_rates_comparable(
    stored: Stored, event: Numbered, sahel: Pack
) -> None:
    end = milestone(sahel, "ml-2023-minusma-end")
    events = stored(
        [event(end.date - dt.timedelta(days=i)) for i in range(1, 11)]
        + [event(end.date + dt.timedelta(days=i)) for i in range(10)]
    )
    result = around_milestone(events, end, days=100, until=end.date + dt.timedelta(days=49))
    assert result.b.range.days == 50
    assert result.rate_ratio == pytest.approx((10 / 50) / (10 / 100))


def test_range_must_not_end_before_it_starts() -> None:
    with pytest.raises(InputError, match="before it starts"):
        DateRange(D(2023, 2, 1), D(2023, 1, 1))


def test_between_milestones_compares_equal_stretches(
    stored: Stored, event: Numbered, sahel: Pack
) -> None:
    coup = milestone(sahel, "ml-2020-coup")
    wagner = milestone(sahel, "ml-2021-wagner")
    span = (wagner.date - coup.date).days
    events = stored(
        [event(coup.date + dt.timedelta(days=i)) for i in range(4)]
        + [event(wagner.date + dt.timedelta(days=i)) for i in range(12)]
    )
    result = between_milestones(events, coup, wagner)
    assert result.a.range.days == result.b.range.days == span
    assert result.rate_ratio == pytest.approx(3.0)


def test_compare_groups_by_family(stored: Stored, event: Numbered, sahel: Pack) -> None:
    jnim = "JNIM: Group for Support of Islam and Muslims"
    army = "Military Forces of Mali (2021-)"
    events = stored(
        [event(D(2019, 5, d), actor1=jnim) for d in range(1, 11)]
        + [event(D(2023, 5, d), actor1=jnim) for d in range(1, 29)]
        + [event(D(2019, 6, d), actor1=army) for d in range(1, 5)]
        + [event(D(2023, 6, d), actor1=army) for d in range(1, 5)]
    )
    rows = compare_groups(
        events,
        DateRange.year(2019),
        DateRange.year(2023),
        Dimension.FAMILY,
        family_of=family_lookup(sahel),
    )
    by_family = {row.key: row.comparison for row in rows}
    assert by_family["al-qaeda"].rate_ratio == pytest.approx(2.8)
    assert by_family["al-qaeda"].significant
    assert by_family["state"].rate_ratio == pytest.approx(1.0)
    assert rows[0].key == "al-qaeda"
