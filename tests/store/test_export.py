"""Exports carry every event in the chosen layout, and respect the filters."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from conflictwatch.errors import RegistryError
from conflictwatch.store import EventFilter, Store
from conflictwatch.store.exporters import ACLED_COLUMNS, exporters
from tests.factories import make_event


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(str(tmp_path / "e.db"))
    store.add_events(
        [
            make_event(1, notes='Quote "inside", comma, and\nnewline', tags=("IED", "ambush")),
            make_event(2, country="Niger", latitude=None, longitude=None),
        ]
    )
    return store


def test_csv_has_acled_columns_and_survives_quotes_and_newlines(
    store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "e.csv"
    assert exporters.get("csv")(store.events(), out) == 2
    with open(out, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
        rows = list(reader)
    assert rows[0]["notes"] == 'Quote "inside", comma, and\nnewline'
    assert rows[0]["tags"] == "IED; ambush"
    assert rows[0]["inter1"] == "Rebel group" and rows[0]["interaction"] == "12"


def test_geojson_is_a_feature_collection_of_located_events(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "e.geojson"
    assert exporters.get("geojson")(store.events(), out) == 1  # the unlocated one is left out
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    [feature] = data["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [-3.42, 14.17]}
    assert feature["properties"]["id"] == "acled:TST1"
    assert feature["properties"]["tags"] == ["IED", "ambush"]


def test_parquet_reads_back_with_the_same_rows(store: Store, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="parquet export needs pyarrow")
    out = tmp_path / "e.parquet"
    assert exporters.get("parquet")(store.events(EventFilter(country="Mali")), out) == 1
    table = pq.read_table(out)
    assert table.num_rows == 1
    assert table.column("event_id_cnty").to_pylist() == ["TST1"]
    assert table.column("fatalities").to_pylist() == [3]


def test_an_empty_selection_still_writes_valid_files(store: Store, tmp_path: Path) -> None:
    where = EventFilter(country="Chad")
    out = tmp_path / "none.geojson"
    assert exporters.get("geojson")(store.events(where), out) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["features"] == []


def test_an_unknown_format_lists_the_known_ones() -> None:
    with pytest.raises(RegistryError, match="Available: csv, geojson, parquet"):
        exporters.get("xlsx")
