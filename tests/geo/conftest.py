"""Fixtures for the geo stage: a small in-memory gazetteer, and the shared data when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.model import Place


def shared_data() -> Path:
    env = os.environ.get("CONFLICTWATCH_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_data()
    if not (path / "gazetteer" / "wof-mali.csv").is_file():
        pytest.skip(f"shared data not found at {path} (set CONFLICTWATCH_SHARED_DATA)")
    return path


def P(pid: str, name: str, lat: float, lon: float, country: str = "ML", **kw: object) -> Place:
    return Place(pid, name, lat, lon, country, **kw)  # type: ignore[arg-type]


SMALL = [
    P("boni-mopti", "Boni", 15.0766, -2.2198, admin1="Mopti", admin2="Douentza"),
    P("boni-kayes", "Boni", 13.40, -9.9833, admin1="Kayes", admin2="Kita"),
    P("douentza", "Douentza", 15.0016, -2.9498, admin1="Mopti", admin2="Douentza", population=24000),
    P("hombori", "Hombori", 15.279, -1.7004, admin1="Mopti", admin2="Douentza"),
    P("gao", "Gao", 16.2717, -0.0447, admin1="Gao", admin2="Gao", feature_code="PPLA",
      population=86000),
    P("gao-region", "Gao", 16.49, 1.36, admin1="Gao", feature_class="A", feature_code="ADM1",
      population=544000),
    P("ansongo", "Ansongo", 15.6597, 0.5022, admin1="Gao", admin2="Ansongo"),
    P("tombouctou", "Tombouctou", 16.7735, -3.0074, admin1="Tombouctou",
      alternate_names=("Timbuktu", "Tumbutu")),
    P("aguelhok", "Aguelhok", 19.4617, 0.8589, admin1="Kidal", alternate_names=("Aguel'hoc",)),
    P("mopti-region", "Mopti", 14.63, -3.55, feature_class="A", feature_code="ADM1"),
    P("mopti", "Mopti", 14.4843, -4.183, admin1="Mopti", admin2="Mopti", population=108000),
    P("djibo", "Djibo", 14.1022, -1.6306, "BF", admin1="Sahel", admin2="Soum"),
    P("djibo-ne", "Djibo", 13.9, 3.0, "NE", admin1="Tillabéri"),
]  # fmt: skip


@pytest.fixture(scope="session")
def small() -> Gazetteer:
    return Gazetteer.from_places(SMALL)
