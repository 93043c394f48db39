"""Before/after comparisons: event rates in two date ranges, their ratio and an exact interval.

Method (stated in every result as ``RateComparison.method``): the rate of a range is events per day.
The rate ratio ``RR = (b / days_b) / (a / days_a)``. Its confidence interval is the *exact
conditional* one: given the total ``n = a + b``, the count ``b`` is Binomial(n, p) with
``p = days_b·RR / (days_a + days_b·RR)``. A Clopper–Pearson interval ``(p_lo, p_hi)`` for ``p``
maps to ``RR = p / (1 - p) · days_a / days_b``. It needs no continuity correction: with ``b = 0``
the lower bound is 0, with ``a = 0`` the upper bound is infinite (and the ratio itself is
infinite), which is honest for "no events before".

Named periods come from a knowledge pack (``ml-2020-coup``, ``ml-2021-wagner``,
``ml-2023-minusma-end``, ...): :func:`around_milestone` compares equal windows before and after
the milestone date.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import InputError
from ..knowledge import Pack, Period
from ..model import Event
from .buckets import DateRange
from .families import FamilyOf
from .poisson import clopper_pearson
from .series import Dimension, key_function

METHOD = "exact conditional (Clopper–Pearson on b | a + b) interval for the Poisson rate ratio"


@dataclass(frozen=True)
class RangeCount:
    """Events and deaths in one date range, and the rate per day and per 30 days."""

    range: DateRange
    events: int
    fatalities: int

    @property
    def per_day(self) -> float:
        return self.events / self.range.days

    @property
    def per_30_days(self) -> float:
        return 30 * self.per_day


@dataclass(frozen=True)
class RateComparison:
    """Range B against range A: ``rate_ratio`` > 1 means more events per day in B."""

    a: RangeCount
    b: RangeCount
    rate_ratio: float
    lower: float
    upper: float
    confidence: float
    method: str = METHOD

    @property
    def significant(self) -> bool:
        """True when the interval excludes 1 (no change)."""
        return self.lower > 1 or self.upper < 1

    def describe(self) -> str:
        """One sentence a briefing can quote, with the numbers behind it."""
        return (
            f"{self.b.events} events in {self.b.range} ({self.b.per_30_days:.1f} per 30 days) vs "
            f"{self.a.events} in {self.a.range} ({self.a.per_30_days:.1f} per 30 days): "
            f"rate ratio {_fmt(self.rate_ratio)} "
            f"({self.confidence:.0%} CI {_fmt(self.lower)}–{_fmt(self.upper)})"
        )


def _fmt(value: float) -> str:
    return "∞" if math.isinf(value) else f"{value:.2f}"


def rate_ratio(
    a_events: int, a_days: int, b_events: int, b_days: int, confidence: float = 0.95
) -> tuple[float, float, float]:
    """Rate ratio of B over A with its exact conditional interval: ``(rr, lower, upper)``.

    Both counts zero gives ``(nan, 0, inf)``: nothing can be said.
    """
    if a_days <= 0 or b_days <= 0:
        raise InputError("both ranges need at least one day", field="days")
    n = a_events + b_events
    scale = a_days / b_days
    if n == 0:
        return math.nan, 0.0, math.inf
    rr = math.inf if a_events == 0 else (b_events / b_days) / (a_events / a_days)
    p_lo, p_hi = clopper_pearson(b_events, n, confidence)
    lower = p_lo / (1 - p_lo) * scale
    upper = math.inf if p_hi >= 1 else p_hi / (1 - p_hi) * scale
    return rr, lower, upper


def count_in(events: Iterable[Event], ranges: Iterable[DateRange]) -> tuple[RangeCount, ...]:
    """Events and deaths in each range (ranges may overlap; one pass over the events)."""
    wanted = tuple(ranges)
    tallies = [[0, 0] for _ in wanted]
    for event in events:
        for i, span in enumerate(wanted):
            if event.event_date in span:
                tallies[i][0] += 1
                tallies[i][1] += event.fatalities
    return tuple(RangeCount(r, n, f) for r, (n, f) in zip(wanted, tallies, strict=True))


def compare_ranges(
    events: Iterable[Event], a: DateRange, b: DateRange, *, confidence: float = 0.95
) -> RateComparison:
    """Compare the event rate in range ``b`` with that in range ``a``."""
    count_a, count_b = count_in(events, (a, b))
    rr, lower, upper = rate_ratio(
        count_a.events, a.days, count_b.events, b.days, confidence=confidence
    )
    return RateComparison(count_a, count_b, rr, lower, upper, confidence)


def milestone(pack: Pack, period_id: str) -> Period:
    """A named period of the pack by id; a miss lists the ids there are."""
    for period in pack.all_periods:
        if period.id == period_id:
            return period
    known = ", ".join(p.id for p in pack.all_periods)
    raise InputError(f"no period {period_id!r} in pack {pack.name!r}; known: {known}")


def windows_around(
    day: dt.date, days: int, *, label: str = "", until: dt.date | None = None
) -> tuple[DateRange, DateRange]:
    """Equal windows of ``days`` days before ``day`` and from ``day`` on.

    ``until`` cuts the after-window short (data end); the rate per day keeps them comparable.
    """
    before = DateRange(day - dt.timedelta(days=days), day - dt.timedelta(days=1), f"before {label}")
    end = day + dt.timedelta(days=days - 1)
    if until is not None:
        end = min(end, until)
    return before, DateRange(day, end, f"after {label}")


def around_milestone(
    events: Iterable[Event],
    period: Period,
    *,
    days: int = 365,
    until: dt.date | None = None,
    confidence: float = 0.95,
) -> RateComparison:
    """Events per day in the ``days`` after a milestone against the ``days`` before it."""
    before, after = windows_around(period.date, days, label=period.label_in("en"), until=until)
    return compare_ranges(events, before, after, confidence=confidence)


def between_milestones(
    events: Iterable[Event],
    first: Period,
    second: Period,
    *,
    confidence: float = 0.95,
) -> RateComparison:
    """The stretch from ``first`` up to ``second`` (A) against an equal stretch from ``second`` (B)."""
    span = (second.date - first.date).days
    if span <= 0:
        raise InputError(f"period {second.id!r} does not come after {first.id!r}")
    a = DateRange(first.date, second.date - dt.timedelta(days=1), first.label_in("en"))
    b = DateRange(second.date, second.date + dt.timedelta(days=span - 1), second.label_in("en"))
    return compare_ranges(events, a, b, confidence=confidence)


@dataclass(frozen=True)
class GroupComparison:
    """Range B against range A for one group (an actor family, a region, ...)."""

    key: str
    comparison: RateComparison


def compare_groups(
    events: Iterable[Event],
    a: DateRange,
    b: DateRange,
    dimension: Dimension,
    *,
    family_of: FamilyOf | None = None,
    confidence: float = 0.95,
) -> tuple[GroupComparison, ...]:
    """One rate comparison per value of ``dimension``, most events in B first.

    "Al-Qaeda-family events in 2023 against 2019" is ``compare_groups(events, y2019, y2023,
    Dimension.FAMILY, family_of=family_lookup(pack))``, then ``.key == "al-qaeda"``.
    """
    key = key_function(dimension, family_of)
    groups: dict[str, list[Event]] = {}
    for event in events:
        if event.event_date in a or event.event_date in b:
            groups.setdefault(key(event), []).append(event)
    rows = [
        GroupComparison(name, compare_ranges(members, a, b, confidence=confidence))
        for name, members in groups.items()
    ]
    return tuple(sorted(rows, key=lambda g: (-g.comparison.b.events, g.key)))
