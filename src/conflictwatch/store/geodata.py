"""Gazetteers and boundary layers kept in the store, so ``--db`` selects them too.

A load replaces a gazetteer (or layer) of the same name in one transaction: the store holds the
old one or the new one, never a mix.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import sqlalchemy as sa

from ..model import Place
from .schema import boundaries, gazetteers, places
from .store import BATCH, Store


class BoundaryLike(Protocol):
    """What the store keeps of a boundary (``geo.boundaries.Boundary`` fits)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def level(self) -> int: ...
    @property
    def country(self) -> str: ...
    @property
    def parent(self) -> str: ...
    @property
    def geometry(self) -> str: ...


@dataclass(frozen=True)
class StoredBoundary:
    id: str
    name: str
    level: int
    country: str
    parent: str
    geometry: str
    layer: str


@dataclass(frozen=True)
class GazetteerInfo:
    name: str
    format: str
    path: str
    loaded_at: dt.datetime
    places: int


def save_gazetteer(store: Store, name: str, fmt: str, path: str, items: Iterable[Place]) -> int:
    """Replace the gazetteer ``name`` with ``items``; return how many places were stored."""
    count = 0
    with store.engine.begin() as conn:
        conn.execute(places.delete().where(places.c.gazetteer == name))
        conn.execute(gazetteers.delete().where(gazetteers.c.name == name))
        conn.execute(
            gazetteers.insert().values(
                name=name, format=fmt, path=path, loaded_at=dt.datetime.now(dt.UTC), places=0
            )
        )
        batch: list[dict[str, Any]] = []
        for place in items:
            batch.append(_place_row(name, place))
            count += 1
            if len(batch) >= BATCH:
                conn.execute(places.insert(), batch)
                batch = []
        if batch:
            conn.execute(places.insert(), batch)
        conn.execute(gazetteers.update().where(gazetteers.c.name == name).values(places=count))
    return count


def _place_row(gazetteer: str, p: Place) -> dict[str, Any]:
    return {
        "gazetteer": gazetteer,
        "place_id": p.id,
        "name": p.name,
        "alternate_names": ";".join(p.alternate_names),
        "latitude": p.latitude,
        "longitude": p.longitude,
        "country": p.country,
        "admin1": p.admin1,
        "admin2": p.admin2,
        "feature_class": p.feature_class,
        "feature_code": p.feature_code,
        "population": p.population,
    }


def load_places(store: Store, gazetteer: str | None = None) -> Iterator[Place]:
    """Every stored place (of one gazetteer, or of all, in load order)."""
    query = sa.select(places).order_by(places.c.pk)
    if gazetteer:
        query = query.where(places.c.gazetteer == gazetteer)
    with store.engine.connect() as conn:
        for row in conn.execution_options(yield_per=BATCH).execute(query).mappings():
            yield Place(
                id=row["place_id"],
                name=row["name"],
                latitude=row["latitude"],
                longitude=row["longitude"],
                country=row["country"] or "",
                admin1=row["admin1"] or "",
                admin2=row["admin2"] or "",
                feature_class=row["feature_class"] or "",
                feature_code=row["feature_code"] or "",
                population=row["population"] or 0,
                alternate_names=tuple(n for n in (row["alternate_names"] or "").split(";") if n),
                source=row["gazetteer"],
            )


def list_gazetteers(store: Store) -> list[GazetteerInfo]:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(gazetteers).order_by(gazetteers.c.name)).mappings()
        return [
            GazetteerInfo(r["name"], r["format"], r["path"] or "", r["loaded_at"], r["places"])
            for r in rows
        ]


def place_counts_by_country(store: Store) -> dict[str, int]:
    """Stored places per country code ('' when unknown), most first, counted in the database."""
    country = sa.func.coalesce(places.c.country, "")
    query = sa.select(country, sa.func.count()).group_by(country).order_by(sa.func.count().desc())
    with store.engine.connect() as conn:
        return {code: int(n) for code, n in conn.execute(query)}


def save_boundaries(store: Store, layer: str, items: Iterable[BoundaryLike]) -> int:
    """Replace the boundary layer ``layer``; return how many areas were stored."""
    count = 0
    with store.engine.begin() as conn:
        conn.execute(boundaries.delete().where(boundaries.c.layer == layer))
        batch = []
        for b in items:
            batch.append(
                {
                    "layer": layer,
                    "level": b.level,
                    "boundary_id": b.id,
                    "name": b.name,
                    "country": b.country,
                    "parent": b.parent,
                    "geometry": b.geometry,
                }
            )
            count += 1
        for start in range(0, len(batch), 500):
            conn.execute(boundaries.insert(), batch[start : start + 500])
    return count


def load_boundaries(store: Store, level: int | None = None) -> list[StoredBoundary]:
    query = sa.select(boundaries).order_by(boundaries.c.level, boundaries.c.pk)
    if level is not None:
        query = query.where(boundaries.c.level == level)
    with store.engine.connect() as conn:
        return [
            StoredBoundary(
                id=r["boundary_id"],
                name=r["name"],
                level=r["level"],
                country=r["country"] or "",
                parent=r["parent"] or "",
                geometry=r["geometry"],
                layer=r["layer"],
            )
            for r in conn.execute(query).mappings()
        ]


def boundary_layers(store: Store) -> dict[str, int]:
    """Layer name → number of areas."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            sa.select(boundaries.c.layer, sa.func.count()).group_by(boundaries.c.layer)
        )
        return {layer: int(n) for layer, n in rows}
