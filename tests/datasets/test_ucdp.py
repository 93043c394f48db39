"""UCDP GED reader: the 49-column layout, UCDP-only fields in ``extra``, and the shared sample."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from conflictwatch.errors import InputError
from conflictwatch.model import Dataset
from conflictwatch.sources.datasets import UcdpReader, readers
from conflictwatch.sources.datasets.ucdp import COLUMNS, actor_types
from conflictwatch.taxonomy import (
    ActorType,
    DatePrecision,
    EventType,
    GeoPrecision,
    SubEventType,
    TimePrecision,
    TypeOfViolence,
    WherePrecision,
)

from .conftest import FIXTURES, write_csv

read = UcdpReader().rows
FIXTURE = FIXTURES / "ucdp_ged.csv"
SAMPLE = "ucdp-ged/ucdpged_v23_1_sample1000.csv"


def test_registered_as_ucdp() -> None:
    assert readers.get("ucdp") is UcdpReader
    assert UcdpReader.dataset is Dataset.UCDP


@pytest.mark.parametrize(
    ("event_id", "line", "types", "inters", "civilians", "dates", "precision", "where", "deaths"),
    [
        # state-based, day precision, exact place; integers written as floats ("900001.0")
        ("ucdp:900001", 2, (EventType.BATTLES, SubEventType.ARMED_CLASH),
         (ActorType.STATE_FORCES, ActorType.REBEL_GROUP), False,
         (dt.date(2022, 3, 1), dt.date(2022, 3, 1)), (DatePrecision.DAY, TimePrecision.DAY),
         (WherePrecision.EXACT, GeoPrecision.PLACE), (8, 8, 10)),
        # non-state, month precision, dates with a time part, admin1-level place
        ("ucdp:900002", 3, (EventType.BATTLES, SubEventType.ARMED_CLASH),
         (ActorType.POLITICAL_MILITIA, ActorType.POLITICAL_MILITIA), False,
         (dt.date(2022, 4, 1), dt.date(2022, 4, 30)), (DatePrecision.MONTH, TimePrecision.MONTH),
         (WherePrecision.ADMIN1, GeoPrecision.REGION), (7, 6, 9)),
        # one-sided against civilians, 2-6 day window, within 25 km
        ("ucdp:900003", 4, (EventType.VIOLENCE_AGAINST_CIVILIANS, SubEventType.ATTACK),
         (ActorType.REBEL_GROUP, ActorType.CIVILIANS), True,
         (dt.date(2022, 5, 3), dt.date(2022, 5, 5)),
         (DatePrecision.DAYS_2_TO_6, TimePrecision.WEEK),
         (WherePrecision.WITHIN_25KM, GeoPrecision.NEAR_PLACE), (4, 4, 6)),
    ],
)  # fmt: skip
def test_fixture_rows(
    event_id: str,
    line: int,
    types: tuple[EventType, SubEventType],
    inters: tuple[ActorType, ActorType],
    civilians: bool,
    dates: tuple[dt.date, dt.date],
    precision: tuple[DatePrecision, TimePrecision],
    where: tuple[WherePrecision, GeoPrecision],
    deaths: tuple[int, int, int],
) -> None:
    rows = {r.event.id: r for r in read(FIXTURE) if r.event}
    row = rows[event_id]
    assert row.ok and row.line == line
    e = row.event
    assert e is not None
    assert (e.event_type, e.sub_event_type) == types
    assert (e.inter1, e.inter2) == inters
    assert e.civilian_targeting is civilians
    assert (e.date_start, e.date_end) == dates and e.event_date == dates[0]
    assert (e.date_prec, e.time_precision) == precision
    assert (e.where_prec, e.geo_precision) == where
    assert (e.fatalities, e.fatalities_low, e.fatalities_high) == deaths


def test_fields_and_extra_of_one_event() -> None:
    row = next(read(FIXTURE))
    e = row.event
    assert e is not None
    assert (e.dataset, e.dataset_id) == (Dataset.UCDP, "900001")
    assert (e.actor1, e.actor2) == ("Government of Testland", "Invented Front")
    assert (e.country, e.admin1, e.admin2) == ("Testland", "Northern Test region", "Testcercle")
    assert (e.location, e.latitude, e.longitude) == ("Village A", 15.25, -1.5)
    assert e.source == "Invented Wire;Invented Radio"
    assert e.notes == "Clash near Village A;Soldiers and fighters clash"
    assert e.interaction == 12
    assert dict(e.extra) | {"source_article": "..."} == {
        "relid": "TST-2022-1-9001-1",
        "type_of_violence": "1",
        "conflict_new_id": "9001",
        "conflict_name": "Testland: Government",
        "dyad_new_id": "9101",
        "dyad_name": "Government of Testland - Invented Front",
        "side_a_new_id": "901",
        "side_b_new_id": "902",
        "deaths_a": "2",
        "deaths_b": "5",
        "deaths_civilians": "0",
        "deaths_unknown": "1",
        "number_of_sources": "2",
        "source_article": "...",
        "source_original": "Army statement",
        "source_date": "2022-03-02;2022-03-02",
        "where_description": "in Village A",
        "region": "Africa",
        "year": "2022",
        "active_year": "1",
        "code_status": "Clear",
        "gwnoa": "999",
        "country_id": "999",
        "priogrid_gid": "99001",
        "event_clarity": "1",
    }


def test_source_falls_back_to_the_original_source() -> None:
    rows = list(read(FIXTURE))
    e = rows[1].event
    assert e is not None and e.source == "Invented Wire"
    e = rows[2].event
    assert e is not None and e.source == ""  # neither office nor original given


@pytest.mark.parametrize(
    ("kind", "side_a", "side_b", "expected"),
    [
        (TypeOfViolence.STATE_BASED, "Government of Testland", "Invented Front",
         (ActorType.STATE_FORCES, ActorType.REBEL_GROUP)),
        (TypeOfViolence.STATE_BASED, "Government of Testland", "Government of Otherland",
         (ActorType.STATE_FORCES, ActorType.STATE_FORCES)),
        (TypeOfViolence.NON_STATE, "Invented Cartel", "Supporters of Invented Party",
         (ActorType.POLITICAL_MILITIA, ActorType.POLITICAL_MILITIA)),
        (TypeOfViolence.ONE_SIDED, "Government of Testland", "Civilians",
         (ActorType.STATE_FORCES, ActorType.CIVILIANS)),
        (TypeOfViolence.ONE_SIDED, "Invented Front", "Civilians",
         (ActorType.REBEL_GROUP, ActorType.CIVILIANS)),
    ],
)  # fmt: skip
def test_actor_types_rule(
    kind: TypeOfViolence, side_a: str, side_b: str, expected: tuple[ActorType, ActorType]
) -> None:
    assert actor_types(kind, side_a, side_b) == expected


def fixture_with(tmp_path: Path, **cells: str) -> Path:
    """The fixture's first row with some cells changed, as a one-row file."""
    with FIXTURE.open(newline="", encoding="utf-8") as handle:
        header, first, *_ = csv.reader(handle)
    row = dict(zip(header, first, strict=True)) | cells
    return write_csv(tmp_path / "ged.csv", header, [[row[c] for c in header]])


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("type_of_violence", "4.0", "outside 1..3"),
        ("where_prec", "8", "outside 1..7"),
        ("date_prec", "0", "outside 1..5"),
        ("best", "-2", "negative"),
        ("low", "many", "not a whole number"),
        ("latitude", "-91", "outside -90..90"),
        ("longitude", "", "not a number"),
        ("date_start", "2022-13-01", "not a date"),
        ("date_end", "2022-02-28", "before date_start 2022-03-01"),
        ("side_a", "", "is empty"),
        ("country", "", "is empty"),
    ],
)
def test_bad_value_is_reported(tmp_path: Path, field: str, value: str, reason: str) -> None:
    (row,) = read(fixture_with(tmp_path, **{field: value}))
    assert row.event is None
    (problem,) = row.problems
    assert (problem.line, problem.field, problem.value) == (2, field, value)
    assert reason in problem.reason


def test_multiline_where_description_keeps_start_lines() -> None:
    assert [r.line for r in read(FIXTURE)] == [2, 3, 4]


def test_an_acled_file_is_refused_with_the_missing_columns() -> None:
    with pytest.raises(InputError, match="missing required column"):
        list(read(FIXTURES / "acled_current.csv"))


def test_layout_is_the_49_ged_columns() -> None:
    with FIXTURE.open(newline="", encoding="utf-8") as handle:
        assert tuple(next(csv.reader(handle))) == COLUMNS
    assert len(COLUMNS) == 49


# --- the shared UCDP sample (skipped when ../shared/data is absent) ---------------------------


@pytest.fixture
def ucdp_sample(shared_data: Path) -> Path:
    path = shared_data / SAMPLE
    if not path.is_file():
        pytest.skip(f"UCDP GED sample not found at {path}")
    return path


def test_shared_sample_header_is_our_layout(ucdp_sample: Path) -> None:
    with ucdp_sample.open(newline="", encoding="utf-8-sig") as handle:
        assert tuple(next(csv.reader(handle))) == COLUMNS


def test_shared_sample_reads_without_problems(ucdp_sample: Path) -> None:
    rows = list(read(ucdp_sample))
    assert len(rows) == 1000
    bad = [p.describe() for r in rows for p in r.problems]
    assert bad == []
    events = [r.event for r in rows if r.event]
    assert len({e.id for e in events}) == 1000
    assert all(e.id.startswith("ucdp:") and not e.id.endswith(".0") for e in events)
    one_sided = [e for e in events if e.extra["type_of_violence"] == "3"]
    assert one_sided and all(e.civilian_targeting for e in one_sided)
    assert all(e.date_start and e.date_end and e.date_start <= e.date_end for e in events)
    assert {e.where_prec for e in events} <= set(WherePrecision)
