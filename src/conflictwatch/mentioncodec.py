"""Mention records ↔ plain JSON: every field, evidence with its offsets (stored in
``mentions.data``, and the base of what ``conflictwatch extract`` writes)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .model import Evidence, Mention
from .taxonomy import ActorType, GeoPrecision, SubEventType, TimePrecision


def mention_data(m: Mention) -> dict[str, Any]:
    """Everything about a mention except its id, article and event (those have columns)."""
    return {
        "event_date": m.event_date.isoformat(),
        "time_precision": int(m.time_precision),
        "time_of_day": m.time_of_day,
        "event_type": m.event_type.value,
        "sub_event_type": m.sub_event_type.value,
        "actor1": m.actor1,
        "assoc_actor_1": m.assoc_actor_1,
        "inter1": int(m.inter1) if m.inter1 else None,
        "actor2": m.actor2,
        "assoc_actor_2": m.assoc_actor_2,
        "inter2": int(m.inter2) if m.inter2 else None,
        "civilian_targeting": m.civilian_targeting,
        "country": m.country,
        "admin1": m.admin1,
        "admin2": m.admin2,
        "location": m.location,
        "latitude": m.latitude,
        "longitude": m.longitude,
        "geo_precision": int(m.geo_precision) if m.geo_precision else None,
        "fatalities": m.fatalities,
        "fatalities_low": m.fatalities_low,
        "fatalities_high": m.fatalities_high,
        "fatalities_by_side": dict(m.fatalities_by_side),
        "wounded": m.wounded,
        "abducted": m.abducted,
        "outcome": m.outcome,
        "tags": list(m.tags),
        "confidence": m.confidence,
        "evidence": [
            {
                "field": e.field,
                "quote": e.quote,
                "article_id": e.article_id,
                "start": e.start,
                "end": e.end,
            }
            for e in m.evidence
        ],
    }


def mention_json(m: Mention) -> str:
    return json.dumps(mention_data(m), ensure_ascii=False, sort_keys=True)


def mention_from_row(
    mention_id: str, article_id: str, event_id: str | None, data: str | dict[str, Any]
) -> Mention:
    """Rebuild a mention from its stored columns and JSON."""
    d = json.loads(data) if isinstance(data, str) else data

    def code(kind: Any, value: Any) -> Any:
        return kind(value) if value not in (None, "", 0) else None

    sub = SubEventType(d["sub_event_type"])
    return Mention(
        id=mention_id,
        article_id=article_id,
        event_id=event_id,
        event_date=dt.date.fromisoformat(d["event_date"]),
        time_precision=TimePrecision(d.get("time_precision") or 1),
        time_of_day=d.get("time_of_day"),
        event_type=sub.event_type,
        sub_event_type=sub,
        actor1=d.get("actor1") or "",
        assoc_actor_1=d.get("assoc_actor_1") or "",
        inter1=code(ActorType, d.get("inter1")),
        actor2=d.get("actor2") or "",
        assoc_actor_2=d.get("assoc_actor_2") or "",
        inter2=code(ActorType, d.get("inter2")),
        civilian_targeting=bool(d.get("civilian_targeting")),
        country=d.get("country") or "",
        admin1=d.get("admin1") or "",
        admin2=d.get("admin2") or "",
        location=d.get("location") or "",
        latitude=d.get("latitude"),
        longitude=d.get("longitude"),
        geo_precision=code(GeoPrecision, d.get("geo_precision")),
        fatalities=int(d.get("fatalities") or 0),
        fatalities_low=d.get("fatalities_low"),
        fatalities_high=d.get("fatalities_high"),
        fatalities_by_side=d.get("fatalities_by_side") or {},
        wounded=d.get("wounded"),
        abducted=d.get("abducted"),
        outcome=d.get("outcome") or "",
        tags=tuple(d.get("tags") or ()),
        evidence=tuple(Evidence(**e) for e in d.get("evidence") or ()),
        confidence=float(d.get("confidence") or 0.0),
    )
