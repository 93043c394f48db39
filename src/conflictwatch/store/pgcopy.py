"""An import's rows into PostgreSQL through ``COPY``: a staging table, then INSERT and UPDATE.

``executemany`` sends one INSERT per row; ``COPY`` streams a batch as one statement. Each batch
is copied into a temporary table of the session (dropped at the end of the import's
transaction), then moved into ``events`` in file order: new rows by ``INSERT … SELECT`` and
changed rows by ``UPDATE … FROM`` keyed by id. Which rows are new or changed is decided before,
by the importer, exactly as for the other ways of writing, so the report does not change; an id
that another import added in the meantime fails on the unique key, as an INSERT per row would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from .schema import events

STAGING = "import_events_staging"
#: Stored columns in table order (without ``pk``).
COLUMNS: tuple[str, ...] = tuple(c.name for c in events.columns if c.name != "pk")


def start(conn: sa.Connection) -> None:
    """Create the staging table for this transaction (call once, inside the import's)."""
    columns = ", ".join(_quoted(COLUMNS))
    conn.exec_driver_sql(
        f"CREATE TEMPORARY TABLE {STAGING} ON COMMIT DROP AS "
        f"SELECT {columns} FROM events WITH NO DATA"
    )
    # The order rows were copied in, so that new events get their keys in file order.
    conn.exec_driver_sql(f"ALTER TABLE {STAGING} ADD COLUMN _seq BIGSERIAL")


def job(
    names: Sequence[str], new: Sequence[Sequence[Any]], changed: Sequence[Sequence[Any]]
) -> Callable[[sa.Connection], None]:
    """A writer job: insert ``new`` rows (tuples of ``names``), update ``changed`` (all columns)."""

    def write(conn: sa.Connection) -> None:
        if new:
            insert(conn, names, new)
        if changed:
            update(conn, COLUMNS, changed)

    return write


def insert(conn: sa.Connection, names: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Insert new events (tuples of ``names``' values) in their order."""
    columns = ", ".join(_quoted(names))
    _copy(conn, names, rows)
    conn.exec_driver_sql(
        f"INSERT INTO events ({columns}) SELECT {columns} FROM {STAGING} ORDER BY _seq"
    )


def update(conn: sa.Connection, names: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Replace every column of stored events, keyed by their ``id`` (one of ``names``)."""
    targets = ", ".join(_quoted(names))
    sources = ", ".join(f"s.{q}" for q in _quoted(names))
    _copy(conn, names, rows)
    conn.exec_driver_sql(
        f"UPDATE events AS e SET ({targets}) = ({sources}) FROM {STAGING} AS s WHERE e.id = s.id"
    )


def _copy(conn: sa.Connection, names: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    conn.exec_driver_sql(f"TRUNCATE {STAGING}")
    driver = conn.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cursor:
        sql = f"COPY {STAGING} ({', '.join(_quoted(names))}) FROM STDIN"
        with cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)


def _quoted(names: Iterable[str]) -> list[str]:
    return [f'"{name}"' for name in names]
