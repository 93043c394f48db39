"""Invented ACLED-layout rows in any number, for throughput runs and large-file tests.

Nothing here comes from ACLED: actors, places, notes and numbers are made up.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from conflictwatch.sources.datasets.acled import COLUMNS

_KINDS = (
    ("Political violence", "Battles", "Armed clash", "Rebel group", "State forces"),
    ("Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED",
     "Rebel group", "State forces"),
    ("Political violence", "Violence against civilians", "Attack", "Political militia",
     "Civilians"),
    ("Demonstrations", "Protests", "Peaceful protest", "Protesters", ""),
    ("Strategic developments", "Strategic developments", "Looting/property destruction",
     "Rebel group", "Civilians"),
)  # fmt: skip
_PLACES = (("Kourmali", "Region A", 14.1, -3.2), ("Sandoré", "Region B", 12.9, -1.4),
           ("Tin-Adar", "Region C", 17.8, 0.6), ("Bolonka", "Region D", 11.4, 2.1))  # fmt: skip


def write_acled(path: Path, rows: int, *, seed: int = 7) -> Path:
    """Write ``rows`` invented events in the current ACLED layout (with a header) to ``path``."""
    rng = random.Random(seed)
    start = dt.date(2018, 1, 1)
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(COLUMNS)
        for n in range(rows):
            disorder, etype, sub, inter1, inter2 = _KINDS[n % len(_KINDS)]
            place, admin1, lat, lon = _PLACES[n % len(_PLACES)]
            day = start + dt.timedelta(days=rng.randrange(2200))
            interaction = f"{inter1}-{inter2}" if inter2 else f"{inter1} only"
            out.writerow([
                f"XXX{n}", day.isoformat(), day.year, 1 + n % 3, disorder, etype, sub,
                f"Invented Group {n % 13}", "", inter1, "Invented Forces" if inter2 else "",
                "", inter2, interaction, "Civilian targeting" if inter2 == "Civilians" else "",
                999, "Invented Africa", "Invented Country", admin1, "District 1", "",
                place, f"{lat + rng.random():.4f}", f"{lon + rng.random():.4f}", 1 + n % 3,
                "Invented Wire", "National", f"On {day:%d %B %Y}, an invented event at {place}.",
                rng.randrange(0, 30), "" if n % 4 else "crowd size=no report", 1700000000 + n,
            ])  # fmt: skip
    return path
