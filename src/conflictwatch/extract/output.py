"""Mentions as the JSON objects ``conflictwatch extract`` writes (one object per article)."""

from __future__ import annotations

from typing import Any

from ..mentioncodec import mention_data
from ..model import Mention
from .extractor import Extraction


def mention_json(m: Mention) -> dict[str, Any]:
    """Every field of the mention, its disorder type, and its evidence grouped by field."""
    evidence: dict[str, list[dict[str, Any]]] = {}
    for e in m.evidence:
        evidence.setdefault(e.field, []).append({"quote": e.quote, "start": e.start, "end": e.end})
    data = mention_data(m)
    data["disorder_type"] = m.sub_event_type.disorder_type.value
    data["evidence"] = evidence
    return data


def extraction_json(x: Extraction) -> dict[str, Any]:
    return {
        "id": x.article.id,
        "language": x.language,
        "published": x.article.published_at.isoformat() if x.article.published_at else None,
        "events": [mention_json(m) for m in x.mentions],
        "notes": list(x.notes),
    }
