"""Gazetteer files on disk: opened here, parsed by the formats of ``geo.loaders``.

    places = read_places("ML.txt")                       # format sniffed from the first line
    places = read_places("wof-mali.csv", "wof", LoadOptions(country="ML"))
    places = read_places("ML.txt", options=LoadOptions(alternate_names=Path("alt.txt")))

A bad value raises :class:`InputError` naming the file, line and field, as the parsers do.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..errors import InputError
from ..geo.loaders import (
    GazetteerText,
    Loader,
    LoadOptions,
    admin1_names,
    alternate_names,
    format_of,
    loaders,
)
from ..model import Place


def read_places(
    path: str | Path, format: str | None = None, options: LoadOptions | None = None
) -> Iterator[Place]:
    """Read places from ``path`` with the named format, or the one its first line calls for.

    A missing file, an unknown format or one that cannot be told raise here, before the first
    place is asked for; bad rows raise as they are reached.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError("no such gazetteer file", path=path)
    name = format or sniff_format(path)
    return _parsed(path, name, loaders.get(name), options or LoadOptions())


def sniff_format(path: Path) -> str:
    """The format named by the file's first line (see ``geo.loaders.format_of``)."""
    with _open(path) as handle:
        first = handle.readline()
    return format_of(first, path)


def _parsed(path: Path, name: str, loader: Loader, options: LoadOptions) -> Iterator[Place]:
    # Only GeoNames has companion files; other formats ignore those options, unread.
    geonames = name == "geonames"
    extra: dict[str, tuple[str, ...]] = {}
    if geonames and options.alternate_names:
        with _open(options.alternate_names) as handle:
            extra = alternate_names(handle, options.alternate_names)
    admin1: dict[str, str] = {}
    if geonames and options.admin1_codes:
        with _open(options.admin1_codes) as handle:
            admin1 = admin1_names(handle, options.admin1_codes)
    with _open(path) as handle:
        yield from loader(GazetteerText(path, handle, extra, admin1), options)


def _open(path: Path) -> IO[str]:
    return open(path, encoding="utf-8-sig", newline="")
