"""Distances from the capital, spread, hotspots and spill-over, at coordinates chosen so the
answers are known: one degree of latitude is 111.2 km on the mean-radius sphere."""

from __future__ import annotations

import datetime as dt

import pytest

from conflictwatch.analysis import Bucket, distance_from_capital, haversine_km, hotspots, spread
from conflictwatch.analysis.geography import spillover
from conflictwatch.knowledge import Country, Pack

from .conftest import Numbered, Stored

D = dt.date
KM_PER_DEGREE = 111.195


@pytest.fixture
def mali(sahel: Pack) -> Country:
    return next(c for c in sahel.countries if c.iso2 == "ML")


@pytest.mark.parametrize(
    ("lat1", "lon1", "lat2", "lon2", "km"),
    [
        (0, 0, 0, 0, 0.0),
        (12.0, -8.0, 13.0, -8.0, KM_PER_DEGREE),
        (0, 0, 0, 1, KM_PER_DEGREE),  # along the equator
        (0, 0, 0, 180, 20015.1),  # half the circumference
        (12.6392, -8.0029, 16.7666, -3.0026, 706.0),  # Bamako - Timbuktu
    ],
)
def test_haversine(lat1: float, lon1: float, lat2: float, lon2: float, km: float) -> None:
    assert haversine_km(lat1, lon1, lat2, lon2) == pytest.approx(km, rel=2e-3)


def test_distance_from_bamako_by_year(stored: Stored, event: Numbered, mali: Country) -> None:
    north = lambda degrees: mali.latitude + degrees  # noqa: E731 - reads as "n degrees north"
    lon = mali.longitude
    events = stored(
        [
            # 2022: 0.5, 2 and 5 degrees north of Bamako -> 55.6, 222.4, 556 km
            event(D(2022, 3, 1), latitude=north(0.5), longitude=lon),
            event(D(2022, 6, 1), latitude=north(2), longitude=lon),
            event(D(2022, 9, 1), latitude=north(5), longitude=lon),
            # 2023: closer in
            event(D(2023, 3, 1), latitude=north(0.5), longitude=lon),
            event(D(2023, 4, 1), latitude=north(0.8), longitude=lon),
            event(D(2023, 5, 1), latitude=None, longitude=None),
        ]
    )
    result = distance_from_capital(events, mali, Bucket.YEAR)
    assert result.capital == "Bamako"
    assert result.without_coordinates == 1
    y2022, y2023 = result.rows
    assert (y2022.label, y2022.events) == ("2022", 3)
    assert y2022.median_km == pytest.approx(2 * KM_PER_DEGREE, rel=1e-3)
    assert (y2022.within_100km, y2022.within_300km) == (1, 2)
    assert y2022.share_within_300km == pytest.approx(2 / 3)
    assert y2023.median_km == pytest.approx(0.65 * KM_PER_DEGREE, rel=1e-3)
    assert y2023.share_within_100km == 1.0
    assert y2023.nearest_km == pytest.approx(0.5 * KM_PER_DEGREE, rel=1e-3)


def test_spread_counts_districts_and_new_ones(stored: Stored, event: Numbered) -> None:
    events = stored(
        [
            event(D(2022, 1, 1), admin1="Mopti", admin2="Bankass"),
            event(D(2022, 2, 1), admin1="Mopti", admin2="Djenne"),
            event(D(2023, 1, 1), admin1="Mopti", admin2="Bankass"),
            event(D(2023, 2, 1), admin1="Koulikoro", admin2="Kati"),
            event(D(2023, 3, 1), admin1="Koulikoro", admin2=""),
        ]
    )
    rows = spread(events, Bucket.YEAR)
    assert [(r.label, r.units, r.new_units) for r in rows] == [
        ("2022", 2, ("Mopti/Bankass", "Mopti/Djenne")),
        ("2023", 2, ("Koulikoro/Kati",)),
    ]


def test_hotspots_on_a_half_degree_grid(stored: Stored, event: Numbered) -> None:
    day = D(2023, 1, 1)
    events = stored(
        [event(day, latitude=14.1, longitude=-3.4) for _ in range(3)]
        + [event(day, latitude=14.4, longitude=-3.1)]  # same cell: 14.0-14.5, -3.5 - -3.0
        + [event(day, latitude=16.2, longitude=-0.1, fatalities=50)]
    )
    top = hotspots(events, size=0.5, top=5)
    assert [(c.south, c.west, c.events) for c in top] == [(14.0, -3.5, 4), (16.0, -0.5, 1)]
    assert top[0].centre == (14.25, -3.25)
    assert len(top[0].event_ids) == 4


def test_spillover_counts_neighbour_events_near_focus_events(
    stored: Stored, event: Numbered
) -> None:
    day = D(2023, 1, 1)
    events = stored(
        [
            # Mali, near the Burkina border (Koro area)
            event(day, country="Mali", latitude=14.07, longitude=-3.07),
            # Burkina Faso, 0.3 degrees south (~33 km): spill-over within 50 km
            event(day, country="Burkina Faso", latitude=13.77, longitude=-3.07),
            # Burkina Faso, near Ouagadougou (~190 km away): not
            event(day, country="Burkina Faso", latitude=12.37, longitude=-1.52),
            # Niger, near a listed border town (Ayorou 14.73, 0.92)
            event(day, country="Niger", latitude=14.80, longitude=0.92),
        ]
    )
    result = spillover(events, "Mali", within_km=50, border_towns=[(14.73, 0.92)])
    assert result.events == 2
    assert result.by_country == (("Burkina Faso", 1), ("Niger", 1))
    assert result.anchors == 2
