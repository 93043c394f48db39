"""Gazetteers and boundary layers in the store: files in, a ready :class:`Geocoder` out.

    with Store.open("conflictwatch.db") as store:
        load_gazetteer(store, "wof-mali.csv", GazetteerLoad(format="wof"))
        geocoder = geocoder_from_store(store)      # every stored gazetteer + the Sahel pack
    geocoder.resolve("Tombouctou", "Obus tirés sur Tombouctou")

The places are read once into an in-memory :class:`Gazetteer`: a lookup never runs SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Place
from ..sources.boundary_files import read_boundaries
from ..sources.gazetteer_files import read_places, sniff_format
from ..store import Store, geodata
from .boundaries import AdminIndex, Boundary, BoundaryOptions
from .builtin import beside, default_gazetteer, sahel_places
from .gazetteer import Gazetteer
from .geocoder import Geocoder, GeocoderOptions
from .loaders import LoadOptions

#: The knowledge pack whose curated places (spellings, former names) join every stored gazetteer.
DEFAULT_PACK = "sahel"


@dataclass(frozen=True)
class GazetteerLoad:
    """How to read a gazetteer file and what to call it in the store."""

    format: str | None = None  # a loader name; sniffed from the first line when None
    name: str | None = None  # the stored gazetteer's name; defaults to the file stem
    options: LoadOptions = field(default_factory=LoadOptions)


def load_gazetteer(store: Store, path: str | Path, how: GazetteerLoad | None = None) -> int:
    """Read ``path`` and replace the stored gazetteer of that name; return the place count.

    A bad row raises :class:`InputError` (file, line, field) and leaves the store as it was.
    """
    path = Path(path)
    how = how or GazetteerLoad()
    if not path.is_file():
        raise InputError("no such gazetteer file", path=path)
    fmt = how.format or sniff_format(path)
    places = read_places(path, fmt, how.options)
    return geodata.save_gazetteer(
        store, how.name or path.stem, fmt, str(path), _unique_ids(places, path)
    )


def _unique_ids(places: Iterable[Place], path: Path) -> Iterator[Place]:
    seen: set[str] = set()
    for place in places:
        if place.id in seen:
            raise InputError(
                "duplicate place id; give each row its own id",
                path=path,
                field="id",
                value=place.id,
            )
        seen.add(place.id)
        yield place


def load_boundary_layer(
    store: Store, path: str | Path, options: BoundaryOptions, layer: str | None = None
) -> int:
    """Read a GeoJSON admin layer and replace the stored layer (default name: the file stem)."""
    path = Path(path)
    return geodata.save_boundaries(store, layer or path.stem, list(read_boundaries(path, options)))


def gazetteer_from_store(store: Store, pack: str | None = DEFAULT_PACK) -> Gazetteer:
    """Every stored gazetteer plus ``pack``'s curated places; the built-in default if none."""
    stored = list(geodata.load_places(store))
    if not stored:
        return default_gazetteer()
    curated = list(beside(stored, sahel_places(pack))) if pack else []
    return Gazetteer.from_places([*stored, *curated])


def admin_index_from_store(store: Store) -> AdminIndex | None:
    """Point-in-polygon over every stored boundary layer, or None when there is none."""
    rows = geodata.load_boundaries(store)
    if not rows:
        return None
    return AdminIndex(
        Boundary(b.id, b.name, b.level, b.country, b.parent, b.geometry) for b in rows
    )


def geocoder_from_store(
    store: Store, options: GeocoderOptions | None = None, pack: str | None = DEFAULT_PACK
) -> Geocoder:
    """A Geocoder over the store's gazetteers (or the built-in default) and boundary layers."""
    return Geocoder(gazetteer_from_store(store, pack), admin_index_from_store(store), options)


@dataclass(frozen=True)
class PlacesSummary:
    """What the store holds for geocoding."""

    gazetteers: tuple[geodata.GazetteerInfo, ...]
    countries: dict[str, int]  # ISO2 ('' when unknown) -> stored places, most first
    boundary_layers: dict[str, int]  # layer -> areas

    @property
    def uses_default(self) -> bool:
        """True when no gazetteer is loaded and geocoding falls back to the built-in one."""
        return not self.gazetteers


def places_summary(store: Store) -> PlacesSummary:
    """Gazetteers, places per country and boundary layers kept in the store."""
    countries = geodata.place_counts_by_country(store)
    return PlacesSummary(
        tuple(geodata.list_gazetteers(store)),
        countries,
        geodata.boundary_layers(store),
    )
