"""GDELT 2.0 event files (tab-separated, no header, 61 columns) → events.

GDELT codes everything from statements to wars in CAMEO; only the material-conflict roots that
correspond to ACLED event types are read (see ``CAMEO_TO_ACLED``). Every other record is *out of
scope*: the reader yields ``Row(event=None, problems=())`` for it, which importers count as
skipped (not rejected). GDELT has no fatalities: events carry 0 with ``extra["fatalities_known"]
= "false"``. Countries come as FIPS 10-4 codes and are named for the Sahel and its neighbours;
other codes are kept as they are.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from ...errors import InputError, Problem
from ...model import Dataset, Event
from ...taxonomy import ActorType, EventType, GeoPrecision, SubEventType
from .base import Row, readers
from .csvfile import CsvTable

#: GDELT 2.0 event table columns, in file order (GDELT 2.0 Event Codebook, V2.0).
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

COL = {name: i for i, name in enumerate(COLUMNS)}

_B, _E = EventType.BATTLES, EventType.EXPLOSIONS_REMOTE_VIOLENCE
_V, _P = EventType.VIOLENCE_AGAINST_CIVILIANS, EventType.PROTESTS
_R, _S = EventType.RIOTS, EventType.STRATEGIC_DEVELOPMENTS
_Sub = SubEventType

#: CAMEO code (or prefix) → ACLED type; the longest matching prefix of EventCode wins.
#: Roots 14 (protest), 18 (assault), 19 (fight) and 20 (unconventional mass violence) are in scope.
CAMEO_TO_ACLED: dict[str, tuple[EventType, SubEventType]] = {
    "14": (_P, _Sub.PEACEFUL_PROTEST),
    "145": (_R, _Sub.VIOLENT_DEMONSTRATION),  # protest violently, riot
    "18": (_V, _Sub.ATTACK),
    "181": (_V, _Sub.ABDUCTION_FORCED_DISAPPEARANCE),  # abduct, hijack, take hostage
    "1821": (_V, _Sub.SEXUAL_VIOLENCE),  # sexually assault
    "183": (_E, _Sub.SUICIDE_BOMB),  # suicide, car or other non-military bombing
    # ACLED codes non-suicide car, roadside and location bombs as IEDs.
    "1832": (_E, _Sub.REMOTE_EXPLOSIVE_LANDMINE_IED),  # vehicular bombing
    "1833": (_E, _Sub.REMOTE_EXPLOSIVE_LANDMINE_IED),  # roadside bombing
    "1834": (_E, _Sub.REMOTE_EXPLOSIVE_LANDMINE_IED),  # location bombing
    "186": (_V, _Sub.ATTACK),  # assassinate
    "19": (_B, _Sub.ARMED_CLASH),
    "191": (_S, _Sub.OTHER),  # impose blockade: a situation, not a clash (tagged "blockade")
    "194": (_E, _Sub.SHELLING_ARTILLERY_MISSILE_ATTACK),  # fight with artillery and tanks
    "195": (_E, _Sub.AIR_DRONE_STRIKE),  # employ aerial weapons
    # Mass killings, ethnic cleansing and expulsions are violence against civilians.
    "20": (_V, _Sub.ATTACK),
    "2041": (_E, _Sub.CHEMICAL_WEAPON),  # chemical, biological or radiological weapons
}

#: Extra tags a CAMEO code implies (PRODUCT.md §3 tag vocabulary).
CAMEO_TAGS: dict[str, tuple[str, ...]] = {
    "181": ("abduction",),
    "1831": ("suicide",),
    "1833": ("IED",),
    "191": ("blockade",),
    "1952": ("drone",),
}

#: FIPS 10-4 country codes (as GDELT writes them) → country names, for the Sahel and neighbours.
FIPS_COUNTRIES: dict[str, str] = {
    "ML": "Mali", "UV": "Burkina Faso", "NG": "Niger", "NI": "Nigeria", "AG": "Algeria",
    "MR": "Mauritania", "SG": "Senegal", "CD": "Chad", "IV": "Ivory Coast", "GH": "Ghana",
    "TO": "Togo", "BN": "Benin", "GV": "Guinea", "PU": "Guinea-Bissau", "GA": "Gambia",
    "SL": "Sierra Leone", "LI": "Liberia", "LY": "Libya", "SU": "Sudan", "OD": "South Sudan",
    "CT": "Central African Republic", "CM": "Cameroon", "MO": "Morocco", "TS": "Tunisia",
    "EG": "Egypt", "WI": "Western Sahara", "CV": "Cape Verde",
}  # fmt: skip

#: CAMEO actor type codes → ACLED inter codes, where the meaning is clear.
CAMEO_ACTOR_TYPES: dict[str, ActorType] = {
    "GOV": ActorType.STATE_FORCES,
    "MIL": ActorType.STATE_FORCES,
    "COP": ActorType.STATE_FORCES,
    "SPY": ActorType.STATE_FORCES,
    "REB": ActorType.REBEL_GROUP,
    "INS": ActorType.REBEL_GROUP,
    "SEP": ActorType.REBEL_GROUP,
    "CVL": ActorType.CIVILIANS,
    "REF": ActorType.CIVILIANS,
}

#: ActionGeo_Type → ACLED geo precision: a country or first-order division is only a region.
GEO_TYPES: dict[str, GeoPrecision] = {
    "1": GeoPrecision.REGION,  # country
    "2": GeoPrecision.REGION,  # US state
    "3": GeoPrecision.PLACE,  # US city
    "4": GeoPrecision.PLACE,  # world city
    "5": GeoPrecision.REGION,  # world state (ADM1)
}

IN_SCOPE_ROOTS = frozenset({"14", "18", "19", "20"})
WIDTH = len(COLUMNS)


def acled_type(code: str, root: str) -> tuple[EventType, SubEventType]:
    """The ACLED type for a CAMEO code: the entry for its longest known prefix, else its root."""
    for size in (4, 3):
        found = CAMEO_TO_ACLED.get(code[:size])
        if found is not None and len(code) >= size:
            return found
    return CAMEO_TO_ACLED[root]


def _place(full_name: str, geo_type: str, country: str) -> tuple[str, str]:
    """(location, admin1) from a GDELT full name: "Gao, Gao, Mali" or "Gao, Mali" or "Mali"."""
    parts = [p.strip() for p in full_name.split(",")]
    if geo_type == "1" or not full_name:
        return full_name or country, ""
    if geo_type in ("3", "4"):
        return parts[0], parts[1] if len(parts) >= 3 else ""
    return parts[0], parts[0]  # a first-order division is both the place and its admin1


def _timestamp(text: str) -> int | None:
    """DATEADDED (YYYYMMDDHHMMSS, UTC) as Unix seconds."""
    try:
        moment = dt.datetime.strptime(text, "%Y%m%d%H%M%S").replace(tzinfo=dt.UTC)
    except ValueError:
        return None
    return int(moment.timestamp())


def _source(url: str) -> str:
    """The outlet's host name from SOURCEURL."""
    host = url.split("://", 1)[-1].split("/", 1)[0]
    return host.removeprefix("www.")


class GdeltReader:
    """Reads a GDELT 2.0 events export (``*.export.CSV``) into events with ids ``gdelt:<id>``."""

    name: ClassVar[str] = "gdelt"
    dataset: ClassVar[Dataset] = Dataset.GDELT
    description: ClassVar[str] = "GDELT 2.0 events (tab-separated, CAMEO roots 14, 18, 19, 20)"

    def rows(self, path: Path, *, encoding: str | None = None) -> Iterator[Row]:
        table = CsvTable.open(
            path, encoding=encoding, delimiter="\t", has_header=False, quoting=csv.QUOTE_NONE
        )
        first = True
        for line, cells in table.records():
            if first:
                first = False
                if len(cells) != WIDTH:
                    raise InputError(
                        f"expected {WIDTH} tab-separated columns (GDELT 2.0 events), found "
                        f"{len(cells)}; GDELT 1.0 files have 57 or 58 and mentions files 16",
                        path=path,
                        line=line,
                    )
            raw = dict(zip(COLUMNS, cells, strict=False))
            if len(cells) != WIDTH:
                yield Row(line, raw, None, (table.width_problem(line, cells, WIDTH),))
                continue
            root = cells[COL["EventRootCode"]].strip()
            if root not in IN_SCOPE_ROOTS:
                yield Row(line, raw, None)  # out of scope: counted as skipped
                continue
            yield self._row(line, raw, cells, root)

    def _row(self, line: int, raw: dict[str, str], cells: list[str], root: str) -> Row:
        problems: list[Problem] = []

        def bad(field: str, value: str, reason: str) -> None:
            problems.append(Problem(line, field, value, reason))

        def cell(name: str) -> str:
            return cells[COL[name]].strip()

        event_id = cell("GLOBALEVENTID")
        if not event_id.isdigit():
            bad("GLOBALEVENTID", event_id, "is not a numeric event id")
        text = cell("SQLDATE")
        event_date = None
        try:
            event_date = dt.datetime.strptime(text, "%Y%m%d").date()
        except ValueError:
            bad("SQLDATE", text, "is not a date in YYYYMMDD form")

        coordinates: list[float | None] = []
        for name, limit in (("ActionGeo_Lat", 90.0), ("ActionGeo_Long", 180.0)):
            text = cell(name)
            value = None
            if text:
                try:
                    value = float(text)
                    if not -limit <= value <= limit:
                        bad(name, text, f"is outside -{limit:g}..{limit:g}")
                except ValueError:
                    bad(name, text, "is not a number")
            coordinates.append(value)

        numbers: dict[str, str] = {}
        for name, key in (
            ("GoldsteinScale", "goldstein"),
            ("NumMentions", "num_mentions"),
            ("NumSources", "num_sources"),
            ("NumArticles", "num_articles"),
            ("AvgTone", "avg_tone"),
        ):
            text = cell(name)
            if text:
                try:
                    float(text)
                except ValueError:
                    bad(name, text, "is not a number")
                numbers[key] = text

        if problems or event_date is None:
            return Row(line, raw, None, tuple(problems))

        code = cell("EventCode")
        event_type, sub_type = acled_type(code, root)
        inter1 = CAMEO_ACTOR_TYPES.get(cell("Actor1Type1Code"))
        inter2 = CAMEO_ACTOR_TYPES.get(cell("Actor2Type1Code"))
        if event_type is EventType.PROTESTS:
            inter1 = ActorType.PROTESTERS
        elif event_type is EventType.RIOTS:
            inter1 = ActorType.RIOTERS
        fips = cell("ActionGeo_CountryCode")
        country = FIPS_COUNTRIES.get(fips, fips)
        geo_type = cell("ActionGeo_Type")
        location, admin1 = _place(cell("ActionGeo_FullName"), geo_type, country)
        tags = tuple(
            tag for size in (3, 4) if len(code) >= size for tag in CAMEO_TAGS.get(code[:size], ())
        )
        url = cell("SOURCEURL")
        extra = {
            "cameo_code": code,
            "cameo_base": cell("EventBaseCode"),
            "cameo_root": root,
            "quad_class": cell("QuadClass"),
            **numbers,
            "source_url": url,
            "action_geo_type": geo_type,
            "action_geo_country_code": fips,
            "action_geo_adm1_code": cell("ActionGeo_ADM1Code"),
            "action_geo_feature_id": cell("ActionGeo_FeatureID"),
            "is_root_event": cell("IsRootEvent"),
            "fatalities_known": "false",
        }
        event = Event(
            id="gdelt:" + event_id,
            event_date=event_date,
            event_type=event_type,
            sub_event_type=sub_type,
            actor1=cell("Actor1Name") or cell("Actor1Code"),
            country=country,
            dataset=Dataset.GDELT,
            dataset_id=event_id,
            inter1=inter1,
            actor2=cell("Actor2Name") or cell("Actor2Code"),
            inter2=inter2,
            civilian_targeting=event_type is EventType.VIOLENCE_AGAINST_CIVILIANS,
            admin1=admin1,
            location=location,
            latitude=coordinates[0],
            longitude=coordinates[1],
            geo_precision=GEO_TYPES.get(geo_type),
            fatalities=0,
            tags=tags,
            source=_source(url) if url else "",
            timestamp=_timestamp(cell("DATEADDED")),
            extra={key: value for key, value in extra.items() if value},
        )
        return Row(line, raw, event)


readers.add(GdeltReader.name, GdeltReader)
