"""Source polling state in the store's ``source_state`` table, so a restart never re-ingests::

    states = SourceStates(store)
    url = "https://example.org/rss"
    state = states.load(url) or SourceState(url, "feed")
    states.save(state.remember("entry-1"))

Seen item keys travel in the ``data`` column as JSON.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from ..errors import StoreError
from ..sources.state import SourceState
from .schema import source_state
from .store import Store


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite gives naive datetimes back; everything we write is UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _row(state: SourceState) -> dict[str, Any]:
    return {
        "url": state.key,
        "kind": state.kind,
        "etag": state.etag,
        "last_modified": state.last_modified,
        "checked_at": _utc(state.checked_at),
        "next_due": _utc(state.next_due),
        "failures": state.failures,
        "last_status": state.last_status,
        "last_error": state.last_error,
        "data": json.dumps({"seen": list(state.seen)}, ensure_ascii=False),
    }


def _state(row: Any) -> SourceState:
    try:
        data = json.loads(row.data) if row.data else {}
    except json.JSONDecodeError as exc:
        raise StoreError(
            f"source_state for {row.url!r} holds unreadable data ({exc}); "
            "delete that row to start the source afresh"
        ) from exc
    seen = data.get("seen") if isinstance(data, dict) else None
    return SourceState(
        key=row.url,
        kind=row.kind,
        etag=row.etag,
        last_modified=row.last_modified,
        checked_at=_utc(row.checked_at),
        next_due=_utc(row.next_due),
        failures=row.failures or 0,
        last_status=row.last_status,
        last_error=row.last_error,
        seen=tuple(str(k) for k in seen) if isinstance(seen, list) else (),
    )


class SourceStates:
    """The ``StateStore`` over a :class:`Store` (SQLite or PostgreSQL)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def load(self, key: str) -> SourceState | None:
        with self.store.engine.connect() as conn:
            row = conn.execute(sa.select(source_state).where(source_state.c.url == key)).first()
        return _state(row) if row is not None else None

    def save(self, state: SourceState) -> None:
        """Insert or update the state of one source, in one transaction."""
        row = _row(state)
        changed = {k: v for k, v in row.items() if k != "url"}
        dialect = self.store.dialect
        statement: sa.Executable
        if dialect == "postgresql":
            pg = postgresql.insert(source_state).values(**row)
            statement = pg.on_conflict_do_update(index_elements=["url"], set_=changed)
        elif dialect == "sqlite":
            lite = sqlite.insert(source_state).values(**row)
            statement = lite.on_conflict_do_update(index_elements=["url"], set_=changed)
        else:  # pragma: no cover - only SQLite and PostgreSQL are supported stores
            raise StoreError(f"source state is not supported on {dialect}")
        with self.store.engine.begin() as conn:
            conn.execute(statement)

    def all(self) -> list[SourceState]:
        with self.store.engine.connect() as conn:
            rows = conn.execute(sa.select(source_state).order_by(source_state.c.url)).all()
        return [_state(r) for r in rows]

    def delete(self, key: str) -> bool:
        """Forget a source (its next poll starts afresh); False when nothing was kept."""
        with self.store.engine.begin() as conn:
            result = conn.execute(source_state.delete().where(source_state.c.url == key))
        return bool(result.rowcount)


def load_source_state(store: Store, key: str) -> SourceState | None:
    return SourceStates(store).load(key)


def save_source_state(store: Store, state: SourceState) -> None:
    SourceStates(store).save(state)
