"""The analysis package's public names, its doctests, and reading straight from a store."""

from __future__ import annotations

import datetime as dt
import doctest
from types import ModuleType

import pytest

import conflictwatch.analysis as analysis
from conflictwatch.analysis import Bucket, distance_from_capital, families, poisson
from conflictwatch.knowledge import Pack
from conflictwatch.store import Store
from conflictwatch.store.query import EventFilter

from .conftest import Numbered


def test_public_names() -> None:
    assert set(analysis.__all__) == {
        "AnomalyOptions",
        "Bucket",
        "DateRange",
        "Dimension",
        "around_milestone",
        "breakdown",
        "change_points",
        "civilian_targeting_shift",
        "compare_groups",
        "compare_ranges",
        "distance_from_capital",
        "dyads",
        "family_lookup",
        "grouped_series",
        "haversine_km",
        "hotspots",
        "milestone",
        "monthly_series",
        "most_active",
        "new_actors",
        "rate_ratio",
        "spillover",
        "spread",
        "time_series",
        "track_situations",
        "weekly_anomalies",
    }


@pytest.mark.parametrize("module", [poisson, families])
def test_docstring_examples_run(module: ModuleType) -> None:
    failed, tried = doctest.testmod(module, verbose=False)
    assert tried > 0 and failed == 0


def test_analyses_take_a_filtered_stream_from_the_store(
    store: Store, event: Numbered, sahel: Pack
) -> None:
    store.add_events(
        [
            event(dt.date(2023, 1, 1), country="Mali", latitude=13.6392, longitude=-8.0029),
            event(dt.date(2023, 1, 2), country="Niger", latitude=13.5, longitude=2.1),
        ]
    )
    mali = next(c for c in sahel.countries if c.iso2 == "ML")
    result = distance_from_capital(store.events(EventFilter(country="Mali")), mali, Bucket.YEAR)
    assert [row.events for row in result.rows] == [1]
    assert result.rows[0].median_km == pytest.approx(111.2, abs=0.1)
