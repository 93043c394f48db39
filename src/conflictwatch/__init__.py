"""conflictwatch: news reports about armed conflict → a mapped, searchable, sourced event record."""

from .errors import ConflictWatchError
from .model import Actor, Article, Dataset, Event, Evidence, Mention, Place, Situation

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "ConflictWatchError",
    "Dataset",
    "Event",
    "Evidence",
    "Mention",
    "Place",
    "Situation",
    "__version__",
]
