"""Imports are idempotent, all or nothing, and survive being killed."""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conflictwatch.errors import ImportRejected
from conflictwatch.sources.datasets.synthetic import write_acled_csv
from conflictwatch.store import Store
from conflictwatch.store.exporters import export_csv
from conflictwatch.store.importing import ImportOptions, import_dataset

UCDP_SAMPLE = "ucdp-ged/ucdpged_v23_1_sample1000.csv"
ROWS = 40_000  # large enough that the import is caught mid-write


def _rewrite(
    source: Path,
    target: Path,
    change: dict[int, dict[str, str]] | None = None,
    drop: set[int] = frozenset(),
) -> Path:  # type: ignore[assignment]
    """Copy an ACLED-layout CSV, changing cells of some data rows (0-based) and dropping others."""
    with open(source, encoding="utf-8", newline="") as src:
        rows = list(csv.DictReader(src))
    with open(target, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        for i, row in enumerate(rows):
            if i in drop:
                continue
            writer.writerow({**row, **(change or {}).get(i, {})})
    return target


@pytest.fixture
def acled_file(tmp_path: Path) -> Path:
    return write_acled_csv(tmp_path / "acled.csv", 300)


def test_importing_the_ucdp_sample_twice_leaves_1000_events(
    fresh_store: Store, shared_data: Path
) -> None:
    path = shared_data / UCDP_SAMPLE
    first = import_dataset(fresh_store, "ucdp", path)
    assert (first.inserted, first.rejected) == (1000, 0)
    second = import_dataset(fresh_store, "ucdp", path)
    assert (second.inserted, second.updated, second.unchanged) == (0, 0, 1000)
    assert fresh_store.count() == 1000


def test_an_exported_csv_imports_back_to_the_same_events(
    fresh_store: Store, acled_file: Path, tmp_path: Path
) -> None:
    import_dataset(fresh_store, "acled", acled_file)
    exported = tmp_path / "export.csv"
    assert export_csv(fresh_store.events(), exported) == 300
    with Store.open(str(tmp_path / "other.db")) as other:
        report = import_dataset(other, "acled", exported)
        assert report.inserted == 300
        assert list(other.events()) == list(fresh_store.events())


def test_a_file_with_one_broken_row_changes_nothing(
    fresh_store: Store, acled_file: Path, tmp_path: Path
) -> None:
    import_dataset(fresh_store, "acled", acled_file)
    before = list(fresh_store.events())
    broken = _rewrite(
        acled_file,
        tmp_path / "broken.csv",
        change={0: {"fatalities": "7"}, 41: {"latitude": "north"}},
    )
    with pytest.raises(ImportRejected) as caught:
        import_dataset(fresh_store, "acled", broken)
    assert caught.value.total_bad_rows == 1
    [problem] = caught.value.problems
    assert (problem.line, problem.field, problem.value) == (43, "latitude", "north")
    assert "line 43" in str(caught.value)
    assert list(fresh_store.events()) == before  # the good change on row 0 was not applied


def test_skip_bad_imports_the_good_rows_and_writes_the_rejects(
    fresh_store: Store, acled_file: Path, tmp_path: Path
) -> None:
    broken = _rewrite(
        acled_file,
        tmp_path / "broken.csv",
        change={5: {"event_date": "2023-02-30"}, 9: {"fatalities": "-1"}},
    )
    report = import_dataset(fresh_store, "acled", broken, ImportOptions(skip_bad=True))
    assert (report.inserted, report.rejected) == (298, 2)
    assert report.rejects_path == str(broken) + ".rejects.csv"
    with open(report.rejects_path, encoding="utf-8", newline="") as handle:
        rejects = list(csv.DictReader(handle))
    assert [(r["line"], r["field"], r["value"]) for r in rejects] == [
        ("7", "event_date", "2023-02-30"),
        ("11", "fatalities", "-1"),
    ]
    assert rejects[0]["event_id_cnty"] == "SYN5"  # the original cells follow


def test_a_newer_export_updates_in_place_and_reports_what_disappeared(
    fresh_store: Store, acled_file: Path, tmp_path: Path
) -> None:
    import_dataset(fresh_store, "acled", acled_file)
    newer = _rewrite(
        acled_file, tmp_path / "newer.csv", change={3: {"fatalities": "99"}}, drop={10, 11}
    )
    report = import_dataset(fresh_store, "acled", newer)
    assert (report.inserted, report.updated, report.unchanged, report.absent) == (0, 1, 297, 2)
    assert fresh_store.get_event("acled:SYN3").fatalities == 99
    assert fresh_store.count() == 300  # kept until asked
    pruned = import_dataset(fresh_store, "acled", newer, ImportOptions(prune=True))
    assert (pruned.deleted, pruned.unchanged) == (2, 298)
    assert fresh_store.count() == 298


def test_a_duplicated_id_is_a_bad_row(fresh_store: Store, acled_file: Path, tmp_path: Path) -> None:
    dup = _rewrite(acled_file, tmp_path / "dup.csv", change={20: {"event_id_cnty": "SYN4"}})
    with pytest.raises(ImportRejected, match="duplicate id; first seen on line 6"):
        import_dataset(fresh_store, "acled", dup)
    assert fresh_store.count() == 0


def _import_in_child(path: Path, db: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "conflictwatch", "import", "acled", str(path), "--db", db],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_until_writing(db: Path, child: subprocess.Popen[bytes], limit: float = 60) -> None:
    """Return once the child holds the store's write lock: its import transaction is writing.

    (A fast import may keep its pages in SQLite's cache until it commits, so the size of the WAL
    file says little; another connection being refused the write lock is a sure sign.)
    """
    deadline = time.monotonic() + limit
    probe = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        while time.monotonic() < deadline:
            try:
                probe.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError:  # database is locked: the import is writing
                return
            probe.execute("ROLLBACK")
            assert child.poll() is None, child.stderr.read() if child.stderr else b""
            time.sleep(0.02)
    finally:
        probe.close()
    pytest.fail("the import never started writing")


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_an_interrupted_import_leaves_the_previous_state(
    tmp_path: Path, acled_file: Path, sig: signal.Signals
) -> None:
    db = tmp_path / "killed.db"
    with Store.open(str(db)) as store:
        import_dataset(store, "acled", acled_file)
        before = list(store.events())
    big = write_acled_csv(tmp_path / "big.csv", ROWS, seed=7)
    child = _import_in_child(big, str(db))
    _wait_until_writing(db, child)
    os.kill(child.pid, sig)
    assert child.wait(timeout=60) != 0
    with Store.open(str(db)) as store:
        assert list(store.events()) == before
        # and running it again completes the import
        report = import_dataset(store, "acled", big)
        assert (report.inserted, report.updated) == (ROWS - 300, 300)
    with Store.open(str(db)) as store:
        assert store.count() == ROWS
