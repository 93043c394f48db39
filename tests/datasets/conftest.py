"""Helpers for the dataset reader specs: fixture paths and one-off files built from a valid row."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import pytest

from conflictwatch.sources.datasets import Row
from conflictwatch.sources.datasets.acled import COLUMNS as ACLED_COLUMNS

FIXTURES = Path(__file__).parent / "fixtures"

#: One valid, invented ACLED row in the current layout; specs override single cells.
ACLED_ROW: dict[str, str] = {
    "event_id_cnty": "ZZZ1",
    "event_date": "2023-05-17",
    "year": "2023",
    "time_precision": "1",
    "disorder_type": "Political violence",
    "event_type": "Battles",
    "sub_event_type": "Armed clash",
    "actor1": "Invented Front for Testing",
    "assoc_actor_1": "",
    "inter1": "Rebel group",
    "actor2": "Military Forces of Testland (2021-)",
    "assoc_actor_2": "",
    "inter2": "State forces",
    "interaction": "Rebel group-State forces",
    "civilian_targeting": "",
    "iso": "999",
    "region": "Invented Africa",
    "country": "Testland",
    "admin1": "Northern Test",
    "admin2": "Testcercle",
    "admin3": "",
    "location": "Village A",
    "latitude": "15.1",
    "longitude": "-1.5",
    "geo_precision": "1",
    "source": "Invented Wire",
    "source_scale": "National",
    "notes": "An invented clash.",
    "fatalities": "3",
    "tags": "",
    "timestamp": "1700000000",
}


def write_csv(
    path: Path, header: Iterable[str], rows: Iterable[Iterable[str]], *, encoding: str = "utf-8"
) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


AcledFile = Callable[..., Path]


@pytest.fixture
def acled_file(tmp_path: Path) -> AcledFile:
    """``acled_file({"latitude": "95"}, {...})``: a file of valid rows with the given cells changed.

    ``columns=`` drops or reorders columns, ``upper=True`` writes an UPPER-CASE header and
    ``encoding=`` writes in another encoding.
    """

    def make(
        *overrides: Mapping[str, str],
        columns: Iterable[str] = ACLED_COLUMNS,
        encoding: str = "utf-8",
        upper: bool = False,
    ) -> Path:
        names = list(columns)
        rows = []
        for n, change in enumerate(overrides or ({},), start=1):
            row = {**ACLED_ROW, "event_id_cnty": f"ZZZ{n}", **change}
            rows.append([row[name] for name in names])
        header = [name.upper() for name in names] if upper else names
        return write_csv(tmp_path / "acled.csv", header, rows, encoding=encoding)

    return make


def only(rows: Iterable[Row]) -> Row:
    """The single row of a one-row file."""
    (row,) = list(rows)
    return row
