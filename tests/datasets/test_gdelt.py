"""GDELT 2.0 events reader: CAMEO material-conflict roots in, everything else skipped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conflictwatch.errors import InputError
from conflictwatch.model import Dataset
from conflictwatch.sources.datasets import GdeltReader, Row, readers
from conflictwatch.sources.datasets.gdelt import COLUMNS, acled_type
from conflictwatch.taxonomy import ActorType, EventType, GeoPrecision, SubEventType

from .conftest import FIXTURES

read = GdeltReader().rows
FIXTURE = FIXTURES / "gdelt_events.tsv"

_E = EventType
_S = SubEventType


def rows() -> list[Row]:
    return list(read(FIXTURE))


def test_registered_as_gdelt() -> None:
    assert readers.get("gdelt") is GdeltReader
    assert GdeltReader.dataset is Dataset.GDELT


def test_the_61_columns_of_gdelt_2() -> None:
    assert len(COLUMNS) == 61
    assert COLUMNS[:2] == ("GLOBALEVENTID", "SQLDATE")
    assert COLUMNS[26:29] == ("EventCode", "EventBaseCode", "EventRootCode")
    assert COLUMNS[51:59] == (
        "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
        "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    )  # fmt: skip
    assert COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


@pytest.mark.parametrize(
    ("line", "types", "country", "place", "geo", "inters", "tags"),
    [
        (1, (_E.BATTLES, _S.ARMED_CLASH), "Mali", ("Testville", "Gao"), GeoPrecision.PLACE,
         (ActorType.STATE_FORCES, ActorType.REBEL_GROUP), ()),
        (3, (_E.RIOTS, _S.VIOLENT_DEMONSTRATION), "Burkina Faso", ("Centre-Nord", "Centre-Nord"),
         GeoPrecision.REGION, (ActorType.RIOTERS, None), ()),
        (4, (_E.EXPLOSIONS_REMOTE_VIOLENCE, _S.REMOTE_EXPLOSIVE_LANDMINE_IED), "Niger",
         ("Niger", ""), GeoPrecision.REGION, (None, ActorType.STATE_FORCES), ("IED",)),
        (5, (_E.EXPLOSIONS_REMOTE_VIOLENCE, _S.AIR_DRONE_STRIKE), "Mali",
         ("Testbourou", "Tombouctou"), GeoPrecision.PLACE,
         (ActorType.STATE_FORCES, ActorType.REBEL_GROUP), ("drone",)),
        (6, (_E.VIOLENCE_AGAINST_CIVILIANS, _S.ABDUCTION_FORCED_DISAPPEARANCE), "Nigeria",
         ("Testkoro", "Zamfara"), GeoPrecision.PLACE, (ActorType.REBEL_GROUP, ActorType.CIVILIANS),
         ("abduction",)),
        (7, (_E.EXPLOSIONS_REMOTE_VIOLENCE, _S.CHEMICAL_WEAPON), "Sudan", ("Darfur", "Darfur"),
         GeoPrecision.REGION, (ActorType.STATE_FORCES, None), ()),
        # a FIPS code outside the named list is kept as it is
        (9, (_E.BATTLES, _S.ARMED_CLASH), "FR", ("Testville", "Test Region"), GeoPrecision.PLACE,
         (ActorType.STATE_FORCES, None), ()),
        # no ActionGeo at all: no place, no coordinates, no precision
        (10, (_E.PROTESTS, _S.PEACEFUL_PROTEST), "", ("", ""), None,
         (ActorType.PROTESTERS, None), ()),
    ],
)  # fmt: skip
def test_in_scope_rows(
    line: int,
    types: tuple[EventType, SubEventType],
    country: str,
    place: tuple[str, str],
    geo: GeoPrecision | None,
    inters: tuple[ActorType | None, ActorType | None],
    tags: tuple[str, ...],
) -> None:
    row = rows()[line - 1]
    assert row.line == line and row.ok, row.problems
    e = row.event
    assert e is not None
    assert (e.event_type, e.sub_event_type) == types
    assert e.country == country
    assert (e.location, e.admin1) == place
    assert e.geo_precision is geo
    assert (e.inter1, e.inter2) == inters
    assert e.tags == tags
    assert e.civilian_targeting is (e.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS)


def test_fields_and_extra_of_one_event() -> None:
    e = rows()[0].event
    assert e is not None
    assert (e.id, e.dataset, e.dataset_id) == ("gdelt:1100000001", Dataset.GDELT, "1100000001")
    assert e.event_date == dt.date(2023, 5, 17)
    assert (e.actor1, e.actor2) == ("MALI", "MILITANT")
    assert (e.latitude, e.longitude) == (16.27, -0.04)
    assert e.source == "example.org"
    assert e.timestamp == int(dt.datetime(2023, 5, 17, 12, 15, tzinfo=dt.UTC).timestamp())
    assert (e.fatalities, e.fatalities_low, e.fatalities_high) == (0, 0, 0)
    assert dict(e.extra) == {
        "cameo_code": "190",
        "cameo_base": "190",
        "cameo_root": "19",
        "quad_class": "4",
        "goldstein": "-10.0",
        "num_mentions": "6",
        "num_sources": "2",
        "num_articles": "6",
        "avg_tone": "-7.25",
        "source_url": "https://www.example.org/news/invented-clash-1",
        "action_geo_type": "4",
        "action_geo_country_code": "ML",
        "action_geo_adm1_code": "ML03",
        "action_geo_feature_id": "-999001",
        "is_root_event": "1",
        "fatalities_known": "false",
    }


def test_out_of_scope_rows_are_skipped_without_problems() -> None:
    row = rows()[1]  # CAMEO 043, "consult": not a violent event
    assert (row.line, row.event, row.problems, row.ok) == (2, None, (), False)
    assert row.raw["EventRootCode"] == "04"


def test_bad_values_are_reported() -> None:
    row = rows()[7]
    assert row.event is None
    assert [(p.line, p.field, p.value) for p in row.problems] == [
        (8, "SQLDATE", "2023135"),
        (8, "ActionGeo_Lat", "95.0"),
    ]


def test_a_short_record_is_a_row_problem() -> None:
    row = rows()[10]
    assert row.event is None and row.line == 11
    assert "60 cell(s)" in row.problems[0].reason


def test_a_file_of_another_layout_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_text("GLOBALEVENTID\tSQLDATE\n1\t20230517\n")
    with pytest.raises(InputError, match="expected 61 tab-separated columns"):
        list(read(path))


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.export.CSV"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="is empty"):
        list(read(path))


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("140", (_E.PROTESTS, _S.PEACEFUL_PROTEST)),
        ("1411", (_E.PROTESTS, _S.PEACEFUL_PROTEST)),
        ("145", (_E.RIOTS, _S.VIOLENT_DEMONSTRATION)),
        ("1452", (_E.RIOTS, _S.VIOLENT_DEMONSTRATION)),
        ("180", (_E.VIOLENCE_AGAINST_CIVILIANS, _S.ATTACK)),
        ("181", (_E.VIOLENCE_AGAINST_CIVILIANS, _S.ABDUCTION_FORCED_DISAPPEARANCE)),
        ("1821", (_E.VIOLENCE_AGAINST_CIVILIANS, _S.SEXUAL_VIOLENCE)),
        ("183", (_E.EXPLOSIONS_REMOTE_VIOLENCE, _S.SUICIDE_BOMB)),
        ("1831", (_E.EXPLOSIONS_REMOTE_VIOLENCE, _S.SUICIDE_BOMB)),
        ("1833", (_E.EXPLOSIONS_REMOTE_VIOLENCE, _S.REMOTE_EXPLOSIVE_LANDMINE_IED)),
        ("186", (_E.VIOLENCE_AGAINST_CIVILIANS, _S.ATTACK)),
        ("190", (_E.BATTLES, _S.ARMED_CLASH)),
        ("191", (_E.STRATEGIC_DEVELOPMENTS, _S.OTHER)),
        ("193", (_E.BATTLES, _S.ARMED_CLASH)),
        ("194", (_E.EXPLOSIONS_REMOTE_VIOLENCE, _S.SHELLING_ARTILLERY_MISSILE_ATTACK)),
        ("195", (_E.EXPLOSIONS_REMOTE_VIOLENCE, _S.AIR_DRONE_STRIKE)),
        ("1952", (_E.EXPLOSIONS_REMOTE_VIOLENCE, _S.AIR_DRONE_STRIKE)),
        ("202", (_E.VIOLENCE_AGAINST_CIVILIANS, _S.ATTACK)),
        ("2041", (_E.EXPLOSIONS_REMOTE_VIOLENCE, _S.CHEMICAL_WEAPON)),
    ],
)
def test_cameo_to_acled(code: str, expected: tuple[EventType, SubEventType]) -> None:
    assert acled_type(code, code[:2]) == expected
