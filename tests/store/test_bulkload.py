"""A file imports to the same stored rows and the same report column-wise as row by row."""

from __future__ import annotations

import csv
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

pytest.importorskip("pyarrow")

from conflictwatch.errors import ImportRejected, InputError
from conflictwatch.sources.datasets import acled_columns
from conflictwatch.sources.datasets.acled import COLUMNS
from conflictwatch.sources.datasets.synthetic import write_acled_csv
from conflictwatch.store import Store
from conflictwatch.store.importing import ImportOptions, ImportReport, import_dataset
from conflictwatch.store.schema import events

ROWS = 600


def _rows(store: Store) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(sa.select(events).order_by(events.c.pk)).mappings()]


def _edit(
    source: Path, target: Path, edit: Callable[[int, dict[str, str]], None], **kw: Any
) -> Path:
    with open(source, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for i, row in enumerate(rows):
        edit(i, row)
    with open(target, "w", encoding=kw.get("encoding", "utf-8"), newline="") as out:
        writer = csv.DictWriter(
            out, fieldnames=kw.get("columns", list(rows[0])), lineterminator=kw.get("eol", "\r\n"),
            extrasaction="ignore",
        )  # fmt: skip
        writer.writeheader()
        writer.writerows(rows)
    return target


def _varied(i: int, row: dict[str, str]) -> None:
    """Cells of every kind the column-wise reader treats apart."""
    rng = random.Random(i)
    kind = i % 11
    if kind == 1:
        row["notes"] = f"The group's fighters\nentered the village.\r\nSecond paragraph {i}."
    elif kind == 2:
        row["location"] = "Ménaka\xa0centre"  # a non-breaking space: repr escapes it
        row["notes"] = "Attaque près de « Ségou » — 3 morts, l'armée dément. Back\\slash"
    elif kind == 3:
        row["latitude"], row["longitude"] = "14", "-0.0"
    elif kind == 4:
        row["latitude"], row["longitude"] = "0.00001", "14.100"
    elif kind == 5:
        row["tags"] = "crowd size=around 200; local administrators"
        row["timestamp"] = ""
    elif kind == 6:
        row["interaction"] = "Rebel group-State forces" if row["inter1"] else ""
        row["inter1"], row["inter2"] = "Rebel group", "State forces"
        row["interaction"] = "Rebel group-State forces"
    elif kind == 7:
        row["event_date"] = "17 May 2023"
        row["year"] = "2023"
    elif kind == 8:
        row["actor2"] = "Unidentified Armed Group (Mali) 'west'"
        row["admin3"] = "日本"  # outside the plain-repr characters
    elif kind == 9:
        row["latitude"] = f"{rng.uniform(-89, 89):.12f}"
        row["iso"] = ""
    if i in (10, 555):
        row["event_id_cnty"] = f" SYN{i}"  # surrounding space: stripped by the per-row reader


@pytest.fixture
def varied(tmp_path: Path) -> Path:
    base = write_acled_csv(tmp_path / "base.csv", ROWS, seed=3)
    return _edit(base, tmp_path / "varied.csv", _varied)


def _both(path: Path, tmp_path: Path, options: ImportOptions | None = None) -> Iterator[Any]:
    """Import ``path`` into two fresh stores, row by row and column-wise."""
    options = options or ImportOptions()
    results = []
    for columnar in (False, True):
        store = Store.open(str(tmp_path / f"{columnar}.db"))
        opts = ImportOptions(
            skip_bad=options.skip_bad,
            rejects=tmp_path / f"{columnar}.rejects.csv" if options.skip_bad else None,
            prune=options.prune,
            columnar=columnar,
        )
        try:
            report: ImportReport | ImportRejected = import_dataset(store, "acled", path, opts)
        except ImportRejected as exc:
            report = exc
        results.append((store, report))
    return iter(results)


def _same_report(a: ImportReport, b: ImportReport) -> None:
    assert a.as_dict() | {"rejects_path": None} == b.as_dict() | {"rejects_path": None}
    assert a.problems == b.problems


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the blocks the column-wise reader builds as columns (to know it really ran)."""
    built: list[int] = []
    original = acled_columns._BlockChecker.build

    def build(self: Any, batch: Any, lines: Any) -> Any:
        result = original(self, batch, lines)
        built.append(0 if result is None else len(result))
        return result

    monkeypatch.setattr(acled_columns._BlockChecker, "build", build)
    return built


def test_every_stored_row_and_the_report_are_the_same(
    varied: Path, tmp_path: Path, spy: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(acled_columns, "BLOCK_BYTES", 40_000)  # many blocks of ~90 records
    (rows_store, by_rows), (cols_store, by_cols) = _both(varied, tmp_path)
    assert isinstance(by_rows, ImportReport) and isinstance(by_cols, ImportReport)
    _same_report(by_rows, by_cols)
    assert by_cols.inserted == ROWS
    assert _rows(rows_store) == _rows(cols_store)
    assert sum(n for n in spy if n) > ROWS // 2  # most blocks really went column-wise
    assert 0 in spy  # and blocks with odd cells went row by row
    # the row hashes agree: re-importing across the paths finds nothing changed
    again = import_dataset(cols_store, "acled", varied, ImportOptions(columnar=False))
    assert again.unchanged == ROWS
    again = import_dataset(rows_store, "acled", varied, ImportOptions(columnar=True))
    assert again.unchanged == ROWS


def test_a_clean_synthetic_file_goes_column_wise_and_matches(
    tmp_path: Path, spy: list[int]
) -> None:
    path = write_acled_csv(tmp_path / "clean.csv", 2_000, seed=11)
    (rows_store, by_rows), (cols_store, by_cols) = _both(path, tmp_path)
    _same_report(by_rows, by_cols)
    assert spy == [2_000]
    assert _rows(rows_store) == _rows(cols_store)


def test_an_older_layout_and_a_bom(tmp_path: Path, spy: list[int]) -> None:
    base = write_acled_csv(tmp_path / "base.csv", 300, seed=5)
    old = [c for c in COLUMNS if c not in ("disorder_type", "civilian_targeting", "tags",
                                           "timestamp", "iso", "admin3", "source_scale")]  # fmt: skip

    def upper(_i: int, row: dict[str, str]) -> None:
        row["interaction"] = ""

    path = _edit(base, tmp_path / "old.csv", upper, columns=old, encoding="utf-8-sig", eol="\n")
    (rows_store, by_rows), (cols_store, by_cols) = _both(path, tmp_path)
    _same_report(by_rows, by_cols)
    assert spy == [300]
    assert _rows(rows_store) == _rows(cols_store)


@pytest.mark.parametrize("skip_bad", [False, True])
def test_bad_rows_and_duplicates_are_reported_the_same(
    tmp_path: Path, skip_bad: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(acled_columns, "BLOCK_BYTES", 40_000)
    base = write_acled_csv(tmp_path / "base.csv", ROWS, seed=9)

    def spoil(i: int, row: dict[str, str]) -> None:
        if i == 50:
            row["latitude"] = "north"
        elif i == 120:
            row["event_id_cnty"] = "SYN7"  # a duplicate in a clean block
        elif i == 300:
            row["sub_event_type"] = "Peaceful protest"  # not a sub-type of the row's type
            row["fatalities"] = "-2"
        elif i == 301:
            row["event_id_cnty"] = "SYN300"  # the duplicate of a rejected row is not one

    path = _edit(base, tmp_path / "bad.csv", spoil)
    (rows_store, by_rows), (cols_store, by_cols) = _both(
        path, tmp_path, ImportOptions(skip_bad=skip_bad)
    )
    if skip_bad:
        assert isinstance(by_rows, ImportReport) and isinstance(by_cols, ImportReport)
        _same_report(by_rows, by_cols)
        assert by_cols.rejected == 3
        rejects = [(tmp_path / f"{c}.rejects.csv").read_text() for c in (False, True)]
        assert rejects[0] == rejects[1]
    else:
        assert isinstance(by_rows, ImportRejected) and isinstance(by_cols, ImportRejected)
        assert by_rows.problems == by_cols.problems
        assert by_rows.total_bad_rows == by_cols.total_bad_rows == 3
    assert _rows(rows_store) == _rows(cols_store)


def test_blank_lines_between_records_fall_back_to_reading_row_by_row(tmp_path: Path) -> None:
    path = write_acled_csv(tmp_path / "base.csv", 200, seed=2)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(100, "\n")
    lines[150] = lines[150].replace("SYN", "SYNX", 1).replace(",1,", ",9,", 1)  # bad after the gap
    path.write_text("".join(lines), encoding="utf-8")
    (rows_store, by_rows), (cols_store, by_cols) = _both(
        path, tmp_path, ImportOptions(skip_bad=True)
    )
    assert isinstance(by_rows, ImportReport) and isinstance(by_cols, ImportReport)
    _same_report(by_rows, by_cols)
    assert _rows(rows_store) == _rows(cols_store)


def test_a_newer_export_updates_and_prunes_the_same(tmp_path: Path) -> None:
    old = write_acled_csv(tmp_path / "old.csv", 400, seed=4)

    def change(i: int, row: dict[str, str]) -> None:
        if i % 7 == 0:
            row["fatalities"] = "99"
        if i % 13 == 0:
            row["notes"] += " Updated."

    newer = _edit(old, tmp_path / "new.csv", change)
    lines = newer.read_text(encoding="utf-8").splitlines(keepends=True)
    newer.write_text("".join(lines[:-20]), encoding="utf-8")  # the last 20 events disappeared
    reports = []
    stores = []
    for columnar in (False, True):
        store = Store.open(str(tmp_path / f"n{columnar}.db"))
        import_dataset(store, "acled", old, ImportOptions(columnar=False))
        opts = ImportOptions(prune=True, columnar=columnar)
        reports.append(import_dataset(store, "acled", newer, opts))
        stores.append(store)
    _same_report(*reports)
    assert reports[1].updated > 50 and reports[1].deleted == 20
    assert _rows(stores[0]) == _rows(stores[1])


@pytest.mark.postgres
def test_postgresql_stores_the_same_rows_both_ways(
    postgres_url: str, varied: Path, spy: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(acled_columns, "BLOCK_BYTES", 40_000)
    snapshots = []
    reports = []
    with Store.open(postgres_url) as store:
        for columnar in (False, True):
            reports.append(import_dataset(store, "acled", varied, ImportOptions(columnar=columnar)))
            rows = _rows(store)
            snapshots.append([{k: v for k, v in r.items() if k != "pk"} for r in rows])
            with store.engine.begin() as conn:
                conn.execute(events.delete())
    _same_report(*reports)
    assert reports[1].inserted == ROWS
    assert snapshots[0] == snapshots[1]
    assert all(r["search_text"] for r in snapshots[1])  # PostgreSQL searches a folded copy
    assert sum(spy) > ROWS // 2


def test_a_record_of_the_wrong_width_is_reported_as_row_by_row(tmp_path: Path) -> None:
    path = write_acled_csv(tmp_path / "base.csv", 300, seed=8)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[200] = lines[200].rstrip("\r\n") + ",extra cell\r\n"
    path.write_text("".join(lines), encoding="utf-8")
    (rows_store, by_rows), (cols_store, by_cols) = _both(
        path, tmp_path, ImportOptions(skip_bad=True)
    )
    assert isinstance(by_rows, ImportReport) and isinstance(by_cols, ImportReport)
    _same_report(by_rows, by_cols)
    assert [p.line for p in by_cols.problems] == [201]
    assert _rows(rows_store) == _rows(cols_store)


def test_bytes_that_are_not_utf8_give_the_same_error(tmp_path: Path) -> None:
    path = write_acled_csv(tmp_path / "base.csv", 300, seed=6)
    data = path.read_bytes().replace(b"Synthetic record 250.", b"Synth\xe9tic record 250.")
    path.write_bytes(data)
    errors = []
    for columnar in (False, True):
        with Store.open(str(tmp_path / f"u{columnar}.db")) as store:
            with pytest.raises(InputError) as caught:
                import_dataset(store, "acled", path, ImportOptions(columnar=columnar))
            errors.append(str(caught.value))
            assert store.count() == 0
    assert errors[0] == errors[1]
    assert "line 252" in errors[1]


def test_progress_adds_up_to_the_rows_read_also_after_starting_again(tmp_path: Path) -> None:
    path = write_acled_csv(tmp_path / "base.csv", 12_000, seed=2)  # progress comes per 5,000
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(9_000, "\n")  # blank lines make the column-wise reader give way at the end
    path.write_text("".join(lines), encoding="utf-8")
    told: list[int] = []
    with Store.open(str(tmp_path / "p.db")) as store:
        report = import_dataset(store, "acled", path, ImportOptions(columnar=True), told.append)
    assert report.read == 12_000
    assert any(n < 0 for n in told)  # the bar went back once
    assert sum(told) == 12_000


def test_strings_of_plain_characters_repr_between_single_quotes() -> None:
    """Every character the row hash writes without calling repr() is one repr() leaves alone."""
    import pyarrow as pa

    from conflictwatch.store.bulkload import _repr_strings

    ranges = [(0x20, 0x7E), (0xA1, 0x24F), (0x300, 0x36F), (0x2010, 0x2027), (0x2030, 0x205F)]
    texts = [chr(c) * 2 for a, b in ranges for c in range(a, b + 1)]
    texts += ["l'armée", 'say "no"', "tab\there", "nbsp\xa0", "日本", "back\\slash", ""]
    assert _repr_strings(pa.array(texts)).to_pylist() == [repr(t) for t in texts]


def test_floats_repr_as_python_writes_them() -> None:
    import pyarrow as pa

    from conflictwatch.store.bulkload import _repr_floats

    rng = random.Random(5)
    values = [14.0, -0.0, 0.0, 1e-05, 0.0001, -179.99999, 90.0, 1e16, 123456789012345680.0]
    values += [rng.uniform(-180, 180) for _ in range(5_000)]
    values += [round(rng.uniform(-90, 90), rng.randrange(0, 9)) for _ in range(5_000)]
    assert _repr_floats(pa.array(values)).to_pylist() == [repr(v) for v in values]
