"""Administrative boundaries: GeoJSON text in, point-in-polygon lookups out.

    boundaries = [*read_boundaries("mali_adm1_regions.geojson", BoundaryOptions(level=1)),
                  *read_boundaries("mali_adm2_cercles.geojson", BoundaryOptions(level=2))]
    index = AdminIndex(boundaries)
    index.locate(14.48, -4.18)   # AdminAreas(country='ML', admin1='Mopti', admin2='Mopti')

``Boundary`` keeps its geometry as GeoJSON text so the store can persist it as a plain column.
Files are read by ``sources.boundary_files.read_boundaries``; :func:`parse_boundaries` takes the text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from ..errors import GazetteerError, InputError
from ..model import Place
from .names import compact

_NAME_FIELDS = ("shapeName", "name", "NAME", "ADM2_FR", "ADM1_FR", "ADM2_EN", "ADM1_EN",
                "NAME_2", "NAME_1", "admin2Name", "admin1Name", "name_fra")  # fmt: skip
_PARENT_FIELDS = ("region", "ADM1_FR", "ADM1_EN", "NAME_1", "admin1Name", "parent")
_ISO3 = {"MLI": "ML", "BFA": "BF", "NER": "NE", "MRT": "MR", "DZA": "DZ", "TCD": "TD",
         "NGA": "NG", "SEN": "SN", "GIN": "GN", "CIV": "CI", "BEN": "BJ", "TGO": "TG",
         "GHA": "GH", "LBY": "LY", "CMR": "CM"}  # fmt: skip

#: A point this close (in degrees, ~5 km) outside every polygon of a level still gets that level:
#: simplified borders cut off towns on rivers and frontiers.
NEAREST_TOLERANCE_DEG = 0.05


@dataclass(frozen=True)
class Boundary:
    """One administrative area: level 0 country, 1 region, 2 cercle/province/department."""

    id: str
    name: str
    level: int
    country: str
    parent: str
    geometry: str  # GeoJSON geometry text

    def shape(self) -> BaseGeometry:
        return shapely.from_geojson(self.geometry)


@dataclass(frozen=True)
class AdminAreas:
    """Where a point falls: the names of its country, region and second-level area."""

    country: str = ""
    admin1: str = ""
    admin2: str = ""


@dataclass(frozen=True)
class BoundaryOptions:
    """How to read a layer whose properties do not say it themselves."""

    level: int | None = None
    name_field: str | None = None
    parent_field: str | None = None
    country: str | None = None


def parse_boundaries(
    text: str, path: Path, options: BoundaryOptions | None = None
) -> Iterator[Boundary]:
    """A GeoJSON FeatureCollection of (Multi)Polygons as boundaries; raise naming the file
    (``path``, also read for the level and ids) and feature."""
    opts = options or BoundaryOptions()
    if not text.strip():
        raise InputError("the file is empty", path=path, line=1)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg}", path=path, line=exc.lineno) from exc
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list) or not features:
        raise GazetteerError(f"{path}: not a GeoJSON FeatureCollection with features")
    level = opts.level if opts.level is not None else _level_from_name(path.name)
    for number, feature in enumerate(features, start=1):
        yield _boundary(feature, number, path, opts, level)


def _boundary(
    feature: Any, number: int, path: Path, opts: BoundaryOptions, level: int | None
) -> Boundary:
    where = f"{path}: feature {number}"
    props: Mapping[str, Any] = (feature or {}).get("properties") or {}
    geometry = (feature or {}).get("geometry") or {}
    kind = geometry.get("type")
    if kind not in ("Polygon", "MultiPolygon"):
        raise GazetteerError(f"{where}: geometry type {kind!r} is not a Polygon or MultiPolygon")
    fields = (opts.name_field,) if opts.name_field else _NAME_FIELDS
    name = next(
        (str(props[f]).strip() for f in fields if f and str(props.get(f) or "").strip()), ""
    )
    if not name:
        raise InputError(
            f"{where}: no name; set name_field to one of {', '.join(sorted(props)) or '(none)'}",
            path=path,
            field=opts.name_field or "name",
        )
    feature_level = level if level is not None else _level_from_props(props)
    if feature_level is None:
        raise GazetteerError(f"{where}: cannot tell the admin level; pass level=1 or level=2")
    try:
        shape = shapely.geometry.shape(geometry)
    except (ValueError, TypeError, AttributeError, IndexError) as exc:
        raise GazetteerError(f"{where}: malformed {kind} coordinates ({exc})") from exc
    if not shape.is_valid:
        shape = shape.buffer(0)
    parent_fields = (opts.parent_field,) if opts.parent_field else _PARENT_FIELDS
    parent = next((str(props[f]) for f in parent_fields if f and props.get(f)), "")
    return Boundary(
        id=str(
            props.get("wof_id")
            or props.get("shapeID")
            or props.get("id")
            or f"{path.stem}:{number}"
        ),
        name=name,
        level=feature_level,
        country=opts.country or _country_from_props(props),
        parent=parent if feature_level > 1 else "",
        geometry=shapely.to_geojson(shape),
    )


def _level_from_name(filename: str) -> int | None:
    match = re.search(r"adm(?:in)?[_-]?(\d)", filename, re.IGNORECASE)
    return int(match[1]) if match else None


def _level_from_props(props: Mapping[str, Any]) -> int | None:
    for field in ("admin_level", "level", "shapeType"):
        match = re.search(r"\d", str(props.get(field) or ""))
        if match:
            return int(match[0])
    return None


def _country_from_props(props: Mapping[str, Any]) -> str:
    for field in ("ADM0_PCODE", "iso_3166_2", "hasc", "HASC_1", "HASC_2", "shapeGroup", "ISO"):
        value = str(props.get(field) or "").upper()
        code = re.split(r"[-.]", value)[0]
        if len(code) == 2 and code.isalpha():
            return code
        if code in _ISO3:
            return _ISO3[code]
    return ""


class AdminIndex:
    """Point-in-polygon over admin layers through one STRtree per level."""

    def __init__(self, boundaries: Iterable[Boundary]) -> None:
        self._levels: dict[int, tuple[list[Boundary], list[BaseGeometry], STRtree]] = {}
        grouped: dict[int, list[Boundary]] = {}
        for boundary in boundaries:
            grouped.setdefault(boundary.level, []).append(boundary)
        if not grouped:
            raise GazetteerError("no boundaries given: load at least one admin layer")
        self._by_name: dict[str, list[Boundary]] = {}
        for level, items in grouped.items():
            shapes = [b.shape() for b in items]
            self._levels[level] = (items, shapes, STRtree(shapes))
            for b in items:
                self._by_name.setdefault(compact(b.name), []).append(b)

    @property
    def levels(self) -> tuple[int, ...]:
        return tuple(sorted(self._levels))

    def containing(self, lat: float, lon: float, level: int) -> Boundary | None:
        """The area of ``level`` holding the point (the smallest, if layers overlap)."""
        if level not in self._levels:
            return None
        items, shapes, tree = self._levels[level]
        point = shapely.Point(lon, lat)
        hits = tree.query(point, predicate="intersects")
        if len(hits) == 0:
            hits = tree.query_nearest(point, max_distance=NEAREST_TOLERANCE_DEG)
        if len(hits) == 0:
            return None
        best = min(hits, key=lambda i: shapes[i].area)
        return items[int(best)]

    def locate(self, lat: float, lon: float) -> AdminAreas:
        """Country, admin1 and admin2 names of a point; empty strings where no layer covers it."""
        found = {level: self.containing(lat, lon, level) for level in (0, 1, 2)}
        second, first = found[2], found[1]
        if second and first and second.parent and compact(second.parent) != compact(first.name):
            found[2] = None  # a near miss across a region border: trust the region
        country = next((b.country for b in found.values() if b and b.country), "")
        if not country and found[0] is not None:
            country = found[0].name
        admin1 = found[1].name if found[1] else (found[2].parent if found[2] else "")
        return AdminAreas(country, admin1, found[2].name if found[2] else "")

    def find(self, name: str, level: int | None = None) -> list[Boundary]:
        """Areas called ``name`` (folded), optionally of one level."""
        return [b for b in self._by_name.get(compact(name), []) if level in (None, b.level)]

    def as_place(self, boundary: Boundary) -> Place:
        """The area as a gazetteer entry at a point inside it, for region-level geocoding."""
        items, shapes, _ = self._levels[boundary.level]
        point = shapes[items.index(boundary)].representative_point()
        return Place(
            id=f"boundary:{boundary.id}",
            name=boundary.name,
            latitude=point.y,
            longitude=point.x,
            country=boundary.country,
            admin1=boundary.name if boundary.level == 1 else boundary.parent,
            admin2=boundary.name if boundary.level == 2 else "",
            feature_class="A",
            feature_code=f"ADM{boundary.level}" if boundary.level else "PCLI",
            source="boundaries",
        )
