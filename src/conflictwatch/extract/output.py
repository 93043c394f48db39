"""Mentions as the JSON objects ``conflictwatch extract`` writes (one object per article)."""

from __future__ import annotations

from typing import Any

from ..model import Mention
from .extractor import Extraction


def mention_json(m: Mention) -> dict[str, Any]:
    evidence: dict[str, list[dict[str, Any]]] = {}
    for e in m.evidence:
        evidence.setdefault(e.field, []).append({"quote": e.quote, "start": e.start, "end": e.end})
    return {
        "event_date": m.event_date.isoformat(),
        "time_precision": int(m.time_precision),
        "time_of_day": m.time_of_day,
        "event_type": m.event_type.value,
        "sub_event_type": m.sub_event_type.value,
        "disorder_type": m.sub_event_type.disorder_type.value,
        "actor1": m.actor1,
        "inter1": int(m.inter1) if m.inter1 else None,
        "actor2": m.actor2,
        "inter2": int(m.inter2) if m.inter2 else None,
        "civilian_targeting": m.civilian_targeting,
        "location": m.location,
        "latitude": m.latitude,
        "longitude": m.longitude,
        "country": m.country,
        "admin1": m.admin1,
        "admin2": m.admin2,
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
        "evidence": evidence,
    }


def extraction_json(x: Extraction) -> dict[str, Any]:
    return {
        "id": x.article.id,
        "language": x.language,
        "published": x.article.published_at.isoformat() if x.article.published_at else None,
        "events": [mention_json(m) for m in x.mentions],
        "notes": list(x.notes),
    }
