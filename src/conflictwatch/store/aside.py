"""A first large import into a SQLite store built in a new file beside it, then renamed over it.

While a store holds no events, its first large import has nothing to keep but the store's other
tables, so it can be written without a journal: the store is copied (SQLite's backup) to
``<store>.importing``, the import runs there with ``journal_mode=OFF`` and ``synchronous=OFF``
(each page is written once instead of twice through the WAL), the finished file is set back to
WAL, flushed to disk (fsync) and renamed over the store, and the folder is flushed too.

All or nothing, as an import in place: until the rename the store's own file is untouched (a
``kill -9`` leaves it as it was, and a half-built ``.importing`` file that the next build
removes); after the rename the new file is complete on disk. (Without a journal a rollback
cannot restore the new file; it does not need to: a failed import throws the file away.)

Renaming a file under an open SQLite connection would split the store in two, so the build
happens only when this process can lock the store exclusively (no other connection, here or in
another process, has it open), and the lock is held until the rename: other connections wait
(or time out) instead of reading the old file. When the lock is refused, or the store holds
events, or its write-ahead log cannot be emptied first, ``start`` returns None and the import
runs in place as before.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Any

import sqlalchemy as sa

SUFFIX = ".importing"


def store_file(engine: sa.Engine) -> Path | None:
    """The file of a SQLite store, None for PostgreSQL or an in-memory database."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).expanduser().resolve()


class AsideBuild:
    """An exclusive hold on an empty SQLite store and the file being built to replace it."""

    def __init__(self, target: Path, hold: sqlite3.Connection) -> None:
        self.target = target
        self.hold = hold
        self.path = target.with_name(target.name + SUFFIX)
        self.path.unlink(missing_ok=True)  # left by an import killed while building
        built = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            hold.backup(built)  # the schema and every other table (gazetteers, articles ...)
            built.execute("PRAGMA journal_mode=OFF")
            built.execute("PRAGMA synchronous=OFF")
            built.execute("PRAGMA foreign_keys=ON")
        except BaseException:
            built.close()
            self.path.unlink(missing_ok=True)
            raise
        self.built = built
        self.engine = sa.create_engine(
            "sqlite://", creator=lambda: built, poolclass=sa.pool.StaticPool
        )

        @sa.event.listens_for(self.engine, "begin")
        def _on_begin(conn: sa.Connection) -> None:
            conn.exec_driver_sql("BEGIN")

    @classmethod
    def start(cls, engine: sa.Engine) -> AsideBuild | None:
        """Lock the store of ``engine`` and start the new file, or None to import in place."""
        target = store_file(engine)
        if target is None or not target.exists():
            return None
        engine.dispose()  # this process's idle connections would keep the old file open
        hold = sqlite3.connect(target, timeout=0, isolation_level=None, check_same_thread=False)
        try:
            if not _held_alone(hold, target):
                hold.close()
                return None
            return cls(target, hold)
        except BaseException:
            hold.close()
            raise

    def publish(self) -> None:
        """Put the finished file in the store's place (call after the import has committed)."""
        self.built.execute("PRAGMA journal_mode=WAL")  # the store's mode, kept in the file
        self.built.close()
        self.engine.dispose()
        _fsync(self.path)
        # The old file leaves WAL mode now, so that closing it later cannot remove a log the
        # new file may by then have started under the same name.
        self.hold.execute("PRAGMA journal_mode=DELETE")
        os.replace(self.path, self.target)
        _fsync(self.target.parent)
        self.hold.close()

    def abandon(self) -> None:
        """Drop the half-built file and let the store go, unchanged."""
        with contextlib.suppress(sqlite3.Error):
            self.built.close()
        self.engine.dispose()
        self.path.unlink(missing_ok=True)
        self.hold.close()


def _held_alone(hold: sqlite3.Connection, target: Path) -> bool:
    """Take the store's lock for good and empty its log; False if either is not possible."""
    try:
        hold.execute("PRAGMA locking_mode=EXCLUSIVE")
        hold.execute("BEGIN EXCLUSIVE")  # refused while any other connection has the store open
    except sqlite3.OperationalError:
        return False
    try:
        tables = {name for (name,) in hold.execute("SELECT name FROM sqlite_master")}
        empty = (
            "events" in tables and hold.execute("SELECT 1 FROM events LIMIT 1").fetchone() is None
        )
    finally:
        hold.execute("COMMIT")  # in exclusive locking mode the lock outlives the transaction
    if not empty:
        return False
    journal = _one(hold.execute("PRAGMA journal_mode"))
    if journal == "wal":
        busy, _log, _done = hold.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        wal = target.with_name(target.name + "-wal")
        if busy or (wal.exists() and wal.stat().st_size):
            return False
    return True


def _one(cursor: sqlite3.Cursor) -> Any:
    row = cursor.fetchone()
    return row[0] if row else None


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
