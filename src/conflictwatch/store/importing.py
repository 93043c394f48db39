"""Import a coded dataset file into the store: all or nothing, idempotent, keyed by dataset id.

One pass over the file inside one transaction. A row whose content is unchanged is not touched;
changed rows are updated in place; new rows inserted. If any row is bad the transaction is rolled
back (unless ``skip_bad``), so the store is exactly as before — also after Ctrl-C or ``kill -9``,
because nothing is committed until the end.
"""

from __future__ import annotations

import csv
import datetime as dt
import queue
import threading
from collections.abc import Callable, Mapping
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import sqlalchemy as sa

from ..errors import ImportRejected, Problem
from ..sources.datasets import readers
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


def bulk_inserter(dialect: str) -> Callable[[sa.Connection, list[dict[str, Any]]], None]:
    """A fast executemany of event rows straight through the driver (no per-row SQL compile)."""
    columns = [c.name for c in events.columns if c.name != "pk"]
    mark = "?" if dialect == "sqlite" else "%s"
    sql = (
        f"INSERT INTO events ({', '.join(_quoted(c) for c in columns)}) "
        f"VALUES ({', '.join([mark] * len(columns))})"
    )
    # SQLite stores dates as ISO text and booleans as integers (what SQLAlchemy's types expect).
    dates = (
        {c.name for c in events.columns if isinstance(c.type, sa.Date)}
        if dialect == "sqlite"
        else set()
    )

    def cell(name: str, value: Any) -> Any:
        if value is not None and name in dates:
            return value.isoformat()
        return value

    def insert(conn: sa.Connection, rows: list[dict[str, Any]]) -> None:
        if dates:
            params = [tuple(cell(c, row[c]) for c in columns) for row in rows]
        else:
            params = [tuple(row[c] for c in columns) for row in rows]
        conn.exec_driver_sql(sql, params)

    return insert


def _quoted(name: str) -> str:
    return f'"{name}"'


class _BatchWriter:
    """Writes batches on a second thread, inside the import's transaction.

    SQLite does its B-tree work without holding the GIL, so writing one batch overlaps with
    parsing the next. Errors are raised in the importing thread at the next submit or at close.
    """

    def __init__(self, store: Store, conn: sa.Connection) -> None:
        self.store = store
        self.conn = conn
        self.insert_many = bulk_inserter(store.dialect)
        self.update = update_by_id()
        self.error: BaseException | None = None
        self.queue: queue.Queue[tuple[list[dict[str, Any]], list[dict[str, Any]]] | None]
        self.queue = queue.Queue(maxsize=2)
        self.thread = threading.Thread(target=self._run, name="import-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (item := self.queue.get()) is not None:
            if self.error is not None:
                continue
            inserts, updates = item
            try:
                if inserts:
                    last = self.store.last_event_pk(self.conn)
                    self.insert_many(self.conn, inserts)
                    self.store.index_new_events(self.conn, last)
                if updates:
                    self.conn.execute(self.update, updates)
            except BaseException as exc:  # handed to the importing thread, never swallowed
                self.error = exc

    def submit(self, inserts: list[dict[str, Any]], updates: list[dict[str, Any]]) -> None:
        if self.error is not None:
            raise self.error
        if inserts or updates:
            self.queue.put((inserts, updates))

    def close(self) -> None:
        """Wait for every submitted batch; raise the writer's error if there was one."""
        if self.thread.is_alive():
            self.queue.put(None)
            self.thread.join()
        if self.error is not None:
            raise self.error


# Row size in a typical export, to guess from the file size whether an import is "large".
_BYTES_PER_ROW = 400
_BULK_MIN_ROWS = 50_000


def _bulk_load(store: Store, path: Path, stored: int) -> bool:
    """Rebuild secondary indexes once at the end instead of row by row?

    Only on SQLite (on PostgreSQL dropping an index would lock out readers for the whole import)
    and only when the file is large next to what the store already holds.
    """
    if store.dialect != "sqlite":
        return False
    estimate = path.stat().st_size // _BYTES_PER_ROW
    return estimate >= _BULK_MIN_ROWS and estimate >= stored


def import_dataset(
    store: Store,
    reader_name: str,
    path: str | Path,
    options: ImportOptions = ImportOptions(),
    progress: Progress | None = None,
) -> ImportReport:
    """Import one file with the named reader (``acled``, ``ucdp``, ``gdelt``, ...)."""
    reader = readers.get(reader_name)()
    dataset = reader.dataset.value
    id_field = getattr(reader, "id_field", "id")
    path = Path(path)
    started = dt.datetime.now(dt.UTC)
    with store.engine.connect() as conn:
        found = conn.execute(
            sa.select(events.c.dataset_id, events.c.row_hash).where(events.c.dataset == dataset)
        )
        existing: dict[str, str] = {key: digest for key, digest in found}
    rejects_path = options.rejects or (
        path.with_name(path.name + ".rejects.csv") if options.skip_bad else None
    )
    seen: dict[str, int] = {}
    problems: list[Problem] = []
    counts = {"read": 0, "inserted": 0, "updated": 0, "unchanged": 0, "rejected": 0, "skipped": 0}
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    search_text = store.wants_search_text

    with ExitStack() as stack:
        rejects = None
        if rejects_path is not None:
            handle = stack.enter_context(open(rejects_path, "w", encoding="utf-8", newline=""))
            rejects = _Rejects(handle)
        conn = stack.enter_context(store.engine.begin())
        held = conn.execute(sa.select(sa.func.count()).select_from(events)).scalar_one()
        bulk = _bulk_load(store, path, int(held))
        if bulk:
            for index in EVENT_INDEXES:
                index.drop(conn)
        writer = _BatchWriter(store, conn)
        stack.callback(writer.close)
        for row in reader.rows(path, encoding=options.encoding):
            counts["read"] += 1
            if progress is not None and counts["read"] % BATCH == 0:
                progress(BATCH)
            event = row.event
            row_problems = row.problems
            if event is None and not row_problems:
                counts["skipped"] += 1
                continue
            if event is not None and not row_problems:
                key = event.dataset_id or event.id
                first_line = seen.get(key)
                if first_line is not None:
                    row_problems = (
                        Problem(
                            row.line,
                            id_field,
                            key,
                            f"duplicate id; first seen on line {first_line}",
                        ),
                    )
                else:
                    seen[key] = row.line
            if row_problems or event is None:
                counts["rejected"] += 1
                problems.extend(row_problems)
                if rejects is not None:
                    rejects.write(row.line, row.raw, row_problems)
                continue
            if counts["rejected"] and not options.skip_bad:
                continue  # the file will be refused; keep reading only to report every bad row
            stored = event_to_row(event, with_search_text=search_text)
            old_hash = existing.get(event.dataset_id or "")
            if old_hash is None:
                inserts.append(stored)
                counts["inserted"] += 1
            elif old_hash != stored["row_hash"]:
                stored["_id"] = stored["id"]
                updates.append(stored)
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
            if len(inserts) + len(updates) >= BATCH:
                writer.submit(inserts, updates)
                inserts, updates = [], []
        if progress is not None:
            progress(counts["read"] % BATCH)
        if counts["rejected"] and not options.skip_bad:
            raise ImportRejected(path, problems, total_bad_rows=counts["rejected"])
        writer.submit(inserts, updates)
        writer.close()
        if bulk:
            for index in EVENT_INDEXES:
                index.create(conn)
        absent_ids = [key for key in existing if key not in seen]
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
        problems=tuple(problems),
        rejects_path=str(rejects_path) if rejects_path is not None else None,
        **counts,
    )
