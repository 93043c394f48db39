from pathlib import Path

import pytest

from conflictwatch.errors import GazetteerError, InputError, RegistryError
from conflictwatch.geo.builtin import sahel_places
from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.geo.loaders import LoadOptions, loaders
from conflictwatch.sources.gazetteer_files import read_places, sniff_format

GEONAMES_ROW = (
    "2460596\tBamako\tBamako\tBamaco,Bamakó\t12.65\t-8.0\tP\tPPLC\tML\t\t08\t\t\t\t1297281\t\t350"
    "\tAfrica/Bamako\t2020-01-01\n"
)
WOF = (
    "wof_id,placetype,name,name_fra,gn_asciiname,alt_names,latitude,longitude,region,county,"
    "geonames_id,gn_feature_code,population,mz_is_current,src_geom,geometry_type,repo_path\n"
    "1,country,Mali,Mali,,ML;MLI;Malí,17.5,-4.0,,,,,0,1,x,Polygon,x\n"
    "2,locality,Tombouctou,,,Timbuktu,16.77,-3.01,Timbuktu,Tombouctou,,PPLA,32460,1,x,Point,x\n"
    "3,region,Mopti,,,Région de Mopti,14.63,-3.55,Mopti,,,,2037330,1,x,Polygon,x\n"
)
CSV = "name,aliases,lat,lon,country,admin1,admin2,feature_class,population\n" + (
    "Ménaka,Menaka,15.92,2.40,ML,Ménaka,Ménaka,P,20700\n"
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_registry_lists_the_formats() -> None:
    assert loaders.names() == ["csv", "geonames", "wof"]
    with pytest.raises(RegistryError, match="Available: csv, geonames, wof"):
        loaders.get("kml")


@pytest.mark.parametrize(
    ("filename", "text", "fmt"),
    [("ML.txt", GEONAMES_ROW, "geonames"), ("wof.csv", WOF, "wof"), ("mine.csv", CSV, "csv")],
)
def test_formats_are_sniffed(tmp_path: Path, filename: str, text: str, fmt: str) -> None:
    assert sniff_format(write(tmp_path, filename, text)) == fmt


def test_geonames_dump(tmp_path: Path) -> None:
    alt = write(
        tmp_path, "alt.txt", "1\t2460596\tfr\tBamakô\t1\t\t\t\t\t\n2\t2460596\tlink\thttp://x\n"
    )
    admin1 = write(tmp_path, "admin1.txt", "ML.08\tBamako\tBamako\t2460594\n")
    options = LoadOptions(alternate_names=alt, admin1_codes=admin1)
    (place,) = read_places(write(tmp_path, "ML.txt", GEONAMES_ROW), options=options)
    assert (place.id, place.name, place.country, place.admin1) == (
        "geonames:2460596",
        "Bamako",
        "ML",
        "Bamako",
    )
    assert (place.feature_class, place.feature_code, place.population) == ("P", "PPLC", 1297281)
    assert place.alternate_names == ("Bamaco", "Bamakó", "Bamakô")


def test_wof_takes_the_country_from_its_country_row(tmp_path: Path) -> None:
    places = list(read_places(write(tmp_path, "wof.csv", WOF)))
    assert {p.country for p in places} == {"ML"}
    town = places[1]
    assert (town.feature_class, town.feature_code, town.admin1, town.admin2) == (
        "P", "PPLA", "Timbuktu", "Tombouctou",
    )  # fmt: skip
    assert "Timbuktu" in town.alternate_names
    assert (places[2].feature_class, places[2].feature_code) == ("A", "ADM1")


def test_plain_csv(tmp_path: Path) -> None:
    (place,) = read_places(write(tmp_path, "mine.csv", CSV))
    assert (place.name, place.alternate_names, place.population) == ("Ménaka", ("Menaka",), 20700)


@pytest.mark.parametrize(
    ("text", "message", "line", "field"),
    [
        ("", "empty", 1, None),
        ("name,lat\nGao,16\n", "missing column longitude", 1, "longitude"),
        ("name,lat,lon\nGao,north,0\n", "not a number", 2, "latitude"),
        ("name,lat,lon\nGao,16,200\n", "out of range", 2, "longitude"),
        ("name,lat,lon\nGao,16,0\nKidal,95,1\n", "out of range", 3, "latitude"),
        ("name,lat,lon\nGao,16,0,\n,16,0\n", "empty name", 3, "name"),
        ("name,lat,lon\n", "no rows", 2, None),
        ("name,lat,lon\nGao,16,0\nAnsongo,15,0,x\nX,1,1\nY,1,1\nZ,1,1\n", None, None, None),
    ],
)
def test_bad_csv_names_file_line_and_field(
    tmp_path: Path, text: str, message: str | None, line: int | None, field: str | None
) -> None:
    path = write(tmp_path, "bad.csv", text)
    if message is None:  # extra cells are tolerated
        assert len(list(read_places(path, "csv"))) == 5
        return
    with pytest.raises(InputError, match=message) as caught:
        list(read_places(path, "csv"))
    assert (caught.value.path, caught.value.line, caught.value.field) == (str(path), line, field)


def test_wof_missing_columns(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="missing column") as caught:
        list(
            read_places(write(tmp_path, "w.csv", "wof_id,placetype,name\n1,locality,Gao\n"), "wof")
        )
    assert caught.value.field == "latitude"


def test_short_geonames_row(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="tab-separated") as caught:
        list(read_places(write(tmp_path, "ML.txt", GEONAMES_ROW + "1\tGao\n"), "geonames"))
    assert caught.value.line == 2


def test_unknown_format_says_what_exists(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="csv, geonames, wof"):
        list(read_places(write(tmp_path, "x.kml", "<kml></kml>\n")))


def test_the_sahel_pack_has_the_new_regions_and_the_variants() -> None:
    gazetteer = Gazetteer.from_places(sahel_places())
    regions = {p.name for p in gazetteer if p.feature_code == "ADM1"}
    assert {"Ménaka", "Taoudénit"} <= regions
    for variant in ("Tin Zaouatene", "Tinzawatene", "Aguel'hoc", "Aguelhoc", "Timbuktu"):
        assert gazetteer.lookup(variant, fuzzy=False), variant
    assert all(p.source == "pack:sahel" for p in gazetteer)


def test_mali_wof_loads_in_under_five_seconds(shared: Path) -> None:
    import time

    start = time.perf_counter()
    gazetteer = Gazetteer.from_places(read_places(shared / "gazetteer" / "wof-mali.csv"))
    assert time.perf_counter() - start < 5
    assert len(gazetteer) > 15_000 and gazetteer.countries().most_common(1)[0][0] == "ML"


def test_shared_geonames_extract_loads(shared: Path) -> None:
    places = list(read_places(shared / "gazetteer" / "geonames-cities500-sahel.csv"))
    assert len(places) > 7000 and {"ML", "BF", "NE"} <= {p.country for p in places}
