"""The geocoding gold set on disk: a CSV read here, parsed by ``geo.evaluate.gold_mentions``.

score = evaluate(geocoder, read_geocode_gold("tests/geo/gold/geocode_dev.csv"))
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..geo.evaluate import GoldMention, gold_mentions


def read_geocode_gold(path: str | Path) -> Iterator[GoldMention]:
    """Gold mentions from a CSV (name,context,country,latitude,longitude), in file order."""
    path = Path(path)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        yield from gold_mentions(handle, path)
