"""Writing an import's rows on a second thread, inside the import's transaction."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

from .schema import events


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


Job = Callable[[sa.Connection], None]


class BatchWriter:
    """Runs write jobs on a second thread, inside the import's transaction.

    SQLite does its B-tree work without holding the GIL, so writing one batch overlaps with
    parsing the next. Errors are raised in the importing thread at the next submit or at close.
    """

    def __init__(self, conn: sa.Connection) -> None:
        self.conn = conn
        self.error: BaseException | None = None
        self.queue: queue.Queue[Job | None] = queue.Queue(maxsize=2)
        self.thread = threading.Thread(target=self._run, name="import-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (job := self.queue.get()) is not None:
            if self.error is not None:
                continue
            try:
                job(self.conn)
            except BaseException as exc:  # handed to the importing thread, never swallowed
                self.error = exc

    def submit(self, job: Job) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put(job)

    def close(self) -> None:
        """Wait for every submitted job; raise the writer's error if there was one."""
        if self.thread.is_alive():
            self.queue.put(None)
            self.thread.join()
        if self.error is not None:
            raise self.error
