"""The Sahel pack's curated places: admin areas with their regions, and coordinates that agree
with independent gazetteers.

The coordinates were written from our own knowledge. When the shared GeoNames and Who's On First
extracts and the boundary layers are present, every curated place that they also name is checked
against them: a locality must lie within 25 km of a same-name locality of its country, an admin
area inside the same-name boundary polygon of its level (or, without a polygon, within 60 km of
the same-name WOF area). Nothing from those files is copied; they only judge.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import shapely

from conflictwatch.geo.boundaries import AdminIndex, BoundaryOptions
from conflictwatch.geo.builtin import beside, pack_places_paths, sahel_places
from conflictwatch.geo.gazetteer import Gazetteer, admin_level, haversine_km
from conflictwatch.geo.geocoder import Geocoder
from conflictwatch.geo.loaders import LoadOptions
from conflictwatch.geo.names import compact
from conflictwatch.model import Place
from conflictwatch.sources.boundary_files import read_boundaries
from conflictwatch.sources.gazetteer_files import read_places

LOCALITY_KM = 25.0
AREA_KM = 60.0
#: Degrees (~5 km) a point may fall outside a simplified boundary polygon.
POLYGON_TOLERANCE_DEG = 0.05

WOF = {"ML": "wof-mali.csv", "BF": "wof-burkina-faso.csv", "NE": "wof-niger.csv"}
BOUNDARIES = {
    "ML": ("mali_adm1_regions", "mali_adm2_cercles"),
    "BF": ("bf_adm1_regions", "bf_adm2_counties"),
    "NE": ("ne_adm1_regions", "ne_adm2_counties"),
}


@pytest.fixture(scope="module")
def curated() -> list[Place]:
    return list(sahel_places())


# --- the pack on its own --------------------------------------------------------------------


def test_the_pack_reads_every_places_file_with_ids_that_never_collide(
    curated: list[Place],
) -> None:
    assert {p.stem for p in pack_places_paths()} >= {"ml", "bf", "ne"}
    assert len({p.id for p in curated}) == len(curated)
    assert all(p.source == "pack:sahel" for p in curated)


@pytest.mark.parametrize(
    ("country", "regions", "second_level"),
    [("ML", 11, 49), ("BF", 9, 45), ("NE", 8, 61)],
)
def test_each_country_has_its_regions_and_second_level_areas(
    curated: list[Place], country: str, regions: int, second_level: int
) -> None:
    areas = [p for p in curated if p.country == country]
    assert sum(admin_level(p) == 1 for p in areas) >= regions
    assert sum(admin_level(p) == 2 for p in areas) >= second_level


def test_admin_areas_name_their_region_and_themselves(curated: list[Place]) -> None:
    for place in curated:
        level = admin_level(place)
        if level == 1:
            assert place.admin1 == place.name, place
        elif level == 2:
            assert place.admin1 and place.admin2 == place.name, place


def test_second_level_areas_lie_in_a_region_the_pack_knows(curated: list[Place]) -> None:
    regions = {(p.country, p.admin1) for p in curated if admin_level(p) == 1}
    # Burkina Faso's Centre, Est, Nord and Sahel regions are left out: bare compass words
    # would turn "le Nord du Mali" into a Burkinabè region.
    unnamed = {("BF", "Centre"), ("BF", "Est"), ("BF", "Nord"), ("BF", "Sahel")}
    for place in curated:
        if admin_level(place) == 2:
            assert (place.country, place.admin1) in regions | unnamed, place


@pytest.mark.parametrize(
    ("quote", "text", "name", "country", "kind"),
    [
        ("la province du Soum", "Attaque dans la province du Soum.", "Soum", "BF", "ADM2"),
        ("Séno", "Des déplacés dans le Séno.", "Séno", "BF", "ADM2"),
        ("the Tillabéri region", "Raids in the Tillabéri region.", "Tillabéri", "NE", "ADM1"),
        ("Tillabéri", "Soldiers arrived in Tillabéri.", "Tillabéri", "NE", "PPLA"),
        ("Ouatagouna", "Gunmen killed villagers in Ouatagouna.", "Ouatagouna", "ML", "PPL"),
        ("Boulkessi", "Le camp de Boulkessi a été attaqué.", "Boulkessi", "ML", "PPL"),
        ("Solhan", "Gunmen killed villagers in Solhan.", "Solhan", "BF", "PPL"),
        ("Tongo-Tongo", "Soldiers were ambushed near Tongo-Tongo.", "Tongo Tongo", "NE", "PPL"),
        # Villages of well-known attacks that neither shared gazetteer names.
        ("Inates", "The army camp at Inates was overrun.", "Inatès", "NE", "PPL"),
        ("Tchombangou", "Des hommes armés ont attaqué Tchombangou.", "Tchoma Bangou", "NE", "PPL"),
        ("Indelimane", "Gunmen attacked the army post at Indelimane.", "Indelimane", "ML", "PPL"),
        ("Inata", "Le détachement de gendarmerie d'Inata.", "Inata", "BF", "PPL"),
        ("département de Takeita", "Dans le département de Takeita.", "Takeita", "NE", "ADM2"),
        # A district of Bamako, not the village of the same name in the Koulikoro region.
        (
            "Faladié",
            "L'école de gendarmerie de Faladié, à Bamako, a été attaquée.",
            "Faladié",
            "ML",
            "PPLX",
        ),
    ],
)
def test_areas_and_villages_of_the_pack_resolve_alone(
    quote: str, text: str, name: str, country: str, kind: str
) -> None:
    geocoder = Geocoder(Gazetteer.from_places(sahel_places()))
    place = geocoder.resolve(quote, text).place
    assert place is not None
    assert (place.name, place.country, place.feature_code) == (name, country, kind)


def test_a_cercle_named_alone_is_placed_at_its_seat() -> None:
    geocoder = Geocoder(Gazetteer.from_places(sahel_places()))
    area = geocoder.resolve("cercle de Douentza", "Dans le cercle de Douentza.")
    seat = geocoder.at_seat(area)
    assert area.place is not None and area.place.feature_code == "ADM2"
    town = next(p for p in sahel_places() if p.name == "Douentza" and p.feature_class == "P")
    assert (seat.latitude, seat.longitude) == (town.latitude, town.longitude)


def test_a_loaded_gazetteers_own_areas_stand_in_for_the_packs() -> None:
    loaded = [
        Place("wof:1", "Bankass", 13.7, -3.6, "ML", "Mopti", "Bankass", "A", "ADM2"),
        Place("wof:2", "Mopti", 14.6, -3.7, "ML", "Mopti", "", "A", "ADM1"),
    ]
    kept = list(beside(loaded, sahel_places()))
    areas = {(p.name, p.feature_code) for p in kept if p.country == "ML"}
    assert ("Bankass", "ADM2") not in areas and ("Mopti", "ADM1") not in areas
    # Towns of those names, areas of other levels and every other area stay.
    assert {
        ("Bankass", "PPLA2"),
        ("Mopti", "ADM2"),
        ("Mopti", "PPLA"),
        ("Douentza", "ADM2"),
    } <= areas


# --- against the shared gazetteers and boundaries ---------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """A curated place and what the shared data says of it."""

    place: Place
    checked: bool
    agrees: bool
    note: str


def _keys(place: Place) -> set[str]:
    return {k for k in (compact(n) for n in (place.name, *place.alternate_names)) if k}


def _index(places: Iterable[Place]) -> dict[str, list[Place]]:
    found: dict[str, list[Place]] = {}
    for place in places:
        for key in _keys(place):
            found.setdefault(key, []).append(place)
    return found


def verdicts(shared: Path, curated: Iterable[Place]) -> Iterator[Verdict]:
    """What the shared gazetteers and boundaries say of each curated place."""
    folder = shared / "gazetteer"
    reference: list[Place] = list(read_places(folder / "geonames-cities500-sahel.csv"))
    for iso2, name in WOF.items():
        reference += read_places(folder / name, "wof", LoadOptions(country=iso2))
    by_name = _index(reference)
    layers = {
        iso2: AdminIndex(
            b
            for stem in stems
            for b in read_boundaries(
                shared / "boundaries" / f"{stem}.geojson", BoundaryOptions(country=iso2)
            )
        )
        for iso2, stems in BOUNDARIES.items()
        if all((shared / "boundaries" / f"{s}.geojson").is_file() for s in stems)
    }
    for place in curated:
        level = admin_level(place)
        same = {
            other.id: other
            for key in _keys(place)
            for other in by_name.get(key, ())
            if other.country == place.country
        }.values()
        if level is None:
            yield _locality(place, [o for o in same if admin_level(o) is None])
        else:
            yield _area(place, level, layers.get(place.country), [
                o for o in same if admin_level(o) == level
            ])  # fmt: skip


def _locality(place: Place, others: list[Place]) -> Verdict:
    if not others:
        return Verdict(place, False, True, "no same-name locality")
    km = min(haversine_km(place.latitude, place.longitude, o.latitude, o.longitude) for o in others)
    return Verdict(place, True, km <= LOCALITY_KM, f"{km:.0f} km from the nearest namesake")


def _area(place: Place, level: int, layer: AdminIndex | None, others: list[Place]) -> Verdict:
    polygons = [
        b.shape() for key in _keys(place) for b in (layer.find(key, level) if layer else [])
    ]
    if polygons:
        point = shapely.Point(place.longitude, place.latitude)
        gap = min(shape.distance(point) for shape in polygons)
        return Verdict(place, True, gap <= POLYGON_TOLERANCE_DEG, f"{gap:.2f}° outside its polygon")
    if not others:
        return Verdict(place, False, True, "no same-name area")
    km = min(haversine_km(place.latitude, place.longitude, o.latitude, o.longitude) for o in others)
    return Verdict(place, True, km <= AREA_KM, f"{km:.0f} km from the same-name area")


def test_curated_places_agree_with_the_shared_gazetteers(
    shared: Path, curated: list[Place]
) -> None:
    found = list(verdicts(shared, curated))
    checked = [v for v in found if v.checked]
    wrong = [f"{v.place.name} ({v.place.country} {v.place.feature_code}): {v.note}"
             for v in checked if not v.agrees]  # fmt: skip
    assert not wrong, "\n".join(wrong)
    # Most of the pack must be judged, or the check says little.
    assert len(checked) >= 0.8 * len(found), f"only {len(checked)} of {len(found)} checked"
