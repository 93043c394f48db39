"""What is remembered about a source between polls, and where it is kept.

A :class:`SourceState` holds the validators for a conditional GET (ETag, Last-Modified), when the
source was checked and is next due, its failures, and the keys of the items already seen (the
most recent :data:`SEEN_LIMIT`). ``conflictwatch.store.sourcestate.SourceStates`` keeps states in the
store; :class:`MemoryStates` keeps them in a dict (tests, one-off ingests).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Protocol

SEEN_LIMIT = 5_000


@dataclass(frozen=True)
class SourceState:
    """What is known about one source (``key``: its URL or path)."""

    key: str
    kind: str
    etag: str | None = None
    last_modified: str | None = None
    checked_at: dt.datetime | None = None
    next_due: dt.datetime | None = None
    failures: int = 0
    last_status: int | None = None
    last_error: str | None = None
    seen: tuple[str, ...] = ()  # oldest first

    @cached_property
    def _seen_set(self) -> frozenset[str]:
        return frozenset(self.seen)

    def has_seen(self, key: str) -> bool:
        return key in self._seen_set

    def remember(self, key: str, *, limit: int = SEEN_LIMIT) -> SourceState:
        """This state with ``key`` seen; the oldest keys beyond ``limit`` are forgotten."""
        if self.has_seen(key):
            return self
        seen = (*self.seen, key)
        return replace(self, seen=seen[-limit:] if len(seen) > limit else seen)

    def is_due(self, now: dt.datetime) -> bool:
        return self.next_due is None or self.next_due <= now


class StateStore(Protocol):
    """Where source states are kept."""

    def load(self, key: str) -> SourceState | None: ...

    def save(self, state: SourceState) -> None: ...


class MemoryStates:
    """Source states in a dict: for tests and for runs that need not remember."""

    def __init__(self) -> None:
        self.states: dict[str, SourceState] = {}

    def load(self, key: str) -> SourceState | None:
        return self.states.get(key)

    def save(self, state: SourceState) -> None:
        self.states[state.key] = state
