"""Event records ↔ database rows. The only place that knows how a field is stored."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from ..model import Dataset, Event, Evidence
from ..taxonomy import (
    ActorType,
    DatePrecision,
    DisorderType,
    EventType,
    GeoPrecision,
    SubEventType,
    TimePrecision,
    WherePrecision,
)
from .search import fold

TAG_SEPARATOR = "; "

# Columns whose content defines "the same event" for change detection on re-import.
HASHED = (
    "id", "dataset", "dataset_id", "event_date", "date_start", "date_end", "time_precision",
    "date_prec", "time_of_day", "disorder_type", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "where_prec", "fatalities", "fatalities_low",
    "fatalities_high", "outcome", "tags", "notes", "source", "source_scale", "timestamp", "extra",
    "evidence", "operation_id",
)  # fmt: skip


def _code(value: int | None) -> int | None:
    return int(value) if value is not None else None


def event_to_row(event: Event, *, with_search_text: bool = False) -> dict[str, Any]:
    """The row stored for an event (without ``pk``)."""
    lat = event.latitude
    row: dict[str, Any] = {
        "id": event.id,
        "dataset": event.dataset.value,
        "dataset_id": event.dataset_id,
        "event_date": event.event_date,
        "date_start": event.date_start,
        "date_end": event.date_end,
        "year": event.event_date.year,
        "time_precision": _code(event.time_precision),
        "date_prec": _code(event.date_prec),
        "time_of_day": event.time_of_day,
        "disorder_type": event.disorder_type.value if event.disorder_type else None,
        "event_type": event.event_type.value,
        "sub_event_type": event.sub_event_type.value,
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor_1,
        "inter1": _code(event.inter1),
        "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor_2,
        "inter2": _code(event.inter2),
        "interaction": event.interaction,
        "civilian_targeting": event.civilian_targeting,
        "iso": event.iso,
        "region": event.region,
        "country": event.country,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "admin3": event.admin3,
        "location": event.location,
        "latitude": lat,
        "longitude": event.longitude,
        "lat_band": math.floor(lat) if lat is not None else None,
        "geo_precision": _code(event.geo_precision),
        "where_prec": _code(event.where_prec),
        "fatalities": event.fatalities,
        "fatalities_low": event.fatalities_low,
        "fatalities_high": event.fatalities_high,
        "outcome": event.outcome,
        "tags": TAG_SEPARATOR.join(event.tags),
        "notes": event.notes,
        "source": event.source,
        "source_scale": event.source_scale,
        "timestamp": event.timestamp,
        "extra": json.dumps(dict(event.extra), sort_keys=True, ensure_ascii=False)
        if event.extra
        else None,
        "evidence": json.dumps([_evidence_dict(e) for e in event.evidence], ensure_ascii=False)
        if event.evidence
        else None,
        "operation_id": event.operation_id,
    }
    row["row_hash"] = row_hash(row)
    row["search_text"] = (
        search_text(event.notes, event.location, event.actor1, event.actor2)
        if with_search_text
        else None
    )
    return row


def search_text(notes: str, location: str, actor1: str, actor2: str) -> str:
    """The folded text PostgreSQL searches for an event."""
    return fold(" ".join((notes, location, actor1, actor2)))


def row_hash(row: Mapping[str, Any]) -> str:
    """Digest of a row's ``HASHED`` values: ``repr`` of their list, blake2b, 16 bytes, hex.

    ``bulkload`` builds the same text column-wise for many rows at once; keep the two in step.
    """
    return digest(repr([row[k] for k in HASHED]).encode("utf-8"))


def digest(text: bytes) -> str:
    return hashlib.blake2b(text, digest_size=16).hexdigest()


def _evidence_dict(e: Evidence) -> dict[str, Any]:
    return {
        "field": e.field,
        "quote": e.quote,
        "article_id": e.article_id,
        "start": e.start,
        "end": e.end,
    }


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def row_to_event(row: Mapping[str, Any] | sa.RowMapping) -> Event:
    """Rebuild the typed record from a stored row."""

    def enum(kind: Any, value: Any) -> Any:
        return kind(value) if value is not None else None

    event_date = _date(row["event_date"])
    assert event_date is not None  # NOT NULL column
    return Event(
        id=row["id"],
        dataset=Dataset(row["dataset"]),
        dataset_id=row["dataset_id"],
        event_date=event_date,
        date_start=_date(row["date_start"]),
        date_end=_date(row["date_end"]),
        time_precision=enum(TimePrecision, row["time_precision"]) or TimePrecision.DAY,
        date_prec=enum(DatePrecision, row["date_prec"]),
        time_of_day=row["time_of_day"],
        disorder_type=enum(DisorderType, row["disorder_type"]),
        event_type=EventType(row["event_type"]),
        sub_event_type=SubEventType(row["sub_event_type"]),
        actor1=row["actor1"],
        assoc_actor_1=row["assoc_actor_1"] or "",
        inter1=enum(ActorType, row["inter1"]),
        actor2=row["actor2"] or "",
        assoc_actor_2=row["assoc_actor_2"] or "",
        inter2=enum(ActorType, row["inter2"]),
        interaction=row["interaction"],
        civilian_targeting=bool(row["civilian_targeting"]),
        iso=row["iso"],
        region=row["region"] or "",
        country=row["country"],
        admin1=row["admin1"] or "",
        admin2=row["admin2"] or "",
        admin3=row["admin3"] or "",
        location=row["location"] or "",
        latitude=row["latitude"],
        longitude=row["longitude"],
        geo_precision=enum(GeoPrecision, row["geo_precision"]),
        where_prec=enum(WherePrecision, row["where_prec"]),
        fatalities=row["fatalities"],
        fatalities_low=row["fatalities_low"],
        fatalities_high=row["fatalities_high"],
        outcome=row["outcome"] or "",
        tags=tuple(t for t in (row["tags"] or "").split(TAG_SEPARATOR) if t),
        notes=row["notes"] or "",
        source=row["source"] or "",
        source_scale=row["source_scale"] or "",
        timestamp=row["timestamp"],
        extra=json.loads(row["extra"]) if row["extra"] else {},
        evidence=tuple(Evidence(**e) for e in json.loads(row["evidence"]))
        if row["evidence"]
        else (),
        operation_id=row.get("operation_id"),
    )
