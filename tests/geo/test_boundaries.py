import json
from pathlib import Path

import pytest

from conflictwatch.errors import GazetteerError, InputError
from conflictwatch.geo.boundaries import AdminIndex, Boundary, BoundaryOptions
from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.geo.geocoder import Geocoder
from conflictwatch.model import Place
from conflictwatch.sources.boundary_files import read_boundaries


def square(x0: float, y0: float, x1: float, y1: float) -> dict:
    return {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}


def layer(tmp_path: Path, name: str, features: list[tuple[dict, dict]]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": props, "geometry": geom} for props, geom in features
    ]}))  # fmt: skip
    return path


@pytest.fixture
def index(tmp_path: Path) -> AdminIndex:
    regions = layer(tmp_path, "ml_adm1.geojson", [
        ({"name": "Mopti", "hasc": "ML.MO"}, square(-6, 13, -1, 16)),
        ({"name": "Gao", "hasc": "ML.GA"}, square(-1, 14, 4, 18)),
    ])  # fmt: skip
    cercles = layer(tmp_path, "ml_adm2.geojson", [
        ({"shapeName": "Douentza", "region": "Mopti"}, square(-3.5, 14.5, -1, 16)),
    ])  # fmt: skip
    return AdminIndex([*read_boundaries(regions), *read_boundaries(cercles)])


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        (15.08, -2.22, ("ML", "Mopti", "Douentza")),
        (14.0, -4.0, ("ML", "Mopti", "")),
        (16.27, -0.04, ("ML", "Gao", "")),
        (16.0, -0.999, ("ML", "Gao", "")),
        (10.0, 10.0, ("", "", "")),
    ],
)
def test_locate(index: AdminIndex, lat: float, lon: float, expected: tuple[str, str, str]) -> None:
    areas = index.locate(lat, lon)
    assert (areas.country, areas.admin1, areas.admin2) == expected


def test_boundary_round_trips_through_plain_fields(index: AdminIndex) -> None:
    (douentza,) = index.find("douentza")
    copy = Boundary(
        **{
            f: getattr(douentza, f)
            for f in ("id", "name", "level", "country", "parent", "geometry")
        }
    )
    assert copy == douentza and copy.parent == "Mopti" and copy.level == 2
    assert AdminIndex([copy]).containing(15.0, -2.0, 2) == copy


def test_geocoder_takes_admin_names_from_boundaries(index: AdminIndex) -> None:
    gazetteer = Gazetteer.from_places([Place("b", "Boni", 15.08, -2.22)])
    result = Geocoder(gazetteer, index).resolve("Boni")
    assert (result.country, result.admin1, result.admin2) == ("ML", "Mopti", "Douentza")
    region = Geocoder(gazetteer, index).resolve("Gao region")
    assert region.place is not None and region.place.source == "boundaries"
    assert region.geo_precision == 3 and region.admin1 == "Gao"


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        ("", InputError, "empty"),
        ("{not json", InputError, "not valid JSON"),
        ('{"type": "FeatureCollection", "features": []}', GazetteerError, "FeatureCollection"),
        (json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "properties":
            {"name": "Gao"}, "geometry": {"type": "Point", "coordinates": [0, 16]}}]}),
         GazetteerError, "feature 1: geometry type 'Point'"),
        (json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "properties":
            {"code": "X"}, "geometry": square(0, 0, 1, 1)}]}), InputError, "no name"),
    ],
)  # fmt: skip
def test_bad_layers_name_the_file_and_feature(
    tmp_path: Path, content: str, error: type[Exception], message: str
) -> None:
    path = tmp_path / "bad_adm1.geojson"
    path.write_text(content)
    with pytest.raises(error, match=message) as caught:
        list(read_boundaries(path))
    assert str(path) in str(caught.value)


def test_level_must_be_knowable(tmp_path: Path) -> None:
    path = layer(tmp_path, "areas.geojson", [({"name": "Gao"}, square(0, 0, 1, 1))])
    with pytest.raises(GazetteerError, match="level"):
        list(read_boundaries(path))
    (only,) = read_boundaries(path, BoundaryOptions(level=1, country="ML"))
    assert (only.level, only.country) == (1, "ML")


def test_shared_mali_layers(shared: Path) -> None:
    folder = shared / "boundaries"
    index = AdminIndex([
        *read_boundaries(folder / "mali_adm1_regions.geojson", BoundaryOptions(level=1)),
        *read_boundaries(folder / "mali_adm2_cercles.geojson", BoundaryOptions(level=2)),
    ])  # fmt: skip
    areas = index.locate(14.4843, -4.183)  # Mopti town
    assert (areas.country, areas.admin1, areas.admin2) == ("ML", "Mopti", "Mopti")
