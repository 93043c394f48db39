"""Import a coded dataset file into the store: all or nothing, idempotent, keyed by dataset id.

One pass over the file inside one transaction. Large files of a layout that can be read
column-wise (ACLED, with pyarrow installed) go through ``EventColumns`` blocks and ``bulkload``;
the rest row by row. Both give the same stored rows and the same report. A row whose content is unchanged is not touched;
changed rows are updated in place; new rows inserted. If any row is bad the transaction is rolled
back (unless ``skip_bad``), so the store is exactly as before — also after Ctrl-C or ``kill -9``,
because nothing is committed until the end. The first large import into a SQLite store that
holds no events is built in a new file beside it and renamed into place (see ``aside``).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import sqlalchemy as sa

from ..errors import ImportRejected, Problem
from ..sources.datasets import DatasetReader, Row, readers
from ..sources.datasets.blocks import Block, EventColumns, NotColumnar
from . import pgcopy
from .aside import AsideBuild
from .batchwriter import BatchWriter, bulk_inserter
from .codec import event_to_row
from .schema import EVENT_INDEXES, events, imports
from .store import BATCH, Store, update_by_id

Progress = Callable[[int], None]


@dataclass(frozen=True)
class ImportOptions:
    skip_bad: bool = False  # import the good rows, write the bad ones to ``rejects``
    rejects: Path | None = None  # where bad rows go (default: FILE.rejects.csv with skip_bad)
    encoding: str | None = None  # file encoding; default UTF-8 with or without BOM
    prune: bool = False  # delete this dataset's events that the file no longer has
    # Read the file column-wise (pyarrow) rather than row by row: None decides by file size.
    # The result is the same either way; a file the column-wise reader cannot vouch for is read
    # row by row whatever this says.
    columnar: bool | None = None
    # Into a SQLite store that holds no events, build the new store in a file beside it and
    # rename it into place (see ``aside``): None for large files, True whenever the store allows,
    # False never. Same rows, same report either way.
    aside: bool | None = None


@dataclass(frozen=True)
class ImportReport:
    dataset: str
    path: str
    read: int
    inserted: int
    updated: int
    unchanged: int
    rejected: int
    skipped: int  # rows outside what we code (e.g. non-violent GDELT events)
    absent: int  # events of this dataset in the store that the file does not have
    deleted: int
    problems: tuple[Problem, ...]
    rejects_path: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "path": self.path,
            "read": self.read,
            "inserted": self.inserted,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "skipped": self.skipped,
            "absent": self.absent,
            "deleted": self.deleted,
            "rejects_path": self.rejects_path,
        }


class _Rejects:
    """Bad rows written as CSV: where they were, why, and the original cells."""

    def __init__(self, handle: TextIO) -> None:
        self.handle = handle
        self.writer: Any = None

    def write(self, line: int, raw: Mapping[str, str], problems: tuple[Problem, ...]) -> None:
        if self.writer is None:
            self.writer = csv.writer(self.handle)
            self.writer.writerow(["line", "field", "value", "reason", *raw.keys()])
        self.writer.writerow(
            [
                line,
                "; ".join(p.field or "" for p in problems),
                "; ".join(p.value or "" for p in problems),
                "; ".join(p.reason for p in problems),
                *raw.values(),
            ]
        )


# Row size in a typical export, to guess from the file size how many rows a file holds.
_BYTES_PER_ROW = 400
_BULK_MIN_ROWS = 50_000
_COLUMNAR_MIN_BYTES = 4 << 20  # below ~10,000 rows reading row by row costs next to nothing


# SQLite's full-text index gathers new terms in memory and writes a segment when this much has
# gathered: 1 MB by default; larger while loading many rows means fewer segments to merge. The
# setting is stored in the index (inside the import's transaction) and put back before commit.
_FTS_HASH_BYTES = 1 << 20
_FTS_BULK_HASH_BYTES = 32 << 20


def _fts_hash_size(conn: sa.Connection, size: int) -> None:
    conn.exec_driver_sql(
        f"INSERT INTO events_fts(events_fts, rank) VALUES ('hashsize', {int(size)})"
    )


def _bulk_load(store: Store, path: Path, stored: int) -> bool:
    """Rebuild secondary indexes once at the end instead of row by row?

    Only on SQLite (on PostgreSQL dropping an index would lock out readers for the whole import)
    and only when the file is large next to what the store already holds.
    """
    if store.dialect != "sqlite":
        return False
    estimate = path.stat().st_size // _BYTES_PER_ROW
    return estimate >= _BULK_MIN_ROWS and estimate >= stored


def _columnar(reader: DatasetReader, path: Path, options: ImportOptions) -> bool:
    if options.columnar is False or not hasattr(reader, "blocks"):
        return False
    try:
        import pyarrow  # noqa: F401  (optional: the parquet extra)
    except ImportError:
        return False
    return options.columnar is True or path.stat().st_size >= _COLUMNAR_MIN_BYTES


def import_dataset(
    store: Store,
    reader_name: str,
    path: str | Path,
    options: ImportOptions = ImportOptions(),
    progress: Progress | None = None,
) -> ImportReport:
    """Import one file with the named reader (``acled``, ``ucdp``, ``gdelt``, ...)."""
    reader = readers.get(reader_name)()
    path = Path(path)
    if _columnar(reader, path, options):
        told = 0

        def counted(rows: int) -> None:
            nonlocal told
            told += rows
            if progress is not None:
                progress(rows)

        try:
            return _import(store, reader, path, options, counted, columnar=True)
        except NotColumnar:
            # Nothing was kept: read the file row by row, which says what is wrong with it.
            if progress is not None and told:
                progress(-told)  # and the progress shown starts again
    return _import(store, reader, path, options, progress, columnar=False)


def _import(
    store: Store,
    reader: DatasetReader,
    path: Path,
    options: ImportOptions,
    progress: Progress | None,
    *,
    columnar: bool,
) -> ImportReport:
    """Import in place, or build a new file beside a SQLite store that holds no events."""
    wanted = options.aside if options.aside is not None else _bulk_load(store, path, 0)
    aside = AsideBuild.start(store.engine) if wanted else None
    if aside is None:
        return _load(store, store.engine, reader, path, options, progress, columnar=columnar)
    try:
        report = _load(store, aside.engine, reader, path, options, progress, columnar=columnar)
    except BaseException:
        aside.abandon()
        raise
    aside.publish()
    return report


def _load(
    store: Store,
    engine: sa.Engine,
    reader: DatasetReader,
    path: Path,
    options: ImportOptions,
    progress: Progress | None,
    *,
    columnar: bool,
) -> ImportReport:
    dataset = reader.dataset.value
    started = dt.datetime.now(dt.UTC)
    with engine.connect() as conn:
        found = conn.execute(
            sa.select(events.c.dataset_id, events.c.row_hash).where(events.c.dataset == dataset)
        )
        existing: dict[str, str] = {key: digest for key, digest in found}
    rejects_path = options.rejects or (
        path.with_name(path.name + ".rejects.csv") if options.skip_bad else None
    )

    with ExitStack() as stack:
        rejects = None
        if rejects_path is not None:
            handle = stack.enter_context(open(rejects_path, "w", encoding="utf-8", newline=""))
            rejects = _Rejects(handle)
        conn = stack.enter_context(engine.begin())
        held = conn.execute(sa.select(sa.func.count()).select_from(events)).scalar_one()
        bulk = _bulk_load(store, path, int(held))
        first_new = store.last_event_pk(conn)
        if store.dialect == "postgresql":
            pgcopy.start(conn)
        if bulk:
            for index in EVENT_INDEXES:
                index.drop(conn)
            _fts_hash_size(conn, _FTS_BULK_HASH_BYTES)
        writer = BatchWriter(conn)
        stack.callback(writer.close)
        run = _Run(store, reader, existing, options, rejects, writer, progress)
        # A bulk load adds its new events to the full-text index in one pass at the end, off the
        # writer thread's path while rows stream in (rows it updates were indexed before).
        run.index_new = not bulk
        if columnar:
            blocks: Iterator[Block] = reader.blocks(path, encoding=options.encoding)  # type: ignore[attr-defined]
            for block in blocks:
                if isinstance(block, EventColumns):
                    run.take_columns(block)
                else:
                    run.take_rows(block)
        else:
            run.take_rows(reader.rows(path, encoding=options.encoding))
        run.flush()
        counts = run.counts
        if counts["rejected"] and not options.skip_bad:
            raise ImportRejected(path, run.problems, total_bad_rows=counts["rejected"])
        writer.close()
        if bulk:
            store.index_new_events(conn, first_new)
            for index in EVENT_INDEXES:
                index.create(conn)
            _fts_hash_size(conn, _FTS_HASH_BYTES)
        absent_ids = [key for key in existing if key not in run.seen]
        deleted = 0
        if options.prune and absent_ids:
            for start in range(0, len(absent_ids), BATCH):
                chunk = absent_ids[start : start + BATCH]
                deleted += conn.execute(
                    events.delete().where(
                        events.c.dataset == dataset, events.c.dataset_id.in_(chunk)
                    )
                ).rowcount
        conn.execute(
            imports.insert().values(
                dataset=dataset,
                path=str(path),
                started_at=started,
                finished_at=dt.datetime.now(dt.UTC),
                inserted=counts["inserted"],
                updated=counts["updated"],
                unchanged=counts["unchanged"],
                rejected=counts["rejected"],
                deleted=deleted,
            )
        )
    return ImportReport(
        dataset=dataset,
        path=str(path),
        absent=len(absent_ids) - deleted,
        deleted=deleted,
        problems=tuple(run.problems),
        rejects_path=str(rejects_path) if rejects_path is not None else None,
        **counts,
    )


class _Run:
    """One import's bookkeeping: ids seen, counts, problems, and the batches handed to the writer."""

    def __init__(
        self,
        store: Store,
        reader: DatasetReader,
        existing: dict[str, str],
        options: ImportOptions,
        rejects: _Rejects | None,
        writer: BatchWriter,
        progress: Progress | None,
    ) -> None:
        self.store = store
        self.existing = existing
        self.options = options
        self.rejects = rejects
        self.writer = writer
        self.progress = progress
        self.id_field = getattr(reader, "id_field", "id")
        self.seen: dict[str, int] = {}
        self.problems: list[Problem] = []
        self.counts = {
            "read": 0, "inserted": 0, "updated": 0, "unchanged": 0, "rejected": 0, "skipped": 0
        }  # fmt: skip
        self.inserts: list[dict[str, Any]] = []
        self.updates: list[dict[str, Any]] = []
        self.insert_many = bulk_inserter(store.dialect)
        self.update = update_by_id()
        self.unreported = 0  # rows read since progress was last told
        self.column_store: Any = None  # a bulkload.ColumnStore once a block comes column-wise
        self.index_new = True  # add each batch's new events to the full-text index
        # PostgreSQL takes rows through COPY and a staging table (pgcopy.start has made it).
        self.copy = store.dialect == "postgresql"

    @property
    def writing(self) -> bool:
        """False once the file is sure to be refused: rows are then only checked."""
        return not self.counts["rejected"] or self.options.skip_bad

    def _advance(self, rows: int) -> None:
        self.counts["read"] += rows
        if self.progress is None:
            return
        self.unreported += rows
        if self.unreported >= BATCH:
            self.progress(self.unreported)
            self.unreported = 0

    def reject(self, line: int, raw: Mapping[str, str], problems: tuple[Problem, ...]) -> None:
        self.counts["rejected"] += 1
        self.problems.extend(problems)
        if self.rejects is not None:
            self.rejects.write(line, raw, problems)

    def duplicate(self, line: int, key: str) -> tuple[Problem, ...] | None:
        """The problem of a row whose id was seen before; None (and the id noted) otherwise."""
        first_line = self.seen.get(key)
        if first_line is None:
            self.seen[key] = line
            return None
        return (
            Problem(line, self.id_field, key, f"duplicate id; first seen on line {first_line}"),
        )

    # -- rows read one by one ------------------------------------------------------------------

    def take_rows(self, rows: Iterable[Row]) -> None:
        counts = self.counts
        search_text = self.store.wants_search_text
        for row in rows:
            self._advance(1)
            event = row.event
            row_problems = row.problems
            if event is None and not row_problems:
                counts["skipped"] += 1
                continue
            if event is not None and not row_problems:
                row_problems = self.duplicate(row.line, event.dataset_id or event.id) or ()
            if row_problems or event is None:
                self.reject(row.line, row.raw, row_problems)
                continue
            if not self.writing:
                continue  # the file will be refused; keep reading only to report every bad row
            stored = event_to_row(event, with_search_text=search_text)
            old_hash = self.existing.get(event.dataset_id or "")
            if old_hash is None:
                self.inserts.append(stored)
                counts["inserted"] += 1
            elif old_hash != stored["row_hash"]:
                stored["_id"] = stored["id"]
                self.updates.append(stored)
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
            if len(self.inserts) + len(self.updates) >= BATCH:
                self.flush()

    def flush(self) -> None:
        """Hand the rows collected one by one to the writer."""
        if self.progress is not None and self.unreported:
            self.progress(self.unreported)
            self.unreported = 0
        inserts, updates = self.inserts, self.updates
        if not inserts and not updates:
            return
        self.inserts, self.updates = [], []
        store, insert_many, update = self.store, self.insert_many, self.update
        index_new = self.index_new
        if self.copy:
            self.writer.submit(pgcopy.job(pgcopy.COLUMNS, _tuples(inserts), _tuples(updates)))
            return

        def write(conn: sa.Connection) -> None:
            if inserts:
                last = store.last_event_pk(conn) if index_new else 0
                insert_many(conn, inserts)
                if index_new:
                    store.index_new_events(conn, last)
            if updates:
                conn.execute(update, updates)

        self.writer.submit(write)

    # -- blocks read column-wise ---------------------------------------------------------------

    def take_columns(self, block: EventColumns) -> None:
        from .bulkload import COLUMNS, ColumnStore, driver_sql

        self.flush()  # keep file order with rows taken one by one before
        counts = self.counts
        size = len(block)
        self._advance(size)
        store = self.store
        if self.column_store is None:
            self.column_store = ColumnStore(
                dialect=store.dialect, with_search_text=store.wants_search_text
            )
        stored = self.column_store(block)
        keys = stored.values["dataset_id"]
        assert isinstance(keys, list)
        lines = block.lines.tolist()
        seen = self.seen
        if seen.keys().isdisjoint(keys) and len(set(keys)) == size:
            seen.update(zip(keys, lines, strict=False))
            good: list[int] | range = range(size)
        else:
            good = []
            for i, (key, line) in enumerate(zip(keys, lines, strict=False)):
                problems = self.duplicate(line, key)
                if problems is None:
                    good.append(i)
                else:
                    self.reject(line, block.raw(i), problems)
        if not self.writing:
            return
        inserts: list[int] | range
        updates: list[int] = []
        if not self.existing:
            inserts = good
        else:
            inserts = []
            existing, hashes = self.existing, stored.hashes
            for i in good:
                old = existing.get(keys[i])
                if old is None:
                    inserts.append(i)
                elif old != hashes[i]:
                    updates.append(i)
            counts["unchanged"] += len(good) - len(inserts) - len(updates)
        counts["inserted"] += len(inserts)
        counts["updated"] += len(updates)
        if not inserts and not updates:
            return
        names = [c for c in COLUMNS if not stored.all_null(c)]
        new_rows = stored.tuples(names, None if len(inserts) == size else inserts)
        if self.copy:
            changed_rows = stored.tuples(COLUMNS, updates) if updates else []
            self.writer.submit(pgcopy.job(names, new_rows, changed_rows))
            return
        changed = [(*row, row[0]) for row in stored.tuples(COLUMNS, updates)] if updates else []
        insert_sql = driver_sql(store.dialect, names)
        update_sql = driver_sql(store.dialect, COLUMNS, update=True)
        index_new = self.index_new

        def write(conn: sa.Connection) -> None:
            if new_rows:
                last = store.last_event_pk(conn) if index_new else 0
                conn.exec_driver_sql(insert_sql, new_rows)
                if index_new:
                    store.index_new_events(conn, last)
            if changed:
                conn.exec_driver_sql(update_sql, changed)

        self.writer.submit(write)


def _tuples(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [tuple(row[name] for name in pgcopy.COLUMNS) for row in rows]
