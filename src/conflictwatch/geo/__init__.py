"""The geo stage: gazetteers, place-name resolution in context, admin boundaries, evaluation.

    gazetteer = Gazetteer.from_places([*load_places("wof-mali.csv"), *sahel_places()])
    result = Geocoder(gazetteer).resolve("Boni", "JNIM blockade of Boni, near Hombori")
"""

from .boundaries import AdminAreas, AdminIndex, Boundary, BoundaryOptions, load_boundaries
from .builtin import default_gazetteer, sahel_places
from .context import AdminHint, Context
from .evaluate import GeocodeScore, GoldMention, evaluate, read_gold
from .gazetteer import Gazetteer, MatchKind, NameMatch
from .geocoder import Candidate, Geocoder, GeocoderOptions, Resolution
from .loaders import LoadOptions, load_places, loaders

__all__ = [
    "AdminAreas",
    "AdminHint",
    "AdminIndex",
    "Boundary",
    "BoundaryOptions",
    "Candidate",
    "Context",
    "Gazetteer",
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
    "load_boundaries",
    "load_places",
    "loaders",
    "read_gold",
    "sahel_places",
]  # fmt: skip
