"""Unusual weeks per area, and change points in a monthly series.

**Weekly anomalies.** For each area (admin1) the weekly counts (ISO weeks from Monday,
zero-filled from the first to the last week of *all* events given, so that every area shares one
calendar) are compared with a baseline: the mean of the previous ``k`` weeks (default 12).
The p-value is the Poisson upper tail ``P(X >= observed | mean = baseline)``. Weeks with
``p < alpha`` (default 0.01) and at least ``min_count`` events are flagged. A baseline of zero is
floored at ``min_rate`` (default 0.1 events per week) so that one event after silence is not
"impossible". The first ``k`` weeks of the calendar have no baseline and are never flagged.

**Change points.** Binary segmentation on Poisson counts: a segment's cost is its negative
Poisson log-likelihood at its own mean rate, ``-(Σx·log(mean) - n·mean)``. The best split of a
segment is kept when it lowers the cost by more than ``penalty`` (default ``log(n)`` for n months,
the BIC price of one more rate and one more location), and each side is searched again. Segments
are at least ``min_size`` months long.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Event
from .buckets import Bucket
from .poisson import poisson_sf
from .series import TimeSeries


@dataclass(frozen=True)
class WeeklyAnomaly:
    """An area-week with more events than its recent past makes plausible."""

    area: str
    week_start: dt.date
    week: str
    observed: int
    expected: float  # the baseline: mean of the previous k weeks
    baseline_weeks: int
    p_value: float
    event_ids: tuple[str, ...]


@dataclass(frozen=True)
class AnomalyOptions:
    baseline_weeks: int = 12
    alpha: float = 0.01
    min_count: int = 3
    min_rate: float = 0.1


def weekly_anomalies(
    events: Iterable[Event], options: AnomalyOptions = AnomalyOptions()
) -> tuple[WeeklyAnomaly, ...]:
    """Area-weeks flagged as improbable under the previous weeks' mean, by p-value."""
    week = Bucket.WEEK
    by_area: dict[str, dict[dt.date, list[str]]] = {}
    first: dt.date | None = None
    last: dt.date | None = None
    for event in events:
        start = week.start(event.event_date)
        first = start if first is None or start < first else first
        last = start if last is None or start > last else last
        area = event.admin1 or "(unknown)"
        by_area.setdefault(area, {}).setdefault(start, []).append(event.id)
    if first is None or last is None:
        return ()
    calendar = list(week.span(first, last))
    k = options.baseline_weeks
    found: list[WeeklyAnomaly] = []
    for area, weeks in by_area.items():
        counts = [len(weeks.get(s, ())) for s in calendar]
        for i in range(k, len(calendar)):
            observed = counts[i]
            if observed < options.min_count:
                continue
            expected = sum(counts[i - k : i]) / k
            p = poisson_sf(observed, max(expected, options.min_rate))
            if p < options.alpha:
                start = calendar[i]
                found.append(
                    WeeklyAnomaly(
                        area,
                        start,
                        week.label(start),
                        observed,
                        expected,
                        k,
                        p,
                        tuple(weeks[start]),
                    )
                )
    return tuple(sorted(found, key=lambda a: (a.p_value, a.week_start, a.area)))


# --- change points ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChangePoint:
    """A month where the level of a series changes: the first month of the new level."""

    start: dt.date
    label: str
    before_mean: float  # events per month in the segment before
    after_mean: float  # events per month in the segment after
    gain: float  # the fall in cost the split bought (log-likelihood units)


def _cost(counts: Sequence[int], lo: int, hi: int, prefix: Sequence[int]) -> float:
    total = prefix[hi] - prefix[lo]
    n = hi - lo
    if total == 0:
        return 0.0
    mean = total / n
    return -(total * math.log(mean) - n * mean)


def change_points(
    series: TimeSeries, *, penalty: float | None = None, min_size: int = 2
) -> tuple[ChangePoint, ...]:
    """Months where the count level shifts, in date order (binary segmentation, Poisson cost)."""
    counts = series.counts
    n = len(counts)
    if n < 2 * min_size:
        return ()
    price = math.log(n) if penalty is None else penalty
    prefix = [0]
    for c in counts:
        prefix.append(prefix[-1] + c)
    splits: list[tuple[int, float]] = []
    pending = [(0, n)]
    while pending:
        lo, hi = pending.pop()
        whole = _cost(counts, lo, hi, prefix)
        best: tuple[float, int] | None = None
        for cut in range(lo + min_size, hi - min_size + 1):
            gain = whole - _cost(counts, lo, cut, prefix) - _cost(counts, cut, hi, prefix)
            if best is None or gain > best[0]:
                best = (gain, cut)
        if best is not None and best[0] > price:
            splits.append((best[1], best[0]))
            pending.extend([(lo, best[1]), (best[1], hi)])
    splits.sort()
    bounds = [0, *(cut for cut, _ in splits), n]
    points = []
    for j, (cut, gain) in enumerate(splits, start=1):
        before = (prefix[cut] - prefix[bounds[j - 1]]) / (cut - bounds[j - 1])
        after = (prefix[bounds[j + 1]] - prefix[cut]) / (bounds[j + 1] - cut)
        start = series.points[cut].start
        points.append(ChangePoint(start, series.points[cut].label, before, after, gain))
    return tuple(points)
