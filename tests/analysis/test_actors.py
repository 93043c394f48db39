"""Most active actors, dyads, newcomers and who targets civilians."""

from __future__ import annotations

import datetime as dt

import pytest

from conflictwatch.analysis import (
    DateRange,
    civilian_targeting_shift,
    dyads,
    family_lookup,
    most_active,
    new_actors,
)
from conflictwatch.knowledge import Pack
from conflictwatch.model import Event
from conflictwatch.taxonomy import EventType, SubEventType

from .conftest import Numbered, Stored

D = dt.date
JNIM = "JNIM: Group for Support of Islam and Muslims"
ISSP = "Islamic State Sahel Province"
ARMY = "Military Forces of Mali (2021-)"
WAGNER = "Wagner Group"
CIVILIANS = "Civilians (Mali)"


def attack_on_civilians(event: Numbered, day: dt.date, actor: str) -> Event:
    return event(
        day,
        actor1=actor,
        actor2=CIVILIANS,
        event_type=EventType.VIOLENCE_AGAINST_CIVILIANS,
        sub_event_type=SubEventType.ATTACK,
        civilian_targeting=True,
    )


def test_most_active_counts_both_sides(stored: Stored, event: Numbered) -> None:
    events = stored(
        [
            event(D(2023, 1, 1), fatalities=2),  # JNIM vs army
            event(D(2023, 2, 1), fatalities=2),
            event(D(2023, 3, 1), actor1=ARMY, actor2=JNIM, fatalities=1),
            event(D(2023, 4, 1), actor1=WAGNER, actor2=""),
        ]
    )
    top = most_active(events, top=3)
    assert [(a.actor, a.events, a.as_actor1) for a in top] == [
        (JNIM, 3, 2),
        (ARMY, 3, 1),
        (WAGNER, 1, 1),
    ]
    assert (top[0].first, top[0].last, top[0].fatalities) == (D(2023, 1, 1), D(2023, 3, 1), 5)


def test_dyads_ignore_order_and_sole_actors(stored: Stored, event: Numbered) -> None:
    events = stored(
        [
            event(D(2023, 1, 1)),
            event(D(2023, 1, 2), actor1=ARMY, actor2=JNIM),
            event(D(2023, 1, 3), actor1=WAGNER, actor2=CIVILIANS),
            event(D(2023, 1, 4), actor1=WAGNER, actor2=""),
        ]
    )
    pairs = dyads(events)
    assert [(d.first, d.second, d.events) for d in pairs] == [
        (JNIM, ARMY, 2),
        (CIVILIANS, WAGNER, 1),
    ]
    assert len(pairs[0].event_ids) == 2


def test_new_actors_are_those_first_seen_in_the_period(stored: Stored, event: Numbered) -> None:
    events = stored(
        [
            event(D(2021, 6, 1)),  # JNIM and army seen before
            event(D(2022, 1, 10), actor1=WAGNER, actor2=JNIM),
            event(D(2022, 2, 10), actor1=WAGNER, actor2=JNIM),
            event(D(2023, 1, 10), actor1=ISSP, actor2=""),
        ]
    )
    found = new_actors(events, DateRange(D(2022, 1, 1), D(2022, 12, 31)))
    assert [(a.actor, a.first, a.events) for a in found] == [(WAGNER, D(2022, 1, 10), 2)]


def test_shift_in_who_targets_civilians(stored: Stored, event: Numbered, sahel: Pack) -> None:
    a_days = [D(2020, 1, i) for i in range(1, 11)]
    b_days = [D(2023, 1, i) for i in range(1, 11)]
    events = stored(
        # A: 8 of 10 by JNIM, 2 by the army; B: 4 by JNIM, 6 by the army and Wagner
        [attack_on_civilians(event, d, JNIM) for d in a_days[:8]]
        + [attack_on_civilians(event, d, ARMY) for d in a_days[8:]]
        + [attack_on_civilians(event, d, JNIM) for d in b_days[:4]]
        + [attack_on_civilians(event, d, ARMY) for d in b_days[4:7]]
        + [attack_on_civilians(event, d, WAGNER) for d in b_days[7:]]
        + [event(D(2023, 1, 20))]  # a battle: not civilian targeting
    )
    shift = civilian_targeting_shift(
        events, DateRange.year(2020), DateRange.year(2023), family_lookup(sahel)
    )
    assert (shift.a_total, shift.b_total) == (10, 10)
    assert shift.of("al-qaeda").a_share == pytest.approx(0.8)
    assert shift.of("al-qaeda").b_share == pytest.approx(0.4)
    assert shift.of("state").change == pytest.approx(0.1)
    assert shift.of("foreign").change == pytest.approx(0.3)
    assert shift.families[0].family == "al-qaeda"  # largest change first
