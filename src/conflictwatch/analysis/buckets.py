"""Time buckets (day, ISO week, month, year) and date ranges shared by every analysis."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from ..errors import InputError


class Bucket(str, Enum):
    """How finely to cut time. A bucket is named by its first day (weeks start on Monday)."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"

    def start(self, day: dt.date) -> dt.date:
        """The first day of the bucket holding ``day``."""
        if self is Bucket.DAY:
            return day
        if self is Bucket.WEEK:
            return day - dt.timedelta(days=day.weekday())
        if self is Bucket.MONTH:
            return day.replace(day=1)
        return dt.date(day.year, 1, 1)

    def next(self, start: dt.date) -> dt.date:
        """The first day of the following bucket."""
        if self is Bucket.DAY:
            return start + dt.timedelta(days=1)
        if self is Bucket.WEEK:
            return start + dt.timedelta(days=7)
        if self is Bucket.MONTH:
            return add_months(start, 1)
        return dt.date(start.year + 1, 1, 1)

    def span(self, first: dt.date, last: dt.date) -> Iterator[dt.date]:
        """Every bucket start from the one holding ``first`` to the one holding ``last``."""
        current = self.start(first)
        while current <= last:
            yield current
            current = self.next(current)

    def label(self, start: dt.date) -> str:
        if self is Bucket.YEAR:
            return f"{start.year}"
        if self is Bucket.MONTH:
            return f"{start:%Y-%m}"
        if self is Bucket.WEEK:
            year, week, _ = start.isocalendar()
            return f"{year}-W{week:02d}"
        return start.isoformat()


def add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class DateRange:
    """An inclusive range of days, ``start`` to ``end``, optionally named ("after the 2020 coup")."""

    start: dt.date
    end: dt.date
    label: str = ""

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InputError(
                f"date range ends ({self.end}) before it starts ({self.start})",
                field="end",
                value=self.end.isoformat(),
            )

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    @classmethod
    def year(cls, year: int) -> DateRange:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), str(year))

    def __str__(self) -> str:
        span = f"{self.start.isoformat()}..{self.end.isoformat()}"
        return f"{self.label} ({span})" if self.label else span
