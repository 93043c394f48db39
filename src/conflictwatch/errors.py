"""The one error tree of conflictwatch.

Every error the library raises on purpose is a ``ConflictWatchError``; callers may catch that one
class. Messages say what was wrong and how to fix it.

    ConflictWatchError
    ├── ConfigError          bad setting, option or database URL
    ├── RegistryError        a name not found in a registry (lists what exists)
    ├── InputError           bad file, row, field or value (carries path, line, field, value)
    │   └── ImportRejected   a whole dataset file refused because of bad rows (carries every one)
    ├── StoreError           the database refused or is in an unexpected state
    │   └── SchemaError      a schema newer than this program, or a failed migration
    ├── GazetteerError       a gazetteer or boundary layer cannot be loaded or used
    └── NotFound             a requested record does not exist (HTTP 404)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


class ConflictWatchError(Exception):
    """Base of every error conflictwatch raises on purpose."""

    status_code: int = 500


class ConfigError(ConflictWatchError):
    """A setting, command-line option or database URL is wrong."""

    status_code = 400


class RegistryError(ConflictWatchError, LookupError):
    """A name was not found in a registry."""

    status_code = 400


@dataclass(frozen=True)
class Problem:
    """One bad value in an input file: where it is and why it is bad."""

    line: int | None
    field: str | None
    value: str | None
    reason: str

    def describe(self) -> str:
        parts = []
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.field:
            parts.append(f"field {self.field!r}")
        if self.value is not None:
            shown = self.value if len(self.value) <= 60 else self.value[:57] + "..."
            parts.append(f"value {shown!r}")
        where = ", ".join(parts)
        return f"{where}: {self.reason}" if where else self.reason


class InputError(ConflictWatchError, ValueError):
    """Bad input: names the file, line, field and value, and the fix when there is one."""

    status_code = 422

    def __init__(
        self,
        reason: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
        value: str | None = None,
    ) -> None:
        self.reason = reason
        self.path = str(path) if path is not None else None
        self.line = line
        self.field = field
        self.value = value
        super().__init__(self._message())

    @property
    def problem(self) -> Problem:
        return Problem(self.line, self.field, self.value, self.reason)

    def _message(self) -> str:
        detail = self.problem.describe()
        return f"{self.path}: {detail}" if self.path else detail


class ImportRejected(InputError):
    """A dataset file was refused whole because some rows are bad; nothing was written."""

    def __init__(
        self, path: str | Path, problems: Sequence[Problem], *, total_bad_rows: int
    ) -> None:
        self.problems = list(problems)
        self.total_bad_rows = total_bad_rows
        first = self.problems[0].describe() if self.problems else "no details"
        super().__init__(
            f"{total_bad_rows} bad row(s); nothing was imported. First: {first}. "
            "Fix the rows, or pass --skip-bad to import the good rows and write the rejects to a CSV.",
            path=path,
        )


class StoreError(ConflictWatchError):
    """The store could not do what was asked."""


class SchemaError(StoreError):
    """The database schema is newer than this program, or a migration failed."""


class GazetteerError(ConflictWatchError):
    """A gazetteer or boundary layer cannot be loaded or used."""


class NotFound(ConflictWatchError, KeyError):
    """A requested record does not exist."""

    status_code = 404

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "not found"
