"""Analysts' own entries in the store: sieges, blockades and changes of control they record by hand,
and the articles behind stored events (what briefings cite).

The siege/blockade tracker (``analysis.situations``) derives situations from events; entries kept
here are merged with what it derives, so an analyst can state a blockade the record only hints at,
give its end, or name who imposes it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from ..errors import NotFound
from ..model import Situation, SituationKind
from .schema import articles, mentions, situations
from .store import Store


@dataclass(frozen=True)
class ArticleRef:
    """An article that tells an event, as a citation needs it."""

    article_id: str
    outlet: str = ""
    url: str = ""
    title: str = ""
    published_at: dt.datetime | None = None


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _situation(row: Mapping[str, Any] | sa.RowMapping) -> Situation | None:
    try:
        kind = SituationKind(row["kind"])
    except ValueError:
        return None  # a kind this version does not know
    data = json.loads(row["data"]) if row["data"] else {}
    start = _date(row["start"])
    assert start is not None  # NOT NULL column
    return Situation(
        id=row["id"],
        kind=kind,
        location=row["location"],
        start=start,
        actor=row["actor"] or "",
        end=_date(row["end"]),
        country=row["country"] or "",
        latitude=row["latitude"],
        longitude=row["longitude"],
        notes=row["notes"] or "",
        event_ids=tuple(data.get("event_ids", ())),
    )


def save_situation(store: Store, situation: Situation) -> None:
    """Add an analyst's entry, or replace the one with the same id."""
    row = {
        "id": situation.id,
        "kind": situation.kind.value,
        "location": situation.location,
        "country": situation.country or None,
        "actor": situation.actor or None,
        "start": situation.start,
        "end": situation.end,
        "latitude": situation.latitude,
        "longitude": situation.longitude,
        "notes": situation.notes or None,
        "data": json.dumps({"event_ids": list(situation.event_ids)}),
    }
    with store.engine.begin() as conn:
        conn.execute(situations.delete().where(situations.c.id == situation.id))
        conn.execute(situations.insert().values(**row))


def delete_situation(store: Store, situation_id: str) -> None:
    with store.engine.begin() as conn:
        gone = conn.execute(situations.delete().where(situations.c.id == situation_id)).rowcount
    if not gone:
        raise NotFound(
            f"No situation entry {situation_id!r}; `conflictwatch situations` lists them."
        )


def stored_situations(store: Store, country: str | None = None) -> tuple[Situation, ...]:
    """Analysts' entries (for ``country`` and those without a country, when one is given)."""
    query = sa.select(situations).order_by(situations.c.start, situations.c.id)
    if country:
        query = query.where(sa.or_(situations.c.country == country, situations.c.country.is_(None)))
    with store.engine.connect() as conn:
        found = [_situation(row) for row in conn.execute(query).mappings()]
    return tuple(s for s in found if s is not None)


def articles_of_events(store: Store, event_ids: Iterable[str]) -> dict[str, list[ArticleRef]]:
    """The articles whose mentions make up each event, oldest first (events from coded datasets
    have none)."""
    ids = list(dict.fromkeys(event_ids))
    query = (
        sa.select(
            mentions.c.event_id,
            articles.c.id,
            articles.c.outlet,
            articles.c.url,
            articles.c.title,
            articles.c.published_at,
        )
        .join(articles, articles.c.id == mentions.c.article_id)
        .order_by(articles.c.published_at, articles.c.id)
    )
    found: dict[str, list[ArticleRef]] = {}
    with store.engine.connect() as conn:
        for lo in range(0, len(ids), 500):
            rows = conn.execute(query.where(mentions.c.event_id.in_(ids[lo : lo + 500])))
            for event_id, article_id, outlet, url, title, published in rows:
                refs = found.setdefault(event_id, [])
                if all(r.article_id != article_id for r in refs):
                    refs.append(ArticleRef(article_id, outlet or "", url or "", title or "",
                                           published))  # fmt: skip
    return found
