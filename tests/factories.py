"""Small builders of records for tests: a valid default, overridden per case."""

from __future__ import annotations

import datetime as dt
from typing import Any

from conflictwatch.model import Dataset, Event
from conflictwatch.taxonomy import ActorType, EventType, GeoPrecision, SubEventType


def make_event(n: int = 1, **overrides: Any) -> Event:
    fields: dict[str, Any] = {
        "dataset": Dataset.ACLED,
        "dataset_id": f"TST{n}",
        "event_date": dt.date(2023, 5, 17),
        "event_type": EventType.BATTLES,
        "sub_event_type": SubEventType.ARMED_CLASH,
        "actor1": "JNIM: Group for Support of Islam and Muslims",
        "inter1": ActorType.REBEL_GROUP,
        "actor2": "Military Forces of Mali (2021-)",
        "inter2": ActorType.STATE_FORCES,
        "country": "Mali",
        "admin1": "Mopti",
        "admin2": "Bankass",
        "location": "Dimbal",
        "latitude": 14.17,
        "longitude": -3.42,
        "geo_precision": GeoPrecision.PLACE,
        "fatalities": 3,
        "notes": "Militants attacked an army post near Dimbal.",
    }
    fields.update(overrides)
    fields.setdefault("id", f"{fields['dataset'].value}:{fields['dataset_id']}")
    return Event(**fields)
