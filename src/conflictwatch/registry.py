"""Named registries of pluggable parts (importers, exporters, gazetteer loaders, models).

Registries are plain objects owned by the module that defines the kind of part; built-ins register
through the same call third parties use. A miss says what exists::

    >>> importers = Registry[object]("importers")
    >>> importers.get("acled-csv")
    Traceback (most recent call last):
    conflictwatch.errors.RegistryError: Can't find 'acled-csv' in importers. Available: (none)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from .errors import RegistryError

T = TypeVar("T")


class Registry(Generic[T]):
    """A name → part mapping with a helpful miss."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}

    def register(self, name: str) -> Callable[[T], T]:
        """Decorator: ``@importers.register("acled")``."""

        def add(item: T) -> T:
            self.add(name, item)
            return item

        return add

    def add(self, name: str, item: T) -> None:
        if name in self._items:
            raise RegistryError(f"{name!r} is already registered in {self.kind}.")
        self._items[name] = item

    def get(self, name: str) -> T:
        try:
            return self._items[name]
        except KeyError:
            available = ", ".join(sorted(self._items)) or "(none)"
            raise RegistryError(
                f"Can't find {name!r} in {self.kind}. Available: {available}"
            ) from None

    def names(self) -> list[str]:
        return sorted(self._items)

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())

    def __len__(self) -> int:
        return len(self._items)
