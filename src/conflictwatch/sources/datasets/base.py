"""What every dataset reader yields: one ``Row`` per record, with its event or its problems."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Protocol

from ...errors import Problem
from ...model import Dataset, Event
from ...registry import Registry


@dataclass(frozen=True)
class Row:
    """One record of a dataset file: the event it codes, or why it could not be read.

    ``line`` is the 1-based line of the file where the record starts (records may span lines when
    notes hold quoted newlines). ``raw`` keeps the original cells so rejects can be written back.
    """

    line: int
    raw: Mapping[str, str]
    event: Event | None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.event is not None and not self.problems


class DatasetReader(Protocol):
    """Reads one dataset layout. File-level problems (empty file, wrong columns, undecodable bytes)
    raise ``InputError`` naming the path; row-level problems come back as ``Row.problems``."""

    name: ClassVar[str]
    dataset: ClassVar[Dataset]
    description: ClassVar[str]

    def rows(self, path: Path, *, encoding: str | None = None) -> Iterator[Row]: ...


#: Dataset readers by the name used on the command line (``conflictwatch import NAME FILE``).
readers: Registry[type[DatasetReader]] = Registry("dataset importers")
