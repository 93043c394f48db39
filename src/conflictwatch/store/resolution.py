"""Resolution in the store: an article's mentions into events, in one transaction each.

``ingest_article`` stores an article once (by id or content hash), resolves its mentions against
the events already stored nearby in time and space, writes the mentions with the decision that
placed them, creates or recomputes the events they touch, links coordinated operations and keeps
an ``event_history`` row for every change. All of it commits together or not at all, so a
``kill -9`` at any moment leaves either the whole article resolved or nothing of it.

``merge_events`` and ``split_event`` let a person fix the resolver's mistakes, with history.

>>> resolver = Resolver(ActorIndex(load_pack("sahel")))            # doctest: +SKIP
>>> outcome = ingest_article(store, article, mentions, resolver=resolver)   # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import sqlalchemy as sa

from ..errors import InputError, NotFound
from ..mentioncodec import mention_from_row, mention_json
from ..model import Article, Dataset, Event, Mention
from ..resolve import ActorIndex, ResolveOptions, Resolver, build_event, event_id_for
from ..resolve.operations import link_operations
from .codec import event_to_row, row_to_event
from .schema import articles, events, mentions
from .schema import event_history as history_table
from .store import Store, content_twin, update_by_id

RESOLVER = "resolver"
_ATTEMPTS = 5
_MARGIN_DEGREES = 1.0  # candidate events are looked for this far around the new mentions


@dataclass(frozen=True)
class IngestOutcome:
    """What one ``ingest_article`` did."""

    article_id: str
    skipped: bool = False
    reason: str = ""  # why it was skipped: "same id" or "same content as <id>"
    mentions: int = 0
    created: tuple[str, ...] = ()  # new event ids
    joined: tuple[str, ...] = ()  # existing event ids that gained a mention
    operations: tuple[str, ...] = ()  # operation ids set or changed


@dataclass(frozen=True)
class StoredMention:
    """A mention as ``events show`` lists it: the telling, its article and the decision."""

    mention: Mention
    decision: Mapping[str, Any]
    outlet: str = ""
    title: str = ""
    url: str = ""
    published_at: dt.datetime | None = None


@dataclass(frozen=True)
class HistoryEntry:
    at: dt.datetime
    action: str
    by: str
    detail: Mapping[str, Any] = field(default_factory=dict)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def default_resolver() -> Resolver:
    """A resolver with the Sahel pack; build it once and pass it to every ``ingest_article``."""
    from ..knowledge import load_pack

    return Resolver(ActorIndex(load_pack("sahel")))


# -- ingest ----------------------------------------------------------------------------------


def ingest_article(
    store: Store,
    article: Article,
    mentions_found: Sequence[Mention],
    *,
    resolver: Resolver | None = None,
    options: ResolveOptions | None = None,
    by: str = RESOLVER,
) -> IngestOutcome:
    """Store ``article`` and resolve its mentions into events, all in one transaction.

    An article whose id or content hash is already stored is skipped and nothing is written.
    """
    resolver = resolver or default_resolver()
    if options is not None:
        resolver = Resolver(resolver.actors, options)
    found = [
        replace(m, article_id=article.id) if m.article_id != article.id else m
        for m in mentions_found
    ]
    for attempt in range(_ATTEMPTS):
        try:
            with store.engine.begin() as conn:
                return _ingest(store, conn, article, found, resolver, by)
        except _Skipped as skipped:
            return IngestOutcome(article.id, skipped=True, reason=skipped.reason)
        except sa.exc.OperationalError as exc:
            # SQLite refuses at once, without waiting, a transaction whose snapshot another
            # writer made stale (e.g. while a fresh connection reads the schema); nothing was
            # written, so the whole article is tried again.
            if store.dialect != "sqlite" or "locked" not in str(exc) or attempt == _ATTEMPTS - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


class _Skipped(Exception):
    """Raised inside the transaction to roll back an article already stored."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _ingest(
    store: Store,
    conn: sa.Connection,
    article: Article,
    found: Sequence[Mention],
    resolver: Resolver,
    by: str,
) -> IngestOutcome:
    # The first statement writes, so SQLite takes its write lock before reading anything (a
    # read-then-write transaction could be refused if another writer committed in between).
    if conn.execute(_insert_if_new(store, store.article_row(article))).first() is None:
        raise _Skipped("same id")
    twin = content_twin(conn, article)
    if twin:
        raise _Skipped(f"same content as {twin}")
    if not found:
        return IngestOutcome(article.id)
    nearby = _candidate_events(conn, found, resolver.options)
    members = _members(conn, [e.id for e in nearby])
    existing = [members.get(e.id, ()) for e in nearby]
    resolution = resolver.resolve(existing, found)

    ids = [e.id for e in nearby]
    for label in range(len(nearby), max(resolution.members, default=-1) + 1):
        ids.append(
            event_id_for(resolution.members[label][0].id) if label in resolution.members else ""
        )
    old = {e.id: e for e in nearby}
    built = {
        ids[label]: build_event(
            ids[label],
            group,
            outlets=_outlets(conn, group),
            operation_id=old[ids[label]].operation_id if ids[label] in old else None,
        )
        for label, group in resolution.members.items()
    }
    _write_events(store, conn, built.values(), fresh=[i for i in built if i not in old])
    at = _now()
    for m, decision in zip(found, resolution.decisions, strict=True):
        event_id = ids[decision.cluster]
        detail = decision.as_dict(ids)
        conn.execute(
            mentions.insert().values(
                id=m.id,
                article_id=article.id,
                event_id=event_id,
                confidence=m.confidence,
                data=mention_json(m),
                event_date=m.event_date,
                decision=json.dumps(detail, ensure_ascii=False),
            )
        )
        _history(
            conn,
            event_id,
            str(detail["action"]),
            by,
            at,
            {"mention_id": m.id, "article_id": article.id, **detail},
        )
    operations = _relink_operations(conn, resolver.actors, list(built.values()), nearby, by, at)
    created = tuple(dict.fromkeys(ids[d.cluster] for d in resolution.decisions if not d.joined))
    joined = tuple(dict.fromkeys(ids[d.cluster] for d in resolution.decisions if d.joined))
    return IngestOutcome(
        article.id, mentions=len(found), created=created, joined=joined, operations=operations
    )


def _insert_if_new(store: Store, row: dict[str, Any]) -> Any:
    """INSERT of an article row returning its pk, or no row when its id is already stored."""
    statement: Any
    if store.dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        statement = sqlite_insert(articles)
    else:
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        statement = postgresql_insert(articles)
    return (
        statement.values(**row)
        .on_conflict_do_nothing(index_elements=["id"])
        .returning(articles.c.pk)
    )


def _candidate_events(
    conn: sa.Connection, found: Sequence[Mention], options: ResolveOptions
) -> list[Event]:
    """Our own events within the date window and area of the new mentions, oldest first."""
    window = max(options.window(m.time_precision) for m in found) + 1
    first = min(m.event_date for m in found) - dt.timedelta(days=window)
    last = max(m.event_date for m in found) + dt.timedelta(days=window)
    c = events.c
    places: list[sa.ColumnElement[bool]] = []
    for m in found:
        if m.latitude is not None and m.longitude is not None:
            places.append(
                sa.and_(
                    c.latitude.between(m.latitude - _MARGIN_DEGREES, m.latitude + _MARGIN_DEGREES),
                    c.longitude.between(
                        m.longitude - _MARGIN_DEGREES, m.longitude + _MARGIN_DEGREES
                    ),
                )
            )
    countries = sorted({m.country for m in found if m.country})
    vague = any(m.latitude is None or m.geo_precision == 3 for m in found)
    if countries:
        regional = sa.or_(c.latitude.is_(None), c.geo_precision == 3)
        places.append(sa.and_(c.country.in_(countries), sa.true() if vague else regional))
    elif vague:
        places.append(sa.true())
    if not places:
        return []
    query = (
        sa.select(events)
        .where(
            c.dataset == Dataset.CONFLICTWATCH.value,
            c.event_date.between(first, last),
            sa.or_(*places),
        )
        .order_by(c.pk)
    )
    return [row_to_event(r) for r in conn.execute(query).mappings()]


def _members(conn: sa.Connection, event_ids: Sequence[str]) -> dict[str, tuple[Mention, ...]]:
    found: dict[str, list[Mention]] = {}
    for start in range(0, len(event_ids), 500):
        chunk = event_ids[start : start + 500]
        query = (
            sa.select(mentions.c.id, mentions.c.article_id, mentions.c.event_id, mentions.c.data)
            .where(mentions.c.event_id.in_(chunk))
            .order_by(mentions.c.id)
        )
        for row in conn.execute(query):
            found.setdefault(row.event_id, []).append(
                mention_from_row(row.id, row.article_id, row.event_id, row.data)
            )
    return {k: tuple(v) for k, v in found.items()}


def _outlets(conn: sa.Connection, group: Iterable[Mention]) -> dict[str, str]:
    ids = sorted({m.article_id for m in group})
    rows = conn.execute(
        sa.select(articles.c.id, articles.c.outlet, articles.c.url).where(articles.c.id.in_(ids))
    )
    return {r.id: r.outlet or r.url or r.id for r in rows}


def _write_events(
    store: Store, conn: sa.Connection, built: Iterable[Event], fresh: Sequence[str]
) -> None:
    rows = [event_to_row(e, with_search_text=store.wants_search_text) for e in built]
    new = [r for r in rows if r["id"] in set(fresh)]
    changed = [dict(r, _id=r["id"]) for r in rows if r["id"] not in set(fresh)]
    if new:
        last = store.last_event_pk(conn)
        conn.execute(events.insert(), new)
        store.index_new_events(conn, last)
    if changed:
        conn.execute(update_by_id(), changed)


def _history(
    conn: sa.Connection,
    event_id: str,
    action: str,
    by: str,
    at: dt.datetime,
    detail: Mapping[str, Any],
) -> None:
    conn.execute(
        history_table.insert().values(
            event_id=event_id,
            action=action,
            at=at,
            by=by,
            detail=json.dumps(detail, ensure_ascii=False, default=str),
        )
    )


def _relink_operations(
    conn: sa.Connection,
    actors: ActorIndex,
    touched: Sequence[Event],
    nearby: Sequence[Event],
    by: str,
    at: dt.datetime,
) -> tuple[str, ...]:
    """Recompute operation ids among the touched events and their same-day neighbours."""
    days = {e.event_date for e in touched}
    pool = {e.id: e for e in nearby if e.event_date in days}
    pool.update({e.id: e for e in touched})
    pool.update({e.id: e for e in _same_day(conn, touched) if e.id not in pool})
    linked = link_operations(list(pool.values()), actors)
    changed: list[str] = []
    for event_id, operation in linked.items():
        if pool[event_id].operation_id == operation:
            continue
        conn.execute(events.update().where(events.c.id == event_id).values(operation_id=operation))
        _history(conn, event_id, "operation", by, at, {"operation_id": operation})
        if operation:
            changed.append(operation)
    return tuple(dict.fromkeys(changed))


def _same_day(conn: sa.Connection, touched: Sequence[Event]) -> list[Event]:
    c = events.c
    points = [
        (e.event_date, e.latitude, e.longitude)
        for e in touched
        if e.latitude is not None and e.longitude is not None
    ]
    if not points:
        return []
    clauses = [
        sa.and_(
            c.event_date == day,
            c.latitude.between(lat - 0.5, lat + 0.5),
            c.longitude.between(lon - 0.5, lon + 0.5),
        )
        for day, lat, lon in points
    ]
    query = sa.select(events).where(c.dataset == Dataset.CONFLICTWATCH.value, sa.or_(*clauses))
    return [row_to_event(r) for r in conn.execute(query).mappings()]


# -- corrections ---------------------------------------------------------------------------------


def _load_event(conn: sa.Connection, event_id: str) -> Event:
    row = conn.execute(sa.select(events).where(events.c.id == event_id)).mappings().first()
    if row is None:
        raise NotFound(f"No event with id {event_id!r} in this store.")
    return row_to_event(row)


def _rebuild(store: Store, conn: sa.Connection, event: Event, group: Sequence[Mention]) -> Event:
    rebuilt = build_event(
        event.id, group, outlets=_outlets(conn, group), operation_id=event.operation_id
    )
    _write_events(store, conn, [rebuilt], fresh=[])
    return rebuilt


def merge_events(
    store: Store, ids: Sequence[str], *, by: str, resolver: Resolver | None = None
) -> Event:
    """Merge events into the first of ``ids``; the others are removed, their mentions moved."""
    wanted = list(dict.fromkeys(ids))
    if len(wanted) < 2:
        raise InputError(
            "merging needs at least two different event ids", field="ids", value=", ".join(ids)
        )
    actors = (resolver or default_resolver()).actors
    with store.engine.begin() as conn:
        found = [_load_event(conn, i) for i in wanted]
        if any(e.dataset is not Dataset.CONFLICTWATCH for e in found):
            imported = next(e.id for e in found if e.dataset is not Dataset.CONFLICTWATCH)
            raise InputError(
                f"{imported} comes from an imported dataset; only events built by "
                "resolution can be merged",
                value=imported,
            )
        keep, others = found[0], found[1:]
        moved = [i for i in wanted[1:]]
        conn.execute(
            mentions.update().where(mentions.c.event_id.in_(moved)).values(event_id=keep.id)
        )
        conn.execute(events.delete().where(events.c.id.in_(moved)))
        group = _members(conn, [keep.id]).get(keep.id, ())
        merged = _rebuild(store, conn, keep, group)
        at = _now()
        _history(
            conn, keep.id, "merged", by, at, {"from": moved, "mention_ids": [m.id for m in group]}
        )
        for other in others:
            _history(conn, other.id, "merged-into", by, at, {"into": keep.id})
        _relink_operations(conn, actors, [merged], [], by, at)
        return _load_event(conn, keep.id)


def split_event(
    store: Store,
    event_id: str,
    mention_ids: Sequence[str],
    *,
    by: str,
    resolver: Resolver | None = None,
) -> tuple[Event, Event]:
    """Move ``mention_ids`` out of an event into a new one; return (what is left, the new event)."""
    actors = (resolver or default_resolver()).actors
    with store.engine.begin() as conn:
        event = _load_event(conn, event_id)
        group = _members(conn, [event_id]).get(event_id, ())
        known = {m.id for m in group}
        unknown = [i for i in mention_ids if i not in known]
        if unknown:
            raise InputError(
                f"mention(s) {', '.join(unknown)} are not in event {event_id}; "
                f"its mentions are: {', '.join(sorted(known))}",
                field="mentions",
                value=",".join(unknown),
            )
        moving = [m for m in group if m.id in set(mention_ids)]
        staying = [m for m in group if m.id not in set(mention_ids)]
        if not moving or not staying:
            raise InputError(
                "a split must move some but not all of the event's mentions",
                field="mentions",
                value=",".join(mention_ids),
            )
        new_id = event_id_for(moving[0].id, salt=f"split:{event_id}:")
        conn.execute(
            mentions.update().where(mentions.c.id.in_([m.id for m in moving])).values(event_id=None)
        )
        left = _rebuild(store, conn, event, staying)
        created = build_event(new_id, moving, outlets=_outlets(conn, moving))
        _write_events(store, conn, [created], fresh=[new_id])
        conn.execute(
            mentions.update()
            .where(mentions.c.id.in_([m.id for m in moving]))
            .values(event_id=new_id)
        )
        at = _now()
        detail = {"mention_ids": [m.id for m in moving]}
        _history(conn, event_id, "split", by, at, {**detail, "into": new_id})
        _history(conn, new_id, "split-from", by, at, {**detail, "from": event_id})
        _relink_operations(conn, actors, [left, created], [], by, at)
        return _load_event(conn, event_id), _load_event(conn, new_id)


# -- display ------------------------------------------------------------------------------------


def event_mentions(store: Store, event_id: str) -> list[StoredMention]:
    """The mentions of an event with their articles and decisions, in the order they arrived."""
    query = (
        sa.select(
            mentions, articles.c.outlet, articles.c.title, articles.c.url, articles.c.published_at
        )
        .join(articles, articles.c.id == mentions.c.article_id, isouter=True)
        .where(mentions.c.event_id == event_id)
        .order_by(articles.c.published_at, mentions.c.id)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [
        StoredMention(
            mention_from_row(r["id"], r["article_id"], r["event_id"], r["data"]),
            json.loads(r["decision"]) if r["decision"] else {},
            r["outlet"] or "",
            r["title"] or "",
            r["url"] or "",
            r["published_at"],
        )
        for r in rows
    ]


def event_history(store: Store, event_id: str) -> list[HistoryEntry]:
    """Every change to an event (created, joined, merged, split, operation), oldest first."""
    query = (
        sa.select(history_table)
        .where(history_table.c.event_id == event_id)
        .order_by(history_table.c.pk)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [
        HistoryEntry(r["at"], r["action"], r["by"], json.loads(r["detail"]) if r["detail"] else {})
        for r in rows
    ]
