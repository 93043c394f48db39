"""The geo stage: gazetteers, place-name resolution in context, admin boundaries, evaluation.

    gazetteer = Gazetteer.from_places([*read_places("wof-mali.csv"), *sahel_places()])
    result = Geocoder(gazetteer).resolve("Boni", "JNIM blockade of Boni, near Hombori")

The stage opens no file: gazetteer, boundary and gold files are read by ``sources``
(``gazetteer_files.read_places``, ``boundary_files.read_boundaries``,
``geocode_gold.read_geocode_gold``), which hand their text to the parsers here.
"""

from .boundaries import AdminAreas, AdminIndex, Boundary, BoundaryOptions, parse_boundaries
from .builtin import default_gazetteer, sahel_places
from .context import AdminHint, Context
from .evaluate import GeocodeScore, GoldMention, evaluate, gold_mentions
from .gazetteer import Gazetteer, MatchKind, NameMatch
from .geocoder import Candidate, Geocoder, GeocoderOptions, Resolution
from .loaders import GazetteerText, LoadOptions, loaders

__all__ = [
    "AdminAreas",
    "AdminHint",
    "AdminIndex",
    "Boundary",
    "BoundaryOptions",
    "Candidate",
    "Context",
    "Gazetteer",
    "GazetteerText",
    "GeocodeScore",
    "Geocoder",
    "GeocoderOptions",
    "GoldMention",
    "LoadOptions",
    "MatchKind",
    "NameMatch",
    "Resolution",
    "default_gazetteer",
    "evaluate",
    "gold_mentions",
    "loaders",
    "parse_boundaries",
    "sahel_places",
]  # fmt: skip
