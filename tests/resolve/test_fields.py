"""An event's fields recomputed from all its mentions."""

from __future__ import annotations

import datetime as dt

import pytest

from conflictwatch.model import Evidence
from conflictwatch.resolve import build_event, event_id_for, fatality_range
from conflictwatch.taxonomy import GeoPrecision, TimePrecision

from .conftest import mention


@pytest.mark.parametrize(
    ("tolls", "expected"),
    [
        ([], (0, 0, 0)),
        ([0, 0], (0, 0, 0)),  # no toll reported yet
        ([12], (12, 12, 12)),
        ([0, 12, 30], (12, 12, 30)),  # an unknown toll is not a low one
        ([10, 12, 30], (10, 12, 30)),  # best: the median report
        ([10, 12, 30, 40], (10, 12, 40)),  # an even count takes the lower middle (conservative)
    ],
)
def test_fatalities_low_best_high(tolls: list[int], expected: tuple[int, int, int]) -> None:
    group = [mention(f"m{i}", fatalities=t) for i, t in enumerate(tolls)] or [mention("m")]
    assert fatality_range(group if tolls else []) == expected


def test_a_reported_range_widens_low_and_high() -> None:
    group = [
        mention("a", fatalities=20, fatalities_low=15, fatalities_high=25),
        mention("b", fatalities=22),
    ]
    assert fatality_range(group) == (15, 20, 25)


def test_the_most_precise_date_and_place_win() -> None:
    vague = mention(
        "a",
        event_date=dt.date(2024, 6, 1),
        time_precision=TimePrecision.WEEK,
        location="Mopti region",
        latitude=14.5,
        longitude=-3.5,
        geo_precision=GeoPrecision.REGION,
    )
    precise = mention("b", location="Boni", latitude=15.03, longitude=-1.93)
    event = build_event("cw-x", [vague, precise])
    assert event.event_date == dt.date(2024, 6, 3) and event.time_precision == TimePrecision.DAY
    assert (event.location, event.latitude, event.geo_precision) == (
        "Boni",
        15.03,
        GeoPrecision.PLACE,
    )


def test_actors_are_what_most_tellings_say_then_the_most_confident() -> None:
    group = [
        mention("a", actor1="Katiba Macina", confidence=0.95),
        mention("b", confidence=0.3),
        mention("c", confidence=0.3),
    ]
    # Two tellings naming JNIM outweigh one confident telling naming someone else.
    assert build_event("cw-x", group).actor1 == "JNIM: Group for Support of Islam and Muslims"
    group = [mention("a", actor1="Katiba Macina", confidence=0.95), mention("b", confidence=0.6)]
    assert build_event("cw-x", group).actor1 == "Katiba Macina"


def test_every_source_is_listed_and_evidence_keeps_its_article() -> None:
    a = mention(
        "a",
        "report-1",
        evidence=(
            Evidence("location", "near Boni", None, 10, 19),
            Evidence("fatalities", "five soldiers killed"),
        ),
    )
    b = mention(
        "b", "report-2", fatalities=5, evidence=(Evidence("fatalities", "cinq soldats tués"),)
    )
    event = build_event("cw-x", [a, b], outlets={"report-1": "Radio A", "report-2": "Journal B"})
    assert event.source == "Radio A; Journal B"
    third = mention("c", "report-3", fatalities=6)
    again = build_event(
        "cw-x",
        [a, b, third],
        outlets={"report-1": "Radio A", "report-2": "Journal B", "report-3": "Radio A"},
    )
    assert again.source == "Radio A (2 reports); Journal B"
    assert event.mention_ids == ("a", "b")
    quotes = {(e.field, e.quote, e.article_id) for e in event.evidence}
    assert ("location", "near Boni", "report-1") in quotes
    assert ("fatalities", "five soldiers killed", "report-1") in quotes
    assert ("fatalities", "cinq soldats tués", "report-2") in quotes


def test_event_ids_are_short_and_stable() -> None:
    assert event_id_for("report-1#m1") == event_id_for("report-1#m1")
    assert event_id_for("report-1#m1") != event_id_for("report-1#m2")
    assert event_id_for("x").startswith("cw-") and len(event_id_for("x")) == 15
