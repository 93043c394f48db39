"""Sieges and blockades per town: since when, by whom, and whether they are still on."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from conflictwatch.analysis import track_situations
from conflictwatch.model import Event, Situation, SituationKind

from .conftest import Numbered, Stored

D = dt.date
JNIM = "JNIM: Group for Support of Islam and Muslims"
ARMY = "Military Forces of Mali (2021-)"
AS_OF = D(2024, 6, 30)


def siege_at(event: Numbered, town: str, day: dt.date, **fields: Any) -> Event:
    fields.setdefault("tags", ("siege",))
    return event(day, location=town, **fields)


@pytest.mark.parametrize(
    ("last_days_before", "ongoing", "status"),
    [
        (10, True, "ongoing"),
        (90, True, "ongoing"),
        (91, False, "stale"),
        (120, False, "stale"),
    ],
)
def test_siege_goes_stale_after_90_days_without_evidence(
    stored: Stored, event: Numbered, last_days_before: int, ongoing: bool, status: str
) -> None:
    last = AS_OF - dt.timedelta(days=last_days_before)
    events = stored(
        [
            siege_at(event, "Timbuktu", D(2023, 8, 8)),
            siege_at(event, "Timbuktu", last),
        ]
    )
    (tracked,) = track_situations(events, as_of=AS_OF)
    assert tracked.ongoing is ongoing
    assert tracked.status == status
    assert tracked.last_evidence == last
    assert tracked.situation.start == D(2023, 8, 8)
    assert tracked.situation.end == (None if ongoing else last)


def test_imposing_actor_kind_and_evidence(stored: Stored, event: Numbered) -> None:
    events = stored(
        [
            event(
                D(2024, 1, 5), location="Menaka", tags=(), notes="ISSP fighters besieged Menaka."
            ),
            event(D(2024, 2, 5), location="Menaka", tags=("blockade",), actor1="ISSP"),
            event(D(2024, 3, 5), location="Menaka", tags=("blockade",), actor1="ISSP"),
            event(D(2024, 4, 5), location="Menaka", tags=("blockade",), actor1=ARMY),
            event(D(2024, 4, 6), location="Gao", tags=("ied",), notes="An IED on the road."),
        ]
    )
    (tracked,) = track_situations(events, as_of=AS_OF)
    situation = tracked.situation
    assert situation.kind is SituationKind.BLOCKADE  # three blockade cues, one siege cue
    assert situation.actor == "ISSP"
    assert situation.location == "Menaka"
    assert len(situation.event_ids) == tracked.evidence_events == 4


@pytest.mark.parametrize(
    "lifting",
    [
        {"tags": ("siege", "siege-lifted")},
        {"tags": (), "notes": "The army broke the siege of Boni."},
        {"tags": (), "notes": "Les jihadistes ont levé le siège de Boni."},
    ],
)
def test_lifting_cue_ends_the_siege(
    stored: Stored, event: Numbered, lifting: dict[str, Any]
) -> None:
    events = stored(
        [
            siege_at(event, "Boni", D(2024, 3, 1)),
            event(D(2024, 6, 1), location="Boni", **lifting),
        ]
    )
    (tracked,) = track_situations(events, as_of=AS_OF)
    assert (tracked.ongoing, tracked.status, tracked.situation.end) == (
        False,
        "lifted",
        D(2024, 6, 1),
    )


def test_evidence_after_lifting_means_reimposed(stored: Stored, event: Numbered) -> None:
    events = stored(
        [
            siege_at(event, "Boni", D(2024, 3, 1)),
            siege_at(event, "Boni", D(2024, 4, 1), tags=("siege", "lifted")),
            siege_at(event, "Boni", D(2024, 6, 1)),
        ]
    )
    (tracked,) = track_situations(events, as_of=AS_OF)
    assert tracked.ongoing


def test_manual_entries_merge_with_derived_ones(stored: Stored, event: Numbered) -> None:
    events = stored(
        [siege_at(event, "Léré", D(2024, 5, 1)), siege_at(event, "Léré", D(2024, 6, 1))]
    )
    manual = [
        Situation(
            id="analyst:lere",
            kind=SituationKind.SIEGE,
            location="Lere",
            start=D(2023, 12, 1),
            actor=JNIM,
            event_ids=("report:17",),
        ),
        Situation(
            id="analyst:ber",
            kind=SituationKind.BLOCKADE,
            location="Ber",
            start=D(2024, 1, 1),
            actor=JNIM,
        ),
    ]
    tracked = {t.situation.id: t for t in track_situations(events, as_of=AS_OF, manual=manual)}
    lere = tracked["analyst:lere"]
    assert lere.source == "derived+manual"
    assert lere.situation.start == D(2023, 12, 1)  # the earlier, manual start
    assert lere.situation.event_ids[-1] == "report:17"
    assert len(lere.situation.event_ids) == 3
    assert lere.ongoing
    assert tracked["analyst:ber"].source == "manual"


def test_events_after_as_of_are_ignored(stored: Stored, event: Numbered) -> None:
    events = stored([siege_at(event, "Djibo", D(2024, 7, 15))])
    assert track_situations(events, as_of=AS_OF) == ()
