"""conflictwatch: news reports about armed conflict → a mapped, searchable, sourced event record."""

from .errors import ConflictWatchError
from .model import Actor, Article, Dataset, Event, Evidence, Mention, Place, Situation
from .store import BBox, EventFilter, Store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "BBox",
    "ConflictWatchError",
    "Dataset",
    "Event",
    "EventFilter",
    "Evidence",
    "Mention",
    "Place",
    "Situation",
    "Store",
    "__version__",
]
