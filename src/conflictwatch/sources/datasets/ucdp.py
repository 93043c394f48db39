"""UCDP Georeferenced Event Dataset (GED) CSV → events.

The layout is GED's 49 columns (``id, relid, year, ... gwnoa, gwnob``). Releases written by pandas
store integers as floats (``"300380.0"``), so integer cells accept a ``.0`` and are normalised
(the event id is ``ucdp:300380``). Dates may carry a time part (``2019-01-01 00:00:00.000``).

UCDP does not code the form of violence, so every event becomes the ACLED type closest to its
``type_of_violence`` (``taxonomy.acled_types_for_ucdp``). Actor types are inferred by a simple,
documented rule (``actor_types``); UCDP-only fields travel in ``Event.extra`` as strings.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from ...model import Dataset, Event
from ...taxonomy import (
    ActorType,
    DatePrecision,
    TypeOfViolence,
    WherePrecision,
    acled_types_for_ucdp,
    geo_from_where_prec,
    time_from_date_prec,
)
from .base import Row, readers
from .csvfile import CsvTable, DateParser, Memo, RowProblems, int_text, parse_int

#: The GED CSV columns, in release order.
COLUMNS: tuple[str, ...] = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence",
    "conflict_dset_id", "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id",
    "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id",
    "side_b", "number_of_sources", "source_article", "source_office", "source_date",
    "source_headline", "source_original", "where_prec", "where_coordinates", "where_description",
    "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id",
    "region", "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b",
    "deaths_civilians", "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
)  # fmt: skip

#: What a row needs to become an event.
REQUIRED: tuple[str, ...] = (
    "id", "type_of_violence", "side_a", "side_b", "country", "latitude", "longitude",
    "where_prec", "date_prec", "date_start", "date_end", "best", "low", "high",
)  # fmt: skip

#: UCDP fields without a place in the shared record, kept in ``Event.extra`` (integers normalised).
EXTRA_COLUMNS: tuple[str, ...] = (
    "relid", "type_of_violence", "conflict_new_id", "conflict_name", "dyad_new_id", "dyad_name",
    "side_a_new_id", "side_b_new_id", "deaths_a", "deaths_b", "deaths_civilians",
    "deaths_unknown", "number_of_sources", "source_article", "source_original", "source_date",
    "where_description", "region", "year", "active_year", "code_status", "gwnoa", "gwnob",
    "country_id", "priogrid_gid", "event_clarity",
)  # fmt: skip

GOVERNMENT = "government of"
CIVILIANS = "civilians"


def actor_types(kind: TypeOfViolence, side_a: str, side_b: str) -> tuple[ActorType, ActorType]:
    """ACLED inter codes for the two UCDP sides, by a deliberately simple rule.

    - a side named "Government of ..." is STATE_FORCES (also in interstate dyads);
    - one-sided violence (type 3): side_b is "Civilians" → CIVILIANS;
    - state-based (type 1) and one-sided (type 3): any other side is an organised armed group
      fighting or targeting for political aims → REBEL_GROUP;
    - non-state (type 2): the sides are organised groups, militias, cartels or supporters of
      parties fighting each other → POLITICAL_MILITIA (UCDP does not say which are ethnic).
    """
    other = ActorType.REBEL_GROUP
    if kind is TypeOfViolence.NON_STATE:
        other = ActorType.POLITICAL_MILITIA

    def one(side: str) -> ActorType:
        text = side.strip().lower()
        if text.startswith(GOVERNMENT):
            return ActorType.STATE_FORCES
        if kind is TypeOfViolence.ONE_SIDED and text == CIVILIANS:
            return ActorType.CIVILIANS
        return other

    return one(side_a), one(side_b)


def _integer(
    cells: list[str],
    columns: dict[str, int],
    field: str,
    problems: RowProblems,
    low: int,
    high: int | None = None,
) -> int | None:
    """A whole-number cell within ``low..high``, or None with the problem recorded."""
    text = cells[columns[field]]
    try:
        number = parse_int(text)
    except ValueError:
        problems.add(field, text, "is not a whole number")
        return None
    if number < low or (high is not None and number > high):
        problems.add(field, text, f"is outside {low}..{high}" if high else "is negative")
        return None
    return number


class UcdpReader:
    """Reads a UCDP GED CSV release into events with ids ``ucdp:<id>``."""

    name: ClassVar[str] = "ucdp"
    dataset: ClassVar[Dataset] = Dataset.UCDP
    description: ClassVar[str] = "UCDP Georeferenced Event Dataset (GED) CSV"

    def rows(self, path: Path, *, encoding: str | None = None) -> Iterator[Row]:
        table = CsvTable.open(path, encoding=encoding, required=REQUIRED)
        header = table.header
        width = len(header)
        c = table.index(COLUMNS)
        extra_at = [(name, c[name]) for name in EXTRA_COLUMNS]
        dates = Memo(DateParser())

        for line, cells in table.records():
            if len(cells) != width:
                yield Row(line, table.raw(cells), None, (table.width_problem(line, cells),))
                continue
            raw = table.raw(cells)
            cells.append("")
            problems = RowProblems(line)
            bad = problems.add

            dataset_id = int_text(cells[c["id"]].strip())
            if not dataset_id:
                bad("id", "", "is empty; every GED row has an id")

            kind_code = _integer(cells, c, "type_of_violence", problems, 1, 3)
            date_prec_code = _integer(cells, c, "date_prec", problems, 1, 5)
            where_prec_code = _integer(cells, c, "where_prec", problems, 1, 7)
            best = _integer(cells, c, "best", problems, 0)
            low = _integer(cells, c, "low", problems, 0)
            high = _integer(cells, c, "high", problems, 0)
            # GED releases hold rows where best falls outside low..high; they are kept as coded.

            date_start = dates[cells[c["date_start"]]]
            if date_start is None:
                bad("date_start", cells[c["date_start"]], "is not a date; expected YYYY-MM-DD")
            date_end = dates[cells[c["date_end"]]]
            if date_end is None:
                bad("date_end", cells[c["date_end"]], "is not a date; expected YYYY-MM-DD")
            if date_start and date_end and date_end < date_start:
                bad("date_end", cells[c["date_end"]], f"is before date_start {date_start}")

            latitude = longitude = None
            text = cells[c["latitude"]]
            try:
                latitude = float(text)
                if not -90.0 <= latitude <= 90.0:
                    bad("latitude", text, "is outside -90..90")
            except ValueError:
                bad("latitude", text, "is not a number")
            text = cells[c["longitude"]]
            try:
                longitude = float(text)
                if not -180.0 <= longitude <= 180.0:
                    bad("longitude", text, "is outside -180..180")
            except ValueError:
                bad("longitude", text, "is not a number")

            side_a, side_b = cells[c["side_a"]].strip(), cells[c["side_b"]].strip()
            if not side_a:
                bad("side_a", "", "is empty")
            country = cells[c["country"]].strip()
            if not country:
                bad("country", "", "is empty")

            if (
                problems
                or kind_code is None
                or date_prec_code is None
                or where_prec_code is None
                or best is None
                or date_start is None
                or date_end is None
            ):
                yield Row(line, raw, None, tuple(problems))
                continue

            kind = TypeOfViolence(kind_code)
            date_prec = DatePrecision(date_prec_code)
            where_prec = WherePrecision(where_prec_code)
            event_type, sub_type = acled_types_for_ucdp(kind)
            inter1, inter2 = actor_types(kind, side_a, side_b)
            office, original = cells[c["source_office"]], cells[c["source_original"]]
            event = Event(
                id="ucdp:" + dataset_id,
                event_date=date_start,
                event_type=event_type,
                sub_event_type=sub_type,
                actor1=side_a,
                country=country,
                dataset=Dataset.UCDP,
                dataset_id=dataset_id,
                date_start=date_start,
                date_end=date_end,
                time_precision=time_from_date_prec(date_prec),
                date_prec=date_prec,
                inter1=inter1,
                actor2=side_b,
                inter2=inter2,
                civilian_targeting=inter2 is ActorType.CIVILIANS,
                admin1=cells[c["adm_1"]],
                admin2=cells[c["adm_2"]],
                location=cells[c["where_coordinates"]],
                latitude=latitude,
                longitude=longitude,
                geo_precision=geo_from_where_prec(where_prec),
                where_prec=where_prec,
                fatalities=best,
                fatalities_low=low,
                fatalities_high=high,
                notes=cells[c["source_headline"]],
                source=office or original,
                extra={name: int_text(cells[i]) for name, i in extra_at if cells[i]},
            )
            yield Row(line, raw, event)


readers.add(UcdpReader.name, UcdpReader)
