"""Stores whose briefing answers are known by construction.

``scenario`` builds Mali with a baseline year (2023) and a period (2024) whose counts, deaths,
siege, nearest event to Bamako and spill-over into Burkina Faso are chosen here, so every test
can say what the briefing must find.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conflictwatch.knowledge import Pack, load_pack
from conflictwatch.model import Dataset, Event
from conflictwatch.store import Store
from conflictwatch.taxonomy import ActorType, EventType, SubEventType
from tests.factories import make_event

JNIM = "JNIM: Group for Support of Islam and Muslims"
ISSP = "Islamic State Sahel Province"
ARMY = "Military Forces of Mali (2021-)"
CSP = "CSP-DPA: Permanent Strategic Framework for the Defense of the People of Azawad"
PERIOD = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


@dataclass
class Scenario:
    """The events put in the store and the answers they imply."""

    events: list[Event]
    baseline_events: int
    period_events: int
    period_fatalities: int
    deadliest: Event
    nearest: Event
    spill: Event
    blockade: list[Event]


def _day(year: int, i: int) -> dt.date:
    return dt.date(year, 1, 1) + dt.timedelta(days=(i * 11) % 360)


def build_scenario(baseline: int = 10, period: int = 30) -> Scenario:
    """``baseline`` JNIM–army clashes in 2023 and ``period`` in 2024 (Mopti, 2 deaths each), plus
    in 2024: a blockade of Timbuktu (3 events), an attack near Bamako (40 deaths), a separatist
    takeover of Anefis and one ISSP attack in Burkina Faso 20 km from a Malian event."""
    n = 0

    def event(day: dt.date, **fields: object) -> Event:
        nonlocal n
        n += 1
        return make_event(n, event_date=day, **fields)

    events = [event(_day(2023, i), fatalities=2) for i in range(baseline)]
    events += [event(_day(2024, i), fatalities=2) for i in range(period)]
    blockade = [
        event(
            dt.date(2024, m, 10),
            actor1=JNIM,
            actor2="Civilians (Mali)",
            inter2=ActorType.CIVILIANS,
            event_type=EventType.STRATEGIC_DEVELOPMENTS,
            sub_event_type=SubEventType.OTHER,
            admin1="Tombouctou",
            admin2="Tombouctou",
            location="Timbuktu",
            latitude=16.77,
            longitude=-3.01,
            fatalities=0,
            tags=("blockade",),
            notes="JNIM maintains its blockade of Timbuktu; prices of staples soared.",
        )
        for m in (3, 6, 11)
    ]
    nearest = event(
        dt.date(2024, 9, 17),
        latitude=12.60,
        longitude=-7.95,
        admin1="Bamako",
        admin2="Bamako",
        location="Faladie",
        fatalities=40,
    )
    takeover = event(
        dt.date(2024, 7, 27),
        actor1=CSP,
        sub_event_type=SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
        admin1="Kidal",
        admin2="Tessalit",
        location="Anefis",
        latitude=18.05,
        longitude=0.60,
        fatalities=12,
    )
    spill = event(
        dt.date(2024, 5, 5),
        actor1=ISSP,
        actor2="Military Forces of Burkina Faso (2022-)",
        country="Burkina Faso",
        admin1="Sahel",
        admin2="Soum",
        location="Border post",
        latitude=14.17 - 0.18,
        longitude=-3.42,
        fatalities=5,
    )
    events += [*blockade, nearest, takeover, spill]
    in_period = [e for e in events if e.country == "Mali" and e.event_date.year == 2024]
    return Scenario(
        events=events,
        baseline_events=baseline,
        period_events=len(in_period),
        period_fatalities=sum(e.fatalities for e in in_period),
        deadliest=nearest,
        nearest=nearest,
        spill=spill,
        blockade=blockade,
    )


@pytest.fixture
def scenario() -> Scenario:
    return build_scenario()


@pytest.fixture
def scenario_store(tmp_path: Path, scenario: Scenario) -> Iterator[Store]:
    with Store.open(tmp_path / "scenario.db") as store:
        store.add_events(scenario.events)
        yield store


def extracted_event(n: int, day: dt.date, **fields: object) -> Event:
    """An event built from reports (dataset conflictwatch), as the resolver would store it."""
    return make_event(n, dataset=Dataset.CONFLICTWATCH, event_date=day, id=f"cw:{n}", **fields)


@functools.cache
def sahel() -> Pack:
    """The Sahel pack, read once for the module (reading it takes about a second)."""
    return load_pack("sahel")
