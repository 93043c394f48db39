"""Gazetteer formats: a file's lines in, an iterator of :class:`~conflictwatch.model.Place` out.

A registry of parsers, so the CLI and third parties add formats the same way the built-ins do.
Nothing here opens a file: ``sources.gazetteer_files`` reads them and hands the lines over::

    places = read_places("ML.txt")                       # format sniffed from the first line
    places = read_places("wof-mali.csv", "wof", LoadOptions(country="ML"))
    gazetteer = Gazetteer.from_places(places)

Formats: ``geonames`` (the tab-separated dumps: ML.txt, allCountries.txt, cities500.txt, and the
headed CSV extract with geonameid,name,countrycode,...), ``wof`` (Who's On First CSV extracts) and
``csv`` (name, alternate_names, latitude, longitude, country, admin1, admin2, feature_class,
population). Every bad value raises :class:`InputError` naming the file, line and field.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from ..errors import GazetteerError, InputError
from ..model import Place
from ..registry import Registry

csv.field_size_limit(1 << 24)  # WOF alt_names cells run long


@dataclass(frozen=True)
class LoadOptions:
    """What a loader cannot read from the file itself (the companion files are read with it)."""

    country: str | None = None  # ISO2 for files without a country column (WOF extracts)
    alternate_names: Path | None = None  # GeoNames alternateNamesV2.txt (or a country file)
    admin1_codes: Path | None = None  # GeoNames admin1CodesASCII.txt: codes -> region names
    source: str | None = None  # recorded on every Place; defaults to the format name


@dataclass(frozen=True)
class GazetteerText:
    """A gazetteer file as read from disk: its lines and what its companion files add.

    ``path`` is only named in errors (and in the ``csv`` format's default source); ``lines`` keep
    their line endings, as a file opened with ``newline=""`` gives them.
    """

    path: Path
    lines: Iterable[str]
    alternate_names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # by geonameid
    admin1_names: Mapping[str, str] = field(default_factory=dict)  # 'ML.05' -> 'Mopti'


Loader = Callable[[GazetteerText, LoadOptions], Iterator[Place]]

loaders: Registry[Loader] = Registry("gazetteer loaders")


def format_of(first_line: str, path: Path) -> str:
    """Tell the format from a file's first line; raise naming the known formats when it is none."""
    if not first_line.strip():
        raise InputError("the file is empty", path=path, line=1)
    header = {c.strip().lower() for c in first_line.rstrip("\r\n").split(",")}
    if first_line.count("\t") >= 14 or {"geonameid", "countrycode"} <= header:
        return "geonames"
    if {"wof_id", "placetype"} <= header:
        return "wof"
    if {"name", "latitude", "longitude"} <= header or {"name", "lat", "lon"} <= header:
        return "csv"
    raise GazetteerError(
        f"{path}: line 1: cannot tell the gazetteer format from {first_line[:80]!r}. "
        f"Name one of: {', '.join(loaders.names())}"
    )


def csv_rows(
    lines: Iterable[str], path: Path, required: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, str]]]:
    """CSV rows with their line numbers, after checking the header has the columns we need."""
    reader = csv.DictReader(lines)
    if not reader.fieldnames:
        raise InputError("the file is empty", path=path, line=1)
    missing = [c for c in required if c not in reader.fieldnames]
    if missing:
        raise InputError(
            f"missing column(s) {', '.join(missing)}; the header has "
            f"{', '.join(reader.fieldnames)}",
            path=path,
            line=1,
            field=missing[0],
        )
    seen = False
    for row in reader:
        seen = True
        yield reader.line_num, row
    if not seen:
        raise InputError("the file has a header but no rows", path=path, line=2)


def coordinate(value: str | None, field: str, path: Path, line: int) -> float:
    """A latitude or longitude in range, or an InputError pointing at it."""
    limit = 90.0 if field.startswith("lat") else 180.0
    try:
        number = float((value or "").strip())
    except ValueError:
        raise InputError("not a number", path=path, line=line, field=field, value=value) from None
    if not -limit <= number <= limit or number != number:
        raise InputError(
            f"out of range (-{limit:g}..{limit:g})", path=path, line=line, field=field, value=value
        )
    return number


def _population(value: str | None, path: Path, line: int, field: str = "population") -> int:
    text = (value or "").strip()
    if not text:
        return 0
    try:
        number = int(float(text))
    except ValueError:
        raise InputError("not a number", path=path, line=line, field=field, value=value) from None
    if number < 0:
        raise InputError("negative population", path=path, line=line, field=field, value=value)
    return number


def _split(value: str | None, sep: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip() for v in (value or "").split(sep) if v.strip()))


# --- GeoNames -------------------------------------------------------------------------------

_GEONAMES_COLUMNS = (
    "geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude", "feature class",
    "feature code", "country code", "cc2", "admin1 code", "admin2 code", "admin3 code",
    "admin4 code", "population", "elevation", "dem", "timezone", "modification date",
)  # fmt: skip


@loaders.register("geonames")
def load_geonames(text: GazetteerText, options: LoadOptions) -> Iterator[Place]:
    """GeoNames dumps (tab-separated, 19 columns) or the headed CSV extract of cities500."""
    path, extra, admin1 = text.path, text.alternate_names, text.admin1_names
    source = options.source or "geonames"
    lines = iter(text.lines)
    first = next(lines, "")
    if "\t" not in first:
        yield from _geonames_csv(chain([first], lines), path, extra, admin1, source)
        return
    line = 0
    for line, raw in enumerate(chain([first], lines), start=1):
        cells = raw.rstrip("\r\n").split("\t")
        if len(cells) < 15:
            raise InputError(
                f"expected 19 tab-separated GeoNames columns, found {len(cells)}",
                path=path,
                line=line,
            )
        row = dict(zip(_GEONAMES_COLUMNS, cells, strict=False))
        yield _geonames_place(row, path, line, extra, admin1, source)
    if line == 0:
        raise InputError("the file is empty", path=path, line=1)


def _geonames_csv(
    lines: Iterable[str],
    path: Path,
    extra: Mapping[str, tuple[str, ...]],
    admin1: Mapping[str, str],
    source: str,
) -> Iterator[Place]:
    required = ("geonameid", "name", "latitude", "longitude")
    for line, row in csv_rows(lines, path, required):
        row.setdefault("country code", row.get("countrycode", ""))
        row.setdefault("admin1 code", row.get("admin1code", ""))
        row.setdefault("feature class", row.get("feature_class", "P") or "P")
        row.setdefault("feature code", row.get("feature_code", "PPL") or "PPL")
        yield _geonames_place(row, path, line, extra, admin1, source, sep=";")


def _geonames_place(
    row: Mapping[str, str],
    path: Path,
    line: int,
    extra: Mapping[str, tuple[str, ...]],
    admin1: Mapping[str, str],
    source: str,
    sep: str = ",",
) -> Place:
    gid = row["geonameid"].strip()
    if not gid:
        raise InputError("empty id", path=path, line=line, field="geonameid", value=gid)
    country = row.get("country code", "").strip()
    code1 = row.get("admin1 code", "").strip()
    names = _split(row.get("alternatenames"), sep) + extra.get(gid, ())
    return Place(
        id=f"geonames:{gid}",
        name=row["name"].strip(),
        latitude=coordinate(row["latitude"], "latitude", path, line),
        longitude=coordinate(row["longitude"], "longitude", path, line),
        country=country,
        admin1=admin1.get(f"{country}.{code1}", code1),
        admin2=row.get("admin2 code", "").strip(),
        feature_class=row.get("feature class", "").strip(),
        feature_code=row.get("feature code", "").strip(),
        population=_population(row.get("population"), path, line),
        alternate_names=tuple(dict.fromkeys(n for n in names if n != row["name"])),
        source=source,
    )


def alternate_names(lines: Iterable[str], path: Path) -> dict[str, tuple[str, ...]]:
    """alternateNamesV2: id, geonameid, isolanguage, name, ... — links and codes are skipped."""
    found: dict[str, list[str]] = {}
    for line, raw in enumerate(lines, start=1):
        cells = raw.rstrip("\r\n").split("\t")
        if len(cells) < 4:
            raise InputError("expected at least 4 tab-separated columns", path=path, line=line)
        if cells[2] in ("link", "post", "iata", "icao", "faac", "wkdt", "unlc"):
            continue
        found.setdefault(cells[1], []).append(cells[3])
    return {k: tuple(v) for k, v in found.items()}


def admin1_names(lines: Iterable[str], path: Path) -> dict[str, str]:
    """admin1CodesASCII.txt: 'ML.05<TAB>Mopti<TAB>Mopti<TAB>2453347'."""
    names: dict[str, str] = {}
    for line, raw in enumerate(lines, start=1):
        cells = raw.rstrip("\r\n").split("\t")
        if len(cells) < 2:
            raise InputError("expected code<TAB>name", path=path, line=line)
        names[cells[0]] = cells[1]
    return names


# --- Who's On First -------------------------------------------------------------------------

# WOF placetypes as GeoNames feature class and code, so the rest of the stage speaks one language.
_WOF_FEATURES = {
    "country": ("A", "PCLI"),
    "region": ("A", "ADM1"),
    "county": ("A", "ADM2"),
    "localadmin": ("A", "ADM3"),
    "locality": ("P", "PPL"),
    "neighbourhood": ("P", "PPLX"),
    "borough": ("P", "PPLX"),
    "campus": ("S", "BLDG"),
}


@loaders.register("wof")
def load_wof(text: GazetteerText, options: LoadOptions) -> Iterator[Place]:
    """Who's On First CSV extracts (wof_id, placetype, name, name_fra, alt_names, lat, lon, ...).

    The extracts have no country column: the country comes from ``options.country``, else from
    the ISO codes among the alternate names of the file's ``country`` row.
    """
    required = ("wof_id", "placetype", "name", "latitude", "longitude")
    path = text.path
    country = (options.country or "").upper()
    source = options.source or "wof"
    for line, row in csv_rows(text.lines, path, required):
        placetype = row["placetype"].strip()
        alternates = _split(row.get("alt_names"), ";")
        if placetype == "country" and not country:
            country = _iso2_among(alternates)
        feature_class, feature_code = _WOF_FEATURES.get(placetype, ("P", "PPL"))
        if feature_class == "P" and row.get("gn_feature_code", "").startswith("PPL"):
            feature_code = row["gn_feature_code"]
        name = row["name"].strip()
        if not name:
            raise InputError("empty name", path=path, line=line, field="name", value="")
        extra = (row.get("name_fra", ""), row.get("gn_asciiname", ""))
        yield Place(
            id=f"wof:{row['wof_id'].strip()}",
            name=name,
            latitude=coordinate(row["latitude"], "latitude", path, line),
            longitude=coordinate(row["longitude"], "longitude", path, line),
            country=country,
            admin1=(row.get("region") or "").strip(),
            admin2=(row.get("county") or "").strip(),
            feature_class=feature_class,
            feature_code=feature_code,
            population=_population(row.get("population"), path, line),
            alternate_names=tuple(
                dict.fromkeys(n.strip() for n in (*extra, *alternates) if n.strip() and n != name)
            ),
            source=source,
        )


def _iso2_among(names: tuple[str, ...]) -> str:
    """The ISO 3166 alpha-2 code in a WOF country's alternate names ('ML' next to 'MLI')."""
    codes = {n for n in names if len(n) == 3 and n.isupper() and n.isalpha()}
    for name in names:
        if len(name) == 2 and name.isupper() and any(c.startswith(name[0]) for c in codes):
            return name
    return ""


# --- plain CSV ------------------------------------------------------------------------------

_CSV_ALIASES = {
    "latitude": ("latitude", "lat"),
    "longitude": ("longitude", "lon", "lng"),
    "alternate_names": ("alternate_names", "alternate names", "aliases", "alternatenames"),
    "feature_class": ("feature_class", "feature class"),
    "feature_code": ("feature_code", "feature code"),
}


@loaders.register("csv")
def load_csv(text: GazetteerText, options: LoadOptions) -> Iterator[Place]:
    """A user's CSV: name, alternate_names (';'-joined), latitude, longitude, country, admin1,
    admin2, feature_class, population; optional id, feature_code."""
    path = text.path
    source = options.source or f"csv:{path.name}"
    for line, row in csv_rows(text.lines, path, ("name",)):
        row = {_canonical(k): v for k, v in row.items() if k is not None}
        for needed in ("latitude", "longitude"):
            if needed not in row:
                raise InputError(f"missing column {needed}", path=path, line=1, field=needed)
        name = (row.get("name") or "").strip()
        if not name:
            raise InputError("empty name", path=path, line=line, field="name", value="")
        feature_class = (row.get("feature_class") or "P").strip().upper()
        code = (row.get("feature_code") or "").strip().upper()
        yield Place(
            id=(row.get("id") or "").strip() or f"{source}:{line}",
            name=name,
            latitude=coordinate(row["latitude"], "latitude", path, line),
            longitude=coordinate(row["longitude"], "longitude", path, line),
            country=(row.get("country") or options.country or "").strip().upper(),
            admin1=(row.get("admin1") or "").strip(),
            admin2=(row.get("admin2") or "").strip(),
            feature_class=feature_class,
            feature_code=code or {"A": "ADM1", "P": "PPL"}.get(feature_class, ""),
            population=_population(row.get("population"), path, line),
            alternate_names=_split(row.get("alternate_names"), ";"),
            source=source,
        )


def _canonical(column: str) -> str:
    key = column.strip().lower()
    for canonical, aliases in _CSV_ALIASES.items():
        if key in aliases:
            return canonical
    return key
