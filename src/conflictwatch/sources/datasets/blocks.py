"""Records read column-wise, a block at a time: what a reader's ``blocks()`` yields for large imports.

A block is either ``EventColumns`` (every record of the block checked column-wise and valid) or a
tuple of ``Row`` (the block held a record the column-wise checks could not vouch for, so each of
its records was read by the reader's exact per-row code). Either way the result is the one
``rows()`` gives for the same records; the store turns ``EventColumns`` into rows without building
an ``Event`` per record.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...model import Event
from .base import Row

if TYPE_CHECKING:  # pyarrow and numpy arrays; pyarrow is optional and imported only when used
    import numpy as np
    import pyarrow as pa


class NotColumnar(Exception):
    """This file cannot be read column-wise with exactly the result of the per-row reader.

    A signal between the reader and the importer, never shown to users: the importer rolls back
    what it wrote and reads the file row by row, which reports whatever is wrong precisely.
    """


@dataclass(frozen=True)
class Shared:
    """Event fields that take few distinct combinations of values in a block.

    ``templates[k]`` is an event holding combination ``k`` in ``fields`` (its other fields are
    placeholders); ``index[i]`` says which combination record ``i`` has, or ``index`` is None
    when every record has ``templates[0]``.
    """

    fields: tuple[str, ...]
    templates: tuple[Event, ...]
    index: np.ndarray[Any, Any] | None = None


@dataclass(frozen=True)
class EventColumns:
    """Valid records of a block, column by column.

    ``plain`` maps Event fields to one value per record (strings, float64, or int64 with nulls
    for None), ``shared`` covers every other field. ``lines`` is each record's start line and
    ``cells`` the original cells (``header`` names them), kept to write a record back as a reject
    (a duplicate id is only found when the store sees the block).
    """

    lines: np.ndarray[Any, Any]
    plain: Mapping[str, pa.Array]
    shared: tuple[Shared, ...]
    cells: pa.RecordBatch
    header: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.lines)

    def raw(self, i: int) -> dict[str, str]:
        """Record ``i`` keyed by the file's column names, as ``Row.raw``."""
        return {
            name: str(column[i].as_py())
            for name, column in zip(self.header, self.cells.columns, strict=False)
        }


Block = EventColumns | tuple[Row, ...]
