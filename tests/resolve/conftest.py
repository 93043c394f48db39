"""Fixtures for resolution tests: the pack's actor index, and a builder of mentions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from conflictwatch.knowledge import load_pack
from conflictwatch.model import Evidence, Mention
from conflictwatch.resolve import ActorIndex, Resolver
from conflictwatch.taxonomy import ActorType, EventType, GeoPrecision, SubEventType, TimePrecision

JNIM = "JNIM: Group for Support of Islam and Muslims"
ISSP = "Islamic State Sahel Province"
FAMA = "Military Forces of Mali (2021-)"


@pytest.fixture(scope="session")
def actors() -> ActorIndex:
    return ActorIndex(load_pack("sahel"))


@pytest.fixture(scope="session")
def resolver(actors: ActorIndex) -> Resolver:
    return Resolver(actors)


def mention(mention_id: str, article_id: str = "", **overrides: Any) -> Mention:
    """An ambush near Boni on 3 June 2024 by JNIM on the army, overridden per case."""
    sub = overrides.pop("sub_event_type", SubEventType.ARMED_CLASH)
    fields: dict[str, Any] = {
        "id": mention_id,
        "article_id": article_id or f"art-{mention_id}",
        "event_date": dt.date(2024, 6, 3),
        "time_precision": TimePrecision.DAY,
        "event_type": sub.event_type,
        "sub_event_type": sub,
        "actor1": JNIM,
        "inter1": ActorType.REBEL_GROUP,
        "actor2": FAMA,
        "inter2": ActorType.STATE_FORCES,
        "country": "Mali",
        "admin1": "Mopti",
        "location": "Boni",
        "latitude": 15.03,
        "longitude": -1.93,
        "geo_precision": GeoPrecision.PLACE,
        "fatalities": 0,
        "confidence": 0.8,
    }
    fields.update(overrides)
    if "evidence" not in overrides:
        fields["evidence"] = (Evidence("location", f"near {fields['location']}"),)
    assert isinstance(fields["event_type"], EventType)
    return Mention(**fields)
