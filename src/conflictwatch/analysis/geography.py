"""Where violence is: distance from the capital over time, spread across districts, grid hotspots
and spill-over into neighbouring countries.

Events without coordinates are left out of every distance-based result and counted in
``without_coordinates`` so that the share left out is visible.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..knowledge import Country
from ..model import Event
from .buckets import Bucket

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres on a spherical Earth (mean radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


# --- distance from the capital -----------------------------------------------------------------


@dataclass(frozen=True)
class DistanceSummary:
    """Distances of one bucket's events from the capital."""

    start: dt.date
    label: str
    events: int
    median_km: float
    within_100km: int
    within_300km: int
    nearest_km: float
    nearest_event_id: str

    @property
    def share_within_100km(self) -> float:
        return self.within_100km / self.events

    @property
    def share_within_300km(self) -> float:
        return self.within_300km / self.events


@dataclass(frozen=True)
class CapitalDistance:
    """How far from the capital events happened, bucket by bucket (buckets with events only)."""

    capital: str
    latitude: float
    longitude: float
    bucket: Bucket
    rows: tuple[DistanceSummary, ...]
    without_coordinates: int


def distance_from_capital(
    events: Iterable[Event], country: Country, bucket: Bucket = Bucket.YEAR
) -> CapitalDistance:
    """Median distance from ``country``'s capital and shares within 100 and 300 km, per bucket."""
    groups: dict[dt.date, list[tuple[float, str]]] = {}
    missing = 0
    for event in events:
        if event.latitude is None or event.longitude is None:
            missing += 1
            continue
        km = haversine_km(country.latitude, country.longitude, event.latitude, event.longitude)
        groups.setdefault(bucket.start(event.event_date), []).append((km, event.id))
    rows = []
    for start in sorted(groups):
        pairs = groups[start]
        distances = [km for km, _ in pairs]
        nearest = min(pairs)
        rows.append(
            DistanceSummary(
                start=start,
                label=bucket.label(start),
                events=len(pairs),
                median_km=statistics.median(distances),
                within_100km=sum(km <= 100 for km in distances),
                within_300km=sum(km <= 300 for km in distances),
                nearest_km=nearest[0],
                nearest_event_id=nearest[1],
            )
        )
    return CapitalDistance(
        country.capital, country.latitude, country.longitude, bucket, tuple(rows), missing
    )


# --- spread across admin2 units ----------------------------------------------------------------


@dataclass(frozen=True)
class SpreadRow:
    """How many districts (admin1/admin2 pairs) saw events in a bucket, and which were new."""

    start: dt.date
    label: str
    units: int
    new_units: tuple[str, ...]  # "admin1/admin2", never seen in an earlier bucket

    @property
    def new(self) -> int:
        return len(self.new_units)


def spread(events: Iterable[Event], bucket: Bucket = Bucket.YEAR) -> tuple[SpreadRow, ...]:
    """Districts with events per bucket. Events without admin2 are not counted as a district.

    "New" is relative to the events passed in: pass the full history to avoid calling a district
    new only because earlier events were filtered out.
    """
    units: dict[dt.date, set[str]] = {}
    for event in events:
        if event.admin2:
            unit = f"{event.admin1}/{event.admin2}"
            units.setdefault(bucket.start(event.event_date), set()).add(unit)
    seen: set[str] = set()
    rows = []
    for start in sorted(units):
        here = units[start]
        rows.append(SpreadRow(start, bucket.label(start), len(here), tuple(sorted(here - seen))))
        seen |= here
    return tuple(rows)


# --- hotspots -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """One grid cell, named by its south-west corner, with its events."""

    south: float
    west: float
    size: float
    events: int
    fatalities: int
    event_ids: tuple[str, ...]

    @property
    def centre(self) -> tuple[float, float]:
        return self.south + self.size / 2, self.west + self.size / 2


def hotspots(events: Iterable[Event], *, size: float = 0.5, top: int = 10) -> tuple[Cell, ...]:
    """The ``top`` cells of a regular ``size``-degree grid by number of events (then deaths)."""
    cells: dict[tuple[int, int], list[Event]] = {}
    for event in events:
        if event.latitude is None or event.longitude is None:
            continue
        key = (math.floor(event.latitude / size), math.floor(event.longitude / size))
        cells.setdefault(key, []).append(event)
    ranked = sorted(
        cells.items(),
        key=lambda item: (-len(item[1]), -sum(e.fatalities for e in item[1]), item[0]),
    )
    return tuple(
        Cell(
            south=row * size,
            west=col * size,
            size=size,
            events=len(members),
            fatalities=sum(e.fatalities for e in members),
            event_ids=tuple(e.id for e in members),
        )
        for (row, col), members in ranked[:top]
    )


# --- spill-over ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spillover:
    """Events in other countries near the focus country's violence or border towns.

    "Near the border" is approximated without boundary data: an event in another country counts
    when it lies within ``within_km`` of any located event in the focus country (in the events
    passed in) or of any of the given border towns. It is simple and transparent; with a sparse
    focus-country record it undercounts.
    """

    focus: str
    within_km: float
    anchors: int
    by_country: tuple[tuple[str, int], ...]
    event_ids: tuple[str, ...]

    @property
    def events(self) -> int:
        return len(self.event_ids)


def spillover(
    events: Iterable[Event],
    focus: str,
    *,
    within_km: float = 50.0,
    border_towns: Sequence[tuple[float, float]] = (),
) -> Spillover:
    """Events outside country ``focus`` (a country name, as in ``Event.country``) near it."""
    inside: list[tuple[float, float]] = list(border_towns)
    outside: list[tuple[float, float, Event]] = []
    for event in events:
        if event.latitude is None or event.longitude is None:
            continue
        if event.country == focus:
            inside.append((event.latitude, event.longitude))
        else:
            outside.append((event.latitude, event.longitude, event))
    anchors = _dedupe(inside)
    near = [
        event
        for lat, lon, event in outside
        if any(haversine_km(lat, lon, a_lat, a_lon) <= within_km for a_lat, a_lon in anchors)
    ]
    counts: dict[str, int] = {}
    for event in near:
        counts[event.country] = counts.get(event.country, 0) + 1
    by_country = tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return Spillover(focus, within_km, len(anchors), by_country, tuple(e.id for e in near))


def _dedupe(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    # Many events share a village's coordinates; rounding to ~100 m keeps the loop short.
    return list(dict.fromkeys((round(lat, 3), round(lon, 3)) for lat, lon in points))
