"""The ``Store``: one interface over a SQLite file (default) or a PostgreSQL database."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from ..config import database_url
from ..errors import ConfigError, NotFound, StoreError
from ..model import Article, Event
from . import migrations
from .codec import event_to_row, row_to_event
from .query import EventFilter
from .schema import articles, events, imports, mentions
from .search import Terms, fold

BATCH = 5_000


@dataclass(frozen=True)
class Stats:
    """What a store holds, in the shape ``conflictwatch stats --json`` prints."""

    events: int
    fatalities: int
    first_date: dt.date | None
    last_date: dt.date | None
    by_year: dict[str, int] = field(default_factory=dict)
    by_event_type: dict[str, int] = field(default_factory=dict)
    by_admin1: dict[str, int] = field(default_factory=dict)
    by_country: dict[str, int] = field(default_factory=dict)
    by_dataset: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "events": self.events,
            "fatalities": self.fatalities,
            "first_date": self.first_date.isoformat() if self.first_date else None,
            "last_date": self.last_date.isoformat() if self.last_date else None,
            "by_year": self.by_year,
            "by_event_type": self.by_event_type,
            "by_admin1": self.by_admin1,
            "by_country": self.by_country,
            "by_dataset": self.by_dataset,
        }


def _sqlite_engine(url: str) -> sa.Engine:
    path = sa.make_url(url).database
    if path and path != ":memory:":
        parent = Path(path).expanduser().resolve().parent
        if not parent.is_dir():
            raise ConfigError(f"Cannot create the store {path!r}: folder {parent} does not exist.")
    engine = sa.create_engine(url, connect_args={"timeout": 30})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin (so DDL is transactional).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


class Store:
    """Events, articles, mentions, situations, gazetteers and boundaries in one database.

    >>> with Store.open("events.db") as store:   # doctest: +SKIP
    ...     store.stats().events
    """

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name

    # -- lifecycle ---------------------------------------------------------------------------

    @classmethod
    def open(cls, db: str | Path, *, migrate: bool = True) -> Store:
        """Open (creating and migrating as needed) the store at a path or database URL."""
        url = database_url(db)
        try:
            if url.startswith("sqlite"):
                engine = _sqlite_engine(url)
            else:
                engine = sa.create_engine(url, pool_pre_ping=True)
            store = cls(engine)
            if migrate:
                store.migrate()
            return store
        except sa.exc.OperationalError as exc:
            raise StoreError(f"Cannot open the store at {sa.make_url(url)!r}: {exc.orig}") from exc
        except ModuleNotFoundError as exc:
            raise ConfigError(
                f"The driver for {url.split(':')[0]} is not installed ({exc.name}); "
                "install conflictwatch[postgres] for PostgreSQL."
            ) from exc

    def migrate(self) -> list[int]:
        return migrations.migrate(self.engine)

    @property
    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return migrations.current_version(conn)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def wants_search_text(self) -> bool:
        """PostgreSQL searches a folded copy of the text; SQLite's FTS5 folds by itself."""
        return self.dialect != "sqlite"

    # -- events ------------------------------------------------------------------------------

    def add_events(self, new: Iterable[Event]) -> int:
        """Insert or replace events by id in one transaction; return how many were written."""
        count = 0
        with self.engine.begin() as conn:
            batch: list[dict[str, Any]] = []
            for event in new:
                batch.append(event_to_row(event, with_search_text=self.wants_search_text))
                if len(batch) >= BATCH:
                    count += self._replace(conn, batch)
                    batch = []
            count += self._replace(conn, batch)
        return count

    def _replace(self, conn: sa.Connection, rows: list[dict[str, Any]]) -> int:
        if not rows:
            return 0
        ids = [r["id"] for r in rows]
        existing = set(conn.execute(sa.select(events.c.id).where(events.c.id.in_(ids))).scalars())
        fresh = [r for r in rows if r["id"] not in existing]
        changed = [dict(r, _id=r["id"]) for r in rows if r["id"] in existing]
        if fresh:
            last = self.last_event_pk(conn)
            conn.execute(events.insert(), fresh)
            self.index_new_events(conn, last)
        if changed:
            conn.execute(update_by_id(), changed)
        return len(rows)

    def last_event_pk(self, conn: sa.Connection) -> int:
        return int(
            conn.execute(sa.select(sa.func.coalesce(sa.func.max(events.c.pk), 0))).scalar_one()
        )

    def index_new_events(self, conn: sa.Connection, after_pk: int) -> None:
        """Add events inserted after ``after_pk`` to the SQLite full-text index, in one statement.

        (PostgreSQL's expression index maintains itself.)
        """
        if self.dialect == "sqlite":
            conn.exec_driver_sql(
                "INSERT INTO events_fts(rowid, notes, location, actor1, actor2) "
                "SELECT pk, notes, location, actor1, actor2 FROM events WHERE pk > ?",
                (after_pk,),
            )

    def get_event(self, event_id: str) -> Event:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(events).where(events.c.id == event_id)).mappings().first()
        if row is None:
            raise NotFound(f"No event with id {event_id!r} in this store.")
        return row_to_event(row)

    def events(
        self, where: EventFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> Iterator[Event]:
        """Events matching a filter, oldest first, streamed in batches."""
        query = sa.select(events).where(*(where or EventFilter()).where())
        query = query.order_by(events.c.event_date, events.c.pk).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(query)
            for row in result.mappings():
                yield row_to_event(row)

    def count(self, where: EventFilter | None = None) -> int:
        query = sa.select(sa.func.count()).select_from(events)
        query = query.where(*(where or EventFilter()).where())
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def delete_events(self, ids: Iterable[str]) -> int:
        wanted = list(ids)
        with self.engine.begin() as conn:
            deleted = 0
            for start in range(0, len(wanted), BATCH):
                chunk = wanted[start : start + BATCH]
                deleted += conn.execute(events.delete().where(events.c.id.in_(chunk))).rowcount
        return deleted

    def stats(self, where: EventFilter | None = None) -> Stats:
        clauses = (where or EventFilter()).where()
        c = events.c

        def grouped(conn: sa.Connection, column: sa.ColumnElement[Any]) -> dict[str, int]:
            query = (
                sa.select(column, sa.func.count())
                .where(*clauses)
                .group_by(column)
                .order_by(sa.func.count().desc(), column)
            )
            return {
                str(k) if k not in (None, "") else "(unknown)": int(n)
                for k, n in conn.execute(query)
            }

        with self.engine.connect() as conn:
            total, deaths, first, last = conn.execute(
                sa.select(
                    sa.func.count(),
                    sa.func.coalesce(sa.func.sum(c.fatalities), 0),
                    sa.func.min(c.event_date),
                    sa.func.max(c.event_date),
                ).where(*clauses)
            ).one()
            by_year = dict(sorted(grouped(conn, c.year).items()))
            return Stats(
                events=int(total),
                fatalities=int(deaths),
                first_date=_as_date(first),
                last_date=_as_date(last),
                by_year=by_year,
                by_event_type=grouped(conn, c.event_type),
                by_admin1=grouped(conn, c.admin1),
                by_country=grouped(conn, c.country),
                by_dataset=grouped(conn, c.dataset),
            )

    # -- search ------------------------------------------------------------------------------

    def search(
        self, query: str, where: EventFilter | None = None, *, limit: int = 50
    ) -> list[Event]:
        """Events whose notes, place or actors — or whose source articles — match every word.

        Matching ignores case and accents: ``"menaka"`` finds ``"Ménaka"``.
        """
        terms = Terms.parse(query)
        matched = sa.or_(
            events.c.pk.in_(self._event_matches(terms)),
            events.c.id.in_(self._article_event_matches(terms)),
        )
        statement = (
            sa.select(events)
            .where(matched, *(where or EventFilter()).where())
            .order_by(events.c.event_date.desc(), events.c.pk)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [row_to_event(r) for r in conn.execute(statement).mappings()]

    def _event_matches(self, terms: Terms) -> sa.Select[Any]:
        if self.dialect == "sqlite":
            return (
                sa.select(sa.column("rowid"))
                .select_from(sa.table("events_fts"))
                .where(sa.text("events_fts MATCH :q").bindparams(q=terms.fts5()))
            )
        return sa.select(events.c.pk).where(_ts_match(events.c.search_text, terms))

    def _article_event_matches(self, terms: Terms) -> sa.Select[Any]:
        if self.dialect == "sqlite":
            article_pks: sa.Select[Any] = (
                sa.select(sa.column("rowid"))
                .select_from(sa.table("articles_fts"))
                .where(sa.text("articles_fts MATCH :aq").bindparams(aq=terms.fts5()))
            )
        else:
            article_pks = sa.select(articles.c.pk).where(_ts_match(articles.c.search_text, terms))
        return (
            sa.select(mentions.c.event_id)
            .join(articles, articles.c.id == mentions.c.article_id)
            .where(articles.c.pk.in_(article_pks), mentions.c.event_id.is_not(None))
        )

    def search_articles(self, query: str, *, limit: int = 50) -> list[Article]:
        terms = Terms.parse(query)
        if self.dialect == "sqlite":
            pks: sa.Select[Any] = (
                sa.select(sa.column("rowid"))
                .select_from(sa.table("articles_fts"))
                .where(sa.text("articles_fts MATCH :q").bindparams(q=terms.fts5()))
            )
            statement = sa.select(articles).where(articles.c.pk.in_(pks))
        else:
            statement = sa.select(articles).where(_ts_match(articles.c.search_text, terms))
        statement = statement.order_by(articles.c.published_at.desc(), articles.c.pk).limit(limit)
        with self.engine.connect() as conn:
            return [_row_to_article(r) for r in conn.execute(statement).mappings()]

    # -- articles ----------------------------------------------------------------------------

    def add_article(self, article: Article) -> bool:
        """Store an article once; return False when its id is already stored."""
        row = self.article_row(article)
        with self.engine.begin() as conn:
            exists = conn.execute(
                sa.select(articles.c.pk).where(articles.c.id == article.id)
            ).first()
            if exists:
                return False
            conn.execute(articles.insert().values(**row))
        return True

    def article_stored_as(self, article: Article) -> str:
        """Why ``article`` counts as stored already ("same id", "same content as ID"), or ""."""
        with self.engine.connect() as conn:
            if conn.execute(sa.select(articles.c.pk).where(articles.c.id == article.id)).first():
                return "same id"
            twin = content_twin(conn, article)
        return f"same content as {twin}" if twin else ""

    def article_row(self, article: Article) -> dict[str, Any]:
        """The row stored for an article (the SQLite full-text index follows by trigger)."""
        return {
            "id": article.id,
            "url": article.url,
            "outlet": article.outlet,
            "title": article.title,
            "language": article.language,
            "published_at": article.published_at,
            "text": article.text,
            "content_hash": article.content_hash,
            "fetched_at": article.fetched_at,
            "search_text": fold(f"{article.title} {article.text}")
            if self.wants_search_text
            else None,
        }

    def link_mention(
        self,
        mention_id: str,
        article_id: str,
        event_id: str | None,
        data: dict[str, Any],
        confidence: float = 0.0,
    ) -> None:
        with self.engine.begin() as conn:
            conn.execute(mentions.delete().where(mentions.c.id == mention_id))
            conn.execute(
                mentions.insert().values(
                    id=mention_id,
                    article_id=article_id,
                    event_id=event_id,
                    confidence=confidence,
                    data=json.dumps(data, default=str, ensure_ascii=False),
                )
            )

    def import_history(self, limit: int = 20) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(imports).order_by(imports.c.pk.desc()).limit(limit)
            ).mappings()
            return [dict(r) for r in rows]


def content_twin(conn: sa.Connection, article: Article) -> str | None:
    """The id of the first other stored article with ``article``'s text (by content hash)."""
    if not article.content_hash:
        return None
    found = conn.execute(
        sa.select(articles.c.id)
        .where(articles.c.content_hash == article.content_hash, articles.c.id != article.id)
        .order_by(articles.c.pk)
        .limit(1)
    ).first()
    return str(found[0]) if found else None


def update_by_id() -> sa.Update:
    """An executemany-able UPDATE of every event column, keyed by ``_id``."""
    columns = [c.name for c in events.columns if c.name not in ("pk",)]
    return (
        events.update()
        .where(events.c.id == sa.bindparam("_id"))
        .values({name: sa.bindparam(name) for name in columns})
    )


def _ts_match(column: sa.ColumnElement[Any], terms: Terms) -> sa.ColumnElement[bool]:
    return sa.func.to_tsvector("simple", sa.func.coalesce(column, "")).op("@@")(
        sa.func.to_tsquery("simple", terms.tsquery())
    )


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _row_to_article(row: Any) -> Article:
    return Article(
        id=row["id"],
        text=row["text"],
        url=row["url"] or "",
        outlet=row["outlet"] or "",
        title=row["title"] or "",
        language=row["language"] or "",
        published_at=row["published_at"],
        content_hash=row["content_hash"] or "",
        fetched_at=row["fetched_at"],
    )
