"""ACLED exports read column-wise with pyarrow, for imports of large files.

pyarrow parses the CSV in blocks (in C++, on every core); each block is checked column by column:
cells with few distinct values (types, actor types, precisions, dates, death tolls, tags) are
parsed once per distinct value by the very functions the per-row reader uses (``AcledRecords``'
memos), and free-form cells by conservative patterns (a plain decimal latitude, a cell with no
surrounding whitespace). A block in which any record falls outside those patterns is handed whole
to ``AcledRecords``, so problems are found and worded exactly as the per-row reader does.

Line numbers are exact: each record's start line is counted from the line breaks inside its
cells, and the file's own line count is checked at the end (blank lines between records, which
the CSV parser skips, would shift them: then ``NotColumnar`` is raised and the caller re-reads the
file row by row).
"""

from __future__ import annotations

import codecs
import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from ...model import Dataset, Event
from ...taxonomy import EventType, SubEventType
from .acled import CODE_FIELDS, AcledRecords
from .blocks import Block, EventColumns, NotColumnar, Shared

#: Bytes of CSV per block (about 20,000 records of a current export): large enough for pyarrow
#: to parse in parallel, small enough that a few blocks in flight hold little memory.
BLOCK_BYTES = 8 << 20

# Every character Python's str.strip() may remove, and a few more: a cell starting or ending with
# one of these (or holding only these) goes to the per-row reader, which decides.
_SPACE = r"\x{0}-\x20\x7f-\xa0\x{1680}\x{180e}\x{2000}-\x{200f}\x{2028}-\x{202f}\x{205f}-\x{2064}\x{3000}\x{feff}"
_HAS_TEXT = f"[^{_SPACE}]"
_TRIMMED = f"(?s)^[^{_SPACE}](?:.*[^{_SPACE}])?$"
# Numbers whose value Python's float()/int() and pyarrow's cast read identically.
_DECIMAL = r"^-?[0-9]{1,3}(?:\.[0-9]{1,17})?$"
_COUNT = r"^[0-9]{1,9}$"
_INTEGER = r"^-?[0-9]{1,18}$"

_SEP = "\x1f"  # joins the cells of a combination; a cell holding it makes its records go per-row

#: Fields given by the per-row reader's defaults when the file has no column for them.
_TEXT_FIELDS = (
    "assoc_actor_1", "actor2", "assoc_actor_2", "region", "admin1", "admin2", "admin3",
    "location", "notes", "source", "source_scale",
)  # fmt: skip

_PLACEHOLDER = Event(
    id="",
    event_date=dt.date(2000, 1, 1),
    event_type=EventType.BATTLES,
    sub_event_type=SubEventType.ARMED_CLASH,
    actor1="",
    country="",
    dataset=Dataset.ACLED,
)


def _template(**fields: Any) -> Event:
    """A placeholder ACLED event with ``fields`` set, derived fields filled in as for a real one."""
    return Event(
        **{
            "id": "",
            "event_date": _PLACEHOLDER.event_date,
            "event_type": _PLACEHOLDER.event_type,
            "sub_event_type": _PLACEHOLDER.sub_event_type,
            "actor1": "",
            "country": "",
            "dataset": Dataset.ACLED,
            **fields,
        }
    )


def _check_file(records: AcledRecords) -> None:
    table = records.table
    if codecs.lookup(table.encoding).name not in ("utf-8", "utf-8-sig") or table.delimiter != ",":
        raise NotColumnar(f"encoding {table.encoding}")
    with table.path.open("rb") as handle:
        start = handle.read(4)
    if start.removeprefix(codecs.BOM_UTF8)[:1] in (b"\r", b"\n"):
        raise NotColumnar("blank lines before the header")
    if any("\n" in h or "\r" in h for h in table.header):
        raise NotColumnar("line breaks in the header")


def _line_count(path: Any) -> int:
    """Lines up to the last one that holds anything, counting \\n, \\r\\n and \\r as csv does."""
    terminators = 0
    previous_cr = False
    tail = b""
    with open(path, "rb") as handle:
        while chunk := handle.read(16 << 20):
            crlf = chunk.count(b"\r\n") + (1 if previous_cr and chunk.startswith(b"\n") else 0)
            terminators += chunk.count(b"\n") + chunk.count(b"\r") - crlf
            previous_cr = chunk.endswith(b"\r")
            tail = (tail + chunk[-65536:])[-65536:]
    stripped = tail.rstrip(b"\r\n")
    if not stripped and len(tail) == 65536:
        raise NotColumnar("a long run of blank lines at the end")
    run = tail[len(stripped) :]
    trailing = run.count(b"\n") + run.count(b"\r") - run.count(b"\r\n")
    return terminators - trailing + 1


def _breaks(column: pa.Array) -> np.ndarray[Any, Any] | None:
    """Line breaks inside each cell (as csv counts lines), or None when there are none."""
    data = column.buffers()[2]
    if data is None:
        return None
    raw = data.to_pybytes()
    if b"\n" not in raw and b"\r" not in raw:
        return None
    count = pc.add(pc.count_substring(column, "\n"), pc.count_substring(column, "\r"))
    count = pc.subtract(count, pc.count_substring(column, "\r\n"))
    return np.asarray(count.to_numpy(zero_copy_only=False), dtype=np.int64)


def read_blocks(records: AcledRecords) -> Iterator[Block]:
    """Blocks of an ACLED file; raises ``NotColumnar`` when the file needs the per-row reader."""
    _check_file(records)
    table = records.table
    names = [f"c{i}" for i in range(len(table.header))]
    try:
        reader = pacsv.open_csv(
            table.path,
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1, block_size=BLOCK_BYTES),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types={name: pa.string() for name in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, OSError) as exc:
        raise NotColumnar(str(exc)) from exc
    return _blocks(records, reader)


def _blocks(records: AcledRecords, reader: Any) -> Iterator[Block]:
    end = 1  # the line the previous record (first, the header) ended on
    checker = _BlockChecker(records)
    while True:
        try:
            batch = reader.read_next_batch()
        except StopIteration:
            break
        except pa.ArrowInvalid as exc:  # a record of the wrong width, bytes that are not UTF-8
            raise NotColumnar(str(exc)) from exc
        n = batch.num_rows
        if n == 0:
            continue
        breaks = np.zeros(n, dtype=np.int64)
        for column in batch.columns:
            inside = _breaks(column)
            if inside is not None:
                breaks += inside
        spans = breaks + 1
        ends = end + np.cumsum(spans)
        lines = ends - spans + 1
        end = int(ends[-1])
        yield checker(batch, lines)
    if _line_count(records.table.path) != end:
        raise NotColumnar("blank lines between records")


class _BlockChecker:
    """Checks one block column-wise; builds ``EventColumns`` or hands the block to the per-row code."""

    def __init__(self, records: AcledRecords) -> None:
        self.records = records
        self.at = records.positions
        # Templates by group and distinct cell text, kept for the whole file: the same template
        # object for the same values in every block (the store caches its stored values by it).
        self.memo: dict[tuple[str, ...], dict[str, int | None]] = {}
        self.made: dict[tuple[str, ...], list[Event]] = {}
        self.constants: dict[tuple[str, ...], Event] = {}

    def column(self, batch: pa.RecordBatch, name: str) -> pa.Array | None:
        i = self.at[name]
        return batch.column(i) if i >= 0 else None

    def __call__(self, batch: pa.RecordBatch, lines: np.ndarray[Any, Any]) -> Block:
        built = self.build(batch, lines)
        if built is not None:
            return built
        columns = [c.to_pylist() for c in batch.columns]
        record = self.records
        return tuple(
            record(int(line), list(cells))
            for line, cells in zip(lines, zip(*columns, strict=True), strict=False)
        )

    def build(self, batch: pa.RecordBatch, lines: np.ndarray[Any, Any]) -> EventColumns | None:
        """The block as columns, or None when some record needs the per-row reader."""
        n = batch.num_rows
        shared: list[Shared] = []
        plain: dict[str, pa.Array] = {}
        constant: dict[str, Any] = {}

        dataset_id = self.column(batch, "event_id_cnty")
        assert dataset_id is not None  # a required column
        if not _all(pc.match_substring_regex(dataset_id, _TRIMMED)):
            return None
        plain["dataset_id"] = dataset_id
        plain["id"] = pc.binary_join_element_wise("acled:", dataset_id, "")

        for name in ("actor1", "country"):  # required columns, never blank
            cells = self.column(batch, name)
            assert cells is not None
            if not _all(pc.match_substring_regex(cells, _HAS_TEXT)):
                return None
            plain[name] = cells
        for name in _TEXT_FIELDS:
            cells = self.column(batch, name)
            if cells is None:
                constant[name] = ""
            else:
                plain[name] = cells

        for name, low, high in (("latitude", -90.0, 90.0), ("longitude", -180.0, 180.0)):
            cells = self.column(batch, name)
            assert cells is not None
            if not _all(pc.match_substring_regex(cells, _DECIMAL)):
                return None
            values = pc.cast(cells, pa.float64())
            if not _all(pc.and_(pc.greater_equal(values, low), pc.less_equal(values, high))):
                return None
            plain[name] = values

        cells = self.column(batch, "timestamp")
        if cells is None:
            constant["timestamp"] = None
        else:
            empty = pc.equal(cells, "")
            number = pc.match_substring_regex(cells, _INTEGER)
            if not _all(pc.or_(empty, number)):
                return None
            missing = pa.scalar(None, pa.string())
            plain["timestamp"] = pc.cast(pc.if_else(empty, missing, cells), pa.int64())

        cells = self.column(batch, "fatalities")
        assert cells is not None
        if not _all(pc.match_substring_regex(cells, _COUNT)):
            return None
        group = self.by_value(cells, lambda text: _template(fatalities=int(text)), ("fatalities",))
        shared.append(_with_fields(group, ("fatalities", "fatalities_low", "fatalities_high")))

        dates = self._dates(batch)
        if dates is None:
            return None
        shared.append(dates)
        codes = self._codes(batch, n)
        if codes is None:
            return None
        shared.append(codes)

        cells = self.column(batch, "iso")
        if cells is None:
            constant["iso"] = None
        else:
            iso = self.by_value(cells, _iso, ("iso",))
            if iso is None:
                return None
            shared.append(iso)
        cells = self.column(batch, "tags")
        tag_sets = self.records.tag_sets
        if cells is None:
            constant["tags"] = ()
        else:
            group = self.by_value(
                cells, lambda text: _template(tags=tag_sets[text] if text else ()), ("tags",)
            )
            shared.append(_with_fields(group, ("tags",)))

        if constant:
            shared.append(Shared(tuple(constant), (self.constant(constant),)))
        shared.append(Shared(_CONSTANT_FIELDS, (_PLACEHOLDER,)))
        return EventColumns(lines, plain, tuple(shared), batch, self.records.header)

    def constant(self, fields: dict[str, Any]) -> Event:
        made = self.constants.get(tuple(fields))
        if made is None:
            made = self.constants[tuple(fields)] = _template(**fields)
        return made

    def _dates(self, batch: pa.RecordBatch) -> Shared | None:
        date = self.column(batch, "event_date")
        year = self.column(batch, "year")
        assert date is not None
        key = date if year is None else pc.binary_join_element_wise(date, year, _SEP)
        dates = self.records.dates

        def template(text: str) -> Event | None:
            parts = text.split(_SEP) if year is not None else [text, ""]
            if len(parts) != 2:
                return None
            value, found = dates[parts[0], parts[1]]
            return None if found or value is None else _template(event_date=value)

        group = self.by_value(key, template, ("event_date",))
        return None if group is None else _with_fields(group, _DATE_FIELDS)

    def _codes(self, batch: pa.RecordBatch, n: int) -> Shared | None:
        present = [(k, self.column(batch, name)) for k, name in enumerate(CODE_FIELDS)]
        columns = [cells for _, cells in present if cells is not None]
        where = [k for k, cells in present if cells is not None]
        key = pc.binary_join_element_wise(*columns, _SEP) if columns else pa.array([""] * n)
        codes = self.records.codes

        def template(text: str) -> Event | None:
            parts = text.split(_SEP)
            if len(parts) != len(where):
                return None
            cells = [""] * len(CODE_FIELDS)
            for k, part in zip(where, parts, strict=True):
                cells[k] = part
            read = codes[tuple(cells)]
            if read.problems or read.event_type is None or read.sub_event_type is None:
                return None
            return _template(
                time_precision=read.time_precision,
                disorder_type=read.disorder_type,
                event_type=read.event_type,
                sub_event_type=read.sub_event_type,
                inter1=read.inter1,
                inter2=read.inter2,
                interaction=read.interaction,
                civilian_targeting=read.civilian_targeting,
                geo_precision=read.geo_precision,
            )

        return self.by_value(key, template, _CODE_EVENT_FIELDS)

    def by_value(
        self, cells: pa.Array, template: Callable[[str], Event | None], fields: tuple[str, ...]
    ) -> Shared | None:
        """One template per distinct cell text; None if the per-row reader refuses any of them.

        Templates are numbered once per file: a block's ``templates`` are all those of the file
        so far (a later block's tuple extends an earlier one's), and its ``index`` points there.
        """
        memo = self.memo.setdefault(fields, {})
        made = self.made.setdefault(fields, [])
        encoded = pc.dictionary_encode(cells)
        positions = []
        for text in encoded.dictionary.to_pylist():
            if text in memo:
                position = memo[text]
            else:
                event = template(text)
                position = memo[text] = None if event is None else len(made)
                if event is not None:
                    made.append(event)
            if position is None:
                return None
            positions.append(position)
        local = encoded.indices.to_numpy(zero_copy_only=False)
        index = np.asarray(positions, dtype=np.int64)[local]
        return Shared(fields, tuple(made), index)


_DATE_FIELDS = ("event_date", "date_start", "date_end")
_CODE_EVENT_FIELDS = (
    "time_precision", "disorder_type", "event_type", "sub_event_type", "inter1", "inter2",
    "interaction", "civilian_targeting", "geo_precision",
)  # fmt: skip
#: Fields ACLED exports never fill: every event has the reader's defaults for them.
_CONSTANT_FIELDS = (
    "dataset", "date_prec", "time_of_day", "where_prec", "outcome", "evidence", "mention_ids",
    "operation_id", "extra",
)  # fmt: skip


def _all(mask: pa.Array) -> bool:
    return bool(pc.all(mask).as_py()) if len(mask) else True


def _iso(text: str) -> Event | None:
    if not text:
        return _template(iso=None)
    try:
        return _template(iso=int(text))
    except ValueError:
        return None


def _with_fields(group: Shared | None, fields: tuple[str, ...]) -> Shared:
    assert group is not None
    return Shared(fields, group.templates, group.index)
