"""Filters over events, turned into SQL that the indexes can serve."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import sqlalchemy as sa

from ..errors import InputError
from ..taxonomy import EventType, SubEventType
from .schema import events


@dataclass(frozen=True)
class BBox:
    """A longitude/latitude box: west, south, east, north (degrees)."""

    west: float
    south: float
    east: float
    north: float

    def __post_init__(self) -> None:
        if not (-180 <= self.west <= 180 and -180 <= self.east <= 180):
            raise InputError(
                "bbox longitudes must lie in [-180, 180]", field="bbox", value=str(self)
            )
        if not (-90 <= self.south <= 90 and -90 <= self.north <= 90):
            raise InputError("bbox latitudes must lie in [-90, 90]", field="bbox", value=str(self))
        if self.west > self.east or self.south > self.north:
            raise InputError(
                "bbox must be WEST,SOUTH,EAST,NORTH with west <= east and south <= north",
                field="bbox",
                value=str(self),
            )

    @classmethod
    def parse(cls, text: str) -> BBox:
        """Read ``"W,S,E,N"`` as given on the command line."""
        parts = text.split(",")
        try:
            if len(parts) != 4:
                raise ValueError
            west, south, east, north = (float(p) for p in parts)
        except ValueError:
            raise InputError(
                "bbox must be four numbers WEST,SOUTH,EAST,NORTH, e.g. -5.5,10,4.5,25",
                field="bbox",
                value=text,
            ) from None
        return cls(west, south, east, north)

    def __str__(self) -> str:
        return f"{self.west},{self.south},{self.east},{self.north}"


@dataclass(frozen=True)
class EventFilter:
    """Which events to read. Every field is optional; set fields are combined with AND.

    ``type`` matches an event type or a sub-event type label; ``actor`` matches any actor field,
    ignoring case, as a substring.
    """

    country: str | None = None
    admin1: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    type: str | None = None
    actor: str | None = None
    bbox: BBox | None = None
    dataset: str | None = None

    def where(self) -> list[sa.ColumnElement[bool]]:
        c = events.c
        clauses: list[sa.ColumnElement[bool]] = []
        if self.country:
            clauses.append(c.country == self.country)
        if self.admin1:
            clauses.append(c.admin1 == self.admin1)
        if self.since:
            clauses.append(c.event_date >= self.since)
        if self.until:
            clauses.append(c.event_date <= self.until)
        if self.type:
            clauses.append(_type_clause(self.type))
        if self.actor:
            pattern = f"%{self.actor.lower()}%"
            clauses.append(
                sa.or_(
                    sa.func.lower(c.actor1).like(pattern),
                    sa.func.lower(c.actor2).like(pattern),
                    sa.func.lower(c.assoc_actor_1).like(pattern),
                    sa.func.lower(c.assoc_actor_2).like(pattern),
                )
            )
        if self.bbox:
            clauses.append(bbox_clause(self.bbox))
        if self.dataset:
            clauses.append(c.dataset == self.dataset)
        return clauses


def _type_clause(label: str) -> sa.ColumnElement[bool]:
    try:
        return events.c.event_type == EventType.from_label(label).value
    except InputError:
        pass
    try:
        return events.c.sub_event_type == SubEventType.from_label(label).value
    except InputError:
        known = [t.value for t in EventType] + [s.value for s in SubEventType]
        raise InputError(
            f"unknown event or sub-event type {label!r}; expected one of: " + "; ".join(known),
            field="type",
            value=label,
        ) from None


def bbox_clause(box: BBox) -> sa.ColumnElement[bool]:
    """Latitude bands listed explicitly so that the (lat_band, longitude) index serves the query."""
    c = events.c
    bands = list(range(math.floor(box.south), math.floor(box.north) + 1))
    return sa.and_(
        c.lat_band.in_(bands),
        c.longitude.between(box.west, box.east),
        c.latitude.between(box.south, box.north),
    )
