"""Reading delimited dataset files: records with the line they start on, headers, and cell values.

Every reader goes through here so that encodings, byte-order marks, quoted newlines, empty files and
wrong column sets are handled (and reported) the same way::

    table = CsvTable.open(path, required=("event_id_cnty", "event_date"))
    for line, cells in table.records():
        ...

File-level trouble raises ``InputError`` naming the path (and line when there is one); a record
with the wrong number of cells is reported by the caller as a row problem, not an exception.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal, TypeVar

from ...errors import InputError, Problem

#: Default encoding: UTF-8 with or without a byte-order mark.
DEFAULT_ENCODING = "utf-8-sig"

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")

#: csv module quoting constants (QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE).
Quoting = Literal[0, 1, 2, 3]


def _undecodable_line(path: Path, encoding: str) -> int | None:
    """The 1-based line holding the first byte that does not decode, found by re-reading in binary.

    The text decoder works a block ahead of the csv reader, so the reader's own line count at the
    moment of failure points too early; decoding line by line finds the real place.
    """
    try:
        decoder = codecs.getincrementaldecoder(encoding)()
    except LookupError:
        return None
    with path.open("rb") as raw:
        for number, chunk in enumerate(raw, start=1):
            try:
                decoder.decode(chunk)  # incremental: a BOM or a split sequence is handled
            except UnicodeDecodeError:
                return number
    return None


@dataclass(frozen=True)
class CsvTable:
    """An opened delimited file: where it is, how to read it, and its header (if it has one)."""

    path: Path
    encoding: str
    delimiter: str = ","
    header: tuple[str, ...] = ()
    quoting: Quoting = csv.QUOTE_MINIMAL

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        encoding: str | None = None,
        delimiter: str = ",",
        has_header: bool = True,
        required: Sequence[str] = (),
        quoting: Quoting = csv.QUOTE_MINIMAL,
    ) -> CsvTable:
        """Check the file exists, is not empty and (with a header) has every required column."""
        path = Path(path)
        table = cls(path, encoding or DEFAULT_ENCODING, delimiter, (), quoting)
        if not path.is_file():
            raise InputError("no such file", path=path)
        with closing(table._raw_records()) as records:
            first = next(records, None)
        if first is None:
            raise InputError(
                f"{path.name} is empty: there is no header and no record to read", path=path
            )
        if not has_header:
            return table
        header = tuple(cell.strip() for cell in first[1])
        missing = [name for name in required if name.lower() not in {h.lower() for h in header}]
        if missing:
            raise InputError(
                f"missing required column(s): {', '.join(missing)}. "
                f"Found: {', '.join(h for h in header if h) or '(none)'}",
                path=path,
                line=1,
            )
        return cls(path, table.encoding, delimiter, header, quoting)

    def index(self, names: Iterable[str]) -> dict[str, int]:
        """Position of each wanted column, matched case-insensitively; absent columns map to -1.

        Callers append one empty cell to each record so that ``cells[-1]`` is ``""`` for an absent
        column: one list lookup per field, no branches.
        """
        found = {name.lower(): i for i, name in enumerate(self.header)}
        return {name: found.get(name.lower(), -1) for name in names}

    def records(self) -> Iterator[tuple[int, list[str]]]:
        """``(start line, cells)`` for every record after the header; blank lines are skipped."""
        records = self._raw_records()
        if self.header:
            next(records, None)
        return records

    def _open(self) -> IO[str]:
        return self.path.open(encoding=self.encoding, newline="")

    def _raw_records(self) -> Generator[tuple[int, list[str]], None, None]:
        try:
            with self._open() as handle:
                reader = csv.reader(handle, delimiter=self.delimiter, quoting=self.quoting)
                end = 0  # the line the previous record ended on; the next one starts after it
                try:
                    for cells in reader:
                        start = end + 1
                        end = reader.line_num
                        if cells:
                            yield start, cells
                except csv.Error as exc:
                    raise InputError(
                        f"not a readable CSV record ({exc})", path=self.path, line=end + 1
                    ) from exc
        except UnicodeDecodeError as exc:
            line = _undecodable_line(self.path, self.encoding)
            raise InputError(
                f"bytes that are not valid {self.encoding} ({exc.reason}); "
                "pass --encoding with the file's encoding (for example --encoding latin-1)",
                path=self.path,
                line=line,
            ) from exc
        except LookupError as exc:
            raise InputError(
                f"unknown encoding {self.encoding!r}; "
                "use a Python codec name such as utf-8 or latin-1",
                path=self.path,
            ) from exc

    def raw(self, cells: Sequence[str]) -> dict[str, str]:
        """The record keyed by the file's own column names (so rejects can be written back)."""
        return dict(zip(self.header, cells, strict=False))

    def width_problem(self, line: int, cells: Sequence[str], width: int | None = None) -> Problem:
        expected = width if width is not None else len(self.header)
        return Problem(
            line,
            None,
            None,
            f"record has {len(cells)} cell(s) but the file has {expected} column(s); "
            "check for an unquoted delimiter or a missing quote",
        )


class RowProblems(list[Problem]):
    """The problems of one record, all collected (not just the first) and all carrying its line."""

    __slots__ = ("line",)

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line

    def add(self, field: str, value: str, reason: str) -> None:
        self.append(Problem(self.line, field, value, reason))


# --- cell values ------------------------------------------------------------------------------


class Memo(dict[K, V]):
    """A dict that computes a missing value once: ``memo[key]`` is a plain dict hit after that.

    Coded cells repeat (a million rows hold a few thousand dates and a few hundred labels), so
    readers parse each distinct string once per file. One instance per read; nothing outlives it.
    """

    def __init__(self, compute: Callable[[K], V]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, key: K) -> V:
        value = self[key] = self._compute(key)
        return value


def outcome(parse: Callable[[str], T]) -> Callable[[str], tuple[T | None, str | None]]:
    """Wrap a parser to return ``(value, None)`` or ``(None, reason)`` instead of raising.

    Bad values are common in real files and become row problems, not exceptions per cell.
    """

    def checked(text: str) -> tuple[T | None, str | None]:
        try:
            return parse(text), None
        except InputError as exc:
            return None, exc.reason
        except ValueError as exc:
            return None, str(exc)

    return checked


class DateParser:
    """Reads a date cell: ISO first (a time part such as ``00:00:00.000`` is dropped), then
    each of ``formats`` in turn. Returns None when nothing fits."""

    def __init__(self, formats: Sequence[str] = ()) -> None:
        self.formats = tuple(formats)

    def __call__(self, text: str) -> dt.date | None:
        text = text.strip()
        if len(text) > 10 and text[10] in " T":
            text = text[:10]
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        for fmt in self.formats:
            try:
                return dt.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        return None


def parse_int(text: str) -> int:
    """An integer cell; accepts ``"12.0"`` (pandas-written exports store integers as floats)."""
    try:
        return int(text)
    except ValueError:
        number = float(text)
        if not number.is_integer():
            raise ValueError(f"{text!r} is not a whole number") from None
        return int(number)


def int_text(text: str) -> str:
    """Normalise an integer-like cell for ``Event.extra``: ``"299.0"`` → ``"299"``, else as is."""
    if text.endswith(".0"):
        head = text[:-2]
        if head.lstrip("-").isdigit():
            return head
    return text
