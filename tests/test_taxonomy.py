"""The ACLED and UCDP vocabularies and the rules between them, as ACLED's codebook states them."""

from __future__ import annotations

import datetime as dt

import pytest

from conflictwatch.errors import InputError
from conflictwatch.model import Event
from conflictwatch.taxonomy import (
    ActorType,
    DatePrecision,
    DisorderType,
    EventType,
    GeoPrecision,
    SubEventType,
    TimePrecision,
    TypeOfViolence,
    WherePrecision,
    acled_types_for_ucdp,
    date_prec_from_time,
    geo_from_where_prec,
    interaction_code,
    parse_interaction,
    time_from_date_prec,
    ucdp_type_of_violence,
    where_prec_from_geo,
)

E = EventType


def test_there_are_six_event_types_and_twenty_five_sub_event_types() -> None:
    assert len(EventType) == 6
    assert len(SubEventType) == 25
    assert {e: len(e.sub_event_types) for e in EventType} == {
        E.BATTLES: 3, E.EXPLOSIONS_REMOTE_VIOLENCE: 6, E.VIOLENCE_AGAINST_CIVILIANS: 3,
        E.PROTESTS: 3, E.RIOTS: 2, E.STRATEGIC_DEVELOPMENTS: 8,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("label", "parent", "disorder"),
    [
        ("Armed clash", E.BATTLES, DisorderType.POLITICAL_VIOLENCE),
        ("Remote explosive/landmine/IED", E.EXPLOSIONS_REMOTE_VIOLENCE,
         DisorderType.POLITICAL_VIOLENCE),
        ("Abduction/forced disappearance", E.VIOLENCE_AGAINST_CIVILIANS,
         DisorderType.POLITICAL_VIOLENCE),
        ("Peaceful protest", E.PROTESTS, DisorderType.DEMONSTRATIONS),
        ("Excessive force against protesters", E.PROTESTS,
         DisorderType.POLITICAL_VIOLENCE_DEMONSTRATIONS),
        ("Mob violence", E.RIOTS, DisorderType.DEMONSTRATIONS),
        ("Disrupted weapons use", E.STRATEGIC_DEVELOPMENTS, DisorderType.STRATEGIC_DEVELOPMENTS),
    ],
)  # fmt: skip
def test_each_sub_event_type_knows_its_parent_and_disorder(
    label: str, parent: EventType, disorder: DisorderType
) -> None:
    sub = SubEventType.from_label(label)
    assert sub.event_type is parent
    assert sub.disorder_type is disorder


@pytest.mark.parametrize("label", ["armed clash", "ARMED_CLASH", "Armed  Clash", "armed-clash"])
def test_labels_are_read_leniently(label: str) -> None:
    assert SubEventType.from_label(label) is SubEventType.ARMED_CLASH


def test_an_unknown_label_lists_the_known_ones() -> None:
    with pytest.raises(InputError, match="expected one of: Battles; Explosions/Remote violence"):
        EventType.from_label("Skirmish")


@pytest.mark.parametrize(
    ("inter1", "inter2", "code"),
    [(2, 1, 12), (1, 2, 12), (7, 2, 27), (1, None, 10), (None, 6, 60), (8, 8, 88)],
)
def test_interaction_is_the_lower_code_first(
    inter1: int | None, inter2: int | None, code: int
) -> None:
    assert interaction_code(inter1, inter2) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("12", 12),
        ("Rebel group-State forces", 12),
        ("State forces-Civilians", 17),
        ("External/Other forces-Civilians", 78),
        ("Protesters only", 60),
        ("State forces only", 10),
    ],
)
def test_interaction_is_read_as_a_number_or_as_labels(text: str, code: int) -> None:
    assert parse_interaction(text) == code


@pytest.mark.parametrize(
    ("value", "actor_type"),
    [("1", ActorType.STATE_FORCES), (2, ActorType.REBEL_GROUP),
     ("Identity militia", ActorType.IDENTITY_MILITIA), ("Rebel groups", ActorType.REBEL_GROUP),
     ("External/Other forces", ActorType.EXTERNAL_OTHER_FORCES)],
)  # fmt: skip
def test_actor_types_are_read_as_codes_or_labels(value: str | int, actor_type: ActorType) -> None:
    assert ActorType.parse(value) is actor_type


@pytest.mark.parametrize("value", ["0", "9", "Aliens"])
def test_an_unknown_actor_type_is_refused(value: str) -> None:
    with pytest.raises(InputError, match="unknown actor type"):
        ActorType.parse(value)


def test_precisions_map_between_acled_and_ucdp() -> None:
    assert where_prec_from_geo(GeoPrecision.PLACE) is WherePrecision.EXACT
    assert where_prec_from_geo(GeoPrecision.NEAR_PLACE) is WherePrecision.WITHIN_25KM
    assert where_prec_from_geo(GeoPrecision.REGION) is WherePrecision.ADMIN1
    assert where_prec_from_geo(GeoPrecision.REGION, has_admin2=True) is WherePrecision.ADMIN2
    for where in WherePrecision:
        assert geo_from_where_prec(where) in GeoPrecision
    for time in TimePrecision:
        assert time_from_date_prec(date_prec_from_time(time)) is time
    assert time_from_date_prec(DatePrecision.LONGER) is TimePrecision.MONTH


@pytest.mark.parametrize(
    ("event_type", "inter1", "inter2", "expected"),
    [
        (E.BATTLES, ActorType.REBEL_GROUP, ActorType.STATE_FORCES, TypeOfViolence.STATE_BASED),
        (E.BATTLES, ActorType.REBEL_GROUP, ActorType.IDENTITY_MILITIA, TypeOfViolence.NON_STATE),
        (E.VIOLENCE_AGAINST_CIVILIANS, ActorType.STATE_FORCES, ActorType.CIVILIANS,
         TypeOfViolence.ONE_SIDED),
        (E.EXPLOSIONS_REMOTE_VIOLENCE, ActorType.REBEL_GROUP, ActorType.CIVILIANS,
         TypeOfViolence.ONE_SIDED),
        (E.PROTESTS, ActorType.PROTESTERS, None, None),
    ],
)  # fmt: skip
def test_ucdp_type_of_violence_from_acled_coding(
    event_type: EventType,
    inter1: ActorType,
    inter2: ActorType | None,
    expected: TypeOfViolence | None,
) -> None:
    assert ucdp_type_of_violence(event_type, inter1, inter2) is expected


def test_ucdp_types_map_to_the_closest_acled_types() -> None:
    assert acled_types_for_ucdp(TypeOfViolence.ONE_SIDED) == (
        E.VIOLENCE_AGAINST_CIVILIANS,
        SubEventType.ATTACK,
    )
    assert acled_types_for_ucdp(TypeOfViolence.STATE_BASED)[1] is SubEventType.ARMED_CLASH


def test_an_event_derives_its_disorder_type_interaction_and_ranges() -> None:
    event = Event(
        id="x",
        event_date=dt.date(2024, 9, 17),
        event_type=E.PROTESTS,
        sub_event_type=SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS,
        actor1="Police Forces of Mali",
        inter1=ActorType.STATE_FORCES,
        inter2=ActorType.PROTESTERS,
        country="Mali",
        fatalities=2,
    )
    assert event.disorder_type is DisorderType.POLITICAL_VIOLENCE_DEMONSTRATIONS
    assert event.interaction == 16
    assert (event.fatalities_low, event.fatalities_high) == (2, 2)
    assert event.date_start == event.date_end == dt.date(2024, 9, 17)
