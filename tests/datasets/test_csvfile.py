"""Shared CSV reading: encodings, BOM, quoted newlines, empty files, column checks, cell values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conflictwatch.errors import InputError
from conflictwatch.sources.datasets.csvfile import CsvTable, DateParser, Memo, int_text, parse_int

HEADER = "id,name,notes\n"


def table_of(tmp_path: Path, content: bytes, **options: object) -> CsvTable:
    path = tmp_path / "t.csv"
    path.write_bytes(content)
    return CsvTable.open(path, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("prefix", [b"", b"\xef\xbb\xbf"], ids=["utf-8", "utf-8 with BOM"])
def test_utf8_with_or_without_bom_reads_the_same(tmp_path: Path, prefix: bytes) -> None:
    table = table_of(tmp_path, prefix + (HEADER + "1,Ségou,x\n").encode())
    assert table.header == ("id", "name", "notes")
    assert list(table.records()) == [(2, ["1", "Ségou", "x"])]


def test_undecodable_bytes_name_path_line_and_the_encoding_option(tmp_path: Path) -> None:
    content = (HEADER + "1,Gao,x\n" * 3000 + "2,Ségou,y\n").encode("latin-1")
    table = table_of(tmp_path, content)
    with pytest.raises(InputError) as caught:
        list(table.records())
    error = caught.value
    assert error.path == str(tmp_path / "t.csv")
    assert error.line == 3002  # the real line, not where the decoder's read-ahead failed
    assert "--encoding" in str(error)


def test_other_encodings_by_name(tmp_path: Path) -> None:
    table = table_of(tmp_path, (HEADER + "2,Ségou,y\n").encode("latin-1"), encoding="latin-1")
    assert list(table.records()) == [(2, ["2", "Ségou", "y"])]


def test_unknown_encoding_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        table_of(tmp_path, HEADER.encode(), encoding="klingon")


def test_records_report_the_line_they_start_on(tmp_path: Path) -> None:
    content = HEADER + '1,a,"first line\nsecond line\nthird"\n2,b,plain\n\n3,c,"x\n"\n4,d,e\n'
    table = table_of(tmp_path, content.encode())
    assert [(line, cells[0]) for line, cells in table.records()] == [
        (2, "1"),
        (5, "2"),
        (7, "3"),  # the blank line 6 is skipped but still counted
        (9, "4"),
    ]


@pytest.mark.parametrize(
    "content", [b"", b"\xef\xbb\xbf", b"\n\n"], ids=["0 bytes", "BOM", "blank"]
)
def test_an_empty_file_is_refused_by_name(tmp_path: Path, content: bytes) -> None:
    with pytest.raises(InputError, match=r"t\.csv is empty"):
        table_of(tmp_path, content)


def test_a_header_only_file_has_no_records(tmp_path: Path) -> None:
    assert list(table_of(tmp_path, HEADER.encode()).records()) == []


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        CsvTable.open(tmp_path / "nope.csv")


def test_missing_required_columns_are_listed_with_what_was_found(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        table_of(tmp_path, HEADER.encode(), required=("id", "latitude", "longitude"))
    message = str(caught.value)
    assert "missing required column(s): latitude, longitude" in message
    assert "Found: id, name, notes" in message


def test_header_matching_ignores_case(tmp_path: Path) -> None:
    table = table_of(tmp_path, b"ID,Name,NOTES\n1,a,b\n", required=("id", "notes"))
    assert table.index(["id", "notes", "absent"]) == {"id": 0, "notes": 2, "absent": -1}


def test_a_record_of_the_wrong_width_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    table = table_of(tmp_path, (HEADER + "1,a\n").encode())
    ((line, cells),) = table.records()
    problem = table.width_problem(line, cells)
    assert (problem.line, problem.field) == (2, None)
    assert "2 cell(s) but the file has 3 column(s)" in problem.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-05-17", dt.date(2023, 5, 17)),
        ("2019-01-01 00:00:00.000", dt.date(2019, 1, 1)),
        ("2019-01-01T10:00:00", dt.date(2019, 1, 1)),
        (" 2023-05-17 ", dt.date(2023, 5, 17)),
        ("17 May 2023", None),  # only with that format given
        ("2023-02-30", None),
        ("", None),
    ],
)
def test_iso_dates(text: str, expected: dt.date | None) -> None:
    assert DateParser()(text) == expected


def test_memo_computes_each_key_once() -> None:
    calls: list[str] = []

    def upper(text: str) -> str:
        calls.append(text)
        return text.upper()

    memo = Memo(upper)
    assert [memo[k] for k in ("a", "b", "a", "a")] == ["A", "B", "A", "A"]
    assert calls == ["a", "b"]


@pytest.mark.parametrize(("text", "expected"), [("12", 12), ("12.0", 12), ("-1.0", -1), ("0", 0)])
def test_parse_int_accepts_float_written_integers(text: str, expected: int) -> None:
    assert parse_int(text) == expected


@pytest.mark.parametrize("text", ["12.5", "x", ""])
def test_parse_int_refuses_fractions_and_text(text: str) -> None:
    with pytest.raises(ValueError):
        parse_int(text)


@pytest.mark.parametrize(
    ("text", "expected"), [("299.0", "299"), ("-1.0", "-1"), ("2.5", "2.5"), ("Clear", "Clear")]
)
def test_int_text(text: str, expected: str) -> None:
    assert int_text(text) == expected
