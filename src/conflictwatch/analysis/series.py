"""Counts and fatalities over time and by category: the numbers every trend statement rests on.

``monthly_series(store.events(EventFilter(country="Mali")), start, end).counts`` gives one count
per calendar month, zeros included; ``breakdown(events, Dimension.FAMILY, family_of=...)`` the
events and deaths per actor family.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

from ..model import Event
from .buckets import Bucket
from .families import OTHER, FamilyOf


@dataclass(frozen=True)
class Tally:
    """How many events and how many deaths (best estimate) a group holds."""

    key: str
    events: int
    fatalities: int


@dataclass(frozen=True)
class TimeCount:
    """One time bucket: its first day, label and tally."""

    start: dt.date
    label: str
    events: int
    fatalities: int


@dataclass(frozen=True)
class TimeSeries:
    """Counts per bucket from ``first`` to ``last`` with empty buckets filled with zeros."""

    bucket: Bucket
    points: tuple[TimeCount, ...]

    @property
    def counts(self) -> tuple[int, ...]:
        return tuple(p.events for p in self.points)

    @property
    def fatalities(self) -> tuple[int, ...]:
        return tuple(p.fatalities for p in self.points)

    @property
    def starts(self) -> tuple[dt.date, ...]:
        return tuple(p.start for p in self.points)

    @property
    def total(self) -> int:
        return sum(self.counts)


class Dimension(str, Enum):
    """What to group events by."""

    ACTOR = "actor"  # actor1
    FAMILY = "family"  # family of actor1 in the pack; needs a family lookup
    EVENT_TYPE = "event_type"
    SUB_EVENT_TYPE = "sub_event_type"
    ADMIN1 = "admin1"
    ADMIN2 = "admin2"
    COUNTRY = "country"


@dataclass(frozen=True)
class Breakdown:
    """Events grouped by one dimension, largest first (ties by key)."""

    dimension: Dimension
    rows: tuple[Tally, ...]

    @property
    def total(self) -> int:
        return sum(r.events for r in self.rows)

    def get(self, key: str) -> Tally:
        """The tally for ``key``, or a zero tally if no event had it."""
        return next((r for r in self.rows if r.key == key), Tally(key, 0, 0))


def key_function(dimension: Dimension, family_of: FamilyOf | None = None) -> Callable[[Event], str]:
    """How to read the grouping key of ``dimension`` from an event (blank values read "")."""
    if dimension is Dimension.FAMILY:
        if family_of is None:
            raise ValueError("grouping by family needs a family lookup (families.family_lookup)")
        lookup = family_of
        return lambda e: lookup(e.actor1) if e.actor1 else OTHER
    if dimension is Dimension.ACTOR:
        return lambda e: e.actor1
    if dimension is Dimension.EVENT_TYPE:
        return lambda e: e.event_type.value
    if dimension is Dimension.SUB_EVENT_TYPE:
        return lambda e: e.sub_event_type.value
    if dimension is Dimension.ADMIN1:
        return lambda e: e.admin1
    if dimension is Dimension.ADMIN2:
        return lambda e: e.admin2
    return lambda e: e.country


def breakdown(
    events: Iterable[Event], dimension: Dimension, *, family_of: FamilyOf | None = None
) -> Breakdown:
    """Counts and fatalities per value of ``dimension``."""
    key = key_function(dimension, family_of)
    counts: dict[str, list[int]] = {}
    for event in events:
        tally = counts.setdefault(key(event), [0, 0])
        tally[0] += 1
        tally[1] += event.fatalities
    rows = sorted(
        (Tally(k, n, f) for k, (n, f) in counts.items()), key=lambda t: (-t.events, t.key)
    )
    return Breakdown(dimension, tuple(rows))


def time_series(
    events: Iterable[Event],
    bucket: Bucket,
    *,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> TimeSeries:
    """Counts per day/week/month/year, zero-filled from ``first`` to ``last``.

    Without bounds the series runs from the first to the last event; events outside given bounds
    are left out.
    """
    counts: dict[dt.date, list[int]] = {}
    for event in events:
        day = event.event_date
        if (first and day < first) or (last and day > last):
            continue
        tally = counts.setdefault(bucket.start(day), [0, 0])
        tally[0] += 1
        tally[1] += event.fatalities
    if not counts and (first is None or last is None):
        return TimeSeries(bucket, ())
    lo = first or min(counts)
    hi = last or max(counts)
    points = tuple(
        TimeCount(s, bucket.label(s), *counts.get(s, [0, 0])) for s in bucket.span(lo, hi)
    )
    return TimeSeries(bucket, points)


def monthly_series(events: Iterable[Event], first: dt.date, last: dt.date) -> TimeSeries:
    """Counts per calendar month from the month of ``first`` to that of ``last``, zeros included."""
    return time_series(events, Bucket.MONTH, first=Bucket.MONTH.start(first), last=last)


@dataclass(frozen=True)
class GroupSeries:
    """One time series per group (e.g. per actor family), on the same buckets."""

    dimension: Dimension
    bucket: Bucket
    series: tuple[tuple[str, TimeSeries], ...]

    def of(self, key: str) -> TimeSeries:
        for name, series in self.series:
            if name == key:
                return series
        raise KeyError(f"no series for {key!r}; groups are: {[n for n, _ in self.series]}")


def grouped_series(
    events: Iterable[Event],
    dimension: Dimension,
    bucket: Bucket,
    first: dt.date,
    last: dt.date,
    *,
    family_of: FamilyOf | None = None,
) -> GroupSeries:
    """A zero-filled series per value of ``dimension`` (e.g. monthly events per actor family)."""
    key = key_function(dimension, family_of)
    groups: dict[str, list[Event]] = {}
    for event in events:
        groups.setdefault(key(event), []).append(event)
    series = tuple(
        (name, time_series(members, bucket, first=first, last=last))
        for name, members in sorted(groups.items())
    )
    return GroupSeries(dimension, bucket, series)
