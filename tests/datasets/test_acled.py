"""ACLED reader: every export layout, and every bad value reported with line, field and value."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conflictwatch.errors import InputError
from conflictwatch.model import Dataset
from conflictwatch.sources.datasets import AcledReader, readers
from conflictwatch.sources.datasets.acled import COLUMNS, REQUIRED
from conflictwatch.sources.datasets.synthetic import write_acled_csv
from conflictwatch.taxonomy import (
    ActorType,
    DisorderType,
    EventType,
    GeoPrecision,
    SubEventType,
    TimePrecision,
)

from .conftest import FIXTURES, AcledFile, only

read = AcledReader().rows


def test_registered_as_acled() -> None:
    assert readers.get("acled") is AcledReader
    assert AcledReader.dataset is Dataset.ACLED


# --- layouts ----------------------------------------------------------------------------------


def test_current_layout_maps_every_field() -> None:
    row = next(read(FIXTURES / "acled_current.csv"))
    assert row.ok and row.line == 2
    assert row.raw["event_id_cnty"] == "ZZZ101"
    e = row.event
    assert e is not None
    assert (e.id, e.dataset, e.dataset_id) == ("acled:ZZZ101", Dataset.ACLED, "ZZZ101")
    assert e.event_date == dt.date(2023, 5, 17)
    assert e.time_precision is TimePrecision.DAY
    assert e.disorder_type is DisorderType.POLITICAL_VIOLENCE
    assert (e.event_type, e.sub_event_type) == (EventType.BATTLES, SubEventType.ARMED_CLASH)
    assert (e.actor1, e.inter1) == ("Invented Front for Testing", ActorType.REBEL_GROUP)
    assert (e.actor2, e.inter2) == ("Military Forces of Testland (2021-)", ActorType.STATE_FORCES)
    assert e.interaction == 12
    assert e.civilian_targeting is False
    assert (e.iso, e.region, e.country) == (999, "Invented Africa", "Testland")
    assert (e.admin1, e.admin2, e.admin3, e.location) == (
        "Northern Test",
        "Testcercle",
        "",
        "Village A",
    )
    assert (e.latitude, e.longitude, e.geo_precision) == (15.1234, -1.5678, GeoPrecision.PLACE)
    assert (e.source, e.source_scale) == ("Invented Wire", "National")
    assert (e.fatalities, e.fatalities_low, e.fatalities_high) == (4, 4, 4)
    assert e.notes == "On 17 May 2023, an invented clash near Village A."
    assert (e.tags, e.timestamp) == ((), 1700000001)


@pytest.mark.parametrize(
    ("event_id", "line", "date", "time_precision", "interaction", "civilian_targeting", "tags"),
    [
        ("ZZZ101", 2, dt.date(2023, 5, 17), TimePrecision.DAY, 12, False, ()),
        # notes hold a quoted newline: the record starts on line 3 and ends on line 4
        ("ZZZ102", 3, dt.date(2023, 5, 17), TimePrecision.WEEK, 27, True,
         ("local administrators", "women targeted: girls")),
        ("ZZZ103", 5, dt.date(2023, 5, 18), TimePrecision.DAY, 60, False,
         ("crowd size=around 200",)),
        ("ZZZ104", 6, dt.date(2023, 5, 19), TimePrecision.MONTH, 16, False, ()),
    ],
)  # fmt: skip
def test_current_layout_rows(
    event_id: str,
    line: int,
    date: dt.date,
    time_precision: TimePrecision,
    interaction: int,
    civilian_targeting: bool,
    tags: tuple[str, ...],
) -> None:
    rows = {r.raw["event_id_cnty"]: r for r in read(FIXTURES / "acled_current.csv")}
    row = rows[event_id]
    assert row.ok, row.problems
    e = row.event
    assert e is not None
    assert row.line == line
    assert e.event_date == date
    assert e.time_precision is time_precision
    assert e.interaction == interaction
    assert e.civilian_targeting is civilian_targeting
    assert e.tags == tags


def test_excessive_force_keeps_the_two_disorder_types() -> None:
    rows = list(read(FIXTURES / "acled_current.csv"))
    e = rows[-1].event
    assert e is not None
    assert e.disorder_type is DisorderType.POLITICAL_VIOLENCE_DEMONSTRATIONS


@pytest.mark.parametrize(
    ("event_id", "date", "inter1", "inter2", "interaction", "sub_event_type"),
    [
        ("ZZZ201", dt.date(2016, 3, 3), ActorType.REBEL_GROUP, ActorType.STATE_FORCES, 12,
         SubEventType.ARMED_CLASH),
        ("ZZZ202", dt.date(2016, 3, 4), ActorType.POLITICAL_MILITIA, ActorType.CIVILIANS, 37,
         SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED),
        ("ZZZ203", dt.date(2016, 3, 5), ActorType.REBEL_GROUP, None, 20,
         SubEventType.LOOTING_PROPERTY_DESTRUCTION),
    ],
)  # fmt: skip
def test_older_upper_case_layout_with_numeric_codes(
    event_id: str,
    date: dt.date,
    inter1: ActorType,
    inter2: ActorType | None,
    interaction: int,
    sub_event_type: SubEventType,
) -> None:
    rows = {r.raw["EVENT_ID_CNTY"]: r for r in read(FIXTURES / "acled_old_upper.csv")}
    row = rows[event_id]
    assert row.ok, row.problems
    e = row.event
    assert e is not None
    assert (e.event_date, e.inter1, e.inter2, e.interaction) == (date, inter1, inter2, interaction)
    assert e.sub_event_type is sub_event_type
    # columns this layout lacks take their defaults
    assert e.disorder_type is sub_event_type.disorder_type
    assert (e.iso, e.admin3, e.tags, e.timestamp, e.source_scale) == (None, "", (), None, "")


def test_upper_case_header_of_the_current_layout(acled_file: AcledFile) -> None:
    row = only(read(acled_file(upper=True)))
    assert row.ok and row.raw["EVENT_ID_CNTY"] == "ZZZ1"


def test_only_the_required_columns(acled_file: AcledFile) -> None:
    row = only(read(acled_file(columns=REQUIRED)))
    assert row.ok, row.problems
    e = row.event
    assert e is not None
    assert (e.time_precision, e.inter1, e.interaction, e.geo_precision) == (
        TimePrecision.DAY, None, None, None
    )  # fmt: skip


def test_columns_in_any_order(acled_file: AcledFile) -> None:
    row = only(read(acled_file(columns=list(reversed(COLUMNS)))))
    assert row.ok and row.event is not None and row.event.latitude == 15.1


def test_ally_actor_is_the_old_name_of_assoc_actor(acled_file: AcledFile) -> None:
    path = acled_file({"assoc_actor_1": "Invented Allies"})
    path.write_text(path.read_text().replace("assoc_actor_1", "ALLY_ACTOR_1", 1))
    e = only(read(path)).event
    assert e is not None and e.assoc_actor_1 == "Invented Allies"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-05-17", dt.date(2023, 5, 17)),
        ("17 May 2023", dt.date(2023, 5, 17)),
        ("17-May-2023", dt.date(2023, 5, 17)),
        ("17-May-23", dt.date(2023, 5, 17)),
        ("17 September 2023", dt.date(2023, 9, 17)),
        ("05/06/2023", dt.date(2023, 6, 5)),  # day first, as ACLED writes it
    ],
)
def test_event_date_formats(acled_file: AcledFile, text: str, expected: dt.date) -> None:
    e = only(read(acled_file({"event_date": text}))).event
    assert e is not None and e.event_date == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [("Rebel group", ActorType.REBEL_GROUP), ("2", ActorType.REBEL_GROUP),
     ("External/Other forces", ActorType.EXTERNAL_OTHER_FORCES),
     ("Civilians", ActorType.CIVILIANS)],
)  # fmt: skip
def test_inter_codes_as_labels_or_numbers(
    acled_file: AcledFile, label: str, expected: ActorType
) -> None:
    e = only(read(acled_file({"inter1": label, "interaction": ""}))).event
    assert e is not None and e.inter1 is expected


@pytest.mark.parametrize(
    ("interaction", "inter2", "expected"),
    [("12", "State forces", 12), ("Rebel group-State forces", "1", 12),
     ("Rebel group only", "", 20), ("20", "", 20), ("", "", 20)],
)  # fmt: skip
def test_interaction_as_number_or_labels(
    acled_file: AcledFile, interaction: str, inter2: str, expected: int
) -> None:
    row = only(read(acled_file({"interaction": interaction, "inter2": inter2, "actor2": ""})))
    assert row.ok, row.problems
    assert row.event is not None and row.event.interaction == expected


@pytest.mark.parametrize(
    ("encoding", "prefix"), [("utf-8", b"\xef\xbb\xbf"), ("utf-8", b"")], ids=["BOM", "no BOM"]
)
def test_utf8_with_and_without_bom(acled_file: AcledFile, encoding: str, prefix: bytes) -> None:
    path = acled_file({"admin1": "Ségou"}, encoding=encoding)
    path.write_bytes(prefix + path.read_bytes())
    e = only(read(path)).event
    assert e is not None and e.admin1 == "Ségou"


def test_latin1_file_needs_encoding(acled_file: AcledFile) -> None:
    path = acled_file({"admin1": "Ségou"}, encoding="latin-1")
    with pytest.raises(InputError, match="--encoding") as caught:
        list(read(path))
    assert caught.value.line == 2
    e = only(read(path, encoding="latin-1")).event
    assert e is not None and e.admin1 == "Ségou"


# --- files refused whole ----------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_bytes(b"")
    with pytest.raises(InputError, match=r"acled\.csv is empty"):
        list(read(path))


def test_header_only_file_has_no_rows(acled_file: AcledFile) -> None:
    path = acled_file()
    path.write_text(path.read_text().splitlines()[0] + "\n")
    assert list(read(path)) == []


def test_wrong_column_set_lists_missing_and_found() -> None:
    with pytest.raises(InputError) as caught:
        list(read(FIXTURES / "ucdp_ged.csv"))
    message = str(caught.value)
    assert "missing required column(s): event_id_cnty, event_date, event_type" in message
    assert "Found: id, relid, year" in message
    assert caught.value.path and caught.value.path.endswith("ucdp_ged.csv")


# --- row problems -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("latitude", "95", "outside -90..90"),
        ("latitude", "", "not a number"),
        ("longitude", "-180.5", "outside -180..180"),
        ("longitude", "1,5", "not a number"),
        ("event_date", "2023-02-30", "not a date"),
        ("event_date", "May 17th", "not a date"),
        ("year", "2022", "does not match event_date 2023-05-17"),
        ("fatalities", "-1", "non-negative whole number"),
        ("fatalities", "2.5", "non-negative whole number"),
        ("fatalities", "dozens", "non-negative whole number"),
        ("time_precision", "4", "must be one of 1 (day), 2 (week), 3 (month)"),
        ("geo_precision", "0", "must be one of 1 (place)"),
        ("event_type", "Skirmish", "unknown EventType 'Skirmish'"),
        ("sub_event_type", "Peaceful protest", "belongs to event type 'Protests', not 'Battles'"),
        ("sub_event_type", "Ambush", "unknown SubEventType"),
        ("disorder_type", "Chaos", "unknown DisorderType"),
        ("inter1", "9", "unknown actor type '9'"),
        ("interaction", "13", "does not match inter1/inter2 (expected 12)"),
        ("interaction", "99", "not a pair of inter codes"),
        ("civilian_targeting", "yes", "expected 'Civilian targeting' or empty"),
        ("iso", "MLI", "not a numeric ISO 3166"),
        ("timestamp", "yesterday", "not a Unix time"),
        ("event_id_cnty", "", "is empty"),
        ("actor1", " ", "is empty"),
        ("country", "", "is empty"),
    ],
)
def test_bad_value_is_reported_with_line_field_and_value(
    acled_file: AcledFile, field: str, value: str, reason: str
) -> None:
    row = only(read(acled_file({field: value})))
    assert row.event is None and not row.ok
    (problem,) = row.problems
    assert (problem.line, problem.field, problem.value) == (2, field, value)
    assert reason in problem.reason
    assert row.raw[field] == value  # the original cells, for the rejects file


def test_every_problem_of_a_row_is_collected(acled_file: AcledFile) -> None:
    bad = {"latitude": "91", "longitude": "x", "event_date": "someday", "fatalities": "-3",
           "sub_event_type": "Grenade"}  # fmt: skip
    row = only(read(acled_file(bad)))
    assert sorted(p.field or "" for p in row.problems) == sorted(bad)
    assert {p.line for p in row.problems} == {2}


def test_problems_carry_the_start_line_of_multiline_records(acled_file: AcledFile) -> None:
    path = acled_file({"notes": "one\ntwo\nthree"}, {"latitude": "99"})
    good, bad = read(path)
    assert (good.line, good.ok) == (2, True)
    assert bad.line == 5 and bad.problems[0].line == 5


def test_wrong_number_of_cells_is_a_row_problem_and_reading_goes_on(
    acled_file: AcledFile,
) -> None:
    path = acled_file({}, {})
    lines = path.read_text().splitlines()
    lines.insert(2, "ZZZ9,2023-05-17,2023,1")
    path.write_text("\n".join(lines) + "\n")
    first, short, last = read(path)
    assert first.ok and last.ok
    assert short.line == 3 and short.event is None
    assert "4 cell(s) but the file has 31 column(s)" in short.problems[0].reason
    assert short.raw == {"event_id_cnty": "ZZZ9", "event_date": "2023-05-17", "year": "2023",
                         "time_precision": "1"}  # fmt: skip


def test_a_thousand_synthetic_rows_all_read(tmp_path: Path) -> None:
    path = write_acled_csv(tmp_path / "synthetic.csv", 1000)
    rows = list(read(path))
    assert len(rows) == 1000
    assert all(r.ok for r in rows), next(r.problems for r in rows if not r.ok)
    assert len({r.event.id for r in rows if r.event}) == 1000
