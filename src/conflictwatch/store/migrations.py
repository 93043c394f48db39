"""Versioned schema migrations, applied in order by ``conflictwatch init`` and on every open.

Each migration runs in its own transaction and records itself in ``schema_migrations``; a database
whose version is newer than this program is refused rather than guessed at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from ..errors import SchemaError
from . import schema

Migrate = Callable[[sa.Connection], None]

migrations_table = sa.Table(
    "schema_migrations",
    sa.MetaData(),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Migrate


# SQLite full-text search: FTS5 over the events and articles tables, tokenised with diacritics
# removed so that "menaka" finds "Ménaka". Updates and deletes are mirrored by triggers; new events
# are indexed in bulk by the store after each batch (Store.index_new_events), which is several
# times faster than a per-row trigger on large imports.
_SQLITE_FTS = [
    """CREATE VIRTUAL TABLE events_fts USING fts5(
           notes, location, actor1, actor2, content='events', content_rowid='pk',
           tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER events_fts_ad AFTER DELETE ON events BEGIN
           INSERT INTO events_fts(events_fts, rowid, notes, location, actor1, actor2)
           VALUES ('delete', old.pk, old.notes, old.location, old.actor1, old.actor2);
       END""",
    """CREATE TRIGGER events_fts_au AFTER UPDATE OF notes, location, actor1, actor2 ON events BEGIN
           INSERT INTO events_fts(events_fts, rowid, notes, location, actor1, actor2)
           VALUES ('delete', old.pk, old.notes, old.location, old.actor1, old.actor2);
           INSERT INTO events_fts(rowid, notes, location, actor1, actor2)
           VALUES (new.pk, new.notes, new.location, new.actor1, new.actor2);
       END""",
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
           title, text, content='articles', content_rowid='pk',
           tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
           INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
       END""",
    """CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
           INSERT INTO articles_fts(articles_fts, rowid, title, text)
           VALUES ('delete', old.pk, old.title, old.text);
       END""",
    """CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
           INSERT INTO articles_fts(articles_fts, rowid, title, text)
           VALUES ('delete', old.pk, old.title, old.text);
           INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
       END""",
]

# PostgreSQL full-text search over text folded in Python (see search.fold), so no extension is needed.
_POSTGRES_FTS = [
    "CREATE INDEX ix_events_search ON events USING gin (to_tsvector('simple', coalesce(search_text, '')))",
    "CREATE INDEX ix_articles_search ON articles "
    "USING gin (to_tsvector('simple', coalesce(search_text, '')))",
]


def _initial(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn)  # includes schema.EVENT_INDEXES, bound to the events table
    statements = _SQLITE_FTS if conn.dialect.name == "sqlite" else _POSTGRES_FTS
    for statement in statements:
        conn.exec_driver_sql(statement)


def _add_column(conn: sa.Connection, table: sa.Table, name: str) -> None:
    """ALTER TABLE … ADD COLUMN unless a fresh database already has it (create_all is current)."""
    present = {c["name"] for c in sa.inspect(conn).get_columns(table.name)}
    if name not in present:
        column = table.c[name]
        kind = column.type.compile(dialect=conn.dialect)
        conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {name} {kind}")


def _monitoring(conn: sa.Connection) -> None:
    _add_column(conn, schema.events, "operation_id")
    _add_column(conn, schema.mentions, "event_date")
    _add_column(conn, schema.mentions, "decision")
    schema.event_history.create(conn, checkfirst=True)
    schema.source_state.create(conn, checkfirst=True)
    existing = {
        ix["name"]
        for table in ("events", "mentions", "articles")
        for ix in sa.inspect(conn).get_indexes(table)
    }
    for index in schema.V2_INDEXES:
        if index.name not in existing:
            index.create(conn)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1, "events, articles, mentions, situations, imports, gazetteers, boundaries", _initial
    ),
    Migration(
        2, "event operations, mention decisions, event history, source polling state", _monitoring
    ),
)

LATEST = MIGRATIONS[-1].version


def current_version(conn: sa.Connection) -> int:
    if not sa.inspect(conn).has_table("schema_migrations"):
        return 0
    value = conn.execute(sa.select(sa.func.max(migrations_table.c.version))).scalar()
    return int(value or 0)


def migrate(engine: sa.Engine) -> list[int]:
    """Apply every pending migration; return the versions applied."""
    with engine.begin() as conn:
        migrations_table.create(conn, checkfirst=True)
        version = current_version(conn)
    if version > LATEST:
        raise SchemaError(
            f"The database is at schema version {version} but this conflictwatch knows only up to "
            f"{LATEST}. Upgrade conflictwatch to open it."
        )
    applied = []
    for migration in MIGRATIONS:
        if migration.version <= version:
            continue
        try:
            with engine.begin() as conn:
                migration.apply(conn)
                conn.execute(
                    migrations_table.insert().values(
                        version=migration.version,
                        description=migration.description,
                        applied_at=dt.datetime.now(dt.UTC),
                    )
                )
        except sa.exc.SQLAlchemyError as exc:
            raise SchemaError(
                f"Migration {migration.version} ({migration.description}) failed: {exc}"
            ) from exc
        applied.append(migration.version)
    return applied
