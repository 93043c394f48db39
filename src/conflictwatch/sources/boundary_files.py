"""Boundary layers on disk: GeoJSON files read here, parsed by ``geo.boundaries``.

regions = list(read_boundaries("mali_adm1_regions.geojson", BoundaryOptions(level=1)))
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..geo.boundaries import Boundary, BoundaryOptions, parse_boundaries


def read_boundaries(path: str | Path, options: BoundaryOptions | None = None) -> Iterator[Boundary]:
    """The areas of a GeoJSON file; an unreadable file or a bad feature raises naming the file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read boundary file: {exc.strerror}", path=path) from exc
    yield from parse_boundaries(text, path, options)
