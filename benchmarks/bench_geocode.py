"""Geocoding speed: load the Mali WOF gazetteer, then resolve mentions as fast as possible.

    .venv/bin/python benchmarks/bench_geocode.py [--seconds 2]

Prints the load time, then lookups per second in two sections:

* **uncached**: every lookup does the whole work. The geocoder keeps no memo (``cache_size=0``:
  no resolutions, no parsed contexts) and the name-folding caches are cleared before each pass,
  so no pass profits from the one before. "article mentions" resolves the places of one text
  with a fresh geocoder per pass: resolutions are new, the text is parsed once per pass.
* **cached**: a default geocoder, where repeated mentions are remembered (news repeats names).

Shared data is found next to the repository or through CONFLICTWATCH_SHARED_DATA.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from conflictwatch.geo.builtin import sahel_places
from conflictwatch.geo.context import Context
from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.geo.geocoder import Geocoder, GeocoderOptions
from conflictwatch.geo.names import fold, phonetic
from conflictwatch.sources.gazetteer_files import read_places

NAMES = ["Gao", "Tombouctou", "Timbuktu", "Kidal", "Boni", "Hombori", "Aguel'hoc", "Ménaka",
         "Douentza", "Bankass", "Niono", "Farabougou", "Diafarabé", "Sévaré", "Madina", "Léré",
         "Tinzawatene", "Ansongo", "Bourem", "Kati"]  # fmt: skip
SENTENCES = [
    ("Boni", "JNIM imposed a blockade on Boni, between Douentza and Hombori."),
    ("Diafarabé", "Des corps ont été retrouvés près de Diafarabé, dans le cercle de Ténenkou."),
    ("Nampala", "Le camp de Nampala, dans la région de Ségou, a été attaqué."),
    ("Madina", "Gunmen raided Madina in the cercle of Bankass, Mopti region."),
]
#: Every place named in each text, resolved with the text as context.
ARTICLES = [
    (("Boni", "Douentza", "Hombori"), SENTENCES[0][1]),
    (("Diafarabé", "Ténenkou"), SENTENCES[1][1]),
    (("Nampala", "Ségou"), SENTENCES[2][1]),
    (("Madina", "Bankass", "Mopti"), SENTENCES[3][1]),
]
RELATIVE = ["30 km north of Gao", "between Boni and Hombori", "on the Gao-Ansongo road"]
MISSPELT = ["Tombuctou", "Douenza", "Bandiagra"]

Calls = list[tuple[str, Context | str | None]]


def rate(label: str, calls: Calls, geocoder: Callable[[], Geocoder], seconds: float) -> None:
    """Resolve ``calls`` in passes for ``seconds``; ``geocoder()`` gives each pass its geocoder."""
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        resolve = geocoder().resolve
        for name, context in calls:
            resolve(name, context)
        done += len(calls)
    elapsed = time.perf_counter() - start
    print(f"  {label:<38} {done / elapsed:>10,.0f} lookups/s")


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
    gazetteer = Gazetteer.from_places(read_places(path))
    load = time.perf_counter() - start
    print(f"load {path.name}: {len(gazetteer):,} places in {load:.2f} s")
    start = time.perf_counter()
    with_pack = Gazetteer.from_places([*gazetteer, *sahel_places()])
    print(
        f"index {len(with_pack):,} places (with the Sahel pack) in {time.perf_counter() - start:.2f} s"
    )

    mali = Context(countries=("ML",))
    plain: Calls = [(n, mali) for n in NAMES]
    sentences: Calls = list(SENTENCES)
    articles: Calls = [(name, text) for names, text in ARTICLES for name in names]
    relative: Calls = [(r, mali) for r in RELATIVE]
    misspelt: Calls = [(m, mali) for m in MISSPELT]

    no_memo = Geocoder(with_pack, options=GeocoderOptions(cache_size=0))

    def uncached() -> Geocoder:
        fold.cache_clear()
        phonetic.cache_clear()
        return no_memo

    def fresh() -> Geocoder:
        fold.cache_clear()
        phonetic.cache_clear()
        return Geocoder(with_pack)

    print("uncached (no memo; folding caches cleared every pass)")
    rate("plain names, country focus", plain, uncached, args.seconds)
    rate("names with a sentence of context", sentences, uncached, args.seconds)
    rate("article mentions (text parsed once)", articles, fresh, args.seconds)
    rate("relative phrases", relative, uncached, args.seconds)
    rate("misspelt names (fuzzy)", misspelt, uncached, args.seconds)

    memo = Geocoder(with_pack)  # default: repeated mentions are remembered
    print("cached (default geocoder: repeated mentions remembered)")
    rate("plain names, country focus", plain, lambda: memo, args.seconds)
    rate("names with a sentence of context", sentences, lambda: memo, args.seconds)
    rate("relative phrases", relative, lambda: memo, args.seconds)
    rate("misspelt names (fuzzy)", misspelt, lambda: memo, args.seconds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
