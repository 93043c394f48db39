"""Coordinated operations: one operation id, separate events."""

from __future__ import annotations

import datetime as dt
from typing import Any

from conflictwatch.model import Event
from conflictwatch.resolve import ActorIndex, build_event, cluster, link_operations
from conflictwatch.taxonomy import SubEventType

from .conftest import ISSP, JNIM, mention

FALADIE = {
    "location": "Bamako - Faladie",
    "latitude": 12.6,
    "longitude": -7.96,
    "admin1": "Bamako",
    "event_date": dt.date(2024, 9, 17),
    "tags": ("coordinated",),
}
AIRPORT = {**FALADIE, "location": "Bamako - Senou Airport", "latitude": 12.53, "longitude": -7.95}


def _event(name: str, **overrides: Any) -> Event:
    return build_event(name, [mention(f"{name}-m", **overrides)])


def test_the_bamako_dawn_attacks_are_one_operation_and_two_events(actors: ActorIndex) -> None:
    # one report tells both sites; a second tells the airport only
    told = [
        mention("r1-a", "r1", **FALADIE),
        mention("r1-b", "r1", **AIRPORT),
        mention("r2-a", "r2", **AIRPORT, fatalities=70),
    ]
    clusters = cluster(told, actors)
    assert sorted(sorted(m.id for m in c.mentions) for c in clusters) == [
        ["r1-a"],
        ["r1-b", "r2-a"],
    ]
    events = [build_event(f"cw-{i}", c.mentions) for i, c in enumerate(clusters)]
    operations = link_operations(events, actors)
    assert operations["cw-0"] is not None and operations["cw-0"] == operations["cw-1"]


def test_simultaneous_attacks_without_a_tag_are_linked(actors: ActorIndex) -> None:
    untagged = {**FALADIE, "tags": (), "time_of_day": "dawn"}
    events = [
        _event("cw-a", **untagged),
        _event("cw-b", **{**AIRPORT, "tags": (), "time_of_day": "dawn"}),
    ]
    assert len(set(link_operations(events, actors).values()) - {None}) == 1


def test_what_is_not_an_operation(actors: ActorIndex) -> None:
    base = _event("cw-a", **FALADIE)
    others = {
        "another day": _event("cw-b", **{**AIRPORT, "event_date": dt.date(2024, 9, 18)}),
        "another actor": _event("cw-c", **AIRPORT, actor1=ISSP),
        "another city": _event("cw-d", **{**AIRPORT, "latitude": 13.43, "longitude": -6.26}),
        "neither tagged nor simultaneous": _event("cw-e", **{**AIRPORT, "tags": ()}),
    }
    untagged_base = _event("cw-f", **{**FALADIE, "tags": ()})
    for why, other in others.items():
        first = untagged_base if why.startswith("neither") else base
        assert link_operations([first, other], actors)[first.id] is None, why


def test_an_operation_keeps_the_id_it_already_had(actors: ActorIndex) -> None:
    first = build_event("cw-a", [mention("a", **FALADIE)], operation_id="op-kept")
    second = _event("cw-b", **AIRPORT)
    third = _event(
        "cw-c",
        **{
            **AIRPORT,
            "sub_event_type": SubEventType.ATTACK,
            "latitude": 12.64,
            "location": "Bamako - Kati road",
        },
    )
    operations = link_operations([first, second, third], actors)
    assert set(operations.values()) == {"op-kept"}
    assert first.actor1 == JNIM
