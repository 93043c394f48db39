"""The compatibility score: each component and the hard conflicts, as named reasons."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest

from conflictwatch.resolve import COMPONENTS, ActorIndex, Encoder, ResolveOptions, score_pairs
from conflictwatch.taxonomy import GeoPrecision, SubEventType, TimePrecision

from .conftest import ISSP, mention


def _score(
    actors: ActorIndex, left: dict[str, Any], right: dict[str, Any]
) -> tuple[dict[str, float], bool, float]:
    f = Encoder(actors).encode([mention("a", **left), mention("b", **right)])
    s = score_pairs(f, np.array([0]), np.array([1]), ResolveOptions())
    reasons = {r.name: r.points for r in s.reasons(0, f)}
    return reasons, bool(s.hard[0]), float(s.total[0])


def test_every_component_is_a_named_reason_and_they_add_up(actors: ActorIndex) -> None:
    reasons, hard, total = _score(actors, {}, {})
    assert tuple(reasons) == COMPONENTS
    assert total == pytest.approx(sum(reasons.values()))
    assert not hard


@pytest.mark.parametrize(
    ("left", "right", "component", "compare"),
    [
        # type: same sub-event type beats a compatible one (clash vs attack on civilians)
        ({}, {"sub_event_type": SubEventType.ATTACK}, "type", "lower"),
        # date: a day apart scores less than the same day; a week-precise date only has to fit
        ({}, {"event_date": dt.date(2024, 6, 4)}, "date", "lower"),
        (
            {},
            {"event_date": dt.date(2024, 6, 6), "time_precision": TimePrecision.WEEK},
            "date",
            "lower",
        ),
        # place: 20 km away scores less than the same spot
        ({}, {"latitude": 15.21, "location": "Hombori"}, "place", "lower"),
        # actors: a different armed group contradicts
        ({}, {"actor1": ISSP}, "actors", "lower"),
        # fatalities: agreeing tolls confirm, wildly different ones weigh against
        ({"fatalities": 12}, {"fatalities": 12}, "fatalities", "higher"),
        ({"fatalities": 2}, {"fatalities": 40}, "fatalities", "lower"),
        # words: no distinctive word in common
        ({}, {"location": "Douentza", "evidence": ()}, "words", "lower"),
    ],
)
def test_a_component_moves_with_its_evidence(
    actors: ActorIndex, left: dict[str, Any], right: dict[str, Any], component: str, compare: str
) -> None:
    baseline, _, _ = _score(actors, {}, {})
    reasons, _, _ = _score(actors, left, right)
    if compare == "lower":
        assert reasons[component] < baseline[component]
    else:
        assert reasons[component] > baseline[component]


def test_an_actor_unknown_to_the_pack_neither_confirms_nor_contradicts(actors: ActorIndex) -> None:
    reasons, hard, _ = _score(actors, {}, {"actor1": "Some Armed Men Nobody Named", "actor2": ""})
    assert reasons["actors"] == 0.0 and not hard
    reasons, _, _ = _score(actors, {}, {"actor1": "Unidentified Armed Group (Mali)", "actor2": ""})
    assert reasons["actors"] == 0.0


def test_an_actor_alias_counts_as_the_actor(actors: ActorIndex) -> None:
    reasons, _, _ = _score(actors, {}, {"actor1": "GSIM"})
    same, _, _ = _score(actors, {}, {})
    assert reasons["actors"] == same["actors"] > 0


@pytest.mark.parametrize(
    "right",
    [
        {"sub_event_type": SubEventType.PEACEFUL_PROTEST},  # a protest is never a battle
        {"sub_event_type": SubEventType.ARRESTS},
        {"event_date": dt.date(2024, 6, 10)},  # a week apart, both day-precise
        {"country": "Niger"},
        {"article_id": "art-a"},  # the same article: two events by construction
    ],
)
def test_hard_conflicts(actors: ActorIndex, right: dict[str, Any]) -> None:
    _, hard, _ = _score(actors, {}, right)
    assert hard


def test_without_coordinates_regions_decide(actors: ActorIndex) -> None:
    same, _, _ = _score(actors, {}, {"latitude": None, "longitude": None})
    other, _, _ = _score(
        actors, {}, {"latitude": None, "longitude": None, "admin1": "Gao", "location": "Gao"}
    )
    assert same["place"] > other["place"]


def test_region_precision_is_judged_on_a_wider_scale(actors: ActorIndex) -> None:
    far = {"latitude": 15.5, "longitude": -1.93}
    precise, _, _ = _score(actors, {}, far)
    vague, _, _ = _score(actors, {}, {**far, "geo_precision": GeoPrecision.REGION})
    assert vague["place"] > precise["place"]


def test_two_named_sites_in_one_city_are_two_places_but_the_city_is_not(actors: ActorIndex) -> None:
    city = {
        "location": "Bamako",
        "latitude": 12.64,
        "longitude": -8.0,
        "admin1": "Bamako",
        "admin2": "Bamako",
    }
    school = {**city, "location": "Faladie", "latitude": 12.595, "longitude": -7.947}
    airport = {**city, "location": "Senou", "latitude": 12.53, "longitude": -7.95}
    sites, _, _ = _score(actors, school, airport)
    told_vaguely, _, _ = _score(actors, city, school)
    assert told_vaguely["place"] > sites["place"] + 2
