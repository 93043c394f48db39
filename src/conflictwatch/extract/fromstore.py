"""Building the Extractor from what a store holds (its gazetteers and boundaries) and a pack."""

from __future__ import annotations

from ..geo.fromstore import geocoder_from_store
from ..knowledge import load_pack
from ..store import Store
from .extractor import ExtractOptions, Extractor


def extractor_from_store(
    store: Store, pack: str = "sahel", options: ExtractOptions | None = None
) -> Extractor:
    return Extractor(load_pack(pack), geocoder_from_store(store), options or ExtractOptions())
