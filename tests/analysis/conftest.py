"""A real SQLite store filled with events built for each test, read back through Store.events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from conflictwatch.knowledge import Pack, load_pack
from conflictwatch.model import Event
from conflictwatch.store import Store
from tests.factories import make_event

Stored = Callable[[Sequence[Event]], list[Event]]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "x.db") as opened:
        yield opened


@pytest.fixture
def stored(store: Store) -> Stored:
    """Add events to the store and return them as the store gives them back."""

    def add(events: Sequence[Event]) -> list[Event]:
        store.add_events(events)
        return list(store.events())

    return add


@pytest.fixture(scope="session")
def sahel() -> Pack:
    return load_pack("sahel")


class Numbered:
    """make_event with a running number, so every event in a test has its own id."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self, day: dt.date, **fields: Any) -> Event:
        self.n += 1
        return make_event(self.n, event_date=day, **fields)


@pytest.fixture
def event() -> Numbered:
    return Numbered()
