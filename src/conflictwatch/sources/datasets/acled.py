"""ACLED exports (CSV) → events.

Accepts every layout ACLED has shipped: current exports (lower-case names, actor types as
labels, ``interaction`` as "Rebel group-State forces"), and older ones (UPPER-CASE names, numeric
inter codes and interaction "12", no ``disorder_type``/``civilian_targeting``/``tags``/
``timestamp``/``iso``/``admin3``/``source_scale``, ``ALLY_ACTOR_1`` for ``assoc_actor_1``).
Dates may be ``2023-05-17``, ``17 May 2023``, ``17-May-2023`` or ``17/05/2023`` (day first).

Per-row work is kept lean because imports run to millions of rows: each distinct date, and each
distinct combination of coded cells (types, actor types, precisions), is parsed and checked once
per file behind a ``Memo``; absent columns read an appended empty cell. Every problem of a row is
collected rather than stopping at the first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar, NamedTuple, TypeVar

from ...errors import Problem
from ...model import Dataset, Event
from ...taxonomy import (
    ActorType,
    DisorderType,
    EventType,
    GeoPrecision,
    SubEventType,
    TimePrecision,
    parse_interaction,
)
from .base import Row, readers
from .blocks import Block
from .csvfile import CsvTable, DateParser, Memo, outcome

#: Every column of a current ACLED export, in export order.
COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

#: Without these a row cannot become an event; a file lacking one is refused whole.
REQUIRED: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "country",
    "latitude",
    "longitude",
    "fatalities",
)

#: Names older exports used for current columns.
ALIASES: dict[str, str] = {"ally_actor_1": "assoc_actor_1", "ally_actor_2": "assoc_actor_2"}

DATE_FORMATS: tuple[str, ...] = (
    "%d %B %Y",  # 17 May 2023
    "%d %b %Y",  # 17 Sep 2023
    "%d-%b-%Y",  # 17-May-2023
    "%d-%B-%Y",  # 17-September-2023
    "%d-%b-%y",  # 17-May-23 (spreadsheet round-trips)
    "%d/%m/%Y",  # 17/05/2023, day first as ACLED writes it
    "%Y/%m/%d",
)

CIVILIAN_TARGETING = "civilian targeting"

E = TypeVar("E", TimePrecision, GeoPrecision)

#: (field, value, reason): a problem found in a memoised cell, before its line is known.
Found = tuple[str, str, str]


def _code_in(kind: type[E], field: str) -> Callable[[str], E]:
    """Parser for a small integer code (time_precision 1-3, geo_precision 1-3)."""
    allowed = ", ".join(f"{m.value} ({m.name.lower()})" for m in kind)

    def parse(text: str) -> E:
        try:
            return kind(int(text.strip()))
        except ValueError:
            raise ValueError(f"must be one of {allowed}") from None

    return parse


# ``from_label`` is typed on the shared base class; calling the enum on the member narrows it.
def _event_type(text: str) -> EventType:
    return EventType(EventType.from_label(text))


def _sub_event_type(text: str) -> SubEventType:
    return SubEventType(SubEventType.from_label(text))


def _disorder_type(text: str) -> DisorderType:
    return DisorderType(DisorderType.from_label(text))


def _non_negative(text: str) -> int:
    number = int(text.strip())
    if number < 0:
        raise ValueError("is negative")
    return number


def _tags(text: str) -> tuple[str, ...]:
    return tuple(tag.strip() for tag in text.split(";") if tag.strip())


def _interaction_of(inter1: ActorType | None, inter2: ActorType | None) -> int | None:
    if inter1 and inter2:
        return min(inter1, inter2) * 10 + max(inter1, inter2)
    if inter1 or inter2:
        return int(inter1 or inter2 or 0) * 10
    return None


class Codes(NamedTuple):
    """The coded (vocabulary) cells of a row, read and checked together."""

    time_precision: TimePrecision
    disorder_type: DisorderType | None
    event_type: EventType | None
    sub_event_type: SubEventType | None
    inter1: ActorType | None
    inter2: ActorType | None
    interaction: int | None
    civilian_targeting: bool
    geo_precision: GeoPrecision | None
    problems: tuple[Found, ...]


#: The cells ``CodeReader`` takes, in this order.
CODE_FIELDS: tuple[str, ...] = (
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "inter1",
    "inter2",
    "interaction",
    "civilian_targeting",
    "geo_precision",
)


class CodeReader:
    """Reads the coded cells of a row as one key (see ``CODE_FIELDS``).

    A file has few distinct combinations of these cells, so behind a ``Memo`` each combination is
    parsed and cross-checked once (sub-type within type, interaction against inter codes).
    """

    def __init__(self) -> None:
        self.time_precisions = Memo(outcome(_code_in(TimePrecision, "time_precision")))
        self.geo_precisions = Memo(outcome(_code_in(GeoPrecision, "geo_precision")))
        self.disorders = Memo(outcome(_disorder_type))
        self.event_types = Memo(outcome(_event_type))
        self.sub_types = Memo(outcome(_sub_event_type))
        self.actor_types = Memo(outcome(ActorType.parse))
        self.interactions = Memo(outcome(parse_interaction))

    def __call__(self, cells: tuple[str, ...]) -> Codes:
        time_text, disorder_text, type_text, sub_text = cells[:4]
        inter1_text, inter2_text, interaction_text, civ_text, geo_text = cells[4:]
        found: list[Found] = []

        time_precision = TimePrecision.DAY  # absent in the oldest exports: ACLED's default
        if time_text:
            tp, reason = self.time_precisions[time_text]
            if tp is None:
                found.append(("time_precision", time_text, reason or ""))
            else:
                time_precision = tp

        disorder = None
        if disorder_text:
            disorder, reason = self.disorders[disorder_text]
            if disorder is None:
                found.append(("disorder_type", disorder_text, reason or ""))

        event_type, reason = self.event_types[type_text]
        if event_type is None:
            found.append(("event_type", type_text, reason or ""))
        sub_type, reason = self.sub_types[sub_text]
        if sub_type is None:
            found.append(("sub_event_type", sub_text, reason or ""))
        elif event_type is not None and sub_type.event_type is not event_type:
            found.append(
                (
                    "sub_event_type",
                    sub_text,
                    f"belongs to event type {sub_type.event_type.value!r}, "
                    f"not {event_type.value!r}",
                )
            )

        inter1 = inter2 = None
        if inter1_text:
            inter1, reason = self.actor_types[inter1_text]
            if inter1 is None:
                found.append(("inter1", inter1_text, reason or ""))
        if inter2_text:
            inter2, reason = self.actor_types[inter2_text]
            if inter2 is None:
                found.append(("inter2", inter2_text, reason or ""))

        interaction = None
        if interaction_text:
            interaction, reason = self.interactions[interaction_text]
            if interaction is None:
                found.append(("interaction", interaction_text, reason or ""))
            elif (
                (inter1 or inter2)
                and (inter1 or not inter1_text)  # a bad inter code is reported once, above
                and (inter2 or not inter2_text)
                and interaction != (expected := _interaction_of(inter1, inter2))
            ):
                found.append(
                    (
                        "interaction",
                        interaction_text,
                        f"does not match inter1/inter2 (expected {expected})",
                    )
                )

        civilian_targeting = False
        if civ_text:
            if civ_text.strip().lower() == CIVILIAN_TARGETING:
                civilian_targeting = True
            else:
                found.append(
                    ("civilian_targeting", civ_text, "expected 'Civilian targeting' or empty")
                )

        geo_precision = None
        if geo_text:
            geo_precision, reason = self.geo_precisions[geo_text]
            if geo_precision is None:
                found.append(("geo_precision", geo_text, reason or ""))

        return Codes(
            time_precision,
            disorder,
            event_type,
            sub_type,
            inter1,
            inter2,
            interaction,
            civilian_targeting,
            geo_precision,
            tuple(found),
        )


class DateReader:
    """Reads ``(event_date, year)`` cells: the date, and any problem with either (memoised)."""

    def __init__(self) -> None:
        self.parse = DateParser(DATE_FORMATS)

    def __call__(self, cells: tuple[str, str]) -> tuple[dt.date | None, tuple[Found, ...]]:
        text, year = cells
        date = self.parse(text)
        if date is None:
            reason = "is not a date; expected 2023-05-17, 17 May 2023, 17-May-2023 or 17/05/2023"
            return None, (("event_date", text, reason),)
        if year and year.strip() != str(date.year):
            return date, (("year", year, f"does not match event_date {date.isoformat()}"),)
        return date, ()


class AcledRecords:
    """Turns one record of an ACLED file with a given header into a ``Row``.

    One instance per file: it holds the column positions and the memos of parsed cells. The
    column-wise reader (``acled_columns``) hands it the records it does not check itself, so a
    record reads the same whichever way the file is read.
    """

    def __init__(self, table: CsvTable) -> None:
        self.table = table
        self.header = table.header
        found = {ALIASES.get(h.lower(), h.lower()): i for i, h in enumerate(self.header)}
        #: Position of every current column in this file's records; -1 when the file lacks it.
        self.positions = {name: found.get(name, -1) for name in COLUMNS}
        self.dates = Memo(DateReader())
        self.codes = Memo(CodeReader())
        self.counts = Memo(outcome(_non_negative))
        self.tag_sets = Memo(_tags)
        self._at = tuple(self.positions[name] for name in _ORDER)

    def __call__(self, line: int, cells: list[str]) -> Row:
        """The row of the record starting on ``line``; ``cells`` gets one empty cell appended."""
        header = self.header
        raw = dict(zip(header, cells, strict=False))
        if len(cells) != len(header):
            return Row(line, raw, None, (self.table.width_problem(line, cells),))
        cells.append("")  # absent columns (index -1) read as empty
        (
            i_id, i_date, i_year, i_tp, i_dis, i_type, i_sub, i_in1, i_in2, i_int, i_civ, i_geo,
            i_actor1, i_assoc1, i_actor2, i_assoc2, i_iso, i_region, i_country, i_admin1,
            i_admin2, i_admin3, i_location, i_lat, i_lon, i_source, i_scale, i_notes,
            i_fatalities, i_tags, i_timestamp,
        ) = self._at  # fmt: skip

        event_date, date_found = self.dates[cells[i_date], cells[i_year]]
        (
            time_precision,
            disorder,
            event_type,
            sub_type,
            inter1,
            inter2,
            interaction,
            civilian_targeting,
            geo_precision,
            code_found,
        ) = self.codes[
            cells[i_tp],
            cells[i_dis],
            cells[i_type],
            cells[i_sub],
            cells[i_in1],
            cells[i_in2],
            cells[i_int],
            cells[i_civ],
            cells[i_geo],
        ]
        found_early = date_found + code_found
        problems = [Problem(line, *p) for p in found_early] if found_early else []

        dataset_id = cells[i_id].strip()
        if not dataset_id:
            problems.append(
                Problem(line, "event_id_cnty", "", "is empty; every ACLED row has an id")
            )
        actor1 = cells[i_actor1]
        if not actor1.strip():
            problems.append(
                Problem(line, "actor1", actor1, "is empty; every ACLED event has an actor1")
            )
        country = cells[i_country]
        if not country.strip():
            problems.append(Problem(line, "country", country, "is empty"))

        iso = None
        text = cells[i_iso]
        if text:
            try:
                iso = int(text)
            except ValueError:
                problems.append(
                    Problem(line, "iso", text, "is not a numeric ISO 3166 country code")
                )

        latitude = longitude = None
        text = cells[i_lat]
        try:
            latitude = float(text)
            if not -90.0 <= latitude <= 90.0:
                problems.append(Problem(line, "latitude", text, "is outside -90..90"))
        except ValueError:
            problems.append(Problem(line, "latitude", text, "is not a number"))
        text = cells[i_lon]
        try:
            longitude = float(text)
            if not -180.0 <= longitude <= 180.0:
                problems.append(Problem(line, "longitude", text, "is outside -180..180"))
        except ValueError:
            problems.append(Problem(line, "longitude", text, "is not a number"))

        text = cells[i_fatalities]
        fatalities = self.counts[text][0]
        if fatalities is None:
            problems.append(Problem(line, "fatalities", text, "is not a non-negative whole number"))

        timestamp = None
        text = cells[i_timestamp]
        if text:
            try:
                timestamp = int(text)
            except ValueError:
                problems.append(Problem(line, "timestamp", text, "is not a Unix time in seconds"))

        if (
            problems
            or event_date is None
            or event_type is None
            or sub_type is None
            or fatalities is None
        ):
            return Row(line, raw, None, tuple(problems))

        text = cells[i_tags]
        event = Event(
            id="acled:" + dataset_id,
            event_date=event_date,
            event_type=event_type,
            sub_event_type=sub_type,
            actor1=actor1,
            country=country,
            dataset=Dataset.ACLED,
            dataset_id=dataset_id,
            time_precision=time_precision,
            disorder_type=disorder,
            assoc_actor_1=cells[i_assoc1],
            inter1=inter1,
            actor2=cells[i_actor2],
            assoc_actor_2=cells[i_assoc2],
            inter2=inter2,
            interaction=interaction,
            civilian_targeting=civilian_targeting,
            iso=iso,
            region=cells[i_region],
            admin1=cells[i_admin1],
            admin2=cells[i_admin2],
            admin3=cells[i_admin3],
            location=cells[i_location],
            latitude=latitude,
            longitude=longitude,
            geo_precision=geo_precision,
            fatalities=fatalities,
            tags=self.tag_sets[text] if text else (),
            notes=cells[i_notes],
            source=cells[i_source],
            source_scale=cells[i_scale],
            timestamp=timestamp,
        )
        return Row(line, raw, event)


#: The columns in the order ``AcledRecords`` unpacks their positions.
_ORDER: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", *CODE_FIELDS, "actor1", "assoc_actor_1", "actor2",
    "assoc_actor_2", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "source", "source_scale", "notes", "fatalities", "tags",
    "timestamp",
)  # fmt: skip


class AcledReader:
    """Reads an ACLED CSV export (any vintage) into events with ids ``acled:<event_id_cnty>``."""

    name: ClassVar[str] = "acled"
    dataset: ClassVar[Dataset] = Dataset.ACLED
    description: ClassVar[str] = "ACLED export (CSV), current and older layouts"

    def rows(self, path: Path, *, encoding: str | None = None) -> Iterator[Row]:
        table = CsvTable.open(path, encoding=encoding, required=REQUIRED)
        record = AcledRecords(table)
        for line, cells in table.records():
            yield record(line, cells)

    def blocks(self, path: Path, *, encoding: str | None = None) -> Iterator[Block]:
        """The file read column-wise in blocks, for large imports (needs pyarrow).

        Raises ``NotColumnar`` (before or during the iteration) when the file cannot be read that
        way with the same result as ``rows``; the caller then reads it with ``rows``.
        """
        from .acled_columns import read_blocks  # pyarrow is an optional dependency

        table = CsvTable.open(path, encoding=encoding, required=REQUIRED)
        return read_blocks(AcledRecords(table))


readers.add(AcledReader.name, AcledReader)
