"""Score a geocoder against a gold CSV of mentions: ``name,context,country,latitude,longitude``.

    score = evaluate(geocoder, read_geocode_gold("tests/geo/gold/geocode_dev.csv"))
    score.within_25km, score.unresolved, score.misses[:3]

The file is read by ``sources.geocode_gold``; :func:`gold_mentions` parses its lines.

The gold ``country`` is passed as the article's country focus (an article about Mali says so);
pass ``use_country=False`` to score without it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .context import Context
from .gazetteer import haversine_km
from .geocoder import Geocoder
from .loaders import coordinate, csv_rows

GOLD_COLUMNS = ("name", "context", "country", "latitude", "longitude")


@dataclass(frozen=True)
class GoldMention:
    """One place mention with the true coordinates of what it refers to."""

    name: str
    context: str
    country: str
    latitude: float
    longitude: float
    line: int = 0


@dataclass(frozen=True)
class Miss:
    """A mention resolved more than 25 km from the truth, or not at all."""

    gold: GoldMention
    latitude: float | None
    longitude: float | None
    distance_km: float | None
    reason: str


@dataclass(frozen=True)
class GeocodeScore:
    """Shares of mentions within 5/25/100 km of the truth, and unresolved."""

    n: int
    within_5km: float
    within_25km: float
    within_100km: float
    unresolved: float
    misses: tuple[Miss, ...]

    def summary(self) -> str:
        return (
            f"n={self.n} within_5km={self.within_5km:.3f} within_25km={self.within_25km:.3f} "
            f"within_100km={self.within_100km:.3f} unresolved={self.unresolved:.3f}"
        )


def gold_mentions(lines: Iterable[str], path: Path) -> Iterator[GoldMention]:
    """Gold mentions from the lines of a CSV; bad rows raise InputError with file (``path``),
    line and field."""
    for line, row in csv_rows(lines, path, GOLD_COLUMNS):
        if not (row["name"] or "").strip():
            raise InputError("empty name", path=path, line=line, field="name", value="")
        yield GoldMention(
            name=row["name"].strip(),
            context=row["context"] or "",
            country=(row["country"] or "").strip().upper(),
            latitude=coordinate(row["latitude"], "latitude", path, line),
            longitude=coordinate(row["longitude"], "longitude", path, line),
            line=line,
        )


def evaluate(
    geocoder: Geocoder, gold: Iterable[GoldMention], *, use_country: bool = True
) -> GeocodeScore:
    """Resolve every gold mention and measure how far each lands from the truth."""
    n = unresolved = w5 = w25 = w100 = 0
    misses: list[Miss] = []
    for mention in gold:
        n += 1
        countries = (mention.country,) if use_country and mention.country else ()
        result = geocoder.resolve(mention.name, Context.from_text(mention.context, countries))
        if result.latitude is None or result.longitude is None:
            unresolved += 1
            misses.append(Miss(mention, None, None, None, result.reason))
            continue
        km = haversine_km(mention.latitude, mention.longitude, result.latitude, result.longitude)
        w5 += km <= 5
        w25 += km <= 25
        w100 += km <= 100
        if km > 25:
            misses.append(Miss(mention, result.latitude, result.longitude, km, result.reason))
    if n == 0:
        raise InputError("the gold set has no mentions")
    return GeocodeScore(n, w5 / n, w25 / n, w100 / n, unresolved / n, tuple(misses))
