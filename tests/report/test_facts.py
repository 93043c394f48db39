"""Facts: markers in text, how values are shown, one value per id."""

from __future__ import annotations

import math

import pytest

from conflictwatch.errors import ConflictWatchError
from conflictwatch.report.facts import FactBook, Unit, display, fact_ids, plain


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (1234, Unit.COUNT, "1,234"),
        (2.3456, Unit.RATIO, "2.35"),
        (0.456, Unit.PERCENT, "46%"),
        (312.4, Unit.KM, "312 km"),
        (12.25, Unit.RATE, "12.2"),
        (math.inf, Unit.RATIO, "∞"),
        (math.nan, Unit.RATIO, "n/a"),
        ("2024-09-17", Unit.DATE, "2024-09-17"),
    ],
)
def test_display(value: float | str, unit: str, shown: str) -> None:
    assert display(value, unit) == shown


def test_markers_are_filled_from_the_book() -> None:
    book = FactBook()
    text = f"{book.add('a.count', 1500, 'Events', ['e1', 'e2', 'e1'])} events, " + book.add(
        "a.share", 0.25, "Share", unit=Unit.PERCENT
    )
    facts = book.facts()
    assert fact_ids(text) == ["a.count", "a.share"]
    assert plain(text, facts) == "1,500 events, 25%"
    assert facts["a.count"].event_ids == ("e1", "e2")
    assert facts["a.count"].event_count == 2


def test_one_id_one_value() -> None:
    book = FactBook()
    book.add("x", 3, "Three")
    book.add("x", 3, "Three again")  # the same value may be stated twice
    with pytest.raises(ConflictWatchError, match="stated twice with different values: 3 and 4"):
        book.add("x", 4, "Four")


def test_bad_ids_are_refused() -> None:
    with pytest.raises(ConflictWatchError, match="must be lower-case"):
        FactBook().add("Bad Id", 1, "x")
