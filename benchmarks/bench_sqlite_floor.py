"""What SQLite alone needs to load the import benchmark's rows: the engine's floor, and trade-offs.

The rows are made by conflictwatch's own column-wise import code (the very tuples the importer
hands to the driver) and kept in memory; only the SQLite work is timed: the inserts through
``executemany``, the FTS5 index, the secondary indexes, the commit and, for a store built aside,
the fsync and rename. Each scenario loads a fresh file made by the store's migrations and changes
one thing against the store's current way (the ``baseline``).

    python benchmarks/bench_sqlite_floor.py [--rows 1000000] [--only baseline,aside ...]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Scenario:
    name: str
    what: str
    journal: str = "wal"  # wal: as the store (WAL, synchronous=NORMAL); off: journal and sync off
    fts: str = "per-block"  # per-block | at-end | column | none-detail | absent
    indexes: str = "all"  # all (7 rebuilt at the end) | three | absent
    unique: str = "two"  # two (id, (dataset, dataset_id)) | one (id only) | none
    aside: bool = False  # build a new file and rename it over the store
    threads: int = 0  # PRAGMA threads: helper threads for the sorts of CREATE INDEX
    cache_mb: int = 0  # PRAGMA cache_size while loading (0: SQLite's default, about 2 MB)
    source: str = "driver"  # driver: executemany of the tuples | sql: INSERT … SELECT from a file
    hashsize: int = 32 << 20


SCENARIOS = [
    Scenario("baseline", "in place, as before: WAL, 2 unique keys, FTS5 per block, 7 indexes after"),
    Scenario("journal-off", "same, journal_mode=OFF and synchronous=OFF", journal="off"),
    Scenario("aside", "journal off, built aside, fsync and rename", journal="off", aside=True),
    Scenario("aside+fts-at-end", "aside, FTS5 built once at the end", journal="off",
             aside=True, fts="at-end"),
    Scenario("aside+fts-at-end+cache", "as above, with a 256 MB page cache", journal="off",
             aside=True, fts="at-end", cache_mb=256),
    Scenario("aside+fts-at-end+threads", "as above, indexes sorted with 2 helper threads",
             journal="off", aside=True, fts="at-end", threads=2),
    Scenario("fts-detail-column", "baseline with FTS5 detail=column", fts="column"),
    Scenario("fts-detail-none", "baseline with FTS5 detail=none", fts="none-detail"),
    Scenario("one-unique", "baseline with one unique key (id)", unique="one"),
    Scenario("three-indexes", "baseline with 3 secondary indexes instead of 7", indexes="three"),
    Scenario("aside-no-FTS", "aside without any full-text index", journal="off", aside=True,
             fts="absent"),
    Scenario("table-only", "aside: the table and its rowid, no unique key, index or FTS5",
             journal="off", aside=True, fts="absent", indexes="absent", unique="none"),
    Scenario("table-only-from-SQL", "as above, rows copied by INSERT … SELECT from another "
             "SQLite file (no driver)", journal="off", aside=True, fts="absent",
             indexes="absent", unique="none", source="sql"),
    Scenario("aside+fts-at-end-from-SQL", "the full schema built aside, rows by INSERT … "
             "SELECT (no driver)", journal="off", aside=True, fts="at-end", source="sql"),
]  # fmt: skip

_INDEXES = [
    "CREATE INDEX ix_events_date ON events (event_date)",
    "CREATE INDEX ix_events_place ON events (country, admin1, admin2)",
    "CREATE INDEX ix_events_type ON events (event_type, sub_event_type)",
    "CREATE INDEX ix_events_sub_type ON events (sub_event_type)",
    "CREATE INDEX ix_events_actor1 ON events (actor1)",
    "CREATE INDEX ix_events_actor2 ON events (actor2)",
    "CREATE INDEX ix_events_geo ON events (lat_band, longitude)",
]
_THREE = [_INDEXES[0], _INDEXES[1], _INDEXES[6]]
_FTS_COLUMNS = "notes, location, actor1, actor2"


@dataclass
class Rows:
    blocks: list[tuple[str, list[tuple[Any, ...]]]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(rows) for _, rows in self.blocks)


def make_rows(csv_path: Path) -> Rows:
    """The driver's (sql, tuples) per block, exactly as the column-wise importer builds them."""
    from conflictwatch.sources.datasets.acled import AcledReader
    from conflictwatch.sources.datasets.blocks import EventColumns
    from conflictwatch.store.bulkload import COLUMNS, ColumnStore, driver_sql

    store = ColumnStore(dialect="sqlite", with_search_text=False)
    rows = Rows()
    for block in AcledReader().blocks(csv_path):
        assert isinstance(block, EventColumns), "the synthetic file reads column-wise"
        stored = store(block)
        names = [c for c in COLUMNS if not stored.all_null(c)]
        rows.blocks.append((driver_sql("sqlite", names), stored.tuples(names)))
    return rows


def fresh_store(path: Path, scenario: Scenario) -> None:
    """A store made by the migrations, then changed as the scenario says (while it is empty)."""
    from conflictwatch.store import Store

    Store.open(str(path)).close()
    db = sqlite3.connect(path, isolation_level=None)
    try:
        names = db.execute("SELECT name FROM sqlite_master WHERE name LIKE 'ix_events_%'")
        for (name,) in names.fetchall():
            db.execute(f"DROP INDEX {name}")  # the load drops them too; kept apart here
        if scenario.unique != "two":
            (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'events'").fetchone()
            triggers = [
                s for (s,) in db.execute(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'"
                )
            ]  # fmt: skip
            sql = sql.replace(
                "CONSTRAINT uq_events_dataset_id UNIQUE (dataset, dataset_id), \n\t", ""
            )
            if scenario.unique == "none":
                sql = sql.replace(", \n\tUNIQUE (id)", "")
            assert "uq_events_dataset_id" not in sql, sql
            db.execute("DROP TABLE events")
            db.execute(sql)
            for trigger in triggers:
                db.execute(trigger)
        if scenario.fts != "per-block":
            db.execute("DROP TABLE events_fts")
            detail = {"column": ", detail=column", "none-detail": ", detail=none"}.get(
                scenario.fts, ""
            )
            if scenario.fts != "absent":
                db.execute(
                    f"CREATE VIRTUAL TABLE events_fts USING fts5({_FTS_COLUMNS}, content='events',"
                    f" content_rowid='pk', tokenize='unicode61 remove_diacritics 2'{detail})"
                )
            else:
                db.execute("DROP TRIGGER events_fts_ad")
                db.execute("DROP TRIGGER events_fts_au")
    finally:
        db.close()


def load(path: Path, rows: Rows, scenario: Scenario) -> dict[str, float]:
    """Time the SQLite work of one import into ``path`` (built aside when the scenario says)."""
    phases: dict[str, float] = {}
    target = path
    if scenario.aside:
        path = path.with_name(path.name + ".building")
        _copy(target, path)
    source = path.with_name(path.name + ".source")
    if scenario.source == "sql":
        _source_file(source, path, rows)  # untimed
    started, cpu = time.perf_counter(), time.process_time()
    db = sqlite3.connect(path, isolation_level=None)
    if scenario.journal == "off":
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
    else:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
    if scenario.threads:
        db.execute(f"PRAGMA threads={scenario.threads}")
    if scenario.cache_mb:
        db.execute(f"PRAGMA cache_size=-{scenario.cache_mb * 1024}")
    with_fts = scenario.fts != "absent"
    db.execute("BEGIN")
    if with_fts:
        db.execute(
            f"INSERT INTO events_fts(events_fts, rank) VALUES ('hashsize', {scenario.hashsize})"
        )
    per_block = with_fts and scenario.fts != "at-end"

    def timed(name: str, work: Callable[[], object]) -> None:
        t = time.perf_counter()
        work()
        phases[name] = phases.get(name, 0.0) + time.perf_counter() - t

    if scenario.source == "sql":
        db.execute(f"ATTACH DATABASE '{source}' AS source")
        timed("insert", lambda: db.execute("INSERT INTO events SELECT * FROM source.events"))
    for sql, tuples in rows.blocks if scenario.source == "driver" else []:
        last = db.execute("SELECT coalesce(max(pk), 0) FROM events").fetchone()[0]
        timed("insert", lambda: db.executemany(sql, tuples))  # noqa: B023
        if per_block:
            timed("fts", lambda: db.execute(
                f"INSERT INTO events_fts(rowid, {_FTS_COLUMNS}) "
                f"SELECT pk, {_FTS_COLUMNS} FROM events WHERE pk > ?", (last,)  # noqa: B023
            ))  # fmt: skip
    if with_fts and not per_block:
        timed("fts", lambda: db.execute("INSERT INTO events_fts(events_fts) VALUES ('rebuild')"))
    wanted = {"all": _INDEXES, "three": _THREE, "absent": []}[scenario.indexes]
    for statement in wanted:
        timed("indexes", lambda: db.execute(statement))  # noqa: B023
    if with_fts:
        db.execute("INSERT INTO events_fts(events_fts, rank) VALUES ('hashsize', 1048576)")
    if scenario.aside:
        db.execute("COMMIT")
        timed("commit", lambda: db.execute("PRAGMA journal_mode=WAL"))
        db.close()
        timed("fsync+rename", lambda: _publish(path, target))
    else:
        timed("commit", lambda: db.execute("COMMIT"))
        timed("commit", db.close)  # the last connection checkpoints the WAL into the file
    phases["total"] = time.perf_counter() - started
    phases["cpu"] = time.process_time() - cpu
    return phases


def _source_file(source: Path, store: Path, rows: Rows) -> None:
    """The rows in a plain table of another file, columns as the store's (pk left NULL)."""
    db = sqlite3.connect(store)
    (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'events'").fetchone()
    db.close()
    columns = sql[sql.index("(") + 1 : sql.index("PRIMARY KEY")].rstrip(", \n\t")
    columns = columns.replace("NOT NULL", "").replace("UNIQUE", "")
    other = sqlite3.connect(source, isolation_level=None)
    other.execute("PRAGMA journal_mode=OFF")
    other.execute(f"CREATE TABLE events ({columns})")
    other.execute("BEGIN")
    for statement, tuples in rows.blocks:
        other.executemany(statement, tuples)
    other.execute("COMMIT")
    other.close()


def _copy(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()


def _publish(built: Path, target: Path) -> None:
    fd = os.open(built, os.O_RDONLY)
    os.fsync(fd)
    os.close(fd)
    os.replace(built, target)
    fd = os.open(target.parent, os.O_RDONLY)
    os.fsync(fd)
    os.close(fd)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--only", help="comma-separated scenario names")
    args = parser.parse_args()
    wanted = [s for s in SCENARIOS if not args.only or s.name in args.only.split(",")]
    from conflictwatch.sources.datasets.synthetic import write_acled_csv

    with tempfile.TemporaryDirectory(prefix="cw-floor-") as tmp:
        csv_path = Path(tmp) / "acled.csv"
        write_acled_csv(csv_path, args.rows)
        t = time.perf_counter()
        rows = make_rows(csv_path)
        print(f"{rows.count:,} rows as driver tuples in {time.perf_counter() - t:.1f} s (untimed)")
        print(f"load average: {os.getloadavg()[0]:.1f}")
        print(
            "| scenario | what | insert | FTS5 | indexes | commit | fsync+rename | total | CPU | rows/s |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|")
        for scenario in wanted:
            db = Path(tmp) / f"{scenario.name.replace(' ', '_').replace(',', '')}.db"
            fresh_store(db, scenario)
            p = load(db, rows, scenario)
            size = db.stat().st_size / 1e6

            def cell(name: str, p: dict[str, float] = p) -> str:
                return f"{p[name]:.1f} s" if name in p else "–"

            print(
                f"| {scenario.name} | {scenario.what} ({size:.0f} MB) | {cell('insert')} | "
                f"{cell('fts')} | {cell('indexes')} | {cell('commit')} | "
                f"{cell('fsync+rename')} | **{p['total']:.1f} s** | {p['cpu']:.1f} s | "
                f"{rows.count / p['total']:,.0f} |",
                flush=True,
            )
            for suffix in ("", "-wal", "-shm", ".building.source"):
                Path(str(db) + suffix).unlink(missing_ok=True)


if __name__ == "__main__":
    main()
