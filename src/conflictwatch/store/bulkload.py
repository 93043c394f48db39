"""Stored rows for events read column-wise (``EventColumns``), without an ``Event`` per record.

``codec.event_to_row`` stays the one definition of a stored row: fields that a block shares
between records come as template events, and each template goes through ``event_to_row`` once.
Free-form fields (ids, names, notes, coordinates, timestamps) are stored as they are, so only
their ``repr`` for the row hash is built here, column-wise, as ``codec.row_hash`` would build it
one row at a time. A test imports the same files both ways and compares every stored row.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import sqlalchemy as sa

from ..model import Event
from ..sources.datasets.blocks import EventColumns, Shared
from .codec import HASHED, event_to_row, search_text
from .schema import events

#: Stored columns in table order (without ``pk``).
COLUMNS: tuple[str, ...] = tuple(c.name for c in events.columns if c.name != "pk")
_DATES = frozenset(c.name for c in events.columns if isinstance(c.type, sa.Date))
#: Event fields stored unchanged (strings, floats, ints), which a block may give column-wise.
_AS_IS = frozenset(
    (
        "id", "dataset_id", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "region",
        "country", "admin1", "admin2", "admin3", "location", "notes", "source", "source_scale",
        "outcome", "time_of_day", "latitude", "longitude", "timestamp", "operation_id",
    )
)  # fmt: skip
#: Stored columns computed from another field.
_DERIVED = {"year": "event_date", "lat_band": "latitude"}

# Strings whose repr is the string between single quotes: printable, without a quote or a
# backslash. Anything else (an apostrophe, a non-breaking space, a rarer script) takes repr().
_PLAIN_REPR = (
    r"^[ !#-&(-\[\]-~\x{a1}-\x{ac}\x{ae}-\x{24f}\x{300}-\x{36f}\x{2010}-\x{2027}"
    r"\x{2030}-\x{205e}]*$"
)


class _Same:
    """One value for every record of a block."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


@dataclass(frozen=True)
class StoredBlock:
    """The rows of a block as the driver takes them: per column, a list or one shared value."""

    size: int
    values: dict[str, list[Any] | _Same]
    hashes: list[str]

    def column(self, name: str) -> Sequence[Any]:
        value = self.values[name]
        return itertools.repeat(value.value, self.size) if isinstance(value, _Same) else value  # type: ignore[return-value]

    def tuples(
        self, names: Sequence[str], keep: Sequence[int] | None = None
    ) -> list[tuple[Any, ...]]:
        """Rows as tuples of ``names``' values, all of them or those at positions ``keep``."""
        columns: list[Any] = []
        for name in names:
            if name == "row_hash":
                column: Any = self.hashes
            else:
                column = self.column(name)
            columns.append(column)
        rows = list(zip(*columns, strict=False))
        if keep is None:
            return rows
        return [rows[i] for i in keep]

    def all_null(self, name: str) -> bool:
        value = self.values.get(name)
        return isinstance(value, _Same) and value.value is None


class _Templates:
    """The stored values and reprs of one group's templates, numbered as the reader numbers them."""

    def __init__(self) -> None:
        self.templates: list[Event] = []
        self.lists: dict[str, tuple[list[Any], list[str]]] = {}
        self.values: dict[str, np.ndarray[Any, Any]] = {}
        self.reprs: dict[str, pa.Array] = {}


class ColumnStore:
    """Turns the blocks of one file into stored rows, remembering what each template stores.

    A reader numbers a group's templates once per file (see ``Shared``), so ``event_to_row`` and
    ``repr`` run once per distinct combination of values in the file, not once per block.
    """

    def __init__(self, *, dialect: str, with_search_text: bool) -> None:
        self.iso_dates = dialect == "sqlite"
        self.with_search_text = with_search_text
        self.groups: dict[tuple[str, ...], _Templates] = {}
        self.repeats: dict[str, bool] = {}  # string columns worth storing by distinct value

    def templates(self, group: Shared, names: Sequence[str]) -> _Templates:
        known = self.groups.setdefault(group.fields, _Templates())
        count = len(known.templates)
        if len(group.templates) < count or (
            count and group.templates[count - 1] is not known.templates[-1]
        ):
            known = self.groups[group.fields] = _Templates()  # numbered afresh: start over
            count = 0
        if len(group.templates) == count and known.values:
            return known
        fresh = [self.stored(t) for t in group.templates[count:]]
        known.templates.extend(group.templates[count:])
        for name in names:
            values, reprs = known.lists.setdefault(name, ([], []))
            values.extend(row[name] for row, _ in fresh)
            reprs.extend(texts[name] for _, texts in fresh)
            column = np.empty(len(values), dtype=object)
            column[:] = values
            known.values[name] = column
            known.reprs[name] = pa.array(reprs, pa.string())
        return known

    def stored(self, template: Event) -> tuple[dict[str, Any], dict[str, str]]:
        """What ``event_to_row`` stores for a template (driver-ready), and the repr of each value."""
        row = event_to_row(template)
        reprs = {name: repr(value) for name, value in row.items()}
        if self.iso_dates:
            for name in _DATES:
                if row[name] is not None:
                    row[name] = row[name].isoformat()
        return row, reprs

    def __call__(self, block: EventColumns) -> StoredBlock:
        return stored_block(block, self)


def stored_block(block: EventColumns, store: ColumnStore) -> StoredBlock:
    """The stored rows of a block, with their row hashes."""
    size = len(block)
    values: dict[str, list[Any] | _Same] = {}
    pieces: dict[str, pa.Array | pa.Scalar] = {}

    for group in block.shared:
        names = [f for f in group.fields if f in COLUMNS]
        names += [c for c, source in _DERIVED.items() if source in group.fields]
        index = group.index
        if index is None:
            row, reprs = store.stored(group.templates[0])
            for name in names:
                values[name] = _Same(row[name])
                pieces[name] = pa.scalar(reprs[name])
            continue
        known = store.templates(group, names)
        arrow_index = pa.array(index)
        for name in names:
            values[name] = known.values[name][index].tolist()
            pieces[name] = known.reprs[name].take(arrow_index)

    for name, array in block.plain.items():
        if name not in _AS_IS:
            raise ValueError(f"{name!r} cannot be stored column-wise as it is")
        kind = array.type
        if pa.types.is_string(kind):
            # Names and places repeat: one string object (and one repr) per distinct value.
            # Whether a column repeats is decided on the first block and kept for the file.
            repeats = store.repeats.get(name)
            encoded = pc.dictionary_encode(array) if repeats is not False else None
            distinct = encoded.dictionary.to_pylist() if encoded is not None else []
            if repeats is None:
                repeats = store.repeats[name] = len(distinct) * 4 <= size
            if encoded is not None and repeats:
                index = encoded.indices.to_numpy(zero_copy_only=False)
                shared_values = np.empty(len(distinct), dtype=object)
                shared_values[:] = distinct
                values[name] = shared_values[index].tolist()
                reprs = pa.array([repr(v) for v in distinct], pa.string())
                pieces[name] = reprs.take(encoded.indices)
            else:
                values[name] = array.to_numpy(zero_copy_only=False).tolist()
                pieces[name] = _repr_strings(array)
        elif pa.types.is_floating(kind):
            numbers = array.to_numpy(zero_copy_only=False)
            values[name] = numbers.tolist()
            pieces[name] = _repr_floats(array)
            if name == "latitude":
                values["lat_band"] = np.floor(numbers).astype(np.int64).tolist()
                pieces["lat_band"] = pc.cast(pc.cast(pc.floor(array), pa.int64()), pa.string())
        elif pa.types.is_integer(kind):
            values[name] = array.to_pylist()
            pieces[name] = pc.fill_null(pc.cast(array, pa.string()), "None")
        else:
            raise ValueError(
                f"{name!r} has values of type {kind}, which are not stored as they are"
            )

    missing = [c for c in COLUMNS if c not in values and c not in ("row_hash", "search_text")]
    if missing:
        raise ValueError(f"block does not give stored column(s) {', '.join(missing)}")
    if store.with_search_text:
        parts = (values["notes"], values["location"], values["actor1"], values["actor2"])
        columns = [p.value if isinstance(p, _Same) else p for p in parts]
        lists = [itertools.repeat(c, size) if not isinstance(c, list) else c for c in columns]
        values["search_text"] = [search_text(*four) for four in zip(*lists, strict=False)]
    else:
        values["search_text"] = _Same(None)
    return StoredBlock(size, values, _hashes(pieces, size))


def _repr_strings(array: pa.Array) -> pa.Array:
    """``repr`` of each string, as ``codec.row_hash`` writes it."""
    plain = pc.match_substring_regex(array, _PLAIN_REPR)
    quoted = pc.binary_join_element_wise("'", array, "'", "")
    if pc.all(plain).as_py() or len(array) == 0:
        return quoted
    other = pc.invert(plain)
    reprs = [repr(s) for s in pc.filter(array, other).to_pylist()]
    return pc.replace_with_mask(quoted, other, pa.array(reprs, pa.string()))


def _repr_floats(array: pa.Array) -> pa.Array:
    """``repr`` of each float: pyarrow writes the same shortest digits, bar integral values
    ("14" for '14.0') and the exponent form Python uses below 1e-4 and from 1e16."""
    text = pc.cast(array, pa.string())
    dotted = pc.if_else(
        pc.match_substring(text, "."), text, pc.binary_join_element_wise(text, ".0", "")
    )
    size = pc.abs(array)
    other = pc.or_(
        pc.match_substring_regex(text, "[eEnN]"),
        pc.and_(pc.less(size, 1e-4), pc.not_equal(size, 0.0)),
    )
    if not pc.any(other).as_py():
        return dotted
    reprs = [repr(x) for x in pc.filter(array, other).to_pylist()]
    return pc.replace_with_mask(dotted, other, pa.array(reprs, pa.string()))


def _hashes(pieces: dict[str, pa.Array | pa.Scalar], size: int) -> list[str]:
    """``codec.row_hash`` of every row: blake2b of ``repr`` of the list of ``HASHED`` values."""
    parts = [pieces[name] for name in HASHED]
    parts[0] = _join(pa.scalar("["), parts[0], sep="")
    parts[-1] = _join(parts[-1], pa.scalar("]"), sep="")
    joined = _join(*parts, sep=", ")
    if isinstance(joined, pa.Scalar):
        joined = pa.array([joined.as_py()] * size, pa.string())
    joined = joined.cast(pa.string())
    offsets = np.frombuffer(joined.buffers()[1], dtype=np.int32)[
        joined.offset : joined.offset + size + 1
    ].tolist()
    data = memoryview(joined.buffers()[2]) if size else memoryview(b"")
    blake2b = hashlib.blake2b
    return [
        blake2b(data[start:end], digest_size=16).hexdigest()
        for start, end in itertools.pairwise(offsets)
    ]


def _join(*parts: pa.Array | pa.Scalar, sep: str) -> pa.Array | pa.Scalar:
    if all(isinstance(p, pa.Scalar) for p in parts):
        return pa.scalar(sep.join(p.as_py() for p in parts))
    return pc.binary_join_element_wise(*parts, sep)


def driver_sql(dialect: str, names: Sequence[str], *, update: bool = False) -> str:
    """INSERT of ``names`` (or UPDATE of them keyed by a last ``id`` parameter), driver style."""
    mark = "?" if dialect == "sqlite" else "%s"
    quoted = [f'"{name}"' for name in names]
    if update:
        assignments = ", ".join(f"{q} = {mark}" for q in quoted)
        return f"UPDATE events SET {assignments} WHERE id = {mark}"
    return f"INSERT INTO events ({', '.join(quoted)}) VALUES ({', '.join([mark] * len(names))})"
