"""Deterministic synthetic files in ACLED's export layout, for benchmarks and crash tests.

The rows are invented (random draws over a few real place names and actor labels); they are not
ACLED data and say nothing about what happened.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from ...taxonomy import ActorType, SubEventType, interaction_code
from .acled import COLUMNS

_PLACES = [
    ("Mali", 466, "Mopti", "Bankass", "Dimbal", 14.17, -3.42),
    ("Mali", 466, "Gao", "Ansongo", "Ansongo", 15.66, 0.50),
    ("Mali", 466, "Tombouctou", "Tombouctou", "Ber", 16.80, -2.97),
    ("Mali", 466, "Ségou", "Niono", "Diabaly", 14.69, -6.02),
    ("Burkina Faso", 854, "Sahel", "Soum", "Djibo", 14.10, -1.63),
    ("Burkina Faso", 854, "Est", "Gourma", "Fada N'Gourma", 12.06, 0.36),
    ("Niger", 562, "Tillabéri", "Ouallam", "Ouallam", 14.32, 2.09),
    ("Niger", 562, "Diffa", "Diffa", "Diffa", 13.32, 12.61),
]
_ACTORS = [
    ("JNIM: Group for Support of Islam and Muslims", ActorType.REBEL_GROUP),
    ("Islamic State Sahel Province", ActorType.REBEL_GROUP),
    ("Military Forces of Mali (2021-)", ActorType.STATE_FORCES),
    ("Military Forces of Burkina Faso (2022-)", ActorType.STATE_FORCES),
    ("Dan Na Ambassagou", ActorType.IDENTITY_MILITIA),
    ("Civilians (Mali)", ActorType.CIVILIANS),
]


def write_acled_csv(path: Path, rows: int, *, seed: int = 20240917) -> Path:
    """Write ``rows`` invented events in ACLED's current column layout."""
    rng = random.Random(seed)
    subtypes = list(SubEventType)
    start = dt.date(2012, 1, 1)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for i in range(rows):
            country, iso, admin1, admin2, location, lat, lon = rng.choice(_PLACES)
            sub = rng.choice(subtypes)
            (a1, t1), (a2, t2) = rng.sample(_ACTORS, 2)
            day = start + dt.timedelta(days=rng.randrange(4748))
            deaths = rng.choice((0, 0, 0, 1, 2, 3, 5, 12))
            writer.writerow((
                f"SYN{i}", day.isoformat(), day.year, rng.choice((1, 1, 1, 2, 3)),
                sub.disorder_type.value, sub.event_type.value, sub.value, a1, "", t1.label, a2, "",
                t2.label, interaction_code(t1, t2),
                "Civilian targeting" if t2 is ActorType.CIVILIANS else "", iso, "Western Africa",
                country, admin1, admin2, "", location, f"{lat + rng.uniform(-0.3, 0.3):.4f}",
                f"{lon + rng.uniform(-0.3, 0.3):.4f}", rng.choice((1, 1, 2, 3)), "Synthetic Wire",
                "National",
                f"On {day:%d %B %Y}, {a1} and {a2} were reported near {location} ({admin2}, "
                f"{admin1}). {deaths} fatalities were reported. Synthetic record {i}.",
                deaths, "", 1700000000 + i,
            ))  # fmt: skip
    return path
