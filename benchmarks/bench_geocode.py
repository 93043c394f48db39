"""Geocoding speed: load the Mali WOF gazetteer, then resolve mentions as fast as possible.

    .venv/bin/python benchmarks/bench_geocode.py [--seconds 3]

Prints the load time and lookups per second for plain names (with a country focus), names
with a sentence of context, and relative phrases. Shared data is found next to the repository
or through CONFLICTWATCH_SHARED_DATA.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from conflictwatch.geo.builtin import sahel_places
from conflictwatch.geo.context import Context
from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.geo.geocoder import Geocoder, GeocoderOptions
from conflictwatch.geo.loaders import load_places

NAMES = ["Gao", "Tombouctou", "Timbuktu", "Kidal", "Boni", "Hombori", "Aguel'hoc", "Ménaka",
         "Douentza", "Bankass", "Niono", "Farabougou", "Diafarabé", "Sévaré", "Madina", "Léré",
         "Tinzawatene", "Ansongo", "Bourem", "Kati"]  # fmt: skip
SENTENCES = [
    ("Boni", "JNIM imposed a blockade on Boni, between Douentza and Hombori."),
    ("Diafarabé", "Des corps ont été retrouvés près de Diafarabé, dans le cercle de Ténenkou."),
    ("Nampala", "Le camp de Nampala, dans la région de Ségou, a été attaqué."),
    ("Madina", "Gunmen raided Madina in the cercle of Bankass, Mopti region."),
]
RELATIVE = ["30 km north of Gao", "between Boni and Hombori", "on the Gao-Ansongo road"]


def rate(label: str, calls: list[tuple[str, Context | str | None]], geocoder: Geocoder,
         seconds: float) -> None:  # fmt: skip
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for name, context in calls:
            geocoder.resolve(name, context)
        done += len(calls)
    elapsed = time.perf_counter() - start
    print(f"{label:<40} {done / elapsed:>10,.0f} lookups/s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0)
    args = parser.parse_args()
    env = os.environ.get("CONFLICTWATCH_SHARED_DATA")
    shared = Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "data"
    path = shared / "gazetteer" / "wof-mali.csv"
    if not path.is_file():
        print(f"shared data not found at {path}; set CONFLICTWATCH_SHARED_DATA", file=sys.stderr)
        return 2
    start = time.perf_counter()
    gazetteer = Gazetteer.from_places(load_places(path))
    load = time.perf_counter() - start
    print(f"load {path.name}: {len(gazetteer):,} places in {load:.2f} s")
    with_pack = Gazetteer.from_places([*gazetteer, *sahel_places()])
    mali = Context(countries=("ML",))
    plain = [(n, mali) for n in NAMES]
    uncached = Geocoder(with_pack, options=GeocoderOptions(cache_size=0))
    rate("plain names, country focus (no memo)", plain, uncached, args.seconds)  # type: ignore[arg-type]
    rate("sentences of context (no memo)", list(SENTENCES), uncached, args.seconds)
    geocoder = Geocoder(with_pack)  # default: repeated mentions are remembered
    rate("plain names, country focus", plain, geocoder, args.seconds)  # type: ignore[arg-type]
    rate("names with a sentence of context", list(SENTENCES), geocoder, args.seconds)
    rate("relative phrases", [(r, mali) for r in RELATIVE], geocoder, args.seconds)
    misspelt = [("Tombuctou", mali), ("Douenza", mali), ("Bandiagra", mali)]
    rate("misspelt names (fuzzy)", misspelt, geocoder, args.seconds)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
