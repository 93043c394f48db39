"""Exporters write events from the store to files; registered by name (``csv``, ``geojson``, ...).

The CSV uses ACLED's column layout so that an export imports back with ``import acled``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..model import Event
from ..registry import Registry
from ..sources.datasets.acled import COLUMNS as ACLED_EXPORT_COLUMNS

Exporter = Callable[[Iterable[Event], Path], int]

#: Exporters by format name; each takes events and an output path and returns the count written.
exporters: Registry[Exporter] = Registry("exporters")

#: The columns of a current ACLED export, in order (the ACLED reader's list).
ACLED_COLUMNS = ACLED_EXPORT_COLUMNS


def _export_id(event: Event) -> str:
    # ACLED's own ids go back as they came; other datasets keep their prefix to stay distinct.
    if event.dataset.value == "acled" and event.dataset_id:
        return event.dataset_id
    return event.id


def acled_row(event: Event) -> dict[str, Any]:
    """One event as a row of an ACLED export."""
    return {
        "event_id_cnty": _export_id(event),
        "event_date": event.event_date.isoformat(),
        "year": event.event_date.year,
        "time_precision": int(event.time_precision),
        "disorder_type": event.disorder_type.value if event.disorder_type else "",
        "event_type": event.event_type.value,
        "sub_event_type": event.sub_event_type.value,
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor_1,
        "inter1": event.inter1.label if event.inter1 else "",
        "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor_2,
        "inter2": event.inter2.label if event.inter2 else "",
        "interaction": event.interaction if event.interaction is not None else "",
        "civilian_targeting": "Civilian targeting" if event.civilian_targeting else "",
        "iso": event.iso if event.iso is not None else "",
        "region": event.region,
        "country": event.country,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "admin3": event.admin3,
        "location": event.location,
        "latitude": "" if event.latitude is None else repr(event.latitude),
        "longitude": "" if event.longitude is None else repr(event.longitude),
        "geo_precision": int(event.geo_precision) if event.geo_precision else "",
        "source": event.source,
        "source_scale": event.source_scale,
        "notes": event.notes,
        "fatalities": event.fatalities,
        "tags": "; ".join(event.tags),
        "timestamp": event.timestamp if event.timestamp is not None else "",
    }


@exporters.register("csv")
def export_csv(events: Iterable[Event], out: Path) -> int:
    count = 0
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        for event in events:
            writer.writerow(acled_row(event))
            count += 1
    return count


def properties(event: Event) -> dict[str, Any]:
    """The JSON-friendly fields of an event (GeoJSON properties, JSON lines)."""
    row = acled_row(event)
    row.update(
        id=event.id,
        dataset=event.dataset.value,
        fatalities_low=event.fatalities_low,
        fatalities_high=event.fatalities_high,
        date_start=event.date_start.isoformat() if event.date_start else None,
        date_end=event.date_end.isoformat() if event.date_end else None,
        where_prec=int(event.where_prec) if event.where_prec else None,
        outcome=event.outcome,
        tags=list(event.tags),
        latitude=event.latitude,
        longitude=event.longitude,
        extra=dict(event.extra),
    )
    for key in ("year", "inter1", "inter2", "geo_precision", "iso", "timestamp", "interaction"):
        if row[key] == "":
            row[key] = None
    return row


@exporters.register("geojson")
def export_geojson(events: Iterable[Event], out: Path) -> int:
    """A FeatureCollection of points, written as it streams (events without coordinates skipped)."""
    count = 0
    with open(out, "w", encoding="utf-8") as handle:
        handle.write('{"type": "FeatureCollection", "features": [\n')
        for event in events:
            if event.latitude is None or event.longitude is None:
                continue
            feature = {
                "type": "Feature",
                "id": event.id,
                "geometry": {"type": "Point", "coordinates": [event.longitude, event.latitude]},
                "properties": properties(event),
            }
            handle.write((",\n" if count else "") + json.dumps(feature, ensure_ascii=False))
            count += 1
        handle.write("\n]}\n")
    return count


@exporters.register("parquet")
def export_parquet(events: Iterable[Event], out: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError:
        raise ConfigError(
            "Parquet export needs pyarrow: pip install 'conflictwatch[parquet]'"
        ) from None
    columns = [*ACLED_COLUMNS, "id", "dataset", "fatalities_low", "fatalities_high", "outcome"]
    types = {
        "year": pa.int32(), "time_precision": pa.int8(), "interaction": pa.int16(),
        "iso": pa.int32(), "latitude": pa.float64(), "longitude": pa.float64(),
        "geo_precision": pa.int8(), "fatalities": pa.int32(), "timestamp": pa.int64(),
        "fatalities_low": pa.int32(), "fatalities_high": pa.int32(),
    }  # fmt: skip
    schema = pa.schema([(name, types.get(name, pa.string())) for name in columns])
    count = 0
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict[str, Any]] = []
        for event in events:
            row = properties(event)
            row["tags"] = "; ".join(event.tags)
            batch.append({name: _cell(row[name], name in types) for name in columns})
            count += 1
            if len(batch) >= 10_000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return count


def _cell(value: Any, numeric: bool) -> Any:
    if numeric:
        return None if value in ("", None) else value
    return "" if value is None else str(value)
