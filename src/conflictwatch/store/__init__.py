"""The store: events and everything around them, in SQLite (default) or PostgreSQL."""

from .query import BBox, EventFilter
from .store import Stats, Store

__all__ = ["BBox", "EventFilter", "Stats", "Store"]
